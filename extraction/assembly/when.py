"""Stage ``when``: the day of an act, and whether it is background (the past recalled as context).

The value starts with the sentence's candidate days (tallies left out); the first rule that decides sets
``date`` and whether the day is the act's own (``own``), later rules say whether the act is background.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from ..dates import DateMention
from .act import Act
from .report import words
from .rules import Record, rule

_SAID_ON = re.compile(rf"(?<!\w)(?:{words('said')})\s+$")


def said_on(text: str, d: DateMention) -> bool:
    """ "the forces said on Tuesday": the day right after a reporting verb is the statement's ("reported at the
    time that six people were detained" is the day told before: the act's)."""
    return d.kind != "chain" and bool(_SAID_ON.search(text, max(0, d.start - 16), d.start))


@dataclass(slots=True)
class When(Record):
    """An act's day: the candidates, the day chosen, whether it is the act's own, background."""

    dates: tuple[DateMention, ...]
    date: DateMention | None = None
    own: bool = False
    decided: bool = False
    background: bool = False


def start(act: Act) -> When:
    return When(tuple(d for d in act.sv.dates if not d.is_reference))


def dmax(act: Act, w: When) -> dt.date:
    """The last day the act may have happened (the publication day without a date)."""
    return w.date.dmax if w.date is not None else act.rep.pub


@rule("when")
def the_day_right_after_said_is_the_statements(act: Act, w: When) -> When:
    """ "..., the forces said on Tuesday": in English the day right after a reporting verb is the statement's.

    The act keeps the day told with it, or the report's.
    """
    if not w.dates:
        return w
    text = act.rep.text
    ds = tuple(d for d in w.dates if not said_on(text, d))
    if len(ds) == len(w.dates):
        return w
    w.dates = ds
    return w


def _paragraph_anchor(act: Act, same_day: bool) -> DateMention:
    rep, s = act.rep, act.sv.s
    para = rep.text.rfind("\n", 0, s.start) + 1
    k = bisect.bisect_left(rep.date_starts, s.start)
    for d in reversed(rep.dates[:k]):
        if d.start < para and not same_day:
            break
        if not d.is_reference and d.precision == 1:
            return d
    if same_day and rep.main_date is not None:
        return rep.main_date
    p = rep.pub
    return DateMention(s.start, s.start, p, p, p, 1, "day")


@rule("when", cues=("later", "sameday"))
def later_that_day_is_a_day_told_before(act: Act, w: When) -> When:
    """ "Later that day": the last explicit day named before in the paragraph, else today; "في اليوم ذاته"
    (the same day) is the last day named anywhere before, else the report's.

    A weekday or date of the act's own still wins.
    """
    kinds = act.sv.cue_kinds
    if w.decided or ("later" not in kinds and "sameday" not in kinds):
        return w
    same = kinds.get("sameday", [])
    later = kinds.get("later", []) + same
    if any(not any(c.start < d.end and d.start < c.end for c in later) for d in w.dates):
        return w
    w.date = _paragraph_anchor(act, bool(same))
    w.own = True
    w.decided = True
    return w


# "..., which has been one of the main targets of the assault that Turkey launched on Wednesday": an English relative
# clause after the act tells of something else (an Arabic "التي قُتل خلالها" often tells the act itself)
_RELATIVE = re.compile(r",\s*(?:which|who|where|whose)\b(?!\s+(?:time|day))|\bthat\b")


@rule("when")
def a_day_in_a_relative_clause_after_the_act_is_anothers(act: Act, w: When) -> When:
    """ "The remaining three were shot dead by snipers around the border town, which has been one of the main
    targets of the assault that Turkey launched on Wednesday": the day of what a relative clause after the act
    tells is not the act's (which keeps the day told before, or the report's)."""
    if w.decided or not w.dates:
        return w
    anchor, s, text = act.anchor, act.sv.s, act.rep.text
    seg = s.segment_of(anchor.start)
    if any(seg[0] <= d.start < seg[1] for d in w.dates):
        return w
    kept = tuple(
        d for d in w.dates if not (d.start > anchor.end and _RELATIVE.search(text, anchor.end, d.start))
    )
    if len(kept) != len(w.dates):
        w.dates = kept
    return w


