"""The report as HTML with each event's evidence highlighted and recognised mentions underlined.

Report text is untrusted data: every character of it goes through ``html.escape`` and nothing else from
the text reaches the markup, so a report containing ``<script>`` or ``onerror=`` shows those characters.
Spans may overlap or nest (an event's evidence contains a place; two events share a clause), so the text
is cut at every span boundary and each segment is wrapped in the spans covering it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ui.messages import literal

# Light backgrounds that keep black text readable; an event's number picks one (cycling).
EVENT_COLOURS = (
    "#ffe08a",
    "#a8e6cf",
    "#ffc3a0",
    "#b5d8ff",
    "#f5b8e0",
    "#d4c5ff",
    "#c8f08f",
    "#ffd1d1",
    "#9fe8e8",
    "#e8d3a9",
)
# How each kind of mention is underlined (distinct line styles, so colour is not the only cue).
MENTION_STYLES = {
    "place": "text-decoration: underline solid #1f5fbf 2px; text-underline-offset: 4px;",
    "unknown_place": "text-decoration: underline wavy #c0392b 2px; text-underline-offset: 4px;",
    "actor": "text-decoration: underline dashed #7b2d8e 2px; text-underline-offset: 4px;",
    "date": "text-decoration: underline dotted #1e7f4f 2px; text-underline-offset: 4px;",
    "trigger": "text-decoration: underline double #8a5a00 1px; text-underline-offset: 4px;",
    "number": "text-decoration: underline solid #555555 1px; text-underline-offset: 4px;",
}
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class Span:
    """A piece of the report to mark: an event's evidence (``kind="event"``, ``index`` its number)
    or a mention (``kind`` place|actor|date|trigger|number|unknown_place)."""

    start: int
    end: int
    kind: str
    label: str = ""
    index: int | None = None


def text_direction(text: str) -> str:
    """ "rtl" when Arabic letters outnumber Latin ones, else "ltr"."""
    return (
        "rtl" if len(_ARABIC.findall(text)) >= len(_LATIN.findall(text)) and _ARABIC.search(text) else "ltr"
    )


def event_colour(index: int) -> str:
    return EVENT_COLOURS[(index - 1) % len(EVENT_COLOURS)]


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def event_spans(events: Iterable[Any], labels: Iterable[str] | None = None) -> list[Span]:
    """Evidence spans numbered 1.. from extraction Events, event dicts, or store rows
    (``evidence`` object/dict, or ``evidence_start``/``evidence_end`` columns)."""
    labels = list(labels) if labels is not None else None
    spans = []
    for i, ev in enumerate(events, start=1):
        evidence = _get(ev, "evidence")
        if evidence is not None and not isinstance(evidence, str):
            start, end = _get(evidence, "start"), _get(evidence, "end")
        else:
            start, end = _get(ev, "evidence_start"), _get(ev, "evidence_end")
        if start is None or end is None:
            continue
        try:
            start, end = int(start), int(end)
        except (TypeError, ValueError):
            continue
        if labels is not None and i - 1 < len(labels):
            label = labels[i - 1]
        else:
            parts = [
                str(_get(ev, k) or "") for k in ("event_type", "sub_event_type", "location", "event_date")
            ]
            label = " · ".join(p for p in parts if p)
        spans.append(Span(start, end, "event", f"Event {i}: {label}" if label else f"Event {i}", i))
    return spans


def mention_spans(mentions: Iterable[Any]) -> list[Span]:
    """Spans from extraction Mentions (start, end, text, kind, label) or dicts with those keys."""
    out = []
    for m in mentions:
        kind = str(_get(m, "kind") or "")
        if kind not in MENTION_STYLES:
            continue
        label = _get(m, "label") or _get(m, "text") or ""
        out.append(
            Span(int(_get(m, "start")), int(_get(m, "end")), kind, f"{kind.replace('_', ' ')}: {label}")
        )
    return out


def _segments(n: int, spans: list[Span]) -> list[tuple[int, int, list[Span]]]:
    """The text cut at every span boundary, each piece with the spans covering it (in input order).

    One pass over the sorted boundaries keeps the spans open at each point, so the work grows with the
    text and the number of spans, not with their product (a 581K-character paste took 104 s when every
    piece looked at every span).
    """
    opens: dict[int, list[int]] = {}
    closes: dict[int, list[int]] = {}
    for k, s in enumerate(spans):
        opens.setdefault(s.start, []).append(k)
        closes.setdefault(s.end, []).append(k)
    bounds = sorted({0, n, *opens, *closes})
    active: dict[int, Span] = {}
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        for k in closes.get(a, ()):
            active.pop(k, None)
        for k in opens.get(a, ()):
            active[k] = spans[k]
        out.append((a, b, [active[k] for k in sorted(active)]))
    return out


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _wrap(piece: str, covering: list[Span]) -> str:
    """Escaped text inside its event marks (outermost, by number) and mention underlines."""
    events = sorted((s for s in covering if s.kind == "event"), key=lambda s: s.index or 0)
    mentions = sorted((s for s in covering if s.kind != "event"), key=lambda s: (s.start, -s.end))
    out = html.escape(piece, quote=True)
    for m in reversed(mentions):
        out = (
            f'<span class="rasd-m rasd-{m.kind}" style="{MENTION_STYLES[m.kind]}" '
            f'title="{_attr(m.label)}">{out}</span>'
        )
    for k, e in reversed(list(enumerate(events))):
        # A second event over the same words gets an outline in its colour so both stay visible.
        extra = f"box-shadow: 0 0 0 2px {event_colour(e.index or 1)} inset;" if k else ""
        bg = "" if k else f"background:{event_colour(e.index or 1)};"
        out = (
            f'<mark class="rasd-ev" data-event="{e.index}" style="{bg}{extra}padding:0 1px;'
            f'border-radius:3px;color:inherit" title="{_attr(e.label)}">{out}</mark>'
        )
    return out


def _badge(span: Span) -> str:
    return (
        f'<sup class="rasd-badge" data-event="{span.index}" style="background:{event_colour(span.index or 1)};'
        "border:1px solid #444;border-radius:8px;padding:0 5px;margin:0 2px;font-size:0.7em;"
        f'font-weight:bold;color:#222" title="{_attr(span.label)}">{span.index}</sup>'
    )


def highlight_html(
    text: str,
    spans: Iterable[Span | Any],
    direction: str | None = None,
    *,
    dir: str | None = None,  # noqa: A002 - the contract's spelling; ``direction`` is the same thing
) -> str:
    """The whole report as one escaped ``<div dir=...>`` with evidence marks, badges and underlines.

    ``spans`` are :class:`Span` objects or extraction Mentions; offsets out of range are clipped.
    ``direction`` ("rtl"/"ltr") defaults to the text's script.
    """
    text = text or ""
    direction = direction or dir or text_direction(text)
    if direction not in ("rtl", "ltr"):
        direction = text_direction(text)
    n = len(text)
    clean: list[Span] = []
    for s in spans:
        if not isinstance(s, Span):
            s = (mention_spans([s]) or [None])[0]
            if s is None:
                continue
        a, b = max(0, min(n, s.start)), max(0, min(n, s.end))
        if a < b:
            clean.append(Span(a, b, s.kind, s.label, s.index))
    starts: dict[int, list[Span]] = {}
    for s in clean:
        if s.kind == "event":
            starts.setdefault(s.start, []).append(s)
    parts = []
    for a, b, covering in _segments(n, clean):
        for s in sorted(starts.pop(a, []), key=lambda s: s.index or 0):
            parts.append(_badge(s))
        parts.append(_wrap(text[a:b], covering))
    align = "right" if direction == "rtl" else "left"
    return (
        f'<div class="rasd-report" dir="{direction}" lang="{"ar" if direction == "rtl" else "en"}" '
        f'style="white-space:pre-wrap;line-height:2.1;text-align:{align};font-size:1.05rem;'
        "padding:0.8rem 1rem;border:1px solid #ddd;border-radius:6px;background:#fffdf8;"
        f'max-height:640px;overflow-y:auto">{"".join(parts)}</div>'
    )


def legend_html() -> str:
    """A one-line key to the underline styles (static text, no report data)."""
    items = [
        f'<span style="{MENTION_STYLES[k]}">{html.escape(k.replace("_", " "))}</span>'
        for k in ("place", "unknown_place", "actor", "date", "trigger", "number")
    ]
    return '<div style="font-size:0.85rem;color:#444">' + " &nbsp; ".join(items) + "</div>"


_SENTENCE = re.compile(r"[^.!?؟\n]+[.!?؟]*")


def sentence_spans(text: str) -> list[tuple[int, int, str]]:
    """The report's sentences as (start, end, text) with ``text == report[start:end]``, no outer spaces:
    the choices an analyst has for a hand-added event's evidence."""
    out = []
    for m in _SENTENCE.finditer(text or ""):
        piece = m.group()
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        start, end = m.start() + lead, m.end() - trail
        if start < end:
            out.append((start, end, text[start:end]))
    return out


# Report data shown through Streamlit's Markdown (labels, messages): ui.messages.literal, under its old name.
md_escape = literal
