"""ui.messages: data in the analyst's messages is literal text, never Markdown.

A scan of ui/, pages/ and app.py checks every message call (st.success, info, warning, error, toast,
caption, markdown, headers): data must go through ``ui.messages.literal``/``show`` (numbers may go in as
they are), and no message kind is chosen at run time except in ``ui.messages.show``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from ui.messages import literal

ROOT = Path(__file__).resolve().parents[2]
MESSAGE_CALLS = {"success", "info", "warning", "error", "toast", "exception", "caption", "markdown", "write",
                 "title", "header", "subheader"}  # fmt: skip
# Calls whose result is safe inside a message: escaped text, numbers, the map's fixed caption.
SAFE_CALLS = {"literal", "md_escape", "int", "len", "float", "mode_caption"}


def _safe(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Call):
        f = node.func
        name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
        return name in SAFE_CALLS
    if isinstance(node, ast.JoinedStr):
        return all(
            isinstance(v, ast.Constant)
            or (isinstance(v, ast.FormattedValue) and (v.format_spec or _safe(v.value)))
            for v in node.values
        )
    if isinstance(node, ast.BinOp):
        return _safe(node.left) and _safe(node.right)
    if isinstance(node, ast.IfExp):
        return _safe(node.body) and _safe(node.orelse)
    return False


def unsafe_messages(path: Path) -> list[str]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        if isinstance(f, ast.Attribute) and f.attr in MESSAGE_CALLS:
            arg = (
                node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "body"), None)
            )
            if arg is not None and not _safe(arg):
                out.append(f"{path.relative_to(ROOT)}:{node.lineno}: {f.attr}({ast.unparse(arg)[:70]})")
        dynamic = isinstance(f, ast.Call) and isinstance(f.func, ast.Name) and f.func.id == "getattr"
        if dynamic and path.name != "messages.py":
            out.append(
                f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:70]} (use ui.messages.show)"
            )
    return out


def test_every_message_shows_its_data_as_literal_text():
    files = [*sorted((ROOT / "ui").glob("*.py")), *sorted((ROOT / "pages").glob("*.py")), ROOT / "app.py"]
    problems = [p for f in files for p in unsafe_messages(f)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("![b](http://host/x.png)", r"!\[b\](`http://host/x.png)`"),
        ("قرية **الخير**", r"قرية \*\*الخير\*\*"),
        ("$x^2$ :red[alert] <img src=x> &lt;", r"\$x^2\$ :red\[alert\] \<img src=x\> \&lt;"),
        ("a_b_c `code` ~~x~~ | y", r"a\_b\_c \`code\` \~\~x\~\~ \| y"),
        ("# h\n- item\n2. two\n> q", "\\# h\n\\- item\n2\\. two\n\\> q"),
        ("see www.e.vil, https://e.vil or a@e.vil", "see `www.e.vil,` `https://e.vil` or `a@e.vil`"),
        ("Saved report #3 with 2 event(s): North-east.", "Saved report #3 with 2 event(s): North-east."),
    ],
)
def test_literal_escapes_what_markdown_reads_and_nothing_else(text: str, escaped: str) -> None:
    assert literal(text) == escaped
