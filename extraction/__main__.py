"""Command line: ``python -m extraction extract|batch|places``; JSON out, one-line errors, exit 2 on bad input."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import InputError


def _read(path: str) -> str:
    """The file as UTF-8 text; InputError for a missing, binary or non-UTF-8 file."""
    p = Path(path)
    try:
        data = p.read_bytes() if path != "-" else sys.stdin.buffer.read()
    except OSError as e:
        raise InputError(f"Cannot read {path}: {e.strerror or e}") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{path} looks like a binary file, not a text report")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text") from None


def _dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)


def cmd_extract(a: argparse.Namespace) -> int:
    from . import analyse
    from .dates import parse_published

    pub = parse_published(a.published)
    text = _read(a.file)
    result = analyse(text, pub, a.source)
    for msg in result.messages:
        print(msg, file=sys.stderr)
    print(json.dumps([e.to_dict() for e in result.events], ensure_ascii=False, indent=2))
    return 0


def cmd_batch(a: argparse.Namespace) -> int:
    from . import extract

    text = _read(a.file)
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        rid = f"line {n}"
        try:
            rec = json.loads(line)
            if not isinstance(rec, dict):
                raise InputError("the line is not a JSON object")
            rid = rec.get("id", rid)
            events = extract(rec.get("text") or "", rec.get("published"), rec.get("source"))
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

    text = _read(a.file)
    print(json.dumps([p.to_dict() for p in find_places(text)], ensure_ascii=False, indent=2))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m extraction", description="Arabic/English reports to ACLED events"
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("extract", help="events of one report as a JSON array")
    p.add_argument("file")
    p.add_argument("--published", required=True, help="publication date YYYY-MM-DD")
    p.add_argument("--source", default=None)
    p.set_defaults(func=cmd_extract)
    p = sub.add_parser("batch", help="JSONL of {id, text, published, source} -> JSONL of {id, events}")
    p.add_argument("file")
    p.set_defaults(func=cmd_batch)
    p = sub.add_parser("places", help="place mentions of one report as a JSON array")
    p.add_argument("file")
    p.set_defaults(func=cmd_places)
    a = ap.parse_args(argv)
    try:
        return a.func(a)
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
