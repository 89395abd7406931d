"""Event sources: corroboration on ingest, the conservative toll, split and merge with undo (SQLite and
PostgreSQL)."""

from __future__ import annotations

from typing import Any

import pytest
from alembic import command
from sqlalchemy import select, text

from store import db
from store.errors import StaleVersion, ValidationError
from store.events import count_events, get_event, query_events, undo_last_save, update_event
from store.filters import EventFilter
from store.migrate import alembic_config, upgrade
from store.models import event_sources
from store.reports import add_report, find_near_duplicate
from store.revisions import history
from store.sources import list_sources, merge_events, source_counts, split_source
from tests.store.conftest import sample_event, unique_text

TURKEY = "Military Forces of Turkey (2016-)"
SDF = "SDF: Syrian Democratic Forces"
AMUDA = {"location": "Amuda", "location_ar": "عامودا", "place_id": "gn-173230", "latitude": 37.10417,
         "longitude": 40.93, "admin1": "Al-Hasakah"}  # fmt: skip
QAMISHLI = {"location": "Al Qamishli", "location_ar": "القامشلي", "place_id": "gn-173377", "latitude": 37.05215,
            "longitude": 41.23142, "admin1": "Al-Hasakah"}  # fmt: skip


def drone(day: str = "2024-08-18", fatalities: int = 2, **over: Any) -> dict[str, Any]:
    fields = {"event_date": day, "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
              "actor1": TURKEY, "actor2": SDF, "fatalities": fatalities,
              "notes": "Turkey vs SDF: Air/drone strike at Amuda", **AMUDA}  # fmt: skip
    return sample_event(**{**fields, **over})


def ingest(
    outlet: str, events: list[dict[str, Any]], published: str = "2024-08-18", body: str = "", **kw: Any
):
    return add_report(unique_text(body or f"قصف مسيرة تركية قرب عامودا ({outlet})"), published, source=outlet,
                      events=events, analyst="cli", corroborate=True, **kw)  # fmt: skip


def test_three_outlets_one_strike_and_a_distinct_strike_apart(db_url: str) -> None:
    first = ingest("نورث برس", [drone(fatalities=2)])
    second = ingest("المرصد السوري لحقوق الإنسان", [drone(fatalities=3, latitude=37.09), drone(**QAMISHLI)])
    third = ingest("وكالة هاوار", [drone(fatalities=2, actor2=None)], published="2024-08-19")
    [strike] = first.event_ids
    assert second.corroborated == [strike] and len(second.event_ids) == 1  # Qamishli stays its own event
    assert third.corroborated == [strike] and third.event_ids == []
    ev = get_event(strike)
    assert ev["source"] == "North Press; SOHR; Hawar"
    assert ev["source_scale"] == "Subnational-Other"
    assert ev["fatalities"] == 2
    assert (
        "[Fatalities: 2, the lowest, from North Press; sources: North Press 2, SOHR 3, Hawar 2]"
        in ev["notes"]
    )
    sources = list_sources(strike)
    assert [s["outlet"] for s in sources] == ["North Press", "SOHR", "Hawar"]
    assert [s["fatalities"] for s in sources] == [2, 3, 2]
    assert sources[1]["attached"] == "matched" and "Amuda" in sources[1]["reason"]
    assert source_counts([strike, second.event_ids[0]]) == {strike: 3, second.event_ids[0]: 1}
    # counted once everywhere; each report's filter finds the event it tells of
    flt = EventFilter(date_from=ev["event_date"], date_to=ev["event_date"], event_types=(ev["event_type"],))
    assert count_events(flt) == 2
    assert set(query_events(EventFilter(report_id=third.report_id))["id"]) == {strike}
    # the corroboration is in the event's history, not an analyst's save to undo
    assert any(h["field"] == "sources" and h["new"] == [s["id"] for s in sources] for h in history(strike))
    assert undo_last_save("cli") == 0


def test_a_later_toll_update_wins_and_an_analysts_value_wins_over_all(db_url: str) -> None:
    [eid] = ingest("North Press", [drone("2024-08-20", fatalities=3)], published="2024-08-20").event_ids
    update_text = (
        "قتل ثلاثة عناصر بقصف مسيرة تركية قرب عامودا. وارتفعت حصيلة القتلى إلى خمسة بعد وفاة جريحين."
    )
    ev = drone("2024-08-20", fatalities=3, evidence={"start": 0, "end": 40, "text": update_text[:40]})
    add_report(update_text, "2024-08-21", source="SOHR", events=[ev], analyst="cli", corroborate=True)
    got = get_event(eid)
    assert got["fatalities"] == 5
    assert "the toll as updated by SOHR (2024-08-21)" in got["notes"]
    # a later, lower figure does not undo an explicit update
    ingest("Hawar", [drone("2024-08-20", fatalities=2)], published="2024-08-22")
    assert get_event(eid)["fatalities"] == 5
    # the analyst's value stands whatever comes next
    update_event(eid, {"fatalities": 4}, "Nour", get_event(eid)["version"])
    ingest("Enab Baladi", [drone("2024-08-20", fatalities=1)], published="2024-08-23")
    got = get_event(eid)
    assert got["fatalities"] == 4 and "set by Nour" in got["notes"]
    assert len(list_sources(eid)) == 4


