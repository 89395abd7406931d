"""Stage ``sides``: who acted (actor 1), on whom (actor 2) and with whom (associated actor).

The value is the act's ``Coding`` (type, sides, whether actor 1 was named in the sentence); the actors'
roles come from the stages ``roles`` and ``role_links`` (once per sentence). A crowd policy
(protest, riot) or flight fixes the sides first; otherwise the claimant, the agent nearest the act or the
sentence's first agent is actor 1, and actor 2 is read as the policy table says (``data/policies.csv``).
The last rules carry sides over from the sentence before and name civilian victims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..actors import _NOT_ARMED, CIVILIANS, PROTESTERS, RIOTERS, UNIDENTIFIED, ActorMention, group_of
from .act import Act
from .cluster import zone
from .report import cue_before, words
from .roles import agents, hit_in_the_passive, linked
from .rules import Record, rule
from .tables import REACH

_INMATES_AFTER = re.compile(r"[\s-]*(?:detainees|prisoners|inmates|members'? families)(?!\w)")
_BY = re.compile(r"(?<!\w)by(?!\w)")  # English: an actor after the verb acts only as "by X"
_BETWEEN_ANY = re.compile(r"(?<!\w)(?:بين|between)(?!\w)")
_AND = re.compile(r"(?:^|\s)(?:و|and(?!\w))")
_STRIKES = frozenset(["Air/drone strike", "Shelling/artillery/missile attack"])
_CROWDS = {"protesters": PROTESTERS, "rioters": RIOTERS}


def _agent_acts(p) -> bool:
    """A rule condition: the policy's actor 1 is an agent named in the sentence (not a crowd or the displaced)."""
    return p.actor1 == "agent"


_INMATE, _CLAIM, _AFFILIATION = REACH["inmate"], REACH["claim"], REACH["affiliation"]
_CLAIM_AFTER, _NEAR = REACH["claim_after"].chars, REACH["agent_near"].chars
_AFFILIATED, _CROWD_OPENING = REACH["affiliated_force"].chars, REACH["crowd_opening"].chars
_SUBJECTED = re.compile(rf"(?<!\w)(?:{words('subjected')})(?!\w)")  # "تعرّض قيادي في قسد لمحاولة اغتيال"
_RIVAL_BETWEEN, _RIVAL_GAP = REACH["rival_between"].chars, REACH["rival_gap"].chars


@dataclass(slots=True)
class Coding(Record):
    """How an act is coded: its type and sides (``own``: actor 1 was named for it, not assumed)."""

    event_type: str
    sub_event_type: str
    actor1: str = UNIDENTIFIED
    actor2: str | None = None
    assoc1: str | None = None
    own: bool = False
    mention: ActorMention | None = None  # the mention actor 1 was read from
    fixed: bool = False  # a crowd or flight policy set both sides
    opponents: tuple[ActorMention, ...] = ()  # a crowd's armed opponents, first first


def start(act: Act) -> Coding:
    return Coding(act.anchor.event_type, act.anchor.sub_event_type)


def _agents(act: Act, c: Coding) -> list[ActorMention]:
    return agents(act.sv)


def _others(act: Act, c: Coding) -> list[ActorMention]:
    """Actors of another family than actor 1's, neither crowds nor sources."""
    g1, rs = (c.mention.group if c.mention else None), linked(act.sv)
    return [
        a
        for a in act.sv.actors
        if a.group != g1 and a.group not in ("PROTESTERS", "RIOTERS") and rs[id(a)] != "source"
    ]


# -- sides a policy fixes ------------------------------------------------------------------------------------
@rule("sides", where=lambda p: p.actor1 in _CROWDS)
def a_crowd_acts_against_the_force_in_its_clause(act: Act, c: Coding) -> Coding:
    """Protesters or rioters are actor 1; an armed force in the crowd's clause (or named before the protest
    word near the sentence's start) is the one that faced them ("فرّقت الأسايش مظاهرة")."""
    crowd = _CROWDS.get(act.pol.actor1)
    if crowd is None:
        return c
    sv, cluster = act.sv, act.cluster
    segs = [zone(sv, t) for t in cluster]
    first = min(t.start for t in cluster)
    others = [o for o in sv.full if o not in cluster]
    cand = tuple(
        a
        for a in sv.actors
        if a.group not in ("PROTESTERS", "RIOTERS", "CIVILIANS")
        and (
            any(lo <= a.start < hi for lo, hi in segs)
            or (
                a.start - sv.s.start <= _CROWD_OPENING
                and a.start < first
                and not any(a.end <= o.start < first for o in others)
            )
        )
    )
    c.actor1 = crowd
    c.fixed = True
    c.opponents = cand
    c.actor2 = cand[0].name if cand else None
    c.own = bool(cand)
    return c


