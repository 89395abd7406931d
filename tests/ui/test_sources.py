"""ui.sources: counts for the editor, each source's evidence in its report (escaped), split, merge, and
the Briefing's single-source figure."""

from __future__ import annotations

import pandas as pd

from store import events as store_events
from store import reports as store_reports
from ui import sources
from ui.paste import save_message

TEXT_NP = "قصفت مسيرة تركية سيارة قرب عامودا <script>alert(1)</script> ومقتل عنصرين."
TEXT_SOHR = "مقتل ثلاثة عناصر بقصف مسيرة تركية على سيارة قرب عامودا."


def strike(text: str, fatalities: int) -> dict:
    start = text.index("قصف") if "قصف" in text else 0
    return {
        "event_date": "2024-08-18", "time_precision": 1, "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike", "actor1": "Military Forces of Turkey (2016-)",
        "location": "Amuda", "place_id": "gn-173230", "latitude": 37.10417, "longitude": 40.93,
        "geo_precision": 1, "fatalities": fatalities,
        "evidence": {"start": start, "end": start + 20, "text": text[start : start + 20]},
    }  # fmt: skip


def seed() -> tuple[int, int, int]:
    a = store_reports.add_report(TEXT_NP, "2024-08-18", source="North Press", events=[strike(TEXT_NP, 2)],
                                 analyst="seed", corroborate=True)  # fmt: skip
    b = store_reports.add_report(TEXT_SOHR, "2024-08-18", source="SOHR", events=[strike(TEXT_SOHR, 3)],
                                 analyst="seed", corroborate=True)  # fmt: skip
    assert b.corroborated == a.event_ids
    return a.event_ids[0], a.report_id, b.report_id


def test_counts_and_cards(db_url: str) -> None:
    eid, r1, r2 = seed()
    frame = sources.with_source_counts(store_events.query_events(store_events.EventFilter()))
    assert frame.set_index("id").loc[eid, "sources"] == 2
    cards = sources.source_cards(eid)
    assert [c.title.split(" · ")[0] for c in cards] == ["Source 1: North Press", "Source 2: SOHR"]
    assert f"report #{r2}" in cards[1].title and "3 killed" in cards[1].title
    assert cards[1].details.startswith("matched: 2024-08-18")
    first = cards[0].report_html
    assert (
        '<mark class="rasd-ev" data-event="1"' in first
        and "&lt;script&gt;" in first
        and "<script>" not in first
    )
    assert 'data-event="2"' in cards[1].report_html


def test_split_and_merge_outcomes(db_url: str) -> None:
    eid, _, _ = seed()
    cards = sources.source_cards(eid)
    done = sources.split(cards[1].source_id, "Nour")
    assert done.kind == "success" and "Undo" in done.text
    assert sources.split(cards[0].source_id, "Nour").kind == "error"  # a single source is left
    new_id = int(done.text.split("#")[1].split()[0])
    frame = store_events.query_events(store_events.EventFilter())
    assert sources.merge_choices(frame, eid) == [new_id]
    assert sources.merge(eid, new_id, "Nour").kind == "success"
    assert sources.merge(eid, new_id, "Nour").kind == "error"  # merged already
    assert len(sources.source_cards(eid)) == 2


def test_single_source_count_and_messages() -> None:
    df = pd.DataFrame({"source": ["North Press; SOHR", "SOHR", None, "Hawar; Hawar2; SOHR"]})
    assert sources.single_source_count(df) == 2
    assert sources.outlet_counts(df["source"]) == [2, 1, 0, 3]
    msg = save_message(4, [9], [2, 3], {"id": 1, "score": 96.4})
    assert msg.startswith("Saved report #4: 1 new event(s); 2 told of event(s) already stored (#2, #3)")
    assert "nearly repeats report #1 from the same outlet (96% alike)" in msg


def test_briefing_counts_single_source_events_and_paste_flags_a_near_repeat(db_url: str) -> None:
    from datetime import date

    from ui import briefing, paste

    eid, r1, _ = seed()
    other = store_reports.add_report("اعتقالات في الرقة", "2024-08-18", source="Hawar", events=[
        {**strike(TEXT_NP, 0), "location": "Raqqa", "place_id": "x", "latitude": 35.95, "longitude": 39.0}
    ], corroborate=True)  # fmt: skip
    cur = store_events.query_events(store_events.EventFilter())
    figs = briefing.key_figures(cur, None)
    assert (figs["events"], figs["single_source"]) == (2, 1)
    top = briefing.top_events(cur)
    assert set(top["Outlets"]) == {"North Press; SOHR", "Hawar"}
    assert "events from a single outlet" in briefing.briefing_html("t", "p", figs, top)
    assert other.event_ids
    edited = TEXT_NP.replace("عنصرين", "عنصرين اثنين")
    assert paste.near_duplicate(edited, "نورث برس", date(2024, 8, 19))[0] == r1
    assert paste.near_duplicate(edited, "Hawar", date(2024, 8, 19)) is None
