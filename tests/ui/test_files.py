"""ui.files: uploaded .txt/.html/.docx/.pdf become report text, anything else a one-line reason."""

from __future__ import annotations

import io
import struct
import tracemalloc
import zipfile
from datetime import date

import docx
import pytest

from extraction.errors import MAX_CHARS
from ui import files
from ui.files import UnreadableFile, file_to_text, html_to_text, published_date_line

ARABIC = "قصفت القوات التركية قرية تل تمر صباح الاثنين"


def minimal_pdf(line: str) -> bytes:
    """A one-page PDF with one line of Helvetica text, xref offsets computed (pypdf cannot write text)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({line}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{n} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def test_txt_utf8_and_cp1256():
    assert file_to_text("r.txt", ARABIC.encode("utf-8")) == ARABIC
    assert file_to_text("r.txt", ("\ufeff" + ARABIC).encode("utf-8")) == ARABIC
    assert file_to_text("r.txt", ARABIC.encode("cp1256")) == ARABIC


def test_html_keeps_visible_text_only():
    page = (
        "<html><head><title>t</title><script>var x = '<p>no</p>';</script><style>p{}</style></head>"
        f"<body><h1>عنوان</h1><p>{ARABIC}</p><p>a &amp; b</p></body></html>"
    )
    text = file_to_text("r.html", page.encode("utf-8"))
    assert text.splitlines() == ["عنوان", "", ARABIC, "", "a & b"]
    assert "var x" not in text
    assert html_to_text("<div>one<br>two</div>") == "one\ntwo"


def test_docx_round_trip():
    document = docx.Document()
    document.add_paragraph("عنوان التقرير")
    document.add_paragraph(ARABIC)
    buf = io.BytesIO()
    document.save(buf)
    assert file_to_text("r.docx", buf.getvalue()) == "عنوان التقرير\n" + ARABIC


def test_pdf_text_layer():
    assert (
        file_to_text("r.pdf", minimal_pdf("Shelling on Qamishli, two killed"))
        == "Shelling on Qamishli, two killed"
    )


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("r.pdf", b"this is not a pdf", "not a PDF"),
        ("r.pdf", b"%PDF-1.4 garbage", "damaged"),
        ("r.docx", b"PK\x03\x04 not really a zip", "not a readable Word"),
        ("r.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("r.txt", b"", "empty"),
        ("r.txt", b"   \n  ", "no text"),
        ("r.exe", b"MZ", "not supported"),
    ],
)
def test_unreadable_files_say_why(name, data, reason):
    with pytest.raises(UnreadableFile) as err:
        file_to_text(name, data)
    assert reason in str(err.value) and "\n" not in str(err.value)


def test_published_date_line():
    assert published_date_line("Published: August 19, 2024\nShelling…") == date(2024, 8, 19)
    assert published_date_line("القامشلي - ٢٠٢٤-٠٨-١٩\nنص") == date(2024, 8, 19)
    assert published_date_line("no date here\nat all") is None
    assert published_date_line("2024-02-31 is not a day") is None


def test_published_date_line_arabic_months():
    assert published_date_line("القامشلي - 19 آب 2024\nنص التقرير") == date(2024, 8, 19)
    assert published_date_line("الاثنين ١٩ آب/أغسطس ٢٠٢٤\nنص") == date(2024, 8, 19)
    assert published_date_line("نص\n\nنشر في 3 كانون الثاني 2025") == date(2025, 1, 3)


# ---------------------------------------------------------------- sizes checked while reading


def crafted_docx(paragraphs: int, words: str) -> bytes:
    """A real .docx whose document.xml holds ``paragraphs`` paragraphs of ``words``, written streaming
    (deflate shrinks the repetition about 250 times: 95,000 paragraphs are 0.7 MB on disk)."""
    d = docx.Document()
    d.add_paragraph("x")
    buf = io.BytesIO()
    d.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    xml = src.read("word/document.xml").decode("utf-8")
    head, tail = xml.split("<w:body>")[0] + "<w:body>", "</w:body></w:document>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                z.writestr(info.filename, src.read(info.filename))
        with z.open("word/document.xml", "w") as f:
            f.write(head.encode("utf-8"))
            block = f"<w:p><w:r><w:t>{words}</w:t></w:r></w:p>".encode() * 1000
            for _ in range(paragraphs // 1000):
                f.write(block)
            f.write(tail.encode("utf-8"))
    return out.getvalue()


def lie_about_size(data: bytes, member: str, size: int) -> bytes:
    """The zip with ``member``'s uncompressed size rewritten (local header and central directory)."""
    b = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(member)
    struct.pack_into("<I", b, info.header_offset + 22, size)
    i = 0
    while (i := b.find(b"PK\x01\x02", i)) >= 0:
        n = struct.unpack_from("<H", b, i + 28)[0]
        if bytes(b[i + 46 : i + 46 + n]) == member.encode():
            struct.pack_into("<I", b, i + 24, size)
        i += 4
    return bytes(b)


