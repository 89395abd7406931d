"""Stage ``roles``: what each actor named in a sentence is to its acts: ``agent``, ``victim``, ``source`` or ``support``.

The first rule of ``RULES`` that knows decides (a rule returns a role or None); none knowing, the actor
is an agent. A mention's role depends on the words around it only, so roles are read once per sentence;
the stage ``role_links`` then lets neighbouring mentions share a role (``linked``).
"""

from __future__ import annotations

import re

from ..actors import _NOT_ARMED, ActorMention
from .report import QUOTES, SentenceView, cue_before
from .rules import chain, rule
from .tables import REACH

# English verbs whose object a force's men are ("killed five ISIS members", "assassinated an SDF commander") and the
# nouns for those men ("four members of the NDF", "one of the most senior commanders of the SDF")
_HIT_VERBS = (
    r"killed|killing|captured|capturing|arrested|arresting|detained|detaining|wounded|wounding|injured|injuring|"
    r"neutrali[sz]ed|neutrali[sz]ing|assassinated|assassinating|kidnapped|kidnapping|abducted|abducting"
)
_MEN = r"members?|fighters?|commanders?|soldiers?|officers?|officials?|leaders?|personnel|elements?"
# "killed five ISIS members", "captured two SDF fighters", "killing al-Sanadid commander X": a force (counted or
# not) right after the act is its victim
_COUNTED = re.compile(
    rf"(?<!\w)(?:{_HIT_VERBS})\s+(?:(?!(?:by|in|during|after|from|with|at|on|as|when|while|where|because|before)\s)"
    r"[\w-]+\s+){0,3}(?:the\s+)?$"
)
# the men named before the force: "four members of the Damascus government's National Defense Forces"
_MEN_OF_TAIL = rf"(?:{_MEN})\s+(?:of|from)\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,3}}$"
# "Unknown attackers assassinated one of the most senior commanders of the ...": the force whose men the act hit
_MEN_HIT = re.compile(rf"(?<!\w)(?:{_HIT_VERBS})\s+(?:[\w'’-]+\s+){{0,6}}?{_MEN_OF_TAIL}")
# "An SDF member from al-Sa'wa town ... was shot dead by gunmen", "two SDF fighters were wounded": a force's
# men told as the subject of a passive act were hit (folded text)
_WAS_HIT = (
    r"(?<!\w)(?:was|were|has been|have been|had been)\s+(?:\w+\s+)?(?:shot|killed|wounded|injured|targeted|"
    r"attacked|abducted|kidnapped|assassinated|hit|struck)(?!\w)"
)
_HIT_PASSIVE = re.compile(
    r"\s+(?:member|members|fighter|fighters|commander|commanders|soldier|soldiers|officer|officers|personnel|"
    rf"employee|employees|official|officials|patrol|vehicle|car)(?!\w)(?:[^.;:]{{0,80}}?{_WAS_HIT}"
    # a headline's passive with no "was": "US-backed SDF commander assassinated in Raqqa countryside"
    r"|\s+(?:assassinated|killed|shot dead|wounded|injured|abducted|kidnapped)(?=\s+(?:in|near|by|at|on|during|after|while)\s|\s*[,.;:\n]|\s*$))"
)
# "four members of the Damascus government's National Defense Forces were killed": the men named before the force
_MEN_OF = re.compile(rf"(?<!\w){_MEN_OF_TAIL}")
_PASSIVE_HIT = re.compile(rf"[^.;:]{{0,60}}?{_WAS_HIT}")
# "SDF says airstrike near Kobane killed nine civilians": who says what happened told it (not "SDF says it repelled
# ...", where it acted)
_SAYS = re.compile(r"\s+(?:says|reports)\s+(?:that\s+)?(?!it\s|its\s|they\s|their\s|we\s|our\s|[a-z]+ed\s)")
# ", the Kurdish-led Syrian Democratic Forces (SDF) said on Monday": a "-led" word and a bracketed short name
_ATTRIBUTION = re.compile(
    r"\s*(?:\([^()]{1,16}\)\s*)?(?:said|says|told|reported|announced|stated)(?!\w)(?![^.,;]{0,40}\b(?:it|its|they|their|we|our)\s)"
)
_CLAUSE_OPEN = re.compile(r",\s*(?:the\s+|an?\s+)?(?:[\w-]+-(?:led|backed|based)\s+)?$")
# victim cues that name a unit of men (who may act), not a place or a thing that is hit
_UNITS = frozenset(["دوريه", "عناصر", "عنصر", "من عناصر"])
_VICTIM, _SUBJECT, _SOURCE = REACH["victim"], REACH["unit_subject"], REACH["source"]
_HOLDER, _SUPPORT, _SPEAKER = REACH["holder"], REACH["support"], REACH["speaker"]
# "... أن قوات الحكومة"، "said that Turkish forces": what opens the clause a speaker tells
_THAT = re.compile(r"(?<!\w)(?:ان|بان|that)(?!\w)")


