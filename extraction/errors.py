"""The one error the extraction engine raises for bad input, with a message an analyst can read."""

from __future__ import annotations

MAX_CHARS = 1_000_000
"""The app refuses longer pastes; the library and CLI still read longer texts in linear time."""


class InputError(ValueError):
    """Empty text, text too long for the app, a binary file, or a bad publication date."""
