"""Stage ``acts``: which of a sentence's readings stand as acts. One act told with its circumstances is one event.

The value is the list of standing (non back-reference) triggers; ``sv.triggers`` holds every reading
the ``candidates`` stage left. Air support for a raid, a riot's storming, a takeover told as a handover,
weapons seized at an arrest, what an attack hits: no second event.
"""

from __future__ import annotations

import re

from ..taxonomy import FAMILY
from ..triggers import Trigger, promote
from .candidates import retyped, right_after
from .report import SentenceView, clause_break, family, protest_context, same_seg, words
from .rules import rule
from .tables import REACH

# a store of arms named after a strike is what the strike hit ("strikes hit a weapons depot")
_STORE = re.compile(r"مستودع|مخزن|ذخير|depot|cache|arsenal|warehouse")
_FORCE_ON_PROTEST = frozenset(["Protest with intervention", "Excessive force against protesters"])
_DETENTION = frozenset(["Arrests", "Abduction/forced disappearance"])
TERRITORY = frozenset(
    [
        "Non-violent transfer of territory",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ]
)
_SEIZE = REACH["seize"].chars
_DEFUSED, _DEFUSED_CLAUSE = REACH["defused"].chars, REACH["defused_clause"].chars
_PROTESTERS = REACH["protesters"].chars
_HELPER = REACH["helper"].chars


@rule("acts")
def nothing_before_to_refer_back_to(sv: SentenceView, full: list[Trigger]) -> list[Trigger]:
    """Nothing told before for "القصف" to refer back to: the back-reference is the event itself (violence only)."""
    if full or sv.ledger.last_group is not None or sv.s.headline:
        return full
    promoted = [p for p in (promote(t) for t in sv.triggers if t.anaphor) if p is not None]
    return [p for p in promoted if family(p.event_type) == "violence"] or full


@rule("acts", min_acts=2)
def a_demonstration_over_weak_violence(sv: SentenceView, full: list[Trigger]) -> list[Trigger]:
    """ "تظاهر أهالي الشحيل ضد الغلاء ... المحتجون": with a demonstration, a general violence word is part of it."""
    if len(full) > 1 and any(FAMILY.get(t.event_type) == "demonstration" for t in full):
        out = [t for t in full if not (family(t.event_type) == "violence" and t.strength <= 2)]
        return out if len(out) != len(full) else full
    return full


@rule("acts", cues=("seize",))
def a_seized_weapon_was_not_used(sv: SentenceView, full: list[Trigger]) -> list[Trigger]:
    """A weapon named right after a seizing word ("ضبطت بحوزتهما ثلاث عبوات"، "seized IEDs") was taken, not used.

    Beside another event word it is dropped; alone it is a disrupted weapons use.
    """
    seizes = sv.cue_kinds.get("seize")
    if not seizes:
        return full
    text = sv.rep.text
    seized = [
        t
        for t in full
        if t.event_type == "Explosions/Remote violence"
        and any(right_after(text, c.end, t.start, _SEIZE) for c in seizes)
    ]
    if not seized:
        return full
    rest = [t for t in full if t not in seized]
    if rest:
        return rest
    return [retyped(seized[0], "seized_weapon_was_not_used", anaphor=False)]


@rule("acts", min_acts=2)
def what_is_defused_is_not_an_attack(sv: SentenceView, full: list[Trigger]) -> list[Trigger]:
    """What is defused or seized is not itself an attack ("فككت ... عبوة ناسفة")."""
    if len(full) < 2:
        return full
    disrupt = [t for t in full if t.sub_event_type == "Disrupted weapons use"]
    if not disrupt:
        return full
    out = [
        t
        for t in full
        if not (
            family(t.event_type) == "violence"
            and any(
                0 <= t.start - d.end <= _DEFUSED
                or (0 <= t.start - d.end <= _DEFUSED_CLAUSE and not clause_break(sv, d.end, t.start))
                for d in disrupt
            )
        )
    ]
    return out if len(out) != len(full) else full


@rule("acts")
def gunfire_at_protesters_is_force_on_the_protest(sv: SentenceView, full: list[Trigger]) -> list[Trigger]:
    """Gunfire in a sentence about protesters is force used on the protest ("أطلقوا النار ... باتجاه المتظاهرين").

    Only when the protesters are named after the gunfire (its target), not "protesters burn ... after a shooting".
    """
    for t in full:
        if t.policy == "shooting":
            break
    else:
        return full
    protesters = [a.start for a in sv.actors if a.group == "PROTESTERS"]
    if not protesters:
        return full
    at_protest = [
        t for t in full if t.policy == "shooting" and any(0 < p - t.end <= _PROTESTERS for p in protesters)
    ]
    if not at_protest:
        return full
    return [
        retyped(t, "gunfire_at_protesters_is_force_on_the_protest") if t in at_protest else t for t in full
    ]