@rule("roles", cues=("victim",))
def a_unit_after_a_raid_verb_acts(sv: SentenceView, a: ActorMention) -> str | None:
    """ "داهمت دورية لقسد"، "أقدم عناصر من الفرقة الرابعة": a unit of men right after the verb is its subject."""
    victim = cue_before(sv, a.start, _VICTIM)
    if victim is not None and victim.entry.key in _UNITS and cue_before(sv, victim.start, _SUBJECT):
        return "agent"
    return None


@rule("roles", cues=("victim",))
def an_actor_after_a_victim_word_was_hit(sv: SentenceView, a: ActorMention) -> str | None:
    """ "مقتل عنصرين من قسد"، "استهدف ... دورية لقسد": an actor right after a victim word is who was hit."""
    return "victim" if cue_before(sv, a.start, _VICTIM) is not None else None


@rule("roles")
def a_force_counted_after_the_act_is_its_victim(sv: SentenceView, a: ActorMention) -> str | None:
    """ "killed five ISIS members", "captured two SDF fighters": a counted force after the act is its victim."""
    if a.group in _NOT_ARMED:
        return None
    text, lo, far = sv.rep.text, max(0, a.start - 50), max(0, a.start - 90)
    # every verb the patterns know ends in -ed or -ing: a C substring test spares the regex most times
    if (text.find("ed", far, a.start) != -1 or text.find("ing", far, a.start) != -1) and (
        _COUNTED.search(text, lo, a.start) or _MEN_HIT.search(text, far, a.start)
    ):
        return "victim"
    return None


@rule("roles")
def a_forces_men_hit_in_the_passive_were_its_victims(sv: SentenceView, a: ActorMention) -> str | None:
    """ "An SDF member from al-Sa'wa town was shot dead by gunmen", "Two SDF fighters were wounded when ...",
    "Four members of the National Defense Forces were killed by a drone": a force's men told as the subject of a
    passive act were hit (English)."""
    return "victim" if hit_in_the_passive(sv, a) else None


def hit_in_the_passive(sv: SentenceView, a: ActorMention) -> bool:
    """Whether ``a`` names a force whose men are the subject of a passive act ("An SDF member ... was shot", "four
    members of the Damascus government's National Defense Forces were killed")."""
    if a.group in _NOT_ARMED:
        return False
    text, end = sv.rep.text, min(sv.s.end, a.end + 140)
    if _HIT_PASSIVE.match(text, a.end, end):
        return True
    return bool(_MEN_OF.search(text, max(sv.s.start, a.start - 60), a.start)) and bool(
        _PASSIVE_HIT.match(text, a.end, end)
    )


@rule("roles")
def a_leading_attribution_names_who_told(sv: SentenceView, a: ActorMention) -> str | None:
    """ "SDF says airstrike near Kobane killed nine civilians": a force that opens a headline saying what happened,
    with no "it" or "its forces" after, told it; it did not act (English)."""
    text, lead = sv.rep.text, a.start - sv.s.start
    return (
        "source"
        if lead <= 4 and not text[sv.s.start : a.start].strip() and _SAYS.match(text, a.end)
        else None
    )


@rule("roles")
def a_trailing_attribution_names_who_told(sv: SentenceView, a: ActorMention) -> str | None:
    """ ", the Asayish said.", ", the Kurdish-led Syrian Democratic Forces (SDF) said on Monday": a trailing
    attribution names who told, not who acted."""
    text = sv.rep.text
    if _ATTRIBUTION.match(text, a.end) and _CLAUSE_OPEN.search(text, max(0, a.start - 40), a.start):
        return "source"
    return None


