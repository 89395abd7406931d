"""ui.editor: the editor's edits (by row position) become per-event changes against the fixed input."""

from __future__ import annotations

from datetime import date

import pandas as pd

from ui.editor import (
    clean_value,
    diff_edits,
    editor_frame,
    extracted_frame,
    kept_positions,
    place_changes,
    validate_change,
)

TYPES = {"Battles": ["Armed clash"], "Protests": ["Peaceful protest", "Protest with intervention"]}


def events() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "id": 7,
                "version": 3,
                "event_date": "2024-08-19",
                "event_type": "Battles",
                "sub_event_type": "Armed clash",
                "fatalities": 2,
                "location": "Qamishli",
                "notes": None,
                "status": "extracted",
                "evidence_text": "e1",
            },
            {
                "id": 4,
                "version": 1,
                "event_date": "2024-08-18",
                "event_type": "Protests",
                "sub_event_type": "Peaceful protest",
                "fatalities": 0,
                "location": "Amuda",
                "notes": "n",
                "status": "extracted",
                "evidence_text": "e2",
            },
        ]
    )


def test_diff_by_position_not_by_id():
    frame = editor_frame(events())
    changes = diff_edits(frame, {1: {"fatalities": 3}, 0: {"notes": "checked"}})
    assert [(c.event_id, c.version, c.changes) for c in changes] == [
        (7, 3, {"notes": "checked"}),
        (4, 1, {"fatalities": 3}),
    ]


def test_unchanged_values_read_only_columns_and_bad_positions_are_not_changes():
    frame = editor_frame(events())
    edits = {
        "0": {"fatalities": 2.0, "event_date": "2024-08-19", "notes": ""},  # same values, JSON-style key
        1: {"id": 99, "version": 9, "evidence_text": "x"},  # read-only
        5: {"fatalities": 1},  # no such row
    }
    assert diff_edits(frame, edits) == []


def test_dates_from_the_editor_become_iso_days():
    frame = editor_frame(events())
    assert isinstance(frame.loc[0, "event_date"], date)
    [change] = diff_edits(frame, {0: {"event_date": "2024-08-17T00:00:00.000"}})
    assert change.changes == {"event_date": "2024-08-17"}


def test_validate_subtype_belongs_to_type():
    row = editor_frame(events()).iloc[0].to_dict()
    assert validate_change(row, {"sub_event_type": "Armed clash"}, TYPES) == []
    [problem] = validate_change(row, {"event_type": "Protests"}, TYPES)
    assert "'Armed clash' is not a sub-type of 'Protests'" in problem
    assert validate_change(row, {"event_type": "Protests", "sub_event_type": "Peaceful protest"}, TYPES) == []
    assert validate_change(row, {"fatalities": -1}, TYPES) == ["fatalities cannot be negative"]
    assert validate_change(row, {"date_min": "2024-08-20", "date_max": "2024-08-10"}, TYPES) == [
        "date_min is after date_max"
    ]


def test_place_changes_fill_coordinates_and_admin():
    places = [
        {
            "id": "p1",
            "name_en": "Amuda",
            "name_ar": "عامودا",
            "latitude": 37.1,
            "longitude": 40.9,
            "admin1": "Al-Hasakeh",
            "admin2": "Qamishli",
            "admin3": "Amuda",
        }
    ]
    got = place_changes("عامودا", places)
    assert got["location"] == "Amuda" and got["latitude"] == 37.1 and got["admin1"] == "Al-Hasakeh"
    assert place_changes("Nowhere", places) == {}


def test_keep_column_untick():
    frame = extracted_frame([{"event_type": "Battles", "evidence": {"start": 0, "end": 1, "text": "x"}}] * 3)
    assert list(frame["#"]) == [1, 2, 3] and list(frame["evidence"]) == ["x"] * 3
    assert kept_positions(frame, {"edited_rows": {1: {"keep": False}}}) == [0, 2]
    assert kept_positions(frame, None) == [0, 1, 2]


def test_clean_value():
    assert clean_value(float("nan")) is None
    assert clean_value(pd.Timestamp("2024-08-19")) == "2024-08-19"
    assert clean_value(pd.array([3], dtype="Int64")[0]) == 3
