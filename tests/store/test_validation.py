"""store.validation: values from the editor, the CLI and the extractor are coerced and checked alike."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest

from store.errors import ValidationError
from store.validation import coerce, coerce_changes, taxonomy


def test_taxonomy_matches_the_extractor() -> None:
    from extraction.taxonomy import DISORDER_TYPE, EVENT_TYPES

    assert taxonomy() == (EVENT_TYPES, DISORDER_TYPE)


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("event_date", "2024-03-01", date(2024, 3, 1)),
        ("event_date", pd.Timestamp("2024-03-01"), date(2024, 3, 1)),
        ("event_date", datetime(2024, 3, 1, 12), date(2024, 3, 1)),
        ("date_min", pd.NaT, None),
        ("fatalities", "3", 3),
        ("fatalities", 3.0, 3),
        ("latitude", "36.5", 36.5),
        ("notes", float("nan"), None),
        ("notes", "  text ", "text"),
        ("background", "false", False),
        ("background", 1, True),
    ],
)
def test_coerce(field: str, value: object, expected: object) -> None:
    assert coerce(field, value) == expected


@pytest.mark.parametrize(
    ("changes", "word"),
    [
        ({"fatalities": "2.5"}, "whole number"),
        ({"event_date": "yesterday"}, "not a date"),
        ({"background": "maybe"}, "true or false"),
        ({"latitude": "north"}, "not a number"),
        ({"id": 3}, "'id' is not a field"),
    ],
)
def test_coerce_changes_refuses(changes: dict, word: str) -> None:
    with pytest.raises(ValidationError, match=word):
        coerce_changes(changes)
