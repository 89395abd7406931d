"""ui.files: uploaded .txt/.html/.docx/.pdf become report text, anything else a one-line reason."""

from __future__ import annotations

import io
from datetime import date

import docx
import pytest

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
