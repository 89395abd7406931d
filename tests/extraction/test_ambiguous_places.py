"""A place the report's context cannot choose is said, not guessed silently: the event's notes name the other
candidates and its ``extra`` keeps them (ids, names, points) for the Review page (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from extraction import extract
from extraction.notes import CANDIDATES, ambiguity, place_labels

SCHEMA_PATH = (
    Path(__file__).resolve().parents[3] / "shared/schema/event.schema.json"
)  # absent in a lone clone
# Two villages called جروان (Jarwan): one south-east of al-Shaddadi (Hasakah), one in Deir ez-Zor.
JARWAN_HASAKAH, JARWAN_DEIR = "wof-1243281421", "wof-1326751581"


def _one(text: str):
    (ev,) = extract(text, "2024-05-01")
    return ev


def test_an_unresolved_namesake_is_named_in_the_notes_and_kept_in_extra():
    ev = _one("قصف مدفعي لقوات النظام على قرية جروان")  # no governorate, no other place, no outlet
    assert ev.place_id == JARWAN_HASAKAH
    cands = ev.extra[CANDIDATES]
    assert [c["id"] for c in cands] == [JARWAN_HASAKAH, JARWAN_DEIR]  # the choice first, then the runner-up
    deir = cands[1]
    assert (deir["name_en"], deir["name_ar"], deir["admin1"]) == ("Jarwan", "جروان", "Deir ez-Zor")
    assert (round(deir["lat"], 3), round(deir["lon"], 3)) == (36.032, 39.831)
    assert ev.notes.endswith("at Jarwan; place ambiguous: also Jarwan (Deir ez-Zor)")
    d = ev.to_dict()
    assert d["extra"][CANDIDATES][1]["id"] == JARWAN_DEIR
    if SCHEMA_PATH.exists():  # the contract allows the extra property
        jsonschema.validate(json.loads(json.dumps(d)), json.loads(SCHEMA_PATH.read_text()))


def test_a_namesake_the_context_resolves_and_an_unambiguous_place_say_nothing():
    for text in ("قصف مدفعي لقوات النظام على قرية جروان بريف دير الزور", "قصف مدفعي لقوات النظام على عامودا"):
        ev = _one(text)
        assert CANDIDATES not in ev.extra and "ambiguous" not in ev.notes
        assert "extra" not in ev.to_dict()
    assert _one("قصف مدفعي لقوات النظام على قرية جروان بريف دير الزور").place_id == JARWAN_DEIR


def test_candidates_that_read_alike_are_told_apart_by_their_sub_district():
    ev = _one("Regime forces shelled Jarwan")  # three villages named Jarwan, two of them in Hasakah district
    assert len(ev.extra[CANDIDATES]) == 3
    assert "Jarwan (Areesheh, Al-Hasakah) or Jarwan (Deir ez-Zor)" in ev.notes


def test_the_clause_names_the_candidates_other_than_the_current_place():
    a = {"id": "a", "name_en": "Jarwan", "admin2": "Al-Hasakah", "admin1": "Al-Hasakah", "admin3": "Areesheh"}
    b = {"id": "b", "name_en": "Jarwan", "admin2": "Deir ez-Zor", "admin1": "Deir ez-Zor"}
    assert place_labels([a, b]) == ["Jarwan (Al-Hasakah)", "Jarwan (Deir ez-Zor)"]
    assert ambiguity([a, b], "b") == "place ambiguous: also Jarwan (Al-Hasakah)"
    assert ambiguity([a], "a") is None and ambiguity([], None) is None
