"""``python -m store``: migrate, ingest, export, edit, history, demo, places — a thin layer over the API.

Every failure an analyst can cause (bad argument, bad URL, stale version, bad value, bad file) is one line
on stderr and exit status 1, never a traceback or a usage block. Only ``migrate`` creates a database that
is not there yet (besides the default var/rasd.sqlite), so a mistyped SQLite path is an error, not a new
empty database.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from extraction.cli_input import OneLineParser, add_max_chars, int_in, read_report
from extraction.errors import InputError
from store.errors import NotFound, StaleVersion, StoreError, ValidationError
from store.filters import EventFilter
from store.validation import INT_MAX, check_analyst, not_in_future

MAX_DEMO_EVENTS = 1_000_000


def _json(obj: Any) -> str:
    return json.dumps(
        obj, ensure_ascii=False, default=lambda o: o.isoformat() if hasattr(o, "isoformat") else str(o)
    )


def _date(s: str) -> date:
    try:
        return date.fromisoformat(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{s!r} is not a date (YYYY-MM-DD)") from None


def _workers(s: str) -> int:
    try:
        n = int(s)
    except ValueError:
        n = 0
    if not 1 <= n <= 64:
        raise argparse.ArgumentTypeError(f"{s!r} is not a number of workers (1-64)")
    return n


def _published(s: str) -> date:
    try:
        return not_in_future("--published", _date(s))  # type: ignore[return-value]
    except ValidationError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _analyst(s: str) -> str:
    try:
        return check_analyst(s)
    except ValidationError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


_event_id = int_in(1, INT_MAX, "the event id")


def _parser() -> argparse.ArgumentParser:
    p = OneLineParser(prog="python -m store", description="Rasd's event store.")
    sub = p.add_subparsers(dest="cmd", required=True)
    sub.add_parser("migrate", help="create or upgrade the database")

    ing = sub.add_parser(
        "ingest",
        help="extract events from report files (or folders, .jsonl) and store them, corroborating stored events",
    )
    ing.add_argument("paths", nargs="+", type=Path, metavar="DIR_OR_FILE")
    ing.add_argument("--published", type=_published, help="publication date (one file: default today)")
    ing.add_argument("--source", help="outlet")
    ing.add_argument("--url")
    ing.add_argument("--analyst", type=_analyst, default="cli")
    ing.add_argument("--workers", type=_workers, default=None, help="extraction processes (bulk; default 2)")
    ing.add_argument("--index", type=Path, help="CSV of file,published,source[,url] for every file (bulk)")
    add_max_chars(ing)

    exp = sub.add_parser("export", help="export the filtered events")
    exp.add_argument("--format", required=True, choices=("csv", "geojson", "kml", "xlsx"))
    exp.add_argument("--out", type=Path, help="file to write (default: stdout, text formats only)")
    exp.add_argument("--from", dest="date_from", type=_date)
    exp.add_argument("--to", dest="date_to", type=_date)
    exp.add_argument("--admin1", action="append", default=[], help="governorate (repeatable)")
    exp.add_argument(
        "--type", dest="event_types", action="append", default=[], help="event type (repeatable)"
    )
    exp.add_argument("--status", dest="statuses", action="append", default=[], help="status (repeatable)")
    exp.add_argument("--actor")
    exp.add_argument("--include-background", action="store_true")
    exp.add_argument("--no-demo", action="store_true", help="leave out demo events")

    ed = sub.add_parser("edit", help="change fields of one event: field=value …")
    ed.add_argument("event_id", type=_event_id)
    ed.add_argument("assignments", nargs="+", metavar="field=value")
    ed.add_argument("--analyst", type=_analyst, required=True)
    ed.add_argument("--expect-version", type=int_in(1, INT_MAX, "--expect-version"), required=True)

    hi = sub.add_parser("history", help="the revisions of one event as JSON")
    hi.add_argument("event_id", type=_event_id)

    de = sub.add_parser("demo", help="add N synthetic demo events")
    de.add_argument("--events", type=int_in(1, MAX_DEMO_EVENTS, "--events"), default=2000)
    de.add_argument("--seed", type=int_in(0, 2**63 - 1, "--seed"), default=0)

    pl = sub.add_parser("places", help="analysts' places")
    pl.add_argument("action", choices=("export",))
    pl.add_argument("--out", type=Path)
    return p


def _write(data: bytes, out: Path | None, binary: bool) -> None:
    if out is None:
        if binary:
            raise ValidationError("this format is binary: give --out FILE")
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        out.write_bytes(data)
    except OSError as e:
        raise ValidationError(f"cannot write {out}: {e.strerror}") from None
    print(f"wrote {out} ({len(data):,} bytes)", file=sys.stderr)


def _read_report(path: Path, max_chars: int) -> str:
    """The report's text within the character limit (the app's, or --max-chars for an archive): a file
    too big is refused before it is read; a binary, non-UTF-8 or empty file is one line too."""
    try:
        return read_report(str(path), max_chars)
    except InputError as e:
        raise ValidationError(str(e)) from None


def _ingest(args: argparse.Namespace) -> int:
    """One file as before (JSON of what it added); several files, a folder or a .jsonl: a bulk ingest."""
    one = args.paths[0]
    if len(args.paths) == 1 and not one.is_dir() and one.suffix.lower() != ".jsonl" and args.workers is None:
        _ingest_one(args)
        return 0
    from store.ingest import run, summary_lines

    summary = run(
        args.paths,
        workers=args.workers or 2,
        published=args.published,
        source=args.source,
        index=args.index,
        analyst=args.analyst,
        max_chars=args.max_chars,
    )
    for line in summary_lines(summary):
        print(line, file=sys.stderr)
    print(_json(summary.as_dict()))
    return 1 if summary.failures else 0


def _ingest_one(args: argparse.Namespace) -> None:
    from store.places import list_places
    from store.reports import add_report, find_duplicate

    text = _read_report(args.paths[0], args.max_chars)
    published = args.published
    if published is None:
        published = date.today()
        print(f"no --published given: using today ({published.isoformat()})", file=sys.stderr)
    existing = find_duplicate(text)
    if existing is not None:
        print(_json({"report_id": existing, "events": 0, "duplicate": True}))
        return
    try:
        from extraction import extract
    except ImportError as e:
        raise StoreError(f"the extractor cannot be loaded: {e}") from None

    try:
        events = extract(text, published, source=args.source, extra_places=list_places())
    except ValueError as e:  # extraction.errors.InputError is a ValueError
        raise ValidationError(str(e).splitlines()[0] if str(e) else "the report cannot be read") from None
    result = add_report(
        text,
        published,
        source=args.source,
        url=args.url,
        events=events,
        analyst=args.analyst,
        corroborate=True,
    )
    out = {"report_id": result.report_id, "events": len(result.event_ids), "duplicate": result.duplicate}
    out["corroborated"] = result.corroborated
    if result.near_duplicate_of is not None:
        out["near_duplicate_of"] = result.near_duplicate_of
    print(_json(out))


def _export(args: argparse.Namespace) -> None:
    from store.export import export_events

    flt = EventFilter(
        date_from=args.date_from,
        date_to=args.date_to,
        admin1=tuple(args.admin1),
        event_types=tuple(args.event_types),
        actor=args.actor,
        statuses=tuple(args.statuses) or EventFilter().statuses,
        include_background=args.include_background,
        include_demo=not args.no_demo,
    )
    data = export_events(flt, args.format)
    _write(data, args.out, binary=args.format == "xlsx")


def _edit(args: argparse.Namespace) -> None:
    from store.events import update_event

    changes = {}
    for a in args.assignments:
        field, sep, value = a.partition("=")
        if not sep or not field.strip():
            raise ValidationError(f"{a!r} is not field=value")
        changes[field.strip()] = value
    print(_json(update_event(args.event_id, changes, args.analyst, args.expect_version)))


def run(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from store.migrate import upgrade

    upgrade(create=args.cmd == "migrate")
    if args.cmd == "migrate":
        from store.db import database_label

        print(f"database ready: {database_label()}", file=sys.stderr)
    elif args.cmd == "ingest":
        return _ingest(args)
    elif args.cmd == "export":
        _export(args)
    elif args.cmd == "edit":
        _edit(args)
    elif args.cmd == "history":
        from store.events import get_event
        from store.revisions import history

        get_event(args.event_id)  # an unknown id is an error, not an empty history
        print(_json(history(args.event_id)))
    elif args.cmd == "demo":
        from store.demo import make_demo

        n = make_demo(args.events, seed=args.seed)
        print(_json({"events": n}))
    elif args.cmd == "places":
        from store.places import export_places_csv

        _write(export_places_csv(), args.out, binary=False)
    return 0


def main(argv: list[str] | None = None) -> int:
    try:
        return run(argv)
    except StaleVersion as e:
        print(f"conflict: {e}", file=sys.stderr)
    except (StoreError, ValidationError, NotFound) as e:
        print(f"error: {e}", file=sys.stderr)
    except SQLAlchemyError as e:  # a database failure the store did not foresee: still one line
        reason = str(getattr(e, "orig", None) or e).strip().splitlines()
        print(f"database error: {reason[0] if reason else type(e).__name__}", file=sys.stderr)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