def _opponents(c: Coding, cand: tuple[ActorMention, ...]) -> Coding:
    c.opponents = cand
    c.actor2 = cand[0].name if cand else None
    c.own = bool(cand)
    return c


@rule("sides", cues=("cause",), where=lambda p: p.actor1 in _CROWDS)
def what_a_protest_is_against_took_no_part(act: Act, c: Coding) -> Coding:
    """ "احتجاجاً على مقتل شاب برصاص الأمن العام": what is protested against did not take part."""
    causes = act.sv.cue_kinds.get("cause")
    if not c.opponents or not causes:
        return c
    s = act.sv.s
    cand = tuple(
        a
        for a in c.opponents
        if not any(x.end <= a.start and s.segment_of(x.start) == s.segment_of(a.start) for x in causes)
    )
    return _opponents(c, cand) if len(cand) != len(c.opponents) else c


@rule("sides", where=lambda p: p.actor1 in _CROWDS)
def inmates_are_the_rioters(act: Act, c: Coding) -> Coding:
    """ "ISIS detainees riot"، "معتقلو داعش": the inmates are the rioters, not their opponent."""
    if not c.opponents:
        return c
    sv, text = act.sv, act.rep.text
    cand = tuple(
        a
        for a in c.opponents
        if not _INMATES_AFTER.match(text, a.end) and not cue_before(sv, a.start, _INMATE)
    )
    return _opponents(c, cand) if len(cand) != len(c.opponents) else c


@rule("sides", where=lambda p: p.actor1 == "civilians")
def the_displaced_are_civilians(act: Act, c: Coding) -> Coding:
    """ "نزوح عشرات العائلات": people who flee are civilians (actor 1), with no other side."""
    if act.pol.actor1 != "civilians":
        return c
    c.actor1 = CIVILIANS
    c.actor2 = None
    c.assoc1 = None
    c.own = True
    c.fixed = True
    return c


# -- actor 1 -------------------------------------------------------------------------------------------------
def _picked(c: Coding, a: ActorMention) -> Coding:
    c.mention = a
    c.actor1 = a.name
    c.own = True
    return c


def claimant(sv, agents: list[ActorMention]) -> ActorMention | None:
    """The agent a claim cue names: after the verb ("تبنى تنظيم داعش"), or in English before it."""
    claims = sv.cue_kinds.get("claim")
    if not claims:
        return None
    text = sv.rep.text
    for a in agents:
        if cue_before(sv, a.start, _CLAIM):
            return a
        # English: the claimant stands before the verb ("ISIS later claimed ...")
        if any(
            0 <= x.start - a.end <= _CLAIM_AFTER and len(text[a.end : x.start].split()) <= 2 for x in claims
        ):
            return a
    return None


@rule("sides", cues=("claim",), where=_agent_acts)
def the_claimant_acted(act: Act, c: Coding) -> Coding:
    """ "تبنى تنظيم داعش الهجوم"، "ISIS claimed the attack": the claimant acted."""
    if c.fixed or c.mention is not None or "claim" not in act.sv.cue_kinds:
        return c
    a = claimant(act.sv, _agents(act, c))
    return _picked(c, a) if a is not None else c


@rule("sides", where=_agent_acts)
def the_agent_nearest_the_act(act: Act, c: Coding) -> Coding:
    """ "قصفت القوات التركية"، "strikes by Turkish drones": an agent right before or after the event word acted
    (in English, after it only as "by X"); the strongest word of the act is looked at first."""
    if c.fixed or c.mention is not None:
        return c
    agents, text = _agents(act, c), act.rep.text
    for t in sorted(act.cluster, key=lambda t: -t.strength):
        near = [
            (a.start - t.end, a)
            for a in agents
            if 0 <= a.start - t.end <= _NEAR and (not t.english or _BY.search(text, t.end, a.start))
        ]
        near += [(t.start - a.end, a) for a in agents if 0 <= t.start - a.end <= _NEAR]
        near += [(0, a) for a in agents if a.start < t.end and t.start < a.end]  # "الطيران الروسي"
        if near:
            return _picked(c, min(near, key=lambda x: x[0])[1])
    return c


