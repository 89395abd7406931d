"""Stage ``role_links``: neighbouring actor mentions that share a role.

The value is the sentence's roles (``id`` of a mention to its role) from the stage ``roles``; a rule returns
a new dict when it changes one. Read once per sentence (``roles.linked``).
"""

from __future__ import annotations

from .report import QUOTES, SentenceView
from .rules import rule


@rule("role_links")
def an_apposition_shares_the_role(sv: SentenceView, rs: dict[int, str]) -> dict[int, str]:
    """ "«قوات سوريا الديمقراطية» (قسد)": a force named twice in a row plays one role."""
    acts, text = sv.actors, sv.rep.text
    if len(acts) < 2:
        return rs
    out = None
    for prev, a in zip(acts, acts[1:], strict=False):
        between = text[prev.end : a.start]
        if prev.group == a.group and not QUOTES.sub(" ", between).split() and not between.strip(" \"'«»()"):
            cur = out or rs
            if cur[id(a)] != cur[id(prev)]:
                out = out or dict(rs)
                out[id(a)] = out[id(prev)]
    return out or rs


@rule("role_links")
def a_list_after_a_supporting_force_supports(sv: SentenceView, rs: dict[int, str]) -> dict[int, str]:
    """ "بمساندة طيران التحالف والقوات التركية": the forces listed after a supporting one support too."""
    acts, text = sv.actors, sv.rep.text
    if len(acts) < 2 or "support" not in rs.values():
        return rs
    out = None
    for prev, a in zip(acts, acts[1:], strict=False):
        cur = out or rs
        if (
            cur[id(prev)] == "support"
            and cur[id(a)] != "support"
            and QUOTES.sub(" ", text[prev.end : a.start]).split() in (["و"], ["and"], ["and", "the"], [])
        ):
            out = out or dict(rs)
            out[id(a)] = "support"
    return out or rs


RULES = (an_apposition_shares_the_role, a_list_after_a_supporting_force_supports)
