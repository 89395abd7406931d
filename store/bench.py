"""``python -m store.bench [--events N] [--url URL]``: how fast the store is, as numbers anyone can rerun.

Fills a throw-away SQLite file (or the database at ``--url``, which must be empty) with N demo
events and times the calls the pages make. Prints one line per measure and the machine it ran on.
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from collections.abc import Callable
from datetime import date
from typing import Any


def _time(label: str, fn: Callable[[], Any]) -> Any:
    t = time.perf_counter()
    result = fn()
    size = len(result) if hasattr(result, "__len__") and not isinstance(result, str) else result
    print(
        f"{label:<38} {time.perf_counter() - t:7.3f} s   ({size:,})"
        if isinstance(size, int)
        else f"{label:<38} {time.perf_counter() - t:7.3f} s   ({size})"
    )
    return result


def main() -> None:
    p = argparse.ArgumentParser(prog="python -m store.bench")
    p.add_argument("--events", type=int, default=10_000)
    p.add_argument("--url", help="an empty database to use (default: a temporary SQLite file)")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["RASD_DATABASE_URL"] = args.url or f"sqlite:///{tmp}/bench.sqlite"
        from store import db, demo, events, export
        from store.filters import EventFilter
        from store.migrate import upgrade

        print(
            f"machine: {platform.node()} · {platform.processor() or platform.machine()} · {os.cpu_count()} cores"
        )
        print(f"database: {db.database_label()} · {args.events:,} demo events")
        _time("migrate", upgrade)
        _time(f"demo insert {args.events:,}", lambda: demo.make_demo(args.events))
        everything = EventFilter()
        one_year = EventFilter(date_from=date(2024, 1, 1), date_to=date(2024, 12, 31), admin1=("Al-Hasakah",))
        _time("count_events (all)", lambda: events.count_events(everything))
        _time("query_events (all)", lambda: events.query_events(everything))
        _time("query_events (one governorate, 2024)", lambda: events.query_events(one_year))
        _time("map_points (all)", lambda: events.map_points(everything))
        _time("timeline_counts weekly", lambda: events.timeline_counts(everything, "W"))
        _time("timeline_counts daily", lambda: events.timeline_counts(everything, "D"))
        _time("summary", lambda: events.summary(everything))
        first = int(events.query_events(everything, limit=1, columns=["id"])["id"].iloc[0])
        ev = events.get_event(first)
        _time(
            "update_event (one field)",
            lambda: events.update_event(first, {"notes": "bench"}, "bench", ev["version"]),
        )
        for fmt in export.FORMATS:
            _time(
                f"export {fmt} (2024, one governorate)", lambda fmt=fmt: export.export_events(one_year, fmt)
            )
        db.get_engine().dispose()


if __name__ == "__main__":
    main()
