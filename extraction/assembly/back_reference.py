"""Stage ``back_reference``: a sentence whose only event words refer back ("الهجوم"، "the attack").

It runs when no act stands. The value is the list of acts (empty on the way in): a back-reference with a
renewal word is a new act of its kind ("وتجددت الاشتباكات"); otherwise, when the sentence's day fits, it adds
its death figures, a precise place or a claimant to the last event told. ``None`` ends the sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..actors import group_of
from ..dates import grammar
from ..gazetteer import km
from ..places.context import CITY_KM
from ..triggers import Trigger, promote
from .clause_places import places_in
from .ledger import Draft
from .place_refs import institution
from .place_roles import role_of
from .report import SentenceView, family, same_time
from .roles import roles
from .rules import rule
from .sides import claimant
from .tables import REACH
from .when import said_on

_RENEWAL = REACH["renewal"].chars
# "one more Turkish breach of the ceasefire deals reached in October 2019": the day of a deal, not of the act
_AGREED = re.compile(
    r"(?:reached|signed|agreed|concluded|struck|ابرم|الموقع|الذي تم التوصل اليه)\s+(?:in|on|في)?\s*$"
)


_COMES = re.compile(rf"و?(?:{'|'.join(map(re.escape, grammar().words.get('comes', {})))})(?!\w)")


def _anaphors(sv: SentenceView) -> list[Trigger]:
    return [t for t in sv.triggers if t.anaphor]


def _refers_back(sv: SentenceView, full: list[Trigger]) -> bool:
    """Nothing stands, the sentence refers back, there is an event to refer to, and its day fits."""
    last = sv.ledger.last_group
    return not full and last is not None and bool(_anaphors(sv)) and same_time(sv, last)


@rule("back_reference", cues=("renewal",))
def renewed_fighting_is_a_new_event(sv: SentenceView, full: list[Trigger]) -> list[Trigger] | None:
    """ "وتجددت الاشتباكات صباح اليوم"، "the clashes resumed": the same kind of act again is another event."""
    if full or sv.ledger.last_group is None:
        return full
    renewed = sv.cue_kinds.get("renewal", ())
    fresh = [t for t in _anaphors(sv) if any(0 <= t.start - c.end <= _RENEWAL for c in renewed)]
    if not fresh:
        return full
    # a renewal of no kind of act names nothing: the sentence is done
    return [p for p in (promote(t) for t in fresh) if p is not None and p.event_type != "*"] or None


@rule("back_reference")
def a_back_reference_to_violence_none_told_is_an_act(
    sv: SentenceView, full: list[Trigger]
) -> list[Trigger] | None:
    """ "... detained many residents" then "the clashes spread to the villages of Al-Shakikah and Abu Hamam": a
    definite noun of violence when the report has told no violence refers to nothing told; it is its act (not
    talks, a meeting or a patrol: those name no event)."""
    last = sv.ledger.last_group
    if full or last is None or not last.members:
        return full
    typed = [promote(t) for t in _anaphors(sv)]
    if not typed or None in typed or any(family(p.event_type) != "violence" for p in typed):
        return full
    if any(d.family == "violence" for d in sv.ledger.drafts):
        return full
    return typed


@rule("back_reference")
def a_back_reference_with_another_day_tells_another_act(
    sv: SentenceView, full: list[Trigger]
) -> list[Trigger]:
    """ "وأفاد سكان بأن القتال بين القبيلتين اندلع في 19 من تموز": a definite act noun told with a day of its
    own, outside the last event's days, is an earlier act of that kind, not the one just told (violence only);
    a bare "the attack" with dead of its own, an earlier act of the last event's kind."""
    last = sv.ledger.last_group
    if full or last is None or sv.s.headline or not last.members or "renewal" in sv.cue_kinds:
        return full  # "وتجددت الاشتباكات": a renewal is renewed_fighting_is_a_new_event's to read
    text, m = sv.rep.text, last.members[0]
    amid = sv.cue_kinds.get("amid", ())  # "في ظل هدنة بدأ سريانها يوم السبت": the circumstance's day
    days = [
        d
        for d in sv.dates
        if not d.is_reference
        and not said_on(text, d)
        and not any(c.end <= d.start for c in amid)
        and not _AGREED.search(text, max(0, d.start - 24), d.start)
        and not _COMES.match(text, d.start)
    ]  # not "said on Monday", not "the ceasefire deals reached in October 2019", not "هذا الهجوم ... ويأتي بعد
    # يومين من دعوة": the day of what the act told comes after
    if not days or any(d.dmin <= m.dmax and m.dmin <= d.dmax for d in days):
        return full
    promoted = [p for p in (promote(t) for t in _anaphors(sv)) if p is not None and p.event_type != "*"]
    if not promoted and sv.figures and m.family == "violence":
        # "On Aug. 6, one SDF fighter, two children and one adult lost their lives in the attack": a bare
        # "the attack" with its own day and dead is an earlier act of the kind the report is about
        t = _anaphors(sv)[0]
        kind = m.event_type, m.sub_event_type
        promoted = [replace(t, event_type=kind[0], sub_event_type=kind[1], strength=2, anaphor=False)]
    return [p for p in promoted if family(p.event_type) == "violence"] or full


