"""Command line: ``python -m extraction extract|batch|places|rules|explain|ablate``; one-line errors, exit 1.

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
    from .published import parse_published

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


def cmd_rules(a: argparse.Namespace) -> int:
    from .assembly import STAGES, registered

    rules = registered()
    for stage, fns in STAGES:
        for fn in fns:
            print(f"{stage:<15} {fn.__name__:<58} {rules[fn.__name__].summary}")
    return 0


def _names(value: str | None) -> frozenset[str]:
    return frozenset(n.strip() for n in (value or "").split(",") if n.strip())


def cmd_explain(a: argparse.Namespace) -> int:
    from .explain import explain, render
    from .published import parse_published

    pub = parse_published(a.published)
    text = read_report(a.file, a.max_chars)
    print(render(explain(text, pub, a.source, disabled=_names(a.disable))), end="")
    return 0


def cmd_ablate(a: argparse.Namespace) -> int:
    from .ablate import ablate, gold_sets, load_scorer, table

    scorer = load_scorer(a.scorer)
    sets = gold_sets(scorer, a.dirs)
    rules = sorted(_names(a.rules)) if a.rules else None
    progress = (lambda msg: print(msg, file=sys.stderr)) if a.progress else None
    base, rows = ablate(scorer, sets, rules, progress)
    print(table(base, rows), end="")
    return 0


def _tools(sub) -> None:
    """The maintainers' commands: the rules, one report's trace, each rule's worth on gold sets."""
    from .ablate import DEFAULT_SCORER

    p = sub.add_parser(
        "rules", help="every assembly rule: its stage, its name, the first line of its docstring"
    )
    p.set_defaults(func=cmd_rules)
    p = sub.add_parser("explain", help="per event, the rules that fired and what each changed")
    p.add_argument("file")
    p.add_argument("--published", required=True, help="publication date YYYY-MM-DD")
    p.add_argument("--source", default=None)
    p.add_argument("--disable", default=None, help="rules to switch off, comma-separated")
    add_max_chars(p)
    p.set_defaults(func=cmd_explain)
    p = sub.add_parser("ablate", help="the scorer's F1 on gold sets with each rule switched off in turn")
    p.add_argument("dirs", nargs="+", metavar="DIR", help="folders of gold reports (*.json)")
    p.add_argument("--scorer", default=str(DEFAULT_SCORER), help=f"the scorer (default {DEFAULT_SCORER})")
    p.add_argument("--rules", default=None, help="only these rules, comma-separated")
    p.add_argument("--progress", action="store_true", help="name each rule on stderr as it is scored")
    p.set_defaults(func=cmd_ablate)


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
    _tools(sub)
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
