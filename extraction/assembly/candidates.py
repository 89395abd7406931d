"""Stage ``candidates``: what each event word of a sentence is read as, before deciding which acts stand.

The sentence's triggers (``triggers.find_triggers``: cue-suppressed ones already gone) fold through
``RULES``: a word in someone's quoted words is dropped, a drone shot down becomes a disrupted weapons use,
an act named as what came before becomes a back-reference, counted attacks are a tally, a bare killing
verb counts only alone. The rules see the whole list, back-references ("الهجوم") included.
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from ..triggers import Trigger
from .report import SentenceView, same_time
from .rules import rule
from .tables import REACH, RETYPES

# "أكثر من 15 هجوماً"، "dozens of attacks": a quantity before a count noun (cue:count) is a tally
QUANTITY_BEFORE = re.compile(
    r"(?:(?:(?<!\w)|(?<=[بلو]))(?:[3-9]|\d\d+)|عشرات|العشرات من|مئات|سلسله|سلسله من|موجه من|dozens of|scores of|hundreds of|"
    r"several|(?:a )?(?:string|series|wave|spate) of)\s*$"
)
_SPEECH = REACH["speech"].chars
_DOWNING = REACH["downing"].chars
_HELPER = REACH["helper"].chars
_CLAIMED = REACH["claim"].chars
_MOVED = REACH["transfer"].chars


_PUNCT = ",.،\n"
_PASSIVE = re.compile(r"(?<!\w)(?:was|were|has been|have been|had been)\s+$")


def right_after(text: str, cue_end: int, start: int, reach: int) -> bool:
    """Whether an event word at ``start`` follows a cue ending at ``cue_end`` within ``reach`` characters, with no
    comma or full stop between ("بمساندة طيران التحالف", "في ظل هدنة")."""
    return 0 <= start - cue_end <= reach and not any(ch in text[cue_end:start] for ch in _PUNCT)


def retyped(t: Trigger, name: str, **changes) -> Trigger:
    """``t`` turned into what the retype table row ``name`` says (empty fields kept)."""
    r = RETYPES[name]
    new = {k: v for k, v in (("event_type", r.event_type), ("sub_event_type", r.sub_event_type),
                             ("strength", r.strength), ("policy", r.policy)) if v}  # fmt: skip
    return dataclasses.replace(t, **new, **changes)


def _any_near(starts: list[int], qs: int, qe: int) -> bool:
    """A start (sorted list) within reach before the quotation ``[qs, qe)`` or just after it."""
    k = bisect.bisect_left(starts, qs - _SPEECH)
    if k < len(starts) and starts[k] < qs:
        return True
    k = bisect.bisect_left(starts, qe, k)
    return k < len(starts) and starts[k] < qe + _SPEECH // 2


_PLACE_AFTER_QUOTE = re.compile(r'["\s]*(?:in|at|near|في|ب)?\s*')


def _in_speech(sv: SentenceView, t: Trigger) -> bool:
    rep = sv.rep
    # quotations are disjoint and in order: the only one that can hold the trigger is the last opening at or before it
    j = bisect.bisect_right(rep.quote_starts, t.start) - 1
    if j < 0:
        return False
    qs, qe = rep.quotes[j]
    if t.start >= qe:
        return False
    if not _any_near(rep.speech_starts, qs, qe):
        return False
    dates = rep.dates
    for i in range(bisect.bisect_left(rep.date_starts, qs), len(dates)):
        d = dates[i]
        if d.start >= qe:
            break
        if not d.is_reference:
            return False
    # a source or statement quoting a concrete happening names where ("إن «قوات النظام استقدمت
    # دبابات إلى حي زنود»"); a protester's or resident's words are feelings and grievances
    k = bisect.bisect_left(rep.place_starts, qs)
    starts = rep.place_starts
    placed = k < len(starts) and starts[k] < qe
    if not placed and k < len(starts) and starts[k] - qe <= 16:
        # '"Four of them died when an air strike hit their car as they were fleeing" in Tal Abyad': the place
        # told right after the quotation is the quoted happening's
        placed = bool(_PLACE_AFTER_QUOTE.fullmatch(rep.text, qe, starts[k]))
    return _any_near(rep.witness_starts, qs, qe) or not placed


@rule("candidates")
def quoted_speech_is_not_narration(sv: SentenceView, trigs: list[Trigger]) -> list[Trigger]:
    """A trigger inside someone's quoted words ("«تعبنا من الاعتقالات»"، told Rudaw) is not narration.

    Unless the quotation itself dates a happening ("«قصفوا قريتنا أمس»"), or a source quotes a concrete
    happening with its place ("إن «قوات النظام استقدمت دبابات إلى حي زنود»") and no witness speaks.
    """
    if not trigs or not sv.rep.quotes:
        return trigs
    out = [t for t in trigs if not _in_speech(sv, t)]
    return out if len(out) != len(trigs) else trigs


_NAME_WORD = re.compile(r"[-\s]+(?:of\s+the\s+)?[A-Z][a-z]")
_NAME_BEFORE = re.compile(r"[A-Z][a-z]+[-\s]+$")


def _name_before(original: str, opening: int, head: int) -> bool:
    """A capitalised word right before ``head`` that is not the sentence's first."""
    m = _NAME_BEFORE.search(original, max(opening, head - 30), head)
    return m is not None and m.start() > opening