@rule("acts", cues=("support", "amid"), min_acts=2)
def a_supporting_phrase_is_no_second_event(sv: SentenceView, full: list[Trigger]) -> list[Trigger]:
    """An event word in a supporting phrase ("بمساندة طيران التحالف"، "backed by coalition aircraft"، "amid
    shelling") is not a second event."""
    if len(full) < 2:
        return full
    helpers = sv.cue_kinds.get("support", []) + sv.cue_kinds.get("amid", [])
    if not helpers:
        return full
    text = sv.rep.text
    out = [t for t in full if not any(right_after(text, c.end, t.start, _HELPER) for c in helpers)]
    return out if out and len(out) != len(full) else full


@rule("acts", min_acts=2)
def a_raids_smashing_is_looting(sv: SentenceView, full: list[Trigger]) -> list[Trigger]:
    """ "العناصر المشاركين في المداهمة حطّموا أجزاء من ممتلكات الأهالي وسرقوا بعض محتوياتها": what the raiders
    smash or burn, told with the raid and no protest, is their looting, not a riot."""
    raid = any(t.sub_event_type == "Arrests" for t in sv.triggers or ())
    loot = [t for t in full if t.sub_event_type == "Looting/property destruction"]
    if not raid or not loot or protest_context(sv):
        return full
    out = [t for t in full if t.event_type != "Riots"]
    return out if len(out) != len(full) else full


@rule("acts", min_acts=2)
def a_riots_storming_is_the_riot(sv: SentenceView, full: list[Trigger]) -> list[Trigger]:
    """ "اقتحم محتجون غاضبون مبنى المجلس ... وأحرقوا الإطارات": rioters' storming or burning is not also a
    strategic development."""
    if len(full) < 2:
        return full
    riots = [t for t in full if t.event_type == "Riots" or t.policy == "riot"]
    if not riots:
        return full
    out = [
        t
        for t in full
        if not (
            t.event_type == "Strategic developments"
            and any(not clause_break(sv, min(r.start, t.start), max(r.start, t.start)) for r in riots)
        )
    ]
    return out if out and len(out) != len(full) else full


@rule("acts", min_acts=2)
def seizing_property_is_looting(sv: SentenceView, full: list[Trigger]) -> list[Trigger]:
    """ "أقدموا على الاستيلاء على مستودع": seizing property is looting, not taking ground."""
    if len(full) < 2:
        return full
    if any(t.sub_event_type in TERRITORY for t in full) and any(
        t.sub_event_type == "Looting/property destruction" for t in full
    ):
        return [t for t in full if t.sub_event_type not in TERRITORY]
    return full


@rule("acts", min_acts=2)
def a_takeover_is_one_territorial_event(sv: SentenceView, full: list[Trigger]) -> list[Trigger]:
    """ "سيطرت ... بعد انسحاب قسد منها": a takeover is one territorial event, not also a handover."""
    if len(full) < 2:
        return full
    land = [t for t in full if t.sub_event_type in TERRITORY]
    if len({t.sub_event_type for t in land}) <= 1:
        return full
    keep = max(land, key=lambda t: (t.strength, -t.start))
    return [t for t in full if t.sub_event_type not in TERRITORY or t is keep]


_WITHDRAWAL = re.compile(words("withdrawal"))  # matched whole against a trigger's (folded) key


@rule("acts", min_acts=2)
def a_withdrawal_with_the_fight_is_part_of_it(sv: SentenceView, full: list[Trigger]) -> list[Trigger]:
    """ "stormed the SDF outpost ..., killed two fighters and withdrew safely into the desert", "انسحب قسم من
    المقاتلين نحو بلدة الطيانة إثر معارك مع قسد": a withdrawal told in the sentence of a fight is part of it."""
    if len(full) < 2 or not any(family(t.event_type) == "violence" for t in full):
        return full
    out = [t for t in full if not _WITHDRAWAL.fullmatch(t.key)]
    return out if len(out) != len(full) else full


@rule("acts", min_acts=2)
def arrests_at_a_dispersed_protest_are_part_of_it(sv: SentenceView, full: list[Trigger]) -> list[Trigger]:
    """ "فرّقت الأسايش مظاهرة ... واعتقلت سبعة من المشاركين": arrests at a protest are part of it."""
    if len(full) < 2 or not any(t.sub_event_type in _FORCE_ON_PROTEST for t in full):
        return full
    out = [t for t in full if t.sub_event_type != "Arrests"]
    return out if out and len(out) != len(full) else full