@rule("back_reference", cues=("toll_update",))
def a_toll_update_is_the_last_events_new_toll(sv: SentenceView, full: list[Trigger]) -> list[Trigger]:
    """ "ارتفاع حصيلة القتلى إلى 9" after "سقوط قتيل و5 جرحى"، "the death toll rose to 9": the update is the
    event's toll, not the lowest of its tellings; told first under its headline, it is the act (told with no
    event before it, it updates another report's: no event)."""
    if "toll_update" not in sv.cue_kinds or full:
        return full
    last = sv.ledger.last_group
    if last is not None and last.members and all(m.headline for m in last.members):
        # "ارتفاع حصيلة القتلى إلى 9 جراء قصف نفذته طائرة مسيرة على مقر ..." under its headline: the body's first
        # telling is the act itself
        return [
            p for p in (promote(t) for t in _anaphors(sv)) if p is not None and p.event_type != "*"
        ] or full
    if not _refers_back(sv, full) or not sv.figures:
        return full
    last, value = sv.ledger.last_group, max(f.value for f in sv.figures)
    last.floor = max(last.floor, value)
    for m in last.members:
        sv.ledger.note(
            m, "a_toll_update_is_the_last_events_new_toll", f"toll {value} (sentence {sv.s.index + 1})"
        )
    return full


@rule("back_reference")
def a_back_reference_adds_its_toll(sv: SentenceView, full: list[Trigger]) -> list[Trigger]:
    """ "وأسفر الهجوم عن مقتل عنصرين": the death figures of a back-reference are the last event's; not those a
    claimant gives ("claimed the attack, saying it had ... killed three crusaders": its claim, not a toll)."""
    if not _refers_back(sv, full):
        return full
    claims = sv.cue_kinds.get("claim", ())
    last = sv.ledger.last_group
    values = [f.value for f in sv.figures if not any(c.end <= f.start for c in claims)]
    last.figures.extend(values)
    for m in last.members if values else ():
        sv.ledger.note(
            m, "a_back_reference_adds_its_toll", f"deaths {values} told in sentence {sv.s.index + 1}"
        )
    return full


@rule("back_reference")
def a_back_reference_places_a_vague_event(sv: SentenceView, full: list[Trigger]) -> list[Trigger]:
    """ "العبوة ... قرب العريشة": a back-reference that names a precise place refines a vaguely placed event, or one
    at a town the village named lies by ("the drone hit the village of al-Raqas" after "... Kobani"); one
    that names where shells or strikes fell ("القذائف التركية سقطت على قرى الخالدية وبئر كوندي") places it at the
    first and tells one at each other.

    Not where people fled from or to ("... النزوح من عين عيسى باتجاه الرقة").
    """
    if not _refers_back(sv, full):
        return full
    live = list(sv.ledger.last_group.members)
    if len(live) != 1:
        return full
    d = _referent(sv, live[0])
    s, rep = sv.s, sv.rep
    told = [r for r in places_in(sv, s.start, s.end, "armed") if r.idx < 0 or role_of(rep, r.idx) == "at"]
    refs = [r for r in told if not r.weak]
    vague = d.place.weak or d.place.inherited or (d.place.mention is not None and d.place.mention.qualifier)
    if not vague and not (refs and _a_village_of(refs[0], d.place)):
        return full
    if not refs and d.place.weak:
        # "على مقر مكتب العلاقات العسكرية التابع لمجلس تل تمر العسكري": an institution's town beats a province
        refs = [r for r in told if institution(r)]
    if refs and refs[0].key != d.place.key:
        change = f"place {d.place.place.name_en} → {refs[0].place.name_en} (sentence {s.index + 1})"
        sv.ledger.note(d, "a_back_reference_places_a_vague_event", change)
        d.place = refs[0]
        p = promote(_anaphors(sv)[0]) if len({r.key for r in refs}) > 1 else None
        if p is not None and p.event_type == "Explosions/Remote violence":
            # "وأوضح مراسلنا أن القذائف التركية سقطت على قرى الخالدية وبئر كوندي واللواء 93": the shells told fell
            # on each village of the list, an event at each
            return [p]
    return full


