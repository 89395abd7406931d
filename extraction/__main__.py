"""Command line: ``python -m extraction extract|batch|places``; JSON out, one-line errors, exit 1 on bad input.

Every error (a bad argument, a missing, binary, empty or over-long file, a bad date) is one line on stderr
and exit status 1. A report longer than the app's limit (1,000,000 characters) is refused unless
``--max-chars`` raises it; in ``batch`` such a record is reported on stderr and the others go on.
"""

from __future__ import annotations

import argparse
import json
import sys

from .cli_input import OneLineParser, add_max_chars, decode_report, read_report, report_lines
from .errors import InputError, too_long


def _dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)


def cmd_extract(a: argparse.Namespace) -> int:
    from . import analyse
    from .dates import parse_published

    pub = parse_published(a.published)
    text = read_report(a.file, a.max_chars)
    result = analyse(text, pub, a.source)
    for msg in result.messages:
        print(msg, file=sys.stderr)
    print(json.dumps([e.to_dict() for e in result.events], ensure_ascii=False, indent=2))
    return 0


def cmd_batch(a: argparse.Namespace) -> int:
    from . import extract

    for n, line in report_lines(a.file, a.max_chars):
        rid = f"line {n}"
        try:
            if line is None:
                raise InputError(f"the line is longer than a report of {a.max_chars:,} characters can be")
            if not line.strip():
                continue
            rec = json.loads(decode_report(line, f"line {n}"))
            if not isinstance(rec, dict):
                raise InputError("the line is not a JSON object")
            rid = rec.get("id", rid)
            text = rec.get("text") or ""
            if isinstance(text, str) and len(text) > a.max_chars:
                raise InputError(too_long(len(text), a.max_chars))
            events = extract(text, rec.get("published"), rec.get("source"))
        except (ValueError, InputError, TypeError) as e:
            print(
                _dump({"id": rid, "error": str(e).splitlines()[0] if str(e) else type(e).__name__}),
                file=sys.stderr,
            )
            continue
        print(_dump({"id": rid, "events": [e.to_dict() for e in events]}))
    return 0


def cmd_places(a: argparse.Namespace) -> int:
    from .places import find_places

    text = read_report(a.file, a.max_chars)
    print(json.dumps([p.to_dict() for p in find_places(text)], ensure_ascii=False, indent=2))
    return 0


def _parser() -> OneLineParser:
    ap = OneLineParser(prog="python -m extraction", description="Arabic/English reports to ACLED events")
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("extract", help="events of one report as a JSON array")
    p.add_argument("file")
    p.add_argument("--published", required=True, help="publication date YYYY-MM-DD")
    p.add_argument("--source", default=None)
    add_max_chars(p)
    p.set_defaults(func=cmd_extract)
    p = sub.add_parser("batch", help="JSONL of {id, text, published, source} -> JSONL of {id, events}")
    p.add_argument("file")
    add_max_chars(p)
    p.set_defaults(func=cmd_batch)
    p = sub.add_parser("places", help="place mentions of one report as a JSON array")
    p.add_argument("file")
    add_max_chars(p)
    p.set_defaults(func=cmd_places)
    return ap


def main(argv: list[str] | None = None) -> int:
    a = _parser().parse_args(argv)
    try:
        return a.func(a)
    except InputError as e:
        print(f"error: {str(e).splitlines()[0] if str(e) else 'bad input'}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
