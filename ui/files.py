"""Uploaded report files (.txt, .html, .docx, .pdf) as plain text, or one clear reason why not.

Analysts receive reports as Word documents, saved web pages and PDFs; each becomes a report's text.
Sizes are checked while reading, not after: a .docx is a zip whose parts are unpacked in bounded chunks
with a running total (its own size claims are not trusted), its text counted as it is parsed; a PDF's
pages are counted and its text stops at the limit; a web page's length is checked before parsing and its
text as it accumulates. A 1 MB file that would unpack to a hundred million characters is refused in
well under a second, in a few megabytes of memory.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import PurePath
from xml.etree.ElementTree import ParseError, XMLPullParser

from extraction.errors import MAX_CHARS, too_long

SUPPORTED = ("txt", "html", "htm", "docx", "pdf")
MAX_UNPACKED = 64_000_000  # bytes of all a .docx's parts together (python-docx reads every part)
MAX_XML_PART = 16_000_000  # bytes of one XML part: several times the markup of a report of MAX_CHARS
MAX_ZIP_ENTRIES = 2_000
MAX_PDF_PAGES = 2_000
MAX_HTML_BYTES = 20_000_000  # a saved web page: markup and scripts around at most MAX_CHARS of text
CHUNK = 1 << 20
W_TEXT = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"


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


def html_to_text(markup: str, max_chars: int | None = None, name: str = "the page") -> str:
    """The page's visible text; with ``max_chars``, UnreadableFile as soon as the text passes it."""
    parser = _TextOfHtml()
    seen, counted = 0, 0
    for start in range(0, len(markup), CHUNK):
        parser.feed(markup[start : start + CHUNK])
        if max_chars is not None:
            counted += sum(len(p) for p in parser.parts[seen:])
            seen = len(parser.parts)
            if counted > max_chars:
                raise UnreadableFile(f"{name}: {too_long_early(max_chars)}")
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


def too_long_early(max_chars: int) -> str:
    """Refusing a file whose text passed the limit before all of it was read (so its length is unknown)."""
    return f"the text is longer than {max_chars:,} characters, the most Rasd takes per report"


def _chunks(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """An entry's bytes in chunks of at most CHUNK: zipfile's own ``read()`` inflates a whole entry at
    once, however small the size it claims, so a lying entry could take gigabytes."""
    with zf.open(info) as f:
        while chunk := f.read(CHUNK):
            yield chunk


def _docx_part_text(chunks: Iterator[bytes], max_chars: int) -> int:
    """Characters of text (``w:t``) in the main part, counted as it is parsed; stops past ``max_chars``."""
    parser = XMLPullParser(events=("start", "end"))
    stack: list = []
    count = 0
    for chunk in chunks:
        parser.feed(chunk)
        for event, elem in parser.read_events():
            if event == "start":
                stack.append(elem)
                continue
            stack.pop()
            if elem.tag == W_TEXT:
                count += len(elem.text or "")
            elem.clear()
            if stack:
                stack[-1].remove(elem)  # parsed elements do not pile up in memory
        if count > max_chars:
            return count
    return count


def _unpacked_docx(data: bytes, name: str, max_chars: int) -> bytes:
    """The .docx with every part unpacked under the size limits and stored again uncompressed, so that
    python-docx reads only what was checked; UnreadableFile as soon as a limit is passed."""
    bad = UnreadableFile(f"{name}: not a readable Word (.docx) document")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise bad from None
    claimed = sum(i.file_size for i in infos)
    if len(infos) > MAX_ZIP_ENTRIES or claimed > MAX_UNPACKED:
        raise UnreadableFile(f"{name}: the document unpacks to {claimed / 1e6:,.0f} MB, more than Rasd reads")
    out = io.BytesIO()
    total = text = 0
    try:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as clean:
            for info in infos:
                xml = info.filename.endswith((".xml", ".rels"))
                limit = MAX_XML_PART if xml else MAX_UNPACKED
                parts: list[bytes] = []
                size = 0
                for chunk in _chunks(zf, info):
                    size += len(chunk)
                    total += len(chunk)
                    if size > limit or total > MAX_UNPACKED:
                        raise UnreadableFile(f"{name}: the document unpacks to more than Rasd reads")
                    parts.append(chunk)
                if xml:  # the body, and headers, footers, notes: whatever part python-docx takes as text
                    text += _docx_part_text(iter(parts), max_chars - text)
                    if text > max_chars:
                        raise UnreadableFile(f"{name}: {too_long_early(max_chars)}")
                clean.writestr(info.filename, b"".join(parts))
    except UnreadableFile:
        raise
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, ParseError, RuntimeError):
        raise bad from None
    return out.getvalue()


def _docx_text(data: bytes, name: str, max_chars: int = MAX_CHARS) -> str:
    import docx

    checked = _unpacked_docx(data, name, max_chars)
    try:
        document = docx.Document(io.BytesIO(checked))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many types for a bad file
        raise UnreadableFile(f"{name}: not a readable Word (.docx) document") from exc
    paragraphs = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            paragraphs.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(paragraphs).strip()


def _pdf_text(data: bytes, name: str, max_chars: int = MAX_CHARS) -> str:
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise UnreadableFile(f"{name}: not a PDF file")
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadableFile(f"{name}: the PDF is password-protected")
        pages = len(reader.pages)
        if pages > MAX_PDF_PAGES:
            raise UnreadableFile(f"{name}: the PDF has {pages:,} pages; Rasd reads at most {MAX_PDF_PAGES:,}")
        texts, count = [], 0
        for page in reader.pages:
            texts.append((page.extract_text() or "").strip())
            count += len(texts[-1]) + 2
            if count > max_chars + 2:
                raise UnreadableFile(f"{name}: {too_long_early(max_chars)}")
        text = "\n\n".join(texts)
    except UnreadableFile:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many types for a damaged file
        raise UnreadableFile(f"{name}: the PDF is damaged or unreadable") from exc
    text = text.strip()
    if not text:
        raise UnreadableFile(f"{name}: the PDF has no text layer (a scan?); paste the text instead")
    return text


def file_to_text(name: str, data: bytes, max_chars: int = MAX_CHARS) -> str:
    """The report text of one uploaded file; raises :class:`UnreadableFile` with a one-line reason,
    as soon as the file or its text is known to pass ``max_chars`` (the app's limit per report)."""
    ext = PurePath(name).suffix.lower().lstrip(".")
    if not data:
        raise UnreadableFile(f"{name}: the file is empty")
    if ext == "docx":
        text = _docx_text(data, name, max_chars)
    elif ext == "pdf":
        text = _pdf_text(data, name, max_chars)
    elif ext in ("html", "htm"):
        if len(data) > MAX_HTML_BYTES:
            raise UnreadableFile(f"{name}: the page is {len(data) / 1e6:,.0f} MB, more than Rasd reads")
        text = html_to_text(_decode(data, name), max_chars, name)
    elif ext == "txt":
        if len(data) > 4 * max_chars + 3:  # UTF-8 takes at most 4 bytes a character (+3 for a BOM)
            raise UnreadableFile(f"{name}: {too_long_early(max_chars)}")
        text = _decode(data, name)
    else:
        raise UnreadableFile(f"{name}: .{ext or '?'} files are not supported (use {', '.join(SUPPORTED)})")
    text = text.strip()
    if not text:
        raise UnreadableFile(f"{name}: no text found in the file")
    if len(text) > max_chars:
        raise UnreadableFile(f"{name}: {too_long(len(text), max_chars)}")
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