def refused_within(data: bytes, name: str, max_bytes: int, **kwargs) -> str:
    """The one-line refusal, asserting the reading peaked under ``max_bytes`` of Python memory."""
    tracemalloc.start()
    try:
        with pytest.raises(UnreadableFile) as err:
            file_to_text(name, data, **kwargs)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < max_bytes, f"peak {peak:,} bytes"
    assert "\n" not in str(err.value)
    return str(err.value)


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """The probe's file: under 1 MB, its text 87 million characters (164 MB of XML)."""
    return crafted_docx(95_000, "قصف مدفعي على القامشلي " * 40)


def test_a_docx_bomb_is_refused_before_it_is_unpacked(bomb: bytes) -> None:
    assert len(bomb) < 1_000_000
    assert "unpacks to 164 MB" in refused_within(bomb, "bomb.docx", 2_000_000)


def test_a_docx_that_lies_about_its_size_is_read_in_bounded_chunks(bomb: bytes) -> None:
    liar = lie_about_size(bomb, "word/document.xml", 5_000)  # zipfile's read() would inflate all 164 MB
    assert "not a readable Word" in refused_within(liar, "liar.docx", 30_000_000)


def test_a_docx_over_the_character_limit_stops_counting_early() -> None:
    data = crafted_docx(2_000, "Shelling hit Qamishli today. " * 20)  # 1.16M characters in 1.3 MB of XML
    msg = refused_within(data, "long.docx", 40_000_000)
    assert f"longer than {MAX_CHARS:,} characters" in msg
    assert file_to_text("long.docx", data, max_chars=1_200_000).count("\n") == 1_999  # under a raised limit


def test_a_20_mb_text_is_refused_without_decoding() -> None:
    data = "قصف مدفعي على القامشلي. ".encode() * 500_000
    assert len(data) > 20_000_000
    assert f"longer than {MAX_CHARS:,} characters" in refused_within(data, "big.txt", 1_000_000)
    assert "has 1,000,001 characters" in refused_within(b"x" * (MAX_CHARS + 1), "a.txt", 20_000_000)


def test_html_length_and_text_are_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    page = ("<p>" + "Shelling hit Qamishli. " * 10 + "</p><script>" + "x" * 500 + "</script>") * 200
    assert "longer than 1,000 characters" in refused_within(
        page.encode(), "p.html", 5_000_000, max_chars=1_000
    )
    monkeypatch.setattr(files, "MAX_HTML_BYTES", 10_000)
    assert "more than Rasd reads" in refused_within(page.encode(), "p.html", 5_000_000)


def test_pdf_pages_and_text_are_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = minimal_pdf("Shelling on Qamishli, two killed")
    assert "longer than 10 characters" in refused_within(pdf, "r.pdf", 5_000_000, max_chars=10)
    monkeypatch.setattr(files, "MAX_PDF_PAGES", 0)
    assert "the PDF has 1 pages; Rasd reads at most 0" in refused_within(pdf, "r.pdf", 5_000_000)
