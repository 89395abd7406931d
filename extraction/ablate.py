"""What each rule is worth: the scorer's F1 on gold sets with each rule switched off in turn.

``python -m extraction ablate DIR...`` loads the team's scorer by path (it is not part of Rasd and not
needed at run time), scores the extractor on each folder of gold reports, then again with one rule left
out (``disabled``, an argument of the pipeline) for every registered rule. A negative ΔF1 is what the rule
earns; a rule whose removal costs nothing on any set is a candidate for deletion.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from .errors import InputError

DEFAULT_SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"


# the scorer's per-set measures besides F1 that a rule may move (a rule that moves none of them on any set,
# nor F1, helps no set)
MEASURES = (
    "actor_jaccard",
    "type_acc",
    "sub_type_acc",
    "date_acc",
    "background_acc",
    "fatalities_acc",
    "geo_within_2km",
)


@dataclass(frozen=True)
class Score:
    """Matched, spurious and missed events (summed over sets), the actor agreement (Jaccard) and right types
    over the matched ones as sums, and the scorer's other measures of one set."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    actor_sum: float = 0.0
    type_sum: float = 0.0
    measures: tuple[tuple[str, float | None], ...] = ()

    def __add__(self, other: Score) -> Score:
        return Score(
            self.tp + other.tp,
            self.fp + other.fp,
            self.fn + other.fn,
            self.actor_sum + other.actor_sum,
            self.type_sum + other.type_sum,
        )

    @property
    def actors(self) -> float:
        return self.actor_sum / self.tp if self.tp else 0.0

    @property
    def types(self) -> float:
        return self.type_sum / self.tp if self.tp else 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Row:
    """One rule switched off: its scores per set."""

    rule: str
    stage: str
    scores: dict[str, Score] = field(default_factory=dict)

    @property
    def pooled(self) -> Score:
        return sum(self.scores.values(), Score())


def load_scorer(path: Path | str = DEFAULT_SCORER) -> ModuleType:
    """The scorer module at ``path``; InputError (one line) when it is not there."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"no scorer at {p} (give its path with --scorer)")
    spec = importlib.util.spec_from_file_location("rasd_ablate_score", p)
    if spec is None or spec.loader is None:
        raise InputError(f"{p} is not a Python scorer")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_sets(scorer: ModuleType, dirs: Iterable[str | Path]) -> dict[str, list[dict]]:
    """Each folder's gold reports, by folder name; InputError for a folder with none."""
    out: dict[str, list[dict]] = {}
    for d in dirs:
        p = Path(d)
        if not p.is_dir() or not any(p.glob("*.json")):
            raise InputError(f"{d} is not a folder of gold reports (*.json)")
        name = p.name if p.name not in out else str(p)
        out[name] = scorer.load_gold(p)
    return out


def score(scorer: ModuleType, reports: list[dict], disabled: frozenset[str] = frozenset()) -> Score:
    """The scorer's counts for the extractor's output on ``reports`` with ``disabled`` rules left out."""
    from . import extract

    pred = {
        str(r["id"]): [
            e.to_dict() for e in extract(r["text"], r["published"], r.get("source"), disabled=disabled)
        ]
        for r in reports
    }
    s = scorer.score(reports, pred, details=False)
    tp = int(s["tp"])
    measures = tuple((m, s.get(m)) for m in MEASURES)
    return Score(
        tp, int(s["fp"]), int(s["fn"]), float(s["actor_jaccard"]) * tp, float(s["type_acc"]) * tp, measures
    )


def ablate(
    scorer: ModuleType,
    sets: dict[str, list[dict]],
    rules: Iterable[str] | None = None,
    progress: Callable[[str], None] | None = None,
) -> tuple[dict[str, Score], list[Row]]:
    """The baseline per set, and a row per rule (every registered one unless ``rules``) switched off."""
    from .assembly import registered

    known = registered()
    names = list(rules) if rules is not None else list(known)
    unknown = [n for n in names if n not in known]
    if unknown:
        raise InputError(f"Unknown rule {unknown[0]!r}: `python -m extraction rules` lists them")
    base = {name: score(scorer, reports) for name, reports in sets.items()}
    rows = []
    for n, rule in enumerate(names, 1):
        if progress is not None:
            progress(f"{n}/{len(names)} {rule}")
        off = frozenset([rule])
        rows.append(
            Row(
                rule, known[rule].stage, {name: score(scorer, reports, off) for name, reports in sets.items()}
            )
        )
    return base, rows


def _delta(x: float) -> str:
    return f"{x:+.3f}" if round(x, 3) else "0"


def _idle(r: Row, base: dict[str, Score]) -> bool:
    """Switching the rule off loses nothing on any set: not F1, nor any other measure of the scorer."""
    for name, b in base.items():
        s = r.scores[name]
        if round(s.f1 - b.f1, 3) < 0:
            return False
        for (_m, got), (_m2, had) in zip(s.measures, b.measures, strict=True):
            if got is not None and had is not None and got < had:
                return False
    return True


def table(base: dict[str, Score], rows: list[Row]) -> str:
    """A Markdown table, the rules whose removal costs most F1 first, and the rules that help no set."""
    total = sum(base.values(), Score())
    names = list(base)
    head = ["rule", "stage", "ΔF1", "Δprecision", "Δrecall", "Δactors", "Δtype", *(f"ΔF1 {n}" for n in names)]
    lines = [
        f"baseline over {len(names)} set(s): F1 {total.f1:.3f}, precision {total.precision:.3f}, recall "
        f"{total.recall:.3f} (tp {total.tp}, fp {total.fp}, fn {total.fn}), actors {total.actors:.3f}, "
        f"type {total.types:.3f}; Δ = with the rule off minus with it (actors: Jaccard of the matched events)",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "|".join(["---", "---"] + ["---:"] * (len(head) - 2)) + "|",
    ]
    ordered = sorted(
        rows,
        key=lambda r: (
            r.pooled.f1 - total.f1,
            r.pooled.actors - total.actors,
            r.pooled.types - total.types,
            r.rule,
        ),
    )
    for r in ordered:
        p = r.pooled
        cells = [
            r.rule,
            r.stage,
            _delta(p.f1 - total.f1),
            _delta(p.precision - total.precision),
            _delta(p.recall - total.recall),
            _delta(p.actors - total.actors),
            _delta(p.types - total.types),
            *(_delta(r.scores[n].f1 - base[n].f1) for n in names),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    idle = sorted(r.rule for r in ordered if _idle(r, base))
    lines += [
        "",
        f"{len(idle)} rule(s) help no set, in F1 or any other measure of the scorer (candidates for deletion): "
        + ", ".join(idle),
    ]
    return "\n".join(lines) + "\n"
