"""Stage ``refine``: the type an act's sides and figures call for (what each rule turns it into is a row of
``data/retypes.csv``).

A raid that kills fighters is a clash; unknown gunmen who detain someone abduct them; state forces taking
ground regain it; gunfire at people with no armed side named is an attack on civilians.
"""

from __future__ import annotations

from ..actors import _NOT_ARMED, CIVILIANS, RIOTERS, group_of
from ..taxonomy import SUB_TO_TYPE
from .act import Act
from .report import protest_context
from .rules import rule
from .sides import Coding
from .tables import RETYPES


def retyped(c: Coding, name: str, **changes) -> Coding:
    """``c`` with the type the retype table row ``name`` gives (an empty event type is kept)."""
    r = RETYPES[name]
    c.event_type = r.event_type or c.event_type
    c.sub_event_type = r.sub_event_type
    for name, value in changes.items():
        setattr(c, name, value)
    return c


def _killed(act: Act) -> bool:
    return any(f.value > 0 for f in act.figures)


@rule("refine", subs=("Arrests",))
def a_raid_that_kills_fighters_is_a_clash(act: Act, c: Coding) -> Coding:
    """ "killed five ISIS members in a raid": a raid that kills fighters is a clash, not an arrest."""
    if c.sub_event_type == "Arrests" and _killed(act) and group_of(c.actor2) not in _NOT_ARMED | {None}:
        return retyped(c, "raid_that_kills_fighters_is_a_clash")
    return c


@rule("refine", subs=("Arrests",))
def unknown_gunmen_who_detain_abduct(act: Act, c: Coding) -> Coding:
    """ "اعترض مسلحون مجهولون سيارة تاجر ... واقتادوه": unknown gunmen who detain someone abduct them (arrests are
    made by an authority)."""
    if c.sub_event_type == "Arrests" and c.own and group_of(c.actor1) == "UNIDENTIFIED":
        return retyped(c, "gunmen_who_detain_abduct", actor2=CIVILIANS)
    return c


@rule("refine", subs=("Non-state actor overtakes territory",))
def state_forces_regain_territory(act: Act, c: Coding) -> Coding:
    """ "سيطرت قوات الحكومة السورية على قرية دير حافر": a state force taking ground regains it."""
    if c.sub_event_type == "Non-state actor overtakes territory" and group_of(c.actor1) in (
        "SYGOV",
        "SYGOV2",
    ):
        return retyped(c, "state_forces_regain_territory")
    return c


@rule("refine", types=("Riots",))
def unknown_people_burning_property_is_no_riot(act: Act, c: Coding) -> Coding:
    """ "أضرم مجهولون النار في حقول قمح": unknown people burning property with no protest about is property
    destruction."""
    if c.event_type == "Riots" and group_of(c.actor2) == "UNIDENTIFIED" and not protest_context(act.sv):
        return retyped(c, "unknown_people_burning_is_property_destruction", actor1=c.actor2, actor2=CIVILIANS)
    return c


@rule("refine", where=lambda p: p.name == "shooting", types=("Battles",))
def gunfire_at_people_is_an_attack(act: Act, c: Coding) -> Coding:
    """ "أطلق مسلحون النار على شاب": gunfire at people with no armed side named is an attack on civilians."""
    if act.policy == "shooting" and act.anchor.event_type == "Battles" and c.actor2 in (None, CIVILIANS):
        return retyped(c, "gunfire_at_people_is_an_attack", actor2=CIVILIANS)
    return c


@rule("refine", subs=("Mob violence",))
def a_mob_at_a_protest_is_a_violent_demonstration(act: Act, c: Coding) -> Coding:
    """ "تظاهر أهالي الشحيل ... وأحرق المحتجون مبنى المجلس": protesters who burn or smash are a demonstration
    turned violent."""
    if c.sub_event_type == "Mob violence" and protest_context(act.sv):
        return retyped(c, "mob_at_a_protest_is_a_violent_demonstration")
    return c


@rule("refine", subs=("Protest with intervention",))
def deaths_at_a_dispersed_protest_are_excessive_force(act: Act, c: Coding) -> Coding:
    """ "Security forces opened fire on protesters ..., killing two": protesters killed by those who dispersed
    them suffered excessive force."""
    if c.sub_event_type == "Protest with intervention" and _killed(act):
        return retyped(c, "deaths_at_a_dispersed_protest_are_excessive_force")
    return c


@rule("refine", subs=("Attack",))
def an_attack_on_fighters_is_a_clash(act: Act, c: Coding) -> Coding:
    """ "اغتال مسلحون مجهولون القيادي في قسد": violence against a member of an armed force is a clash (ACLED's
    violence against civilians needs civilian victims)."""
    if c.sub_event_type == "Attack" and group_of(c.actor2) not in _NOT_ARMED | {None}:
        return retyped(c, "attack_on_fighters_is_a_clash")
    return c


@rule("refine", subs=("Non-state actor overtakes territory",))
def protesters_who_drive_out_a_force_riot(act: Act, c: Coding) -> Coding:
    """ "وامتدت المظاهرات ... وتخللها قطع طرقات وطرد عناصر «قسد» من بعض البلدات": a force driven out by
    protesters, with no armed side named for it, is the demonstration turned violent, not ground taken."""
    if c.sub_event_type == "Non-state actor overtakes territory" and not c.own and protest_context(act.sv):
        return retyped(c, "protesters_who_drive_out_a_force_riot", actor1=RIOTERS, actor2=None)
    return c


RULES = (
    a_raid_that_kills_fighters_is_a_clash,
    protesters_who_drive_out_a_force_riot,
    an_attack_on_fighters_is_a_clash,
    unknown_gunmen_who_detain_abduct,
    state_forces_regain_territory,
    unknown_people_burning_property_is_no_riot,
    gunfire_at_people_is_an_attack,
    a_mob_at_a_protest_is_a_violent_demonstration,
    deaths_at_a_dispersed_protest_are_excessive_force,
)


def settle(c: Coding) -> Coding:
    """The event type that goes with the sub-type (a retype may name only the sub-type)."""
    etype = SUB_TO_TYPE.get(c.sub_event_type, c.event_type)
    c.event_type = etype
    return c
