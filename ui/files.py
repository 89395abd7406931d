"""Uploaded report files (.txt, .html, .docx, .pdf) as plain text, or one clear reason why not.

Analysts receive reports as Word documents, saved web pages and PDFs; each becomes a report's text.
"""

from __future__ import annotations

import io
import re
from datetime import date
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import PurePath

SUPPORTED = ("txt", "html", "htm", "docx", "pdf")


class UnreadableFile(ValueError):
    """A file that cannot become report text; the message is one line for the analyst."""


class _TextOfHtml(HTMLParser):
    """Visible text of an HTML page: scripts and styles dropped, blocks become line breaks."""

    BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "title"}
    SKIP = {"script", "style", "noscript", "template", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableFile(f"{name}: this looks like a binary file, not text")
    for enc in ("utf-8-sig", "utf-16", "cp1256"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        return text
    raise UnreadableFile(f"{name}: the text is neither UTF-8 nor Windows Arabic (cp1256)")


def _docx_text(data: bytes, name: str) -> str:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many types for a bad file
        raise UnreadableFile(f"{name}: not a readable Word (.docx) document") from exc
    paragraphs = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            paragraphs.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(paragraphs).strip()


def _pdf_text(data: bytes, name: str) -> str:
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise UnreadableFile(f"{name}: not a PDF file")
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadableFile(f"{name}: the PDF is password-protected")
        text = "\n\n".join((page.extract_text() or "").strip() for page in reader.pages)
    except UnreadableFile:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many types for a damaged file
        raise UnreadableFile(f"{name}: the PDF is damaged or unreadable") from exc
    text = text.strip()
    if not text:
        raise UnreadableFile(f"{name}: the PDF has no text layer (a scan?); paste the text instead")
    return text


def file_to_text(name: str, data: bytes) -> str:
    """The report text of one uploaded file; raises :class:`UnreadableFile` with a one-line reason."""
    ext = PurePath(name).suffix.lower().lstrip(".")
    if not data:
        raise UnreadableFile(f"{name}: the file is empty")
    if ext == "docx":
        text = _docx_text(data, name)
    elif ext == "pdf":
        text = _pdf_text(data, name)
    elif ext in ("html", "htm"):
        text = html_to_text(_decode(data, name))
    elif ext == "txt":
        text = _decode(data, name)
    else:
        raise UnreadableFile(f"{name}: .{ext or '?'} files are not supported (use {', '.join(SUPPORTED)})")
    text = text.strip()
    if not text:
        raise UnreadableFile(f"{name}: no text found in the file")
    return text


_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")


def _month_names() -> dict[str, int]:
    """Folded month names (Levantine and Egyptian Arabic, English) from extraction's data/months.csv."""
    from extraction.lexicon import read_table
    from extraction.normalise import fold

    return {fold(r["name"]): int(r["month"]) for r in read_table("months.csv")}


@lru_cache(maxsize=1)
def _date_patterns() -> tuple[dict[str, int], re.Pattern[str], re.Pattern[str]]:
    months = _month_names()
    mon = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))
    mon2 = rf"({mon})(?:\s*/\s*(?:{mon}))?"  # "آب/أغسطس"
    dmy = re.compile(rf"(?<!\d)(\d{{1,2}})\s+{mon2}\s*,?\s+(\d{{4}})", re.IGNORECASE)
    mdy = re.compile(rf"{mon2}\s+(\d{{1,2}}),?\s+(\d{{4}})", re.IGNORECASE)
    return months, dmy, mdy


def published_date_line(text: str) -> date | None:
    """The date a report carries on one of its first or last lines ("19 آب 2024", "2024-08-19",
    "Published: August 19, 2024"), to offer as its publication date; None when there is none."""
    from extraction.normalise import fold

    lines = [fold(ln.strip()) for ln in (text or "").splitlines() if ln.strip()]
    candidates = lines[:4] + lines[-2:]
    months, day_month_year, month_day_year = _date_patterns()
    for line in candidates:
        if len(line) > 200:
            line = line[:200]
        for pattern, order in ((_ISO_DATE, "ymd"), (day_month_year, "dmy"), (month_day_year, "mdy")):
            m = pattern.search(_to_western_digits(line))
            if not m:
                continue
            try:
                if order == "ymd":
                    return date(int(m[1]), int(m[2]), int(m[3]))
                if order == "dmy":
                    return date(int(m[3]), months[m[2].lower()], int(m[1]))
                return date(int(m[3]), months[m[1].lower()], int(m[2]))
            except (ValueError, KeyError):
                continue
    return None


def _to_western_digits(s: str) -> str:
    return s.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789"))