@rule("sides", where=_agent_acts)
def the_first_agent_of_the_sentence(act: Act, c: Coding) -> Coding:
    """ "أقدمت مجموعة مسلحة ... على اختطاف": with none near the word, the sentence's first agent before it acted."""
    if c.fixed or c.mention is not None:
        return c
    agents = _agents(act, c)
    prior = [a for a in agents if a.start < act.anchor.start]
    a = prior[0] if prior else (agents[0] if agents else None)
    return _picked(c, a) if a is not None else c


@rule("sides", where=_agent_acts)
def unknown_gunmen_of_a_named_force(act: Act, c: Coding) -> Coding:
    """ "مسلحون مجهولون يتبعون للفرقة الرابعة": the named force unknown gunmen belong to acted."""
    m = c.mention
    if c.fixed or m is None or m.group != "UNIDENTIFIED":
        return c
    sv = act.sv
    named = [a for a in _agents(act, c) if a.group != "UNIDENTIFIED" and 0 <= a.start - m.end <= _AFFILIATED]
    a = next((a for a in named if cue_before(sv, a.start, _AFFILIATION)), None)
    return _picked(c, a) if a is not None else c


# -- actor 2 and the associated actor ------------------------------------------------------------------------
def _support(act: Act, c: Coding) -> ActorMention | None:
    g1, rs = (c.mention.group if c.mention else None), linked(act.sv)
    return next((a for a in act.sv.actors if rs[id(a)] == "support" and a.group != g1), None)


@rule("sides", where=_agent_acts)
def a_supporting_force_is_associated(act: Act, c: Coding) -> Coding:
    """ "بمساندة طيران التحالف"، "backed by coalition aircraft": the supporting force is actor 1's associate."""
    if c.fixed or "support" not in linked(act.sv).values():
        return c
    support = _support(act, c)
    if support is None:
        return c
    c.assoc1 = support.name
    return c


@rule("sides", where=lambda p: p.actor2 == "partner")
def the_partner_force_is_actor2(act: Act, c: Coding) -> Coding:
    """ "بالتنسيق مع القوات التركية": a one-sided act's partner force is actor 2 (as the golds code بمساندة)."""
    if c.fixed or act.pol.actor2 != "partner":
        return c
    c.actor2 = c.assoc1
    return c


@rule("sides", where=lambda p: p.actor2 == "civilians")
def a_fighter_hit_names_the_force_hit(act: Act, c: Coding) -> Coding:
    """ "اغتيال قيادي في قسد برصاص مجهولين"، "اغتال مسلحون القيادي في قسد": a member of an armed force
    (a victim word before it) is that force's, not a civilian."""
    if c.fixed or act.pol.actor2 != "civilians" or c.actor2 is not None:
        return c
    rs, text = linked(act.sv), act.rep.text
    seg = act.sv.s.segment_of(act.anchor.start)
    hit = [
        a
        for a in _others(act, c)
        if rs[id(a)] == "victim"
        and a.group not in _NOT_ARMED
        # "عناصر من تنظيم الدولة قد أعدموا": members before the verb did it, unless subjected to it
        and (a.start > act.anchor.start or _SUBJECTED.search(text, seg[0], act.anchor.start))
        and act.sv.s.segment_of(a.start) == seg
    ]
    if hit:
        c.actor2 = hit[0].name
    return c


@rule("sides", where=lambda p: p.actor2 == "civilians")
def violence_against_civilians_hits_civilians(act: Act, c: Coding) -> Coding:
    """ "اغتيال"، "قتل مسلحون مدنياً": violence against civilians has civilians as actor 2; an armed force's
    men told as hit ("An SDF member ... was shot dead by gunmen") are the force (stage ``refine`` then reads a
    clash)."""
    if c.fixed or act.pol.actor2 != "civilians" or c.actor2 is not None:
        return c
    hit = [a for a in _others(act, c) if hit_in_the_passive(act.sv, a)]
    c.actor2 = hit[0].name if hit else CIVILIANS
    return c


