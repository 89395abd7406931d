"""The filter values a link carries, checked as the bound widgets take them.

Streamlit fills a bound widget from the query parameter of its key, as the page loads. A number box
turned ``?report=1e309`` into OverflowError inside Streamlit on every page, and an actor or text filter
of 50,000 characters reached the database. The report id is therefore a text box read here, and a text
filter longer than its box holds is cut by Streamlit (``max_chars``) with one line saying so.
"""

from __future__ import annotations

from collections.abc import Mapping

from store.validation import INT_MAX, MAX_FILTER_CHARS
from ui import state

TEXT_FILTERS = {state.F_ACTOR: "actor", state.F_TEXT: "text search"}
REPORT_ID_CHARS = len(str(INT_MAX))


def _shown(value: str) -> str:
    return value if len(value) <= 20 else value[:17] + "..."


def cut_in_link(params: Mapping[str, str]) -> list[str]:
    """One line per text filter in the link longer than its box (the box keeps the first characters)."""
    problems = []
    for key, label in TEXT_FILTERS.items():
        value = params.get(key)
        if value is not None and len(value) > MAX_FILTER_CHARS:
            problems.append(
                f"The link's {label} filter has {len(value):,} characters: only the first {MAX_FILTER_CHARS} are used."
            )
    return problems


def report_id(text: str | None) -> tuple[int | None, str | None]:
    """The Report id box as (id, None), (None, None) when empty, or (None, one line) when it is no id."""
    clean = (text or "").strip().lstrip("#")
    if not clean:
        return None, None
    if clean.isdigit() and 1 <= int(clean) <= INT_MAX:
        return int(clean), None
    return None, f"“{_shown(text or '')}” is not a report id (a whole number from 1): it is left out."