@rule("when")
def a_day_still_to_come_is_anothers(act: Act, w: When) -> When:
    """ "تأييداً للاستفتاء المقرر إجراؤه ... في 25 أيلول/سبتمبر الجاري، شنّت قوات الأسايش حملة اعتقالات": a day
    after the publication, told in another clause, is what is planned there, not the act's day."""
    if w.decided or not w.dates:
        return w
    pub, seg = act.rep.pub, act.sv.s.segment_of(act.anchor.start)
    kept = tuple(d for d in w.dates if d.dmin <= pub or seg[0] <= d.start < seg[1])
    if len(kept) != len(w.dates):
        w.dates = kept
    return w


@rule("when")
def the_day_nearest_the_act(act: Act, w: When) -> When:
    """ "هاجم مسلحون فجر اليوم السبت": the day told in the act's clause, else the nearest in its sentence."""
    if w.decided or not w.dates:
        return w
    anchor, s = act.anchor, act.sv.s
    seg = s.segment_of(anchor.start)

    def dist(d: DateMention) -> tuple[int, int]:
        inside = seg[0] <= d.start < seg[1]
        gap = anchor.start - d.end if d.end <= anchor.start else d.start - anchor.end
        return (0 if inside else 1, max(gap, 0))

    w.date = min(w.dates, key=dist)
    w.own = True
    w.decided = True
    return w


_OPENING = 12  # "• December 10:", "- On January 3", "في 14 تشرين الأول:": the item's first words


@rule("when")
def a_day_told_before_in_the_paragraph_holds(act: Act, w: When) -> When:
    """ "• December 10: A family fight broke out ... in Al-Sour city. It developed into armed clashes": a day that
    opens a paragraph (a dated item) is the day of an act with none of its own later in it."""
    # a bare killing ("121 ... were killed") is left to retell the act told, with the report's day
    if w.decided or act.anchor.strength < 2:
        return w
    rep, s = act.rep, act.sv.s
    para = rep.text.rfind("\n", 0, s.start) + 1
    k = bisect.bisect_left(rep.date_starts, para)
    if k < len(rep.dates) and rep.dates[k].start < s.start:
        d = rep.dates[k]
        if d.start - para <= _OPENING and not d.is_reference and d.precision == 1:
            w.date, w.own, w.decided = d, True, True
    return w


@rule("when")
def the_reports_day_otherwise(act: Act, w: When) -> When:
    """ "وكانت «قسد» قد أعلنت، أمس الاثنين" under a headline with no day: an act told with no day of its own
    happened on the report's day (the first recent, precise day it names)."""
    if w.decided:
        return w
    w.date = act.rep.main_date
    w.own = False
    w.decided = True
    return w


@rule("when")
def a_month_back_is_background(act: Act, w: When) -> When:
    """ "في تشرين الأول 2019": an act that ended more than 30 days before publication is background."""
    if not w.background and dmax(act, w) < act.rep.month_before:
        w.background = True
        return w
    return w


@rule("when", cues=("background",))
def a_recalled_act_is_background(act: Act, w: When) -> When:
    """ "ويُذكر أن"، "وكانت ... قد"، "it is worth noting": a recalled act is background, unless it has a day
    of its own in the last week."""
    if w.background or "background" not in act.sv.cue_kinds:
        return w
    if not w.own or dmax(act, w) < act.rep.week_before:
        w.background = True
        return w
    return w


RULES = (
    the_day_right_after_said_is_the_statements,
    later_that_day_is_a_day_told_before,
    a_day_in_a_relative_clause_after_the_act_is_anothers,
    a_day_still_to_come_is_anothers,
    the_day_nearest_the_act,
    a_day_told_before_in_the_paragraph_holds,
    the_reports_day_otherwise,
    a_month_back_is_background,
    a_recalled_act_is_background,
)