@rule("sides", where=lambda p: p.actor2 == "arrested")
def the_people_seized_are_actor2(act: Act, c: Coding) -> Coding:
    """ "اعتقلت قسد خمسة من عناصر داعش": those named after the arrest (or in its clause) were seized, else civilians.

    A force that supported the raid is actor 2 before them ("killed five ISIS members in a raid").
    """
    if c.fixed or act.pol.actor2 != "arrested":
        return c
    s, anchor, rs = act.sv.s, act.anchor, linked(act.sv)
    victims = [a for a in _others(act, c) if rs[id(a)] == "victim"]
    seg = s.segment_of(anchor.start)
    arrested = [a for a in victims if a.start > anchor.start] or [
        a for a in victims if s.segment_of(a.start) == seg
    ]
    c.actor2 = c.assoc1 or (arrested[0].name if arrested else CIVILIANS)
    return c


@rule("sides", where=lambda p: p.actor2 in ("victims", "victims_or_rival"))
def the_victim_is_actor2(act: Act, c: Coding) -> Coding:
    """ "هاجم مسلحون من داعش حاجزاً لقسد": the victim is actor 2; else another side named, else the supporter."""
    if c.fixed or act.pol.actor2 not in ("victims", "victims_or_rival"):
        return c
    rs = linked(act.sv)
    others = _others(act, c)
    pick = [a for a in others if rs[id(a)] == "victim"] or [a for a in others if rs[id(a)] != "support"]
    if not pick and "support" in rs.values():
        support = _support(act, c)
        pick = [support] if support else []
    if not pick:
        return c
    c.actor2 = pick[0].name
    return c


@rule("sides", where=lambda p: p.actor2 == "victims_or_rival")
def two_factions_of_one_family_fight_each_other(act: Act, c: Coding) -> Coding:
    """ "اشتباكات بين الحمزات والعمشات": two factions of one family fight each other (both named)."""
    actor1 = c.mention
    if c.fixed or act.pol.actor2 != "victims_or_rival" or c.actor2 is not None or actor1 is None:
        return c
    sv, text = act.sv, act.rep.text
    key1 = text[actor1.start : actor1.end]
    for a in _agents(act, c):
        if a is actor1 or a.group != actor1.group or text[a.start : a.end] == key1:
            continue
        lo, hi = min(a.start, actor1.start), max(a.start, actor1.start)
        gap = text[min(a.end, actor1.end) : hi]
        if (
            _BETWEEN_ANY.search(text, max(sv.s.start, lo - _RIVAL_BETWEEN), lo)
            and _AND.search(gap)
            and len(gap) <= _RIVAL_GAP
        ):
            c.actor2 = a.name
            return c
    return c


# -- sides read from the report around the sentence -----------------------------------------------------------
def _previous(act: Act):
    """The draft of the sentence right before, when its actor was named and the act may borrow it."""
    drafts, s = act.sv.ledger.drafts, act.sv.s
    prev = drafts[-1] if drafts else None
    if prev is None or prev.sentence != s.index - 1 or not prev.own_actor or s.headline:
        return None
    return prev if act.pol.carries_attacker else None


@rule("sides", where=lambda p: p.carries_attacker)
def the_attacker_carries_to_the_next_sentence(act: Act, c: Coding) -> Coding:
    """ "طائرة مسيرة تركية ... . وقُتل ... بقصف ...": the attacker of the sentence before carries over when
    this one names none (a body's own actor still wins; an arrest keeps its own actor 2)."""
    prev = _previous(act)
    if prev is None or c.own or prev.actor1 == UNIDENTIFIED:
        return c
    arrest = act.policy == "arrest"
    if prev.family != "violence" and not arrest:
        return c
    a2 = c.actor2
    carried2 = a2 if a2 is not None and group_of(a2) != group_of(prev.actor1) else prev.actor2
    c.actor1 = prev.actor1
    c.actor2 = a2 if arrest else carried2
    c.own = False
    return c


@rule("sides", cues=("reply",), where=lambda p: p.carries_attacker)
def a_reply_targets_the_side_that_acted_before(act: Act, c: Coding) -> Coding:
    """ "ردّت قسد بقصف ...": a reply targets the side that acted in the sentence before."""
    if not c.own or c.actor2 is not None or "reply" not in act.sv.cue_kinds:
        return c
    prev = _previous(act)
    if (
        prev is None
        or prev.family != "violence"
        or group_of(prev.actor1) == group_of(c.actor1)
        or prev.actor1 == UNIDENTIFIED
    ):
        return c
    c.actor2 = prev.actor1
    return c