def test_split_and_merge_are_revisions_that_undo_restores(db_url: str) -> None:
    day = "2024-09-02"
    [eid] = ingest("North Press", [drone(day, fatalities=1)], published=day).event_ids
    ingest("SOHR", [drone(day, fatalities=4)], published=day)
    before = get_event(eid)
    sources = list_sources(eid)
    assert before["source"] == "North Press; SOHR" and before["fatalities"] == 1

    new_id = split_source(sources[1]["id"], "Nour")
    split, rest = get_event(new_id), get_event(eid)
    assert (split["source"], split["fatalities"], split["report_id"]) == ("SOHR", 4, sources[1]["report_id"])
    assert (rest["source"], rest["fatalities"]) == ("North Press", 1)
    assert "[Fatalities" not in (rest["notes"] or "")
    with pytest.raises(ValidationError, match="single source"):
        split_source(sources[0]["id"], "Nour")

    assert undo_last_save("Nour") > 0
    assert get_event(new_id)["status"] == "rejected"
    back = get_event(eid)
    assert [s["id"] for s in list_sources(eid)] == [s["id"] for s in sources]
    assert (back["source"], back["fatalities"], back["notes"]) == (before["source"], 1, before["notes"])

    # merge by hand: two events the rule kept apart (another day) become one; undo parts them again
    [other] = ingest("Hawar", [drone("2024-09-03", fatalities=2)], published="2024-09-03").event_ids
    merged = merge_events(eid, other, "Nour")
    assert merged["source"] == "North Press; SOHR; Hawar" and merged["fatalities"] == 1
    assert get_event(other)["merged_into"] == eid
    assert other not in set(query_events(EventFilter())["id"])
    assert len(list_sources(eid)) == 3
    assert undo_last_save("Nour") > 0
    assert get_event(other)["merged_into"] is None and len(list_sources(other)) == 1
    assert get_event(eid)["source"] == "North Press; SOHR" and len(list_sources(eid)) == 2
    assert other in set(query_events(EventFilter())["id"])


def test_merge_refusals_and_undo_after_a_later_source(db_url: str) -> None:
    day = "2024-10-05"
    [a] = ingest("North Press", [drone(day)], published=day).event_ids
    [b] = ingest("SOHR", [drone(day, **QAMISHLI)], published=day).event_ids
    update_event(b, {"status": "rejected"}, "Nour", get_event(b)["version"])
    with pytest.raises(ValidationError, match="rejected"):
        merge_events(a, b, "Nour")
    with pytest.raises(ValidationError, match="itself"):
        merge_events(a, a, "Nour")
    # a rejected event is no target for a new report either
    [c] = ingest("Hawar", [drone(day, **QAMISHLI)], published=day).event_ids
    assert c != b
    merge_events(a, c, "Sara")
    ingest("Enab Baladi", [drone(day)], published=day)  # a new source arrives after the merge
    with pytest.raises(StaleVersion, match="undo refused"):
        undo_last_save("Sara")


def test_same_report_twice_is_a_duplicate_and_a_light_edit_is_flagged(db_url: str) -> None:
    body = "قصفت طائرة مسيرة تركية سيارة عسكرية قرب عامودا ما أدى إلى مقتل عنصرين من قسد. " * 3
    first = add_report(body + "رقم 17", "2024-11-01", source="North Press", events=[drone("2024-11-01")],
                       corroborate=True)  # fmt: skip
    again = add_report(body + "رقم 17", "2024-11-01", source="North Press", events=[drone("2024-11-01")])
    assert again.duplicate and again.report_id == first.report_id
    edited = body.replace("عنصرين", "عنصرين اثنين") + "رقم 17"
    assert find_near_duplicate(edited, "نورث برس", "2024-11-02") == (
        first.report_id,
        pytest.approx(97, abs=3),
    )
    assert find_near_duplicate(edited, "SOHR", "2024-11-02") is None  # another outlet is corroboration
    res = add_report(edited, "2024-11-02", source="نورث برس", events=[drone("2024-11-01")], corroborate=True)
    assert not res.duplicate and res.near_duplicate_of == first.report_id and res.near_duplicate_score >= 90
    assert res.corroborated == first.event_ids  # same outlet: a source, but still one outlet
    assert get_event(first.event_ids[0])["source"] == "North Press"


def test_without_corroboration_every_event_is_new_with_one_source(db_url: str) -> None:
    a = add_report(unique_text(), "2024-12-01", source="North Press", events=[drone("2024-12-01")])
    b = add_report(unique_text(), "2024-12-01", source="SOHR", events=[drone("2024-12-01")])
    assert a.event_ids != b.event_ids and not b.corroborated
    assert [s["attached"] for s in list_sources(b.event_ids[0])] == ["created"]


def test_migration_gives_existing_events_their_one_source(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    db.prepare_new(url)  # a database migrated to 0002 by an older Rasd
    cfg = alembic_config(url)
    with db.write(url, bump=False) as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
    with db.write(url, bump=False) as conn:
        conn.execute(text("INSERT INTO reports (id, text, sha256, source, published, ingested_at, ingested_by, is_demo) "
                          "VALUES (1, 'r', 'x', 'Hawar', '2024-01-02', '2024-01-02', 'a', false)"))  # fmt: skip
        conn.execute(text("INSERT INTO events (id, report_id, event_date, time_precision, event_type, sub_event_type, "
                          "geo_precision, fatalities, status, version, created_at, created_by, updated_at, updated_by, "
                          "evidence_start, evidence_end, evidence_text) VALUES (7, 1, '2024-01-01', 1, 'Battles', "
                          "'Armed clash', 1, 3, 'extracted', 1, '2024-01-02', 'a', '2024-01-02', 'a', 0, 1, 'r')"))  # fmt: skip
    upgrade(url)
    with db.read(url) as conn:
        rows = [dict(r._mapping) for r in conn.execute(select(event_sources)).all()]
    assert len(rows) == 1
    assert {k: rows[0][k] for k in ("event_id", "report_id", "outlet", "fatalities", "attached", "evidence_text")} == {
        "event_id": 7, "report_id": 1, "outlet": "Hawar", "fatalities": 3, "attached": "migrated", "evidence_text": "r",
    }  # fmt: skip
