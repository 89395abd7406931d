"""``python -m extraction.gazetteer build | stats | lookup NAME | suggest NAME``."""

from __future__ import annotations

import sys
from pathlib import Path

from .build import build, stats, write_csv
from .frequency import WORDS_CSV, name_words, write_name_words
from .load import GAZETTEER_CSV, SOURCES, load_gazetteer, shipped


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    usage = "usage: python -m extraction.gazetteer build [--out FILE] | stats | lookup NAME | suggest NAME"
    if not argv:
        print(usage, file=sys.stderr)
        return 2
    cmd, rest = argv[0], argv[1:]
    if cmd == "build":
        out = Path(rest[1]) if rest[:1] == ["--out"] and len(rest) > 1 else GAZETTEER_CSV
        if not SOURCES.is_dir():
            print(f"error: gazetteer sources not found at {SOURCES}", file=sys.stderr)
            return 2
        try:
            places = build()
        except (ValueError, KeyError, OSError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        write_csv(places, out)
        words_out = out.with_name(WORDS_CSV.name) if out != GAZETTEER_CSV else WORDS_CSV
        write_name_words(name_words(places), words_out)
        print(f"wrote {len(places)} places to {out} and the names that are words to {words_out}")
        return 0
    if cmd == "stats":
        print(stats(list(shipped())))
        return 0
    if cmd in ("lookup", "suggest") and rest:
        gaz = load_gazetteer()
        name = " ".join(rest)
        rows = [(p, None) for p in gaz.lookup(name)] if cmd == "lookup" else gaz.suggest(name)
        for p, score in rows:
            lat, lon, prec = p.point()
            tag = "" if score is None else f"{score:5.1f} "
            print(f"{tag}{p.id:28} {p.kind:13} {p.name_en} / {p.name_ar}  {lat},{lon} p{prec}  {p.admin1}")
        return 0
    print(usage, file=sys.stderr)
    return 2