@rule("sides", where=lambda p: p.named_civilians_are_victims)
def civilians_named_at_an_attack_are_its_victims(act: Act, c: Coding) -> Coding:
    """ "قُتل مدنيان اثنان ... بانفجار دراجة نارية مفخخة": civilians named at an attack are its victims."""
    if c.actor1 != CIVILIANS or not act.pol.named_civilians_are_victims:
        return c
    c.actor1 = UNIDENTIFIED
    c.actor2 = c.actor2 or CIVILIANS
    c.own = False
    return c


@rule("sides", subs=tuple(_STRIKES))
def an_unattributed_strike_is_one_more_of_the_reports(act: Act, c: Coding) -> Coding:
    """ "another airstrike hit ..."، "قصف مماثل": a strike with no striker named is one more of the strikes the
    report already attributed (a coder reads the report, not the sentence)."""
    sub = c.sub_event_type
    if c.own or c.actor1 != UNIDENTIFIED or sub not in _STRIKES:
        return c
    prev = next((d for d in reversed(act.sv.ledger.drafts) if d.sub_event_type == sub and d.own_actor), None)
    if prev is not None and group_of(prev.actor1) not in _NOT_ARMED and prev.actor1 != c.actor2:
        c.actor1 = prev.actor1
        return c
    return c


@rule("sides", subs=("Arrests",))
def an_unattributed_arrest_is_one_more_of_the_reports(act: Act, c: Coding) -> Coding:
    """ "شنّت قسد حملة اعتقالات ..." then "واعتُقل كذلك 16 شاباً في قرى ...": an arrest told in the passive, with
    no one named, is one more of the arrests the report already attributed."""
    if c.own or c.actor1 != UNIDENTIFIED or c.sub_event_type != "Arrests":
        return c
    prev = next(
        (d for d in reversed(act.sv.ledger.drafts) if d.sub_event_type == "Arrests" and d.own_actor), None
    )
    if prev is not None and group_of(prev.actor1) not in _NOT_ARMED and prev.actor1 != c.actor2:
        c.actor1 = prev.actor1
    return c


@rule("sides", cues=("civilian",), types=("Explosions/Remote violence",))
def civilians_hurt_by_explosives(act: Act, c: Coding) -> Coding:
    """ "قُتل طفلان بانفجار لغم"، "سيارة مدنية": a child, a shepherd, a civilian car hurt by a strike or a mine
    are civilian victims."""
    if c.actor2 is None and c.event_type == "Explosions/Remote violence" and act.sv.cue_kinds.get("civilian"):
        c.actor2 = CIVILIANS
        return c
    return c


@rule("sides", subs=("Looting/property destruction",))
def looters_take_from_civilians(act: Act, c: Coding) -> Coding:
    """ "أقدم عناصر من الفرقة الرابعة على نهب مستودع": armed men who loot or burn property take it from civilians."""
    if (
        c.sub_event_type == "Looting/property destruction"
        and c.actor2 is None
        and c.own
        and group_of(c.actor1) not in _NOT_ARMED
    ):
        c.actor2 = CIVILIANS
        return c
    return c


RULES = (
    a_crowd_acts_against_the_force_in_its_clause,
    what_a_protest_is_against_took_no_part,
    inmates_are_the_rioters,
    the_displaced_are_civilians,
    the_claimant_acted,
    the_agent_nearest_the_act,
    the_first_agent_of_the_sentence,
    unknown_gunmen_of_a_named_force,
    a_supporting_force_is_associated,
    the_partner_force_is_actor2,
    a_fighter_hit_names_the_force_hit,
    violence_against_civilians_hits_civilians,
    the_people_seized_are_actor2,
    the_victim_is_actor2,
    two_factions_of_one_family_fight_each_other,
    the_attacker_carries_to_the_next_sentence,
    a_reply_targets_the_side_that_acted_before,
    civilians_named_at_an_attack_are_its_victims,
    an_unattributed_strike_is_one_more_of_the_reports,
    an_unattributed_arrest_is_one_more_of_the_reports,
    civilians_hurt_by_explosives,
    looters_take_from_civilians,
)