@rule("candidates")
def a_word_of_a_units_name_is_no_event(sv: SentenceView, trigs: list[Trigger]) -> list[Trigger]:
    """ "the Fighting Terrorism Forces of the Syrian Democratic Forces carried out an airdrop": an English event
    word written with a capital inside a sentence, next to another capitalised word, is part of a name."""
    if sv.s.headline or not any(t.english for t in trigs):
        return trigs
    norm, s = sv.rep.doc.norm, sv.s
    original = norm.original
    opening = norm.span(s.start, s.start + 1)[0]
    out = []
    for t in trigs:
        a, b = norm.span(t.start, t.end)
        head = original.rfind(" ", a, b) + 1 or a  # "the Fighting": the event word, after "the"
        if (
            t.english
            and head > opening
            and original[head : head + 1].isupper()
            and original[head + 1 : head + 2].islower()  # "Fighting", not an acronym ("An IED exploded")
            and (_NAME_WORD.match(original, b) or _name_before(original, opening, head))
        ):
            continue
        out.append(t)
    return out if len(out) != len(trigs) else trigs


@rule("candidates", cues=("extension",))
def the_places_the_act_reached_in_its_sentence_are_its_own(
    sv: SentenceView, trigs: list[Trigger]
) -> list[Trigger]:
    """ "تشن القوات التركية قصفاً عنيفاً على ريف بلدة تل تمر ...، إذ طال القصف قرية تل شنان ...، وقرية الدردارة",
    "the shelling also hit the village of X" told in the sentence of the act: the act's back-reference after a
    word of reaching names more of the act's places."""
    full = [t for t in trigs if not t.anaphor and t.event_type != "*"]
    if not full:
        return trigs
    text = sv.rep.text
    out = []
    for t in trigs:
        if t.anaphor and any(right_after(text, c.end, t.start, 8) for c in sv.cue_kinds["extension"]):
            first = next((f for f in full if f.end <= t.start), None)
            if first is not None:
                t = dataclasses.replace(
                    t,
                    event_type=first.event_type,
                    sub_event_type=first.sub_event_type,
                    policy=first.policy,
                    strength=first.strength,
                    anaphor=False,
                )
        out.append(t)
    return out if out != trigs else trigs


@rule("candidates", cues=("downing",))
def drone_shot_down_is_disrupted(sv: SentenceView, trigs: list[Trigger]) -> list[Trigger]:
    """A drone after a downing verb ("أسقطت قسد طائرة مسيرة"، "shot down a drone"), or in English before it in the
    passive ("Two suicide drones used in the assault were intercepted"), was disrupted, not a strike.

    The downing verb becomes the act: its agent is actor 1, not the drone's owner.
    """
    downs = sv.cue_kinds.get("downing")
    if not downs:
        return trigs
    s, text = sv.s, sv.rep.text
    out: list[Trigger] = []
    for t in trigs:
        c = next(
            (
                c
                for c in downs
                if t.sub_event_type == "Air/drone strike"
                and (
                    0 <= t.start - c.end <= _DOWNING
                    or (
                        t.english
                        and 0 <= c.start - t.end <= _DOWNING
                        and _PASSIVE.search(text, t.end, c.start)
                    )
                )
            ),
            None,
        )
        if c is not None and s.segment_of(c.start) == s.segment_of(t.start):
            t = retyped(t, "drone_shot_down_is_disrupted", start=c.start, end=c.end, anaphor=False)
        out.append(t)
    return out


