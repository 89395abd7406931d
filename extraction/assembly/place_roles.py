"""Stage ``place_roles``: the role of each place mention in its sentence: ``from``, ``to``, ``at`` or ``planned``.

Read from the words before the place by the first rule of ``RULES`` that knows (a rule returns a role or
None); none knowing, the place is where the act happened (``at``). Computed once per report and place.
"""

from __future__ import annotations

import bisect
import re

from .report import PLACE_NOUNS, Report, words
from .rules import rule

FROM = re.compile(r"(?:^|\s)(?:من|انطلاقا من|from)\s*$")
_TO = re.compile(r"(?:^|\s)(?:الي|باتجاه|نحو|to|towards)\s*$")
_ROLE_WORD = re.compile(r"(?<!\w)(من|الي|باتجاه|نحو|from|towards)(?!\w)")
# "بين قرية X وY", "on the road between the cities of Qamishli and Amuda", "بين مدينتي القامشلي وعامودا", "the M4
# highway that links the cities of Al-Hasakah and Al-Qamishlo", "الطريق الذي يربط مدينة منبج بقرية حاج عابدين"
_BETWEEN = re.compile(
    r"(?:بين|between|(?:road|highway|طريق)(?!\w)[^.,،\n]{0,30}?(?:links?|linking|connects?|connecting|يربط|الرابط بين"
    r"|الواصل بين))(?:\s+(?:the\s+)?(?:cities|towns|villages)\s+of|\s+(?:مدينتي|بلدتي|قريتي|مدينه|بلده|قريه))?\s*$"
)
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:و|and\s|or\s|او\s)?|و|and\s|or\s|او\s)\s*")  # a comma or "and"
# one search for any of the words below rules most places out before the three patterns
_ROLE_HINT = re.compile("|".join(words(r) for r in ("origin", "launch", "hospital", "deployed")))
# "المدفعية التركية المنتشرة حول مدينة تل أبيض": the place right after a word of where forces are stationed
_DEPLOYED = re.compile(rf"(?:{words('deployed')})\s+(?:\S+\s+){{0,2}}$")
_ORIGIN = re.compile(rf"(?:{words('origin')})\s+(?:\S+\s+)?$")
# "fired from across the Euphrates River at Al-Bulil": a target word after the launch phrase names where it fell
# not "من" after a count ("ضربات على عدد من مواقع قسد في سد تشرين": some of the SDF's positions, where it fell)
_LAUNCH = re.compile(
    rf"(?<!عدد )(?<!عددا )(?<!العديد )(?<!بعض )(?<!احد )(?:{words('launch')})"
    rf"(?:(?!\s(?:at|on|onto|علي|باتجاه)\s)[^,.،\n]){{0,40}}$"
)
_SPREAD = re.compile(rf"(?:{words('spread')})\s+(?:\S+\s+){{0,3}}(?:الي|to)\s+(?:\S+\s+)?$")
_PURPOSE = re.compile(rf"(?:{words('purpose')})(?!\w)[^,.،\n]{{0,30}}$")
_HOSPITAL = re.compile(rf"(?:{words('hospital')})(?!\w)[^,.،\n]{{0,25}}$")
_LIES = re.compile(rf"(?<!\w)(?:{words('lies')})\s+(?:[^\s,.،]+\s+){{0,4}}$")
# "a cell blamed for attacks in the region, among them an attack on the ISF headquarters in Hasakah city"
_CHARGE = re.compile(rf"(?<!\w)(?:{words('charge')})[^.;:\n]{{0,80}}$")


def role_of(rep: Report, i: int) -> str:
    """``from``, ``to``, ``at``, ``planned`` or ``lies``: the role of place mention ``i`` in its sentence."""
    r = rep.role_cache.get(i)
    return (r or place_role(rep, i))[0]


class PlaceAt:
    """A place mention and the words before it (what the role rules read)."""

    __slots__ = ("rep", "i", "s", "text", "_hint")

    def __init__(self, rep: Report, i: int) -> None:
        self.rep = rep
        self.i = i
        self.s = rep.place_pos[i][0]
        self.text = rep.text
        self._hint: bool | None = None

    @property
    def wide(self) -> str:
        return self.text[max(0, self.s - 45) : self.s]

    @property
    def hint(self) -> bool:
        """One search for any origin, launch or hospital word rules most places out of those three rules."""
        if self._hint is None:
            self._hint = bool(_ROLE_HINT.search(self.wide))
        return self._hint


def place_role(rep: Report, i: int) -> tuple[str, bool, str]:
    """(from|to|at, opens "between X and Y", the rule that decided) for place ``i``; computed once."""
    r = rep.role_cache.get(i)
    if r is None:
        at = PlaceAt(rep, i)
        role, by = "at", ""
        for fn in rep.plan.place_roles:
            got = fn(at)
            if got is not None:
                role, by = got, fn.__name__
                break
        s = at.s
        r = rep.role_cache[i] = (role, bool(_BETWEEN.search(rep.text[max(0, s - 70) : s])), by)
    return r


