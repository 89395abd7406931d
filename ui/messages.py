"""Messages for the analyst with data shown as literal text, never as Markdown.

Streamlit renders the text of ``st.success``/``info``/``warning``/``error``/``toast``, captions and
headers as Markdown. A place name, an outlet or an analyst's name such as ``![b](http://host/x.png)``
would make every viewer's browser fetch an outside URL, ``**x**`` would reformat the message, ``$…$``
would become a formula and ``:red[…]`` a colour. ``literal`` backslash-escapes every character Markdown
(and Streamlit's LaTeX and colour syntax) gives a meaning, so the text shows as typed; ``show`` draws a
whole message that way. tests/ui/test_messages.py checks that every message in ui/, pages/ and app.py
passes its data through here (numbers may go in as they are).
"""

from __future__ import annotations

import re
from typing import Any

# Characters with a meaning anywhere in a line: escapes, code, emphasis, links and images (and Streamlit's
# :colour[...] directives) all need one of these; HTML and autolinks need < >; $ opens LaTeX; & an entity.
_INLINE = re.compile(r"([\\`*_\[\]<>$~|&])")
# Characters with a meaning at the start of a line only: headings, quotes, lists, setext underlines, directives.
_LINE_START = re.compile(r"(?m)^([ \t]*)([#>+\-=:])")
_ORDERED_LIST = re.compile(r"(?m)^([ \t]*\d+)([.)])")
# What GFM would turn into a link (it finds URLs and e-mail addresses in the text after escapes are
# read, so escaping cannot stop it): shown in code formatting instead, as typed.
_LINKABLE = re.compile(r"(?i)(?:\b(?:https?://|ftp://|mailto:|www\.)|[\w.+-]+@[\w-]+\.)[^\s`]*")
KINDS = ("success", "info", "warning", "error", "toast")


def _escape(text: str) -> str:
    return _INLINE.sub(r"\\\1", text)


def literal(text: Any) -> str:
    """``text`` for Streamlit's Markdown, so it shows as typed: a place name like ``![x](http://…)`` stays
    text. Only what Markdown could read is escaped ("report #3 (2 events)." is left as it is), so
    messages stay readable in tests and logs; a URL or an e-mail address is put in code formatting."""
    s = str(text)
    parts, pos = [], 0
    for m in _LINKABLE.finditer(s):
        parts += [_escape(s[pos : m.start()]), f"`{m.group()}`"]
        pos = m.end()
    parts.append(_escape(s[pos:]))
    out = _LINE_START.sub(r"\1\\\2", "".join(parts))
    return _ORDERED_LIST.sub(r"\1\\\2", out)


def show(kind: str, text: Any, where: Any = None) -> None:
    """Draw a one-line message (``kind`` success|info|warning|error|toast) as literal text, in ``where``
    (a container or an ``st.empty()`` slot) or the page."""
    import streamlit as st

    if kind not in KINDS:
        kind = "info"
    target = st if where is None or kind == "toast" else where
    getattr(target, kind)(literal(text))