@rule("candidates", cues=("transfer",))
def drones_moved_are_no_strike(sv: SentenceView, trigs: list[Trigger]) -> list[Trigger]:
    """ "the groups have moved a large number of Iranian-made drones toward the areas of Maskanah"، "استقدمت
    طائرات مسيرة إلى": drones brought or moved somewhere are a deployment, not a strike."""
    moves = sv.cue_kinds.get("transfer")
    if not moves:
        return trigs
    s = sv.s
    out = [
        t
        for t in trigs
        if not (
            t.sub_event_type == "Air/drone strike"
            and any(
                0 <= t.start - c.end <= _MOVED and s.segment_of(c.start) == s.segment_of(t.start)
                for c in moves
            )
        )
    ]
    return out if len(out) != len(trigs) else trigs


@rule("candidates", cues=("prior",))
def an_act_told_as_what_came_before_refers_back(sv: SentenceView, trigs: list[Trigger]) -> list[Trigger]:
    """ "بعد ساعات من استهداف القاعدة"، "a day after deadly clashes": an act named as what came before is
    told for its time, like a back-reference: it is an event only when nothing else is.

    Told with a day of its own ("بعد ساعات من إلقاء مجهولين قنبلة ... ليل أمس") it is an event of that day.
    """
    priors = sv.cue_kinds.get("prior")
    if not priors:
        return trigs
    s = sv.s
    dates = [d for d in sv.dates if not d.is_reference]
    cues = [c for c in priors if not any(d.start >= c.end for d in dates)]
    out: list[Trigger] = []
    for t in trigs:
        seg = s.segment_of(t.start)
        if not t.anaphor and any(c.end <= t.start and seg[0] <= c.start for c in cues):
            t = dataclasses.replace(t, anaphor=True)
        out.append(t)
    return out


@rule("candidates", cues=("amid",))
def a_circumstance_of_the_act_told_is_no_event(sv: SentenceView, trigs: list[Trigger]) -> list[Trigger]:
    """ "وتأتي هذه الاشتباكات بين الجيش وقسد في ظل هدنة واتفاق لوقف إطلاق النار": after a back-reference to the
    act told, what it happened amid is its circumstance, not an event of its own."""
    amid = sv.cue_kinds.get("amid")
    refs = [t for t in trigs if t.anaphor]
    if not amid or not refs:
        return trigs
    text = sv.rep.text
    cues = [c for c in amid if any(r.end <= c.start for r in refs)]
    out = [t for t in trigs if t.anaphor or not any(right_after(text, c.end, t.start, _HELPER) for c in cues)]
    return out if len(out) != len(trigs) else trigs


def counted_segments(sv: SentenceView) -> set[tuple[int, int]]:
    """Segments that count attacks or incidents ("وثّقت 15 هجوماً", "dozens of attacks"): tallies; not a count
    spread over the places it names ("تسع هجمات ... توزعت على الكشكية والطيانة"), an act at each."""
    out: set[tuple[int, int]] = set()
    s, text = sv.s, sv.rep.text
    nums = {m.end: m for m in sv.matches if m.kind == "number"}
    spread = [d.start for d in sv.cue_kinds.get("distributed", ())]
    for c in sv.cue_kinds.get("count", ()):
        if any(d > c.end for d in spread):
            continue
        before = text[max(s.start, c.start - 16) : c.start]
        if QUANTITY_BEFORE.search(before) or any(
            int(n.entry.get("value") or 0) >= 3 and _one_word_at_most(text, e, c.start)
            for e, n in nums.items()
        ):
            out.add(s.segment_of(c.start))
    return out


_CAUSED = re.compile(r"\s*(?:which|that|killing|leaving|ما ادي|مما ادي|ما اسفر|اسفرت|خلفت|ادت)(?!\w)")
_ONE_WORD = re.compile(r"\s*(?:[^\W\d_]+\s+)?")


def _one_word_at_most(text: str, end: int, start: int) -> bool:
    """ "15 هجوماً"، "eight drone attacks": the number and the count noun, at most one word between."""
    return 0 <= start - end <= 16 and _ONE_WORD.fullmatch(text, end, start) is not None


@rule("candidates", cues=("claim",))
def a_claims_account_is_the_act_claimed(sv: SentenceView, trigs: list[Trigger]) -> list[Trigger]:
    """ "Soon afterwards the Islamic State claimed the attack, saying it had struck US forces"، "تبنى التنظيم
    الهجوم مدعياً أنه استهدف": what the claimant says after claiming the act told refers back to it."""
    text = sv.rep.text
    claimed = [
        t.end
        for c in sv.cue_kinds.get("claim", ())
        for t in trigs
        if t.anaphor and right_after(text, c.end, t.start, _CLAIMED)
    ]
    if not claimed:
        return trigs
    first = min(claimed)
    out = [t if t.anaphor or t.start < first else dataclasses.replace(t, anaphor=True) for t in trigs]
    return out if out != trigs else trigs


