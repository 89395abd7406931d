"""Why each event looks as it does: the rules that fired for it, in order, and what each changed.

``explain(text, published, source)`` runs the extractor with its tracer on and returns, per event, the
steps that shaped it: what a stage started from ("the clause names Diban, Deir ez-Zor (broad)"), then
each rule that changed something (a trigger dropped or retyped, a place chosen, an actor picked, a merge),
with the rule's own first docstring line as the reason. Sentences with event words that made no event
keep their steps too. ``python -m extraction explain`` prints it; the Review page shows one event's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .assembly.trace import QuietSentence, Step
from .event import Event

__all__ = ["EventTrace", "Explanation", "QuietSentence", "Step", "explain", "find_event", "render", "why"]


@dataclass
class EventTrace:
    """One event (numbered from 1, in output order) and the steps that shaped it."""

    number: int
    event: Event
    steps: list[Step] = field(default_factory=list)


@dataclass
class Explanation:
    """The events of a report with their steps; steps that concern the whole report; quiet sentences."""

    events: list[EventTrace] = field(default_factory=list)
    report: list[Step] = field(default_factory=list)
    quiet: list[QuietSentence] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


def why(rule: str) -> str:
    """A rule's first docstring line (empty for what a stage started from)."""
    from .assembly import registered

    r = registered().get(rule)
    return r.summary if r is not None else ""


def explain(
    text: str,
    published: dt.date | str,
    source: str | None = None,
    extra_places: list[dict] | None = None,
    *,
    disabled: frozenset[str] = frozenset(),
) -> Explanation:
    """The extractor's events for the report, each with the steps that shaped it (same events as ``extract``)."""
    from . import _assembled, without_gc
    from .assembly import finish

    made = without_gc(_assembled, text, published, source, extra_places, disabled, True)
    if made is None:
        return Explanation(messages=["No text to read"])
    doc, _places, asm = made
    events = finish(asm.drafts, doc, source)
    tracer = asm.tracer
    return Explanation(
        events=[
            EventTrace(n, e, list(d.steps or ()))
            for n, (e, d) in enumerate(zip(events, asm.drafts, strict=True), 1)
        ],
        report=list(tracer.report_steps),
        quiet=list(tracer.quiet),
        messages=list(asm.messages) + ([] if events else ["No events found"]),
    )


def find_event(
    ex: Explanation, start: int, end: int, sub_event_type: str | None = None, location: str | None = None
) -> EventTrace | None:
    """The event whose evidence is ``[start, end)`` (original offsets); among several, the one of that
    sub-type and place, else the first. None when no event has that evidence (the rules changed since)."""
    same = [t for t in ex.events if (t.event.evidence.start, t.event.evidence.end) == (start, end)]
    if not same:
        return None
    return max(same, key=lambda t: (t.event.sub_event_type == sub_event_type, t.event.location == location))


def _headline(e: Event) -> str:
    sides = e.actor1 + (f" vs {e.actor2}" if e.actor2 else "")
    killed = f" · {e.fatalities} killed" if e.fatalities else ""
    bg = " · background" if e.background else ""
    return f"{e.event_type} / {e.sub_event_type} · {e.location} · {e.event_date} · {sides}{killed}{bg}"


def _step_lines(steps: list[Step]) -> list[str]:
    out = []
    for s in steps:
        if s.rule:
            out.append(f"  s{s.sentence} {s.stage:<14} {s.rule}: {s.change}")
            reason = why(s.rule)
            if reason:
                out.append(f"  {'':<18}   why: {reason}")
        else:
            out.append(f"  s{s.sentence} {s.stage:<14} {s.change}")
    return out


def render(ex: Explanation) -> str:
    """The explanation as plain text: per event, its steps with the reason of each rule."""
    lines: list[str] = []
    if ex.report:
        lines.append("Report")
        lines += _step_lines(ex.report)
        lines.append("")
    for t in ex.events:
        e = t.event
        lines.append(f"Event {t.number}: {_headline(e)}")
        lines.append(
            f"  evidence [{e.evidence.start}:{e.evidence.end}]: {' '.join(e.evidence.text.split())[:160]}"
        )
        lines += _step_lines(t.steps)
        lines.append("")
    for q in ex.quiet:
        lines.append(f"Sentence {q.sentence} (no event): {' '.join(q.text.split())[:160]}")
        lines += _step_lines(q.steps)
        lines.append("")
    for m in ex.messages:
        lines.append(f"Message: {m}")
    return "\n".join(lines).rstrip() + "\n"
