"""store.places: analysts' places are validated, listed in the gazetteer's shape, exported, aliased."""

from __future__ import annotations

import csv
import io

import pytest

from store.columns import GAZETTEER_COLUMNS, PLACE_COLUMNS
from store.errors import NotFound, ValidationError
from store.places import add_alias_candidate, add_place, export_places_csv, list_places

TELL_HALAF = {
    "name_en": "Tell Halaf",
    "name_ar": "تل حلف",
    "kind": "village",
    "lat": "36.826",
    "lon": 40.04,
    "admin1": "Al-Hasakeh",
}


def test_add_and_list(db_url: str) -> None:
    pid = add_place(TELL_HALAF, "amal")
    row = next(p for p in list_places() if p["id"] == pid)
    assert tuple(row) == GAZETTEER_COLUMNS
    assert row["lat"] == 36.826 and row["name_ar"] == "تل حلف" and row["source"] == "added by amal in Rasd"
    meta = next(p for p in list_places(include_meta=True) if p["id"] == pid)
    assert meta["added_by"] == "amal" and meta["alias_of"] is None


def test_place_without_coordinates_needs_located_by(db_url: str) -> None:
    fields = {"name_ar": "حي الأربوية", "kind": "neighbourhood", "parent_id": "gn-173377"}
    with pytest.raises(ValidationError, match="located_by"):
        add_place(fields, "amal")
    with pytest.raises(ValidationError, match="located_by: no place"):
        add_place({**fields, "located_by": "nowhere-1"}, "amal")
    pid = add_place({**fields, "located_by": "gn-173377"}, "amal")  # Qamishli in the shipped gazetteer
    assert pid.startswith("rasd-")
    # The extractor takes the rows as they are (extra_places), and finds the new place.
    from extraction.gazetteer import load_gazetteer

    gaz = load_gazetteer(extra_places=list_places())
    assert gaz.get(pid).name_ar == "حي الأربوية"


@pytest.mark.parametrize(
    ("change", "word"),
    [
        ({"name_ar": "Tell Halaf"}, "Arabic"),
        ({"kind": "planet"}, "kind"),
        ({"lat": 95}, "lat"),
        ({"lon": "east"}, "lon"),
        ({"colour": "red"}, "unknown place field"),
    ],
)
def test_invalid_places_refused(db_url: str, change: dict, word: str) -> None:
    with pytest.raises(ValidationError, match=word):
        add_place({**TELL_HALAF, **change}, "amal")


def test_same_id_twice_refused(db_url: str) -> None:
    add_place({**TELL_HALAF, "id": "rasd-fixed"}, "amal")
    with pytest.raises(ValidationError, match="already"):
        add_place({**TELL_HALAF, "id": "rasd-fixed"}, "badr")


def test_alias_candidate_and_export(db_url: str) -> None:
    target = add_place({**TELL_HALAF, "name_en": "Tell Halaf (alias target)"}, "amal")
    alias = add_alias_candidate(target, "تل حَلَف", "badr")
    row = next(p for p in list_places(include_meta=True) if p["id"] == alias)
    assert row["alias_of"] == target and row["name_ar"] == "تل حَلَف" and row["lat"] == 36.826
    with pytest.raises(NotFound):
        add_alias_candidate("no-such-place", "مكان", "badr")
    rows = list(csv.DictReader(io.StringIO(export_places_csv().decode("utf-8-sig"))))
    assert tuple(rows[0]) == PLACE_COLUMNS
    assert {r["id"] for r in rows} >= {target, alias}