@rule("acts", min_acts=2)
def taking_people_is_one_act(sv: SentenceView, full: list[Trigger]) -> list[Trigger]:
    """ "اختطفت خمسة شبان واقتادتهم إلى جهة مجهولة": taking people is one act, told with two verbs.

    The explicit "abducted" names the act better than the raid or the taking away around it; in another
    clause ("اعتقلت قسد ثلاثة شبان، فيما خطف مسلحون آخر") it is another act.
    """
    if len(full) < 2:
        return full
    held = [t for t in full if t.sub_event_type in _DETENTION]
    if len({t.sub_event_type for t in held}) <= 1:
        return full
    keep = max(held, key=lambda t: (t.strength, t.sub_event_type != "Arrests", -t.start))
    out = [
        t
        for t in full
        if t.sub_event_type == keep.sub_event_type
        or t.sub_event_type not in _DETENTION
        or clause_break(sv, min(t.start, keep.start), max(t.start, keep.start))
    ]
    return out if len(out) != len(full) else full


@rule("acts", cues=("intercept", "downing"))
def a_convoy_turned_back_is_no_deployment(sv: SentenceView, full: list[Trigger]) -> list[Trigger]:
    """ "اعترض أهالي البلدة اليوم رتلاً": a convoy people turn back is no deployment (اعترض* is a downing cue too)."""
    kinds = sv.cue_kinds
    if "intercept" not in kinds and "downing" not in kinds:
        return full
    turned = [*kinds.get("intercept", ()), *kinds.get("downing", ())]
    s = sv.s
    out = [
        t
        for t in full
        if not (
            t.sub_event_type == "Change to group/activity"
            and t.strength <= 2
            and any(c.end <= t.start and s.segment_of(c.start) == s.segment_of(t.start) for c in turned)
        )
    ]
    return out if len(out) != len(full) else full


@rule("acts", min_acts=2)
def what_an_attack_hits_is_no_event(sv: SentenceView, full: list[Trigger]) -> list[Trigger]:
    """What an attack hits is not a deployment or a store seized ("استهدفت مسيرة رتلاً عسكرياً"، "struck a convoy",
    "strikes hit a weapons depot")."""
    if len(full) < 2:
        return full
    hits = [t for t in full if family(t.event_type) == "violence"]
    if not hits:
        return full
    s = sv.s
    out = [
        t
        for t in full
        if not (
            (
                (t.sub_event_type == "Change to group/activity" and t.strength <= 2)
                or (t.sub_event_type == "Disrupted weapons use" and _STORE.search(t.key))
            )
            and any(h.end <= t.start and same_seg(s, h, t) for h in hits)
        )
    ]
    return out if len(out) != len(full) else full


_RAID_WORDS = frozenset(["raid", "raids"])


@rule("acts", min_acts=2)
def a_raid_by_warplanes_is_the_strike(sv: SentenceView, full: list[Trigger]) -> list[Trigger]:
    """ "unidentified warplanes had carried out four raids on Iranian militia bases ... another raid hit bases": the
    raids of an air strike told in the sentence are the strikes, no arrest raid."""
    if not any(t.sub_event_type == "Air/drone strike" for t in full):
        return full
    out = [t for t in full if not (t.english and t.key in _RAID_WORDS)]
    return out if out and len(out) != len(full) else full


@rule("acts")
def a_cordon_round_an_attack_is_its_aftermath(sv: SentenceView, full: list[Trigger]) -> list[Trigger]:
    """ "موضحة أن المنطقة طُوّقت ... فور وقوع التفجير"، "مبيناً أن الأسايش فرضت طوقاً حول المنطقة" after the blast
    told: a security cordon (policy ``cordon``) thrown round the scene of an attack is its aftermath, no event."""
    if not any(t.policy == "cordon" for t in full):
        return full
    told = any(family(d.event_type) == "violence" and not d.background for d in sv.ledger.drafts)
    if not told and not any(family(t.event_type) == "violence" for t in full):
        return full
    return [t for t in full if t.policy != "cordon"]


RULES = (
    nothing_before_to_refer_back_to,
    a_demonstration_over_weak_violence,
    a_seized_weapon_was_not_used,
    what_is_defused_is_not_an_attack,
    gunfire_at_protesters_is_force_on_the_protest,
    a_supporting_phrase_is_no_second_event,
    a_raids_smashing_is_looting,
    a_riots_storming_is_the_riot,
    seizing_property_is_looting,
    a_takeover_is_one_territorial_event,
    a_withdrawal_with_the_fight_is_part_of_it,
    arrests_at_a_dispersed_protest_are_part_of_it,
    taking_people_is_one_act,
    a_convoy_turned_back_is_no_deployment,
    what_an_attack_hits_is_no_event,
    a_cordon_round_an_attack_is_its_aftermath,
    a_raid_by_warplanes_is_the_strike,
)


def standing(triggers: list[Trigger]) -> list[Trigger]:
    """The readings that are not back-references (the stage's starting value)."""
    return [t for t in triggers if not t.anaphor]
