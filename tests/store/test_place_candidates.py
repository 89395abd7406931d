"""The places an ambiguous name could be are stored with the event (its ``extra``) and read back per event."""

from __future__ import annotations

from extraction import extract
from store.events import get_event, place_candidates
from store.reports import add_report
from tests.store.conftest import sample_event, unique_text

JARWAN_HASAKAH, JARWAN_DEIR = "wof-1243281421", "wof-1326751581"


def test_the_candidates_are_stored_with_the_event_and_read_back_by_id(db_url: str) -> None:
    text = "قصف مدفعي لقوات النظام على قرية جروان"
    ambiguous = add_report(
        text, "2024-05-01", events=extract(text, "2024-05-01"), analyst="ingest"
    ).event_ids[0]
    plain = add_report(unique_text(), "2024-03-02", events=[sample_event()], analyst="ingest").event_ids[0]
    stored = get_event(ambiguous)
    assert [c["id"] for c in stored["extra"]["place_candidates"]] == [JARWAN_HASAKAH, JARWAN_DEIR]
    assert stored["place_id"] == JARWAN_HASAKAH and "also Jarwan (Deir ez-Zor)" in stored["notes"]
    got = place_candidates([plain, ambiguous, 10**9])
    assert list(got) == [ambiguous]
    assert got[ambiguous][1] == stored["extra"]["place_candidates"][1]
    assert got[ambiguous][1]["lat"] == 36.03194 and got[ambiguous][1]["admin1"] == "Deir ez-Zor"
    assert place_candidates([]) == {}
