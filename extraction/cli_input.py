"""What the command lines (``python -m extraction``, ``python -m store``) share about their input.

Arguments whose errors are one line on stderr with exit status 1 (argparse's own answer is a usage block
and exit 2), and a report file read within the app's character limit: its size is checked before it is
read, so a 20 MB file is refused at once instead of being read, decoded and analysed first.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NoReturn

from .errors import MAX_CHARS, InputError, too_long

UTF8_MAX_BYTES = 4  # bytes of UTF-8's longest character: N characters are at most 4N bytes (+3 for a BOM)


class OneLineParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are ``error: …`` on one line and exit status 1."""

    def error(self, message: str) -> NoReturn:
        first = message.strip().splitlines()[0] if message.strip() else "bad arguments"
        self.exit(1, f"error: {first} (see {self.prog} --help)\n")


def int_in(low: int, high: int, what: str = "a whole number") -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high`` (ids, counts, limits)."""

    def parse(s: str) -> int:
        t = s.strip()
        if not (t.isdigit() or (t[:1] == "-" and t[1:].isdigit())) or not low <= int(t) <= high:
            shown = s if len(s) <= 30 else s[:27] + "..."
            raise argparse.ArgumentTypeError(f"{what} must be from {low:,} to {high:,}, not {shown!r}")
        return int(t)

    return parse


def add_max_chars(p: argparse.ArgumentParser) -> None:
    """The ``--max-chars`` option: the app's limit by default, raised for an archive."""
    p.add_argument(
        "--max-chars",
        type=int_in(1, 2**31 - 1, "--max-chars"),
        default=MAX_CHARS,
        metavar="N",
        help=f"refuse a report longer than N characters (default {MAX_CHARS:,}, the app's limit; "
        "raise it for an archive)",
    )


def _bounded_bytes(path: str, limit: int) -> bytes:
    """At most ``limit`` bytes of the file (stdin for "-"); InputError when there are more."""
    if path == "-":
        data = sys.stdin.buffer.read(limit + 1)
    else:
        p = Path(path)
        try:
            size = p.stat().st_size if p.is_file() else None
            if size is not None and size > limit:
                raise InputError(f"{path} is {_size(size)}: {_over(limit)}")
            with p.open("rb") as f:
                data = f.read(limit + 1)
        except OSError as e:
            raise InputError(f"cannot read {path}: {e.strerror or e}") from None
    if len(data) > limit:
        raise InputError(f"{path} is more than {_size(limit)}: {_over(limit)}")
    return data


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n:,} bytes"


def _over(limit_bytes: int) -> str:
    chars = (limit_bytes - 3) // UTF8_MAX_BYTES
    return (
        f"longer than the {chars:,} characters Rasd takes per report "
        "(raise the limit with --max-chars for an archive)"
    )


def decode_report(data: bytes, name: str) -> str:
    """UTF-8 text (a BOM is dropped); InputError for a NUL byte anywhere (a binary file) or other bytes."""
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(f"{name} looks like a binary file, not a text report (a NUL byte at offset {nul:,})")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{name} is not UTF-8 text") from None


def read_report(path: str, max_chars: int = MAX_CHARS) -> str:
    """One report as text, within ``max_chars``; InputError (one line) when it is missing, binary, not
    UTF-8, empty or too long. The size is checked before the text is read."""
    text = decode_report(_bounded_bytes(path, max_chars * UTF8_MAX_BYTES + 3), path)
    if len(text) > max_chars:
        raise InputError(f"{path}: {too_long(len(text), max_chars)} (raise the limit with --max-chars)")
    if not text.strip():
        raise InputError(f"{path} is empty: there is no text to read")
    return text


def report_lines(path: str, max_chars: int = MAX_CHARS) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) of a JSONL file read one line at a time; a line too long to hold a report of
    ``max_chars`` (even written with \\uXXXX escapes) comes as None, without being read into memory."""
    limit = max_chars * 6 + 4096
    try:
        f = sys.stdin.buffer if path == "-" else Path(path).open("rb")  # noqa: SIM115 - closed below
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror or e}") from None
    try:
        n = 0
        while True:
            line = f.readline(limit + 1)
            if not line:
                return
            n += 1
            if len(line) > limit and not line.endswith(b"\n"):
                while (rest := f.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
                yield n, None
                continue
            yield n, line
    finally:
        if f is not sys.stdin.buffer:
            f.close()
