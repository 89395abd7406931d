"""Rasd's extraction engine: an Arabic or English report becomes ACLED-style events.

``extract(text, published)`` returns the events; ``analyse`` also returns what each stage found
(places, actors, dates, triggers, numbers) for underlining in the Paste page, the unknown place
names and messages for the analyst. Deterministic: language data in ``data/``, no model, no network.
"""

from __future__ import annotations

import datetime as dt
import gc
from dataclasses import dataclass, field

from .errors import MAX_CHARS, InputError
from .event import Event, Evidence

__all__ = ["MAX_CHARS", "Analysis", "Event", "Evidence", "InputError", "Mention", "analyse", "extract"]


@dataclass(frozen=True)
class Mention:
    """Something a stage found, in original offsets: kind is place|actor|date|trigger|number|unknown_place."""

    start: int
    end: int
    text: str
    kind: str
    label: str


@dataclass
class Analysis:
    """Everything ``analyse`` found in one report."""

    text: str
    events: list[Event] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    unknown_places: list[Mention] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


def analyse(
    text: str,
    published: dt.date | str,
    source: str | None = None,
    extra_places: list[dict] | None = None,
    *,
    mentions: bool = True,
    disabled: frozenset[str] = frozenset(),
) -> Analysis:
    """Events plus the mentions behind them. Empty text gives no events and a message.

    ``mentions=False`` skips the underlining data (what ``extract`` needs is only the events);
    ``disabled`` names assembly rules to leave out (``python -m extraction ablate``).
    The cyclic garbage collector is paused while one report is read: the pipeline allocates many
    small objects and no long-lived cycles, and the collector's passes cost a third of the time.
    """
    return without_gc(_analyse, text, published, source, extra_places, mentions, disabled)


def without_gc(fn, *args):
    """``fn(*args)`` with the cyclic garbage collector off (as it was after)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return fn(*args)
    finally:
        if enabled:
            gc.enable()


def _assembled(
    text: str,
    published: dt.date | str,
    source: str | None,
    extra_places: list[dict] | None,
    disabled: frozenset[str],
    trace: bool = False,
):
    """(document, place mentions, assembly) of a non-empty report; InputError for a bad date or non-text."""
    from .assembly import assemble
    from .document import join_place_lists, make_document
    from .gazetteer import load_gazetteer
    from .places import find_places, unlisted_places
    from .published import parse_published

    pub = parse_published(published)
    if not isinstance(text, str):
        raise InputError("The report must be text")
    if not text.strip():
        return None
    doc = make_document(text)
    gaz = load_gazetteer(extra_places)
    places = find_places(doc.norm, extra_places=extra_places, gazetteer=gaz, source=source)
    places = sorted(places + unlisted_places(doc.norm, places, gaz, doc.type_words), key=lambda p: p.start)
    doc = join_place_lists(doc, [(p.start, p.end, p.place.id) for p in places])
    return doc, places, assemble(doc, pub, places, gaz, source, disabled=disabled, trace=trace)


def _analyse(
    text: str,
    published: dt.date | str,
    source: str | None,
    extra_places: list[dict] | None,
    mentions: bool,
    disabled: frozenset[str],
) -> Analysis:
    from .assembly import finish

    made = _assembled(text, published, source, extra_places, disabled)
    result = Analysis(text=text)
    if made is None:
        result.messages.append("No text to read")
        return result
    doc, places, asm = made
    result.events = finish(asm.drafts, doc, source)
    result.messages.extend(asm.messages)
    if mentions:
        result.mentions, result.unknown_places = _mentions(text, doc, places, asm.report)
    if not result.events:
        result.messages.append("No events found")
    return result


def _mentions(text: str, doc, places: list, report) -> tuple[list[Mention], list[Mention]]:
    """What each stage found (for underlining), and the unknown place names, in original offsets."""
    from .numbers import find_numbers
    from .places import find_unknown_places, is_unlisted

    def orig(s: int, e: int) -> tuple[int, int, str]:
        a, b = doc.span(s, e)
        return a, b, text[a:b]

    ms: list[Mention] = []
    for p in places:
        ms.append(Mention(p.start, p.end, p.text, "place", p.place.name_en))
    for a in report.actors:
        ms.append(Mention(*orig(a.start, a.end), "actor", a.name))
    for d in report.dates:
        label = d.best.isoformat() if d.precision == 1 else f"{d.dmin.isoformat()}..{d.dmax.isoformat()}"
        ms.append(Mention(*orig(d.start, d.end), "date", label))
    for m in doc.matches:
        if m.kind == "trigger":
            ms.append(Mention(*orig(m.start, m.end), "trigger", m.entry.get("sub_event_type")))
    for n in find_numbers(doc.text, doc.matches):
        ms.append(Mention(*orig(n.start, n.end), "number", str(n.value)))
    try:
        unknown = find_unknown_places(doc.norm, [p for p in places if not is_unlisted(p)])
    except Exception:  # noqa: BLE001 - a helper's failure must not lose the events
        unknown = []
    unknown_places = [Mention(a, b, text[a:b], "unknown_place", name) for a, b, name in unknown]
    ms.extend(unknown_places)  # original offsets already
    ms.sort(key=lambda m: (m.start, m.end))
    return ms, unknown_places


def extract(
    text: str,
    published: dt.date | str,
    source: str | None = None,
    extra_places: list[dict] | None = None,
    *,
    disabled: frozenset[str] = frozenset(),
) -> list[Event]:
    """The events a careful ACLED coder would take from the report (``disabled``: rules left out)."""
    return analyse(text, published, source, extra_places, mentions=False, disabled=disabled).events