@rule("candidates", cues=("count",))
def counted_attacks_are_a_tally(sv: SentenceView, trigs: list[Trigger]) -> list[Trigger]:
    """ "وثّقت 15 هجوماً"، "dozens of attacks": a clause that counts attacks or incidents is a tally, and so is the
    clause telling what they caused right after it ("nine attacks, which killed five military personnel")."""
    if "count" not in sv.cue_kinds:
        return trigs
    counted = counted_segments(sv)
    if not counted:
        return trigs
    s, text = sv.s, sv.rep.text
    # "• Al-Hasakah: nine attacks, which killed five military personnel": what the count caused is the count's
    counted |= {
        seg
        for seg in s.segments
        if any(c[1] == seg[0] for c in counted) and _CAUSED.match(text, seg[0], seg[1])
    }
    out = [t for t in trigs if s.segment_of(t.start) not in counted]
    return out if len(out) != len(trigs) else trigs


# a line of a breakdown: a bullet or a place, a colon, then the count ("* Al-Raqqah: four strikes", "• الرقة: 4 غارات")
_BREAKDOWN = re.compile(r"\s*(?:[*•·▪●◦-]\s*)?[^\W\d][^:\n]{0,40}:\s*")
_DIGITS = re.compile(r"\d+")


@rule("candidates", cues=("count", "count_line"))
def a_line_of_a_breakdown_is_a_tally(sv: SentenceView, trigs: list[Trigger]) -> list[Trigger]:
    """ "Turkish airstrikes on SDF-held areas in 2024, by region: * Al-Raqqah: four strikes, which killed three
    combatants", "• Raqqa: two attacks": a line that opens with a place or a bullet and a colon, then counts acts,
    breaks a tally down; none of its words is an event."""
    s, text = sv.s, sv.rep.text
    m = _BREAKDOWN.match(text, s.start, s.end)
    if m is None:
        return trigs
    nums = [n.end for n in sv.matches if n.kind == "number" and m.end() <= n.start]
    nums += [d.end() for d in _DIGITS.finditer(text, m.end(), s.end)]
    for c in (*sv.cue_kinds.get("count", ()), *sv.cue_kinds.get("count_line", ())):
        if any(_one_word_at_most(text, end, c.start) for end in nums):
            return []
    return trigs


@rule("candidates", cues=("speech",))
def a_sources_toll_refers_back(sv: SentenceView, trigs: list[Trigger]) -> list[Trigger]:
    """ "وتحدث ناشطون عن مقتل شابين، بينما أكد مصدر طبي وصول جثة": a source's toll is for the act told before.

    Only bare killing words, with a reporting verb in the sentence and no day of their own outside the
    earlier event's window.
    """
    last = sv.ledger.last_group
    if (
        "speech" in sv.cue_kinds
        and last is not None
        and trigs
        and all(t.policy == "killing" for t in trigs)
        and same_time(sv, last)
    ):
        return [dataclasses.replace(t, anaphor=True) for t in trigs]
    return trigs


@rule("candidates")
def a_bare_killing_counts_only_alone(sv: SentenceView, trigs: list[Trigger]) -> list[Trigger]:
    """A bare killing verb ("قتل مسلحون شخصاً") is an attack only when no other event word is there."""
    for t in trigs:
        if t.policy == "killing":
            break
    else:
        return trigs
    kills = [t for t in trigs if t.policy == "killing"]
    rest = [t for t in trigs if t.policy != "killing"]
    if rest:
        return rest
    return [retyped(t, "bare_killing_is_a_shooting") for t in kills[:1]]


RULES = (
    quoted_speech_is_not_narration,
    a_word_of_a_units_name_is_no_event,
    drone_shot_down_is_disrupted,
    drones_moved_are_no_strike,
    an_act_told_as_what_came_before_refers_back,
    a_circumstance_of_the_act_told_is_no_event,
    a_claims_account_is_the_act_claimed,
    the_places_the_act_reached_in_its_sentence_are_its_own,
    counted_attacks_are_a_tally,
    a_line_of_a_breakdown_is_a_tally,
    a_sources_toll_refers_back,
    a_bare_killing_counts_only_alone,
)
