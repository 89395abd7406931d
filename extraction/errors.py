"""The one error the extraction engine raises for bad input, with a message an analyst can read."""

from __future__ import annotations

MAX_CHARS = 1_000_000
"""The app, its uploads and the command lines refuse longer reports (the CLIs' --max-chars raises it for
an archive); the library itself still reads longer texts in linear time."""


def too_long(chars: int, limit: int = MAX_CHARS) -> str:
    """The one line that refuses a text over the limit (the same words in the app and the CLIs)."""
    return f"the text has {chars:,} characters; Rasd takes at most {limit:,} per report"


class InputError(ValueError):
    """Empty text, text too long, a binary file, or a bad publication date."""
