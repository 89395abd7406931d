"""Event triggers (``data/triggers.csv``) and the cues that make a clause not an event.

A trigger maps a verb or noun to an ACLED sub-event type with a strength (3 specific, 2 general,
1 a definite noun that only refers back: "الهجوم"، "the attack"). Cues from ``data/cues.csv``
suppress triggers: threats, demands, denials, statements, negation and future ("هدد"، "طالب"،
"نفى"، "لم"، "من المقرر") from the cue to the end of the clause segment; condemnations ("أدان")
to the end of the sentence (what they name was told before); tallies and repeated patterns
("منذ مطلع العام"، "متكررة"، "وفق إحصائية") across the segment or the sentence; blockers ("وقف إطلاق النار") where they
overlap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .dates import DateMention
from .document import Sentence
from .lexicon import Entry, Match, read_table
from .normalise import fold

SUPPRESSORS = {
    "negation",
    "future",
    "threat",
    "demand",
    "denial",
    "statement",
    "cause",
    "tally",
    "blocker",
    "release",
    "caption",
}


@dataclass(slots=True, unsafe_hash=True)
class Trigger:
    """A trigger that survived the cues (folded offsets)."""

    start: int
    end: int
    event_type: str  # "*" for a pure back-reference
    sub_event_type: str
    strength: int
    policy: str
    min_fatalities: int
    anaphor: bool
    english: bool = False  # English puts the agent before the verb ("the SDF detained ISIS members")
    key: str = ""  # the folded lexicon phrase


def _suppressors(sentence: Sentence, cues: list[Match]) -> list[tuple[int, int, str]]:
    """(start, end, scope) of the sentence's suppressing cues, read once per sentence."""
    return [
        (c.start, c.end, c.entry.row.get("scope", ""))
        for c in cues
        if c.kind[4:] in SUPPRESSORS and c.end > sentence.start and c.start < sentence.end
    ]


def suppressed(
    m: Match,
    sentence: Sentence,
    cues: list[Match],
    dates: list[DateMention],
    prepared: list[tuple[int, int, str]] | None = None,
) -> bool:
    """True when a cue in the sentence makes this trigger not an event."""
    if prepared is None:
        prepared = _suppressors(sentence, cues)
    if not prepared and not any(d.is_tally for d in dates):
        return False  # most triggers: nothing in the sentence to suppress them, no clause to cut
    seg = sentence.segment_of(m.start)
    for cs, ce, scope in prepared:
        if scope == "overlap":
            if cs < m.end and m.start < ce:
                return True
            continue
        if cs < m.end and m.start < ce:
            continue
        if scope == "near":
            if ce <= m.start and m.start - ce <= 12:
                return True
        elif scope == "after":
            if seg[0] <= cs < m.start:
                return True
        elif scope == "segment":
            if seg[0] <= cs < seg[1]:
                return True
        elif scope == "sentence" or (scope == "sentence_after" and cs < m.start):
            return True
    # "منذ تشرين الأول الماضي، استهدفت ...": a span of time opening the clause makes a tally
    return any(d.is_tally and (seg[0] <= d.start < seg[1] or d.end <= m.start) for d in dates)


def find_triggers(
    matches: list[Match], sentence: Sentence, cues: list[Match], dates: list[DateMention]
) -> list[Trigger]:
    """Triggers among one sentence's ``matches``, cue-suppressed ones removed."""
    out: list[Trigger] = []
    prepared: list[tuple[int, int, str]] | None = None
    retold: bool | None = None
    for m in matches:
        if m.kind != "trigger" or m.start < sentence.start or m.start >= sentence.end:
            continue
        if prepared is None:
            prepared = _suppressors(sentence, cues)
        if suppressed(m, sentence, cues, dates, prepared):
            continue
        e = m.entry
        facts = _FACTS.get(e)
        if facts is None:
            facts = _FACTS[e] = _facts(e)
        etype, sub, strength, policy, min_fat, english, bare_fire_verb, definite_key = facts
        # "اطلق" shoots only with fire nearby ("اطلق مسلحون النار"), not "اطلقت عملية"
        if bare_fire_verb and not any(c.kind == "cue:fire" and 0 <= c.start - m.end <= 40 for c in cues):
            continue
        anaphor = etype == "*" or strength <= 1 or (m.definite and not definite_key)
        if (
            english
            and not anaphor
            and etype == _REMOTE
            and _EN_DEFINITE.search(sentence._text, max(sentence.start, m.start - 24), m.start)
        ):
            anaphor = True  # "According to SOHR, the drone hit Tel Tawil village": the strike told before
        if retold is None:
            retold = any(
                c.kind == "cue:toll_update" and sentence.start <= c.start < sentence.end for c in cues
            )
        # "ارتفاع حصيلة القتلى إلى 9 جراء قصف نفذته طائرة مسيرة": a toll update tells again the act told before
        anaphor = anaphor or retold
        out.append(Trigger(m.start, m.end, etype, sub, strength, policy, min_fat, anaphor, english, e.key))
    return out


# the per-entry facts a trigger needs, read from its lexicon row once (entries live as long as the matcher)
_FACTS: dict[Entry, tuple] = {}
# "the drone hit ...", "the Turkish airstrike late on Sunday": an English strike or blast noun after "the" (and at most
# a word of who struck) refers back, as Arabic "القصف" does
_EN_DEFINITE = re.compile(
    r"(?<![\w'’])the\s+(?:(?:turkish|russian|american|us|us-led|israeli|iranian|syrian|coalition|government|regime|"
    r"sdf|deadly|suspected)\s+)?$"
)
_REMOTE = "Explosions/Remote violence"


def _facts(e: Entry) -> tuple:
    """(event type, sub-event type, strength, policy, min fatalities, English, bare "اطلق", key is definite)."""
    bare_fire_verb = (
        e.get("policy") == "shooting"
        and e.key.startswith("اطل")
        and "النار" not in e.key
        and "الرصاص" not in e.key
    )
    return (
        e.get("event_type"),
        e.get("sub_event_type"),
        int(e.get("strength") or 2),
        e.get("policy") or "armed",
        int(e.get("min_fatalities") or 0),
        e.get("lang") == "en",
        bare_fire_verb,
        e.key.startswith("ال"),
    )


@lru_cache(maxsize=1)
def _typed() -> dict[str, dict[str, str]]:
    """Trigger rows with a real type, by folded phrase (to type a back-reference that opens a report)."""
    out: dict[str, dict[str, str]] = {}
    for row in read_table("triggers.csv"):
        if row.get("event_type") not in ("", "*") and row.get("policy") != "killing":
            out.setdefault(fold(row["phrase"].rstrip("*")), row)
    return out


def promote(t: Trigger) -> Trigger | None:
    """A definite noun ("القصف", "the attack") with nothing before it to refer to: the event it names."""
    if t.event_type != "*":
        return replace(t, anaphor=False, strength=max(t.strength, 2))
    bare = t.key[2:] if t.key.startswith("ال") else t.key[4:] if t.key.startswith("the ") else ""
    row = _typed().get(bare)
    if row is None:
        return None
    return replace(
        t,
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        strength=2,
        policy=row.get("policy") or "armed",
        anaphor=False,
    )