@rule("roles", cues=("source",))
def a_source_in_a_force_told_it(sv: SentenceView, a: ActorMention) -> str | None:
    """ "مصدر عسكري في قسد"، "المتحدث باسم قسد"، "the spokesman of the Kurdish-led Manbij Military Council": a
    source noun before the force, the words between ending in a preposition."""
    if not cue_before(sv, a.start, _SOURCE):
        return None
    before = QUOTES.sub(" ", sv.rep.text[max(0, a.start - 30) : a.start]).split()
    # "the official spokesman of the Kurdish-led Manbij Military Council": an article and a "-led" or "-backed"
    # word between the preposition and the force
    while before and (before[-1] == "the" or before[-1].endswith(("-led", "-backed"))):
        before.pop()
    if before and before[-1] in ("في", "من", "لدي", "in", "from", "of", "باسم", "مقرب", "مقربه"):
        return "source"
    return None


@rule("roles", cues=("holder",))
def who_holds_a_place_is_no_actor(sv: SentenceView, a: ActorMention) -> str | None:
    """ "منطقة التنف التي تحتلها القوات الأمريكية": who holds a place told of is not an actor of the act."""
    return "source" if cue_before(sv, a.start, _HOLDER) else None


_TELLING = ("speaker", "speech", "statement", "claim")  # the cue kinds of a verb of telling


@rule("roles", cues=_TELLING)
def a_force_telling_of_anothers_act_was_its_target(sv: SentenceView, a: ActorMention) -> str | None:
    """ "ذكرت قسد في بيان أن قوات الحكومة هاجمت قرى الشيوخ"، "the SDF said that Turkish forces shelled": a force
    that tells of an act another named force did is not its actor; it tells of an act on its own side."""
    text = sv.rep.text
    told = any(
        0 <= a.start - c.end <= _SPEAKER.chars or 0 <= c.start - a.end <= _SPEAKER.chars
        for kind in _TELLING
        for c in sv.cue_kinds.get(kind, ())
    )
    if not told:
        return None
    that = _THAT.search(text, a.end, min(sv.s.end, a.end + 60))
    if that is None:
        return None
    return (
        "victim" if any(o.group != a.group and 0 <= o.start - that.end() <= 25 for o in sv.actors) else None
    )


@rule("roles", cues=("support",))
def a_force_after_a_support_word_supports(sv: SentenceView, a: ActorMention) -> str | None:
    """ "بمساندة طيران التحالف"، "backed by coalition aircraft": the force supports the act."""
    return "support" if cue_before(sv, a.start, _SUPPORT) else None


RULES = (
    a_unit_after_a_raid_verb_acts,
    an_actor_after_a_victim_word_was_hit,
    a_force_counted_after_the_act_is_its_victim,
    a_forces_men_hit_in_the_passive_were_its_victims,
    a_leading_attribution_names_who_told,
    a_trailing_attribution_names_who_told,
    a_source_in_a_force_told_it,
    who_holds_a_place_is_no_actor,
    a_force_telling_of_anothers_act_was_its_target,
    a_force_after_a_support_word_supports,
)


def roles(sv: SentenceView) -> dict[int, str]:
    """Each actor mention's role (by ``id``) from the words around it, read once per sentence."""
    if sv.roles is None:
        rules = sv.rules.roles
        tracer = sv.rep.tracer
        out: dict[int, str] = {}
        for a in sv.actors:
            role = "agent"
            for fn in rules:
                got = fn(sv, a)
                if got is not None:
                    role = got
                    if tracer is not None:
                        tracer.role(fn, a, got)
                    break
            out[id(a)] = role
        sv.roles = out
    return sv.roles


def linked(sv: SentenceView) -> dict[int, str]:
    """The roles after the stage ``role_links`` (once per sentence): what the acts' sides are read from."""
    if sv.linked is None:
        sv.linked = chain(sv.rules.role_links, sv, roles(sv), sv.rep.tracer)
    return sv.linked


def agents(sv: SentenceView) -> list[ActorMention]:
    """The sentence's agents, in order (once per sentence)."""
    if sv.agents is None:
        rs = linked(sv)
        sv.agents = [a for a in sv.actors if rs[id(a)] == "agent"]
    return sv.agents
