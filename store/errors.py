"""The store's exceptions: each carries a one-line message an analyst can read.

The pages and the CLI show ``str(exc)`` as is, so messages never hold a traceback, a SQL
statement or a password.
"""

from __future__ import annotations

from typing import Any


class StoreError(Exception):
    """The database cannot be used: broken URL, unreachable server, unwritable path, newer schema."""


class NotFound(StoreError):
    """An id that is not in the database (an event, a report, a place)."""


class ValidationError(ValueError):
    """A value an event, a report or a place cannot hold (the message names the field)."""


class StaleVersion(Exception):
    """Someone saved the event since it was read: nothing was written.

    ``current`` is the event as it is now, so the page can show both values and let the
    analyst choose.
    """

    def __init__(self, current: dict[str, Any], message: str | None = None) -> None:
        self.current = current
        super().__init__(
            message
            or f"event {current.get('id')} was changed by {current.get('updated_by') or 'someone'} "
            f"(now version {current.get('version')}): reload it and try again"
        )
