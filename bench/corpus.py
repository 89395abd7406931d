"""The extraction bench's corpus: unique report texts, never one text repeated.

Every report text the repository ships (data/demo, tests/extraction/heldout*/ and real1; real2 and real3
stay unread, kept for untouched scoring) and, when ../shared is present, the dev and dev-real sets; then
reports made of their sentences, shuffled with a fixed seed (a headline, then paragraphs of one to three
sentences of the same language), until the corpus holds TOTAL_CHARS, with no two reports equal. The 1 MB
text and the 4 KB report are unique mixed paragraphs from their own seeds. Same files, same corpus.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOTAL_CHARS = 5_200_000
ONE_MB = 1_000_000
FOUR_KB = 4096
SEED = 20261205
_SENTENCE = re.compile(r"(?<=[.!?؟])\s+")


@dataclass(frozen=True)
class Report:
    text: str
    published: str
    source: str | None


@dataclass(frozen=True)
class Sentence:
    text: str
    arabic: bool
    published: str
    source: str | None


@dataclass(frozen=True)
class Corpus:
    reports: list[Report]
    one_mb: str
    four_kb: str
    shipped: int  # how many of the reports are shipped texts (the rest are mixes)
    sets: dict[str, int]  # set name -> reports read from it

    @property
    def chars(self) -> int:
        return sum(len(r.text) for r in self.reports)

    def describe(self) -> str:
        sets = ", ".join(f"{name} {n}" for name, n in self.sets.items())
        mixed = len(self.reports) - self.shipped
        return (
            f"corpus: {len(self.reports):,} unique reports, {self.chars:,} chars: {self.shipped} shipped texts "
            f"({sets}) and {mixed:,} seeded mixes of their sentences; one 1 MB text of "
            f"{len(self.one_mb):,} chars in unique paragraphs; a unique {len(self.four_kb):,}-char report"
        )


def shipped_sets(root: Path = ROOT) -> dict[str, list[Report]]:
    """Set name -> its reports: demo, heldout*, real1 and, when present, ../shared's dev and dev-real."""
    out: dict[str, list[Report]] = {"demo": _demo(root)}
    tests = root / "tests" / "extraction"
    for d in sorted(tests.glob("heldout*")) + [tests / "real1"]:
        if d.is_dir():
            out[d.name] = _gold_dir(d)
    shared = root.parent / "shared" / "eval"
    for name in ("dev", "dev-real"):
        if (shared / name).is_dir():
            out[name] = _gold_dir(shared / name)
    return out


def _demo(root: Path) -> list[Report]:
    demo = root / "data" / "demo"
    with (demo / "index.csv").open(encoding="utf-8") as f:
        return [
            Report((demo / r["file"]).read_text(encoding="utf-8"), r["published"], r["source"])
            for r in csv.DictReader(f)
        ]


def _gold_dir(path: Path) -> list[Report]:
    out = []
    for p in sorted(path.glob("*.json")):
        rec = json.loads(p.read_text(encoding="utf-8"))
        out.append(Report(rec["text"], rec["published"], rec.get("source")))
    return out


def _arabic(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return sum("\u0600" <= c <= "\u06ff" for c in letters) * 2 > len(letters)


def _sentences(reports: list[Report]) -> tuple[list[Sentence], list[Sentence]]:
    """(headlines, body sentences) of the reports: a report's first line is its headline."""
    heads, body = [], []
    for r in reports:
        lines = [ln.strip() for ln in r.text.splitlines() if ln.strip()]
        for k, line in enumerate(lines):
            for s in _SENTENCE.split(line):
                if s.strip():
                    (heads if k == 0 else body).append(Sentence(s.strip(), _arabic(s), r.published, r.source))
    return heads, body


def _paragraph(rng: random.Random, pool: list[Sentence]) -> str:
    return " ".join(s.text for s in rng.sample(pool, rng.randint(1, 3)))


def _mix(rng: random.Random, heads: list[Sentence], by_lang: dict[bool, list[Sentence]], n: int) -> Report:
    head = rng.choice(heads)
    pool = by_lang[head.arabic]
    paras = [head.text] + [_paragraph(rng, pool) for _ in range(rng.randint(3, 8))]
    day = dt.date.fromisoformat(head.published) + dt.timedelta(days=7 * (n % 50))
    return Report("\n".join(paras), day.isoformat(), head.source)


def _long_text(rng: random.Random, by_lang: dict[bool, list[Sentence]], chars: int, seen: set[str]) -> str:
    """Unique paragraphs, each of one language (Arabic and English as the pool has them), to ``chars``."""
    langs = [s.arabic for pool in by_lang.values() for s in pool]
    paras: list[str] = []
    size = 0
    while size < chars:
        p = _paragraph(rng, by_lang[rng.choice(langs)])
        if p in seen:
            continue
        seen.add(p)
        paras.append(p)
        size += len(p) + 1
    return "\n".join(paras)[:chars]


def build(root: Path = ROOT, total: int = TOTAL_CHARS) -> Corpus:
    sets = shipped_sets(root)
    reports: list[Report] = []
    texts: set[str] = set()
    for rs in sets.values():
        for r in rs:
            if r.text not in texts:
                texts.add(r.text)
                reports.append(r)
    shipped = len(reports)
    heads, body = _sentences(reports)
    by_lang = {lang: [s for s in body if s.arabic == lang] for lang in (True, False)}
    rng = random.Random(SEED)
    chars = sum(len(r.text) for r in reports)
    n = 0
    while chars < total:
        r = _mix(rng, heads, by_lang, n)
        n += 1
        if r.text in texts:
            continue
        texts.add(r.text)
        reports.append(r)
        chars += len(r.text)
    paras: set[str] = set()
    one_mb = _long_text(random.Random(SEED + 1), by_lang, ONE_MB, paras)
    four_kb = _long_text(random.Random(SEED + 2), by_lang, FOUR_KB, paras)
    return Corpus(reports, one_mb, four_kb, shipped, {k: len(v) for k, v in sets.items()})