@rule("place_roles")
def a_place_planned_is_not_reached(at: PlaceAt) -> str | None:
    """ "حشد قوات جديدة في بلدة تل براك استعداداً للتوجه نحو القامشلي": where forces prepare to go is a plan
    (role ``planned``: no policy prefers it), not where the act happened or went."""
    return "planned" if _PURPOSE.search(at.wide) else None


@rule("place_roles")
def where_a_place_lies_describes_it(at: PlaceAt) -> str | None:
    """ "attacks on the dam, which lies near the town of Manbij"، "الواقعة في ريف الرقة": a place told as where
    another lies describes it (role ``lies``: no policy prefers it); it is not where the act was."""
    return "lies" if _LIES.search(at.wide) else None


@rule("place_roles")
def where_the_deeds_held_against_someone_were_done(at: PlaceAt) -> str | None:
    """ "arrested a man accused of taking part in attacks on the ISF in Hasakah", "خلية متهمة بتنفيذ هجمات في
    المنطقة، بينها هجوم على مقر الأسايش في مدينة الحسكة": where the deeds someone is accused of or held for were
    done (role ``charge``) is not where the act told happened; a charge of belonging to a side names no deed."""
    m = _CHARGE.search(at.text, max(0, at.s - 100), at.s)
    if m is None:
        return None
    # a deed: a word of a violent act between ("accused of belonging to ISIS in the town of al-Shuhayl" was
    # arrested there; "متهمة بالتبعية للنظام السابق أثناء اجتماع أفرادها في منزل بحي الكتف" was raided there)
    starts = at.rep.violence_starts
    k = bisect.bisect_left(starts, m.start())
    return "charge" if k < len(starts) and starts[k] < at.s else None


@rule("place_roles")
def a_spread_reaches_where_it_happens(at: PlaceAt) -> str | None:
    """ "وامتدت المظاهرات إلى بلدات البصيرة والحصان", "protests spread to Hajin": where an act spread to is
    where it happened, not where something went."""
    return "at" if _SPREAD.search(at.wide) else None


@rule("place_roles")
def a_role_word_just_before(at: PlaceAt) -> str | None:
    """ "من دير الزور"، "towards Aleppo": a role word right before the place says where from or where to."""
    before = at.text[max(0, at.s - 14) : at.s]
    return "from" if FROM.search(before) else "to" if _TO.search(before) else None


@rule("place_roles")
def where_people_came_from(at: PlaceAt) -> str | None:
    """ "residents of Kobani and Raqqa ... at the dam": where people came from is not where it happened."""
    return "from" if at.hint and _ORIGIN.search(at.wide) else None


@rule("place_roles")
def where_the_fire_came_from(at: PlaceAt) -> str | None:
    """ "انطلاقاً من قواعده في محيط مدينة سري كانيه": where the fire was launched from is not where it fell."""
    return "from" if at.hint and _LAUNCH.search(at.wide) else None


@rule("place_roles")
def where_the_attacker_is_stationed(at: PlaceAt) -> str | None:
    """ "بعدما قصفت المدفعية التركية المنتشرة حول مدينة تل أبيض نقاطاً وقرى في محيط عين عيسى", "Turkish artillery
    stationed around Tal Abyad": where the attacker is deployed is where the fire came from, not where it fell."""
    return "from" if at.hint and _DEPLOYED.search(at.wide) else None


@rule("place_roles")
def where_the_wounded_were_taken(at: PlaceAt) -> str | None:
    """ "نُقل إلى أحد مشافي قامشلو": the hospital the wounded were taken to is a destination."""
    return "to" if at.hint and _HOSPITAL.search(at.wide) else None


@rule("place_roles")
def a_role_word_over_place_nouns(at: PlaceAt) -> str | None:
    """ "من قرى في ريف X"، "باتجاه مركز البلدة ومدينة X": the nearest role word, only place nouns between."""
    rep, i, s, text = at.rep, at.i, at.s, at.text
    prev_end = rep.place_pos[i - 1][1] if i > 0 else 0
    last = None
    for m in _ROLE_WORD.finditer(text, max(prev_end, s - 40), s):
        last = m
    if last is None:
        return None
    between = text[last.end() : s].split()
    if all(w in PLACE_NOUNS or w[1:] in PLACE_NOUNS for w in between):
        return "from" if last.group(1) in ("من", "from") else "to"
    return None


@rule("place_roles")
def a_list_shares_its_role_word(at: PlaceAt) -> str | None:
    """ "from Kobani and Raqqa": the places of a list share the role word before the first."""
    i = at.i
    if i > 0 and _LIST_GAP.fullmatch(at.text, at.rep.place_pos[i - 1][1], at.s):
        role = place_role(at.rep, i - 1)[0]
        return role if role != "at" else None
    return None


RULES = (
    a_place_planned_is_not_reached,
    where_a_place_lies_describes_it,
    where_the_deeds_held_against_someone_were_done,
    a_spread_reaches_where_it_happens,
    where_people_came_from,
    a_role_word_just_before,
    where_the_fire_came_from,
    where_the_attacker_is_stationed,
    where_the_wounded_were_taken,
    a_role_word_over_place_nouns,
    a_list_shares_its_role_word,
)