def _referent(sv: SentenceView, last: Draft) -> Draft:
    """ "... اشتباكات في ريف الرقة" then "استهدفت قسد بطائرة مسيّرة آليةً ... على محور معدان" then "المواجهات بين
    الطرفين مستمرة على محور غانم العلي": a back-reference that names a kind of act (the clashes) refers to the last
    event of that kind told on the same day, not to another kind told after it."""
    kinds = {t.event_type for t in _anaphors(sv)}
    if "*" in kinds or last.event_type in kinds:
        return last
    for d in reversed(sv.ledger.drafts):
        if d.event_type in kinds and d.dmin == last.dmin and d.dmax == last.dmax:
            return d
    return last


def _a_village_of(r, town) -> bool:
    """ "a Turkish drone struck ... Kobani" then "the drone hit the village of al-Raqas, in the countryside of
    Chalabiya": a village within 30 km of the town the event is at (a city's countryside reach, 50 km, of a
    city: Chalabiya lies 42 km from Kobani) is a more precise place of it; so is a town in a city's countryside
    ("went off ... in Hasakah" then "The blast hit the town of Shaddadi in the Hasakah countryside")."""
    kind, own = getattr(town.place, "kind", ""), getattr(r.place, "kind", "")
    if not (own == "village" and kind in ("city", "town") or own == "town" and kind == "city"):
        return False
    a, b = r.place.point(), town.place.point()
    reach = CITY_KM if kind == "city" else 30.0
    return None not in (a[0], a[1], b[0], b[1]) and km(a[0], a[1], b[0], b[1]) <= reach


@rule("back_reference", cues=("extension",))
def an_act_told_reaching_other_places_is_an_event_at_each(
    sv: SentenceView, full: list[Trigger]
) -> list[Trigger]:
    """ "وامتد القصف التركي أيضاً إلى قرية الدردارة ... وإلى قرية أم عدسة"، "the shelling also hit the village of
    X", "شملت الاعتقالات منطقتي الشدادي ومركدة": the act told, reaching places the last event is not at, is an
    event of its kind at each of them."""
    if not _refers_back(sv, full) or "extension" not in sv.cue_kinds:
        return full
    last = sv.ledger.last_group
    s = sv.s
    told = [r for r in places_in(sv, s.start, s.end, "armed") if not r.weak and r.idx >= 0]
    if not {r.key for r in told} - {m.place.key for m in last.members}:
        return full  # no place the last event is not already at
    m = last.members[0]
    t = _anaphors(sv)[0]
    return [replace(t, event_type=m.event_type, sub_event_type=m.sub_event_type, strength=2, anaphor=False)]


@rule("back_reference", cues=("claim",))
def a_claimant_named_later_is_the_attacker(sv: SentenceView, full: list[Trigger]) -> list[Trigger]:
    """ "ISIS later claimed responsibility for the attack": the claimant of the last event is its actor 1."""
    if not _refers_back(sv, full) or "claim" not in sv.cue_kinds:
        return full
    rs = roles(sv)
    who = claimant(sv, [a for a in sv.actors if rs[id(a)] == "agent"])
    for m in sv.ledger.last_group.members if who is not None else ():
        if group_of(m.actor1) == "UNIDENTIFIED" and who.group != group_of(m.actor2):
            sv.ledger.note(m, "a_claimant_named_later_is_the_attacker", f"actor1 {m.actor1} → {who.name}")
            m.actor1, m.own_actor = who.name, True
    return full


RULES = (
    renewed_fighting_is_a_new_event,
    a_back_reference_to_violence_none_told_is_an_act,
    a_back_reference_with_another_day_tells_another_act,
    a_toll_update_is_the_last_events_new_toll,
    a_back_reference_adds_its_toll,
    an_act_told_reaching_other_places_is_an_event_at_each,
    a_back_reference_places_a_vague_event,
    a_claimant_named_later_is_the_attacker,
)
