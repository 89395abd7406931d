"""Bad input at the store's edges (CLI and API): one line, exit 1, nothing written, the same words on
SQLite and PostgreSQL (every case runs on both when RASD_TEST_POSTGRES_URL is set).

Ids and counts beyond INTEGER, fatalities beyond a sane bound, text longer than its column, NUL
characters, blank analysts, dates in the future, filters of thousands of characters, bad arguments.
"""

from __future__ import annotations

import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from store.errors import ValidationError
from store.events import add_event, get_event, query_events, undo_last_save, update_event
from store.filters import EventFilter
from store.places import add_place
from store.reports import add_report
from store.revisions import history
from tests.store.conftest import ROOT, run_cli, sample_event, unique_text

REPORT = ROOT / "data" / "demo" / "01-drone-amuda.txt"
FUTURE = (date.today() + timedelta(days=30)).isoformat()


@pytest.fixture(scope="module")
def eid(db_url: str) -> int:
    return add_report(unique_text(), "2024-03-02", events=[sample_event()], analyst="t").event_ids[0]


def _edit(eid: int, *assignments: str, analyst: str = "cli") -> list[str]:
    return ["edit", str(eid), *assignments, "--analyst", analyst, "--expect-version", "1"]


def one_line(proc) -> str:
    assert proc.returncode == 1, proc.stdout + proc.stderr
    err = proc.stderr.strip()
    assert err and "\n" not in err and "Traceback" not in err and "usage:" not in err, proc.stderr
    assert "cannot use the database" not in err  # a bad value is not a database failure
    return err


@pytest.fixture()
def cli(capsys: pytest.CaptureFixture[str]):
    """``python -m store ARGS`` in this process (the subprocess tests are in test_cli.py): (status, stderr)."""
    from store.__main__ import main

    def call(*args: str) -> subprocess.CompletedProcess:
        try:
            code = main(list(args))
        except SystemExit as e:  # argparse's errors exit from the parser
            code = e.code
        out = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, out.out, out.err)

    return call


EDIT_CASES = [
    (("fatalities=1e30",), "error: fatalities: '1e30' is out of range (0 to 100,000)"),
    (("fatalities=3000000000",), "error: fatalities: '3000000000' is out of range (0 to 100,000)"),
    (("fatalities=100001",), "error: fatalities: '100001' is out of range (0 to 100,000)"),
    (("fatalities=-1",), "error: fatalities: '-1' is out of range (0 to 100,000)"),
    (("fatalities=inf",), "error: fatalities: 'inf' is not a whole number"),
    (("evidence_end=99999999999999999999",), "error: evidence_end: '99999999999999999999' is out of range"),
    (("latitude=1e309",), "error: latitude: '1e309' is not a number"),
    ((f"event_date={FUTURE}",), f"error: event_date {FUTURE} is in the future"),
    ((f"date_max={FUTURE}",), f"error: date_max {FUTURE} is in the future"),
    (("source=" + "x" * 400,), "error: source: 400 characters, more than the 300 it can hold"),
    (("actor1=" + "ق" * 301,), "error: actor1: 301 characters, more than the 300 it can hold"),
]


@pytest.mark.parametrize(("assignments", "expected"), EDIT_CASES)
def test_bad_edits_are_one_line_and_write_nothing(eid: int, cli, assignments, expected: str) -> None:
    assert one_line(cli(*_edit(eid, *assignments))).startswith(expected)
    assert get_event(eid)["version"] == 1


ARG_CASES = [
    (("history", "12345678901234567890"), "error: argument event_id: the event id must be from 1 to 2,147,483,647"),
    (("history", "1e309"), "error: argument event_id: the event id must be from 1 to 2,147,483,647"),
    (("history", "0"), "error: argument event_id: the event id must be from 1 to 2,147,483,647"),
    (("history", "2147483647"), "error: no event with id 2147483647"),
    (("edit", "99999999999999999999", "notes=x", "--analyst", "a", "--expect-version", "1"), "error: argument event_id"),
    (("edit", "1", "notes=x", "--analyst", "a", "--expect-version", "1e30"), "error: argument --expect-version"),
    (("edit", "1", "notes=x", "--analyst", "", "--expect-version", "1"), "error: argument --analyst: the analyst's name is empty"),
    (("edit", "1", "notes=x", "--analyst", "  \t", "--expect-version", "1"), "error: argument --analyst: the analyst's name is empty"),
    (("demo", "--events", "99999999999"), "error: argument --events: --events must be from 1 to 1,000,000"),
    (("demo", "--events", "-5"), "error: argument --events"),
    (("export", "--format", "pdf"), "error: argument --format: invalid choice"),
    (("export", "--format", "csv", "--actor", "x" * 50_000), "error: the actor filter has 50,000 characters; at most 200"),
    (("bogus",), "error: argument cmd: invalid choice: 'bogus'"),
    ((), "error: the following arguments are required: cmd"),
    (("edit", "1"), "error: the following arguments are required"),
    (("ingest", str(REPORT), "--published", FUTURE), f"error: argument --published: --published {FUTURE} is in the future"),
    (("ingest", str(REPORT), "--analyst", ""), "error: argument --analyst: the analyst's name is empty"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "expected"), ARG_CASES)
def test_bad_arguments_are_one_line_exit_1(db_url: str, cli, args, expected: str) -> None:
    assert one_line(cli(*args)).startswith(expected)


def test_in_a_subprocess_too(db_url: str, eid: int) -> None:
    assert one_line(run_cli(*_edit(eid, "fatalities=1e30"))).startswith(EDIT_CASES[0][1])
    assert one_line(run_cli(*ARG_CASES[0][0])).startswith(ARG_CASES[0][1])


def test_bad_report_files_are_one_line(db_url: str, cli, tmp_path: Path) -> None:
    nul = tmp_path / "nul.txt"
    nul.write_bytes(("قصف على القامشلي. " * 1000).encode("utf-8") + b"\x00 tail")
    assert "NUL byte" in one_line(cli("ingest", str(nul), "--published", "2024-03-11"))
    empty = tmp_path / "empty.txt"
    empty.write_text(" \n", encoding="utf-8")
    assert "is empty" in one_line(cli("ingest", str(empty), "--published", "2024-03-11"))
    big = tmp_path / "big.txt"
    big.write_text("Shelling hit Qamishli. " * 50, encoding="utf-8")
    err = one_line(cli("ingest", str(big), "--published", "2024-03-11", "--max-chars", "1000"))
    assert "Rasd takes at most 1,000 per report" in err and "--max-chars" in err
    ok = cli("ingest", str(big), "--published", "2024-03-11", "--max-chars", "2000", "--analyst", "a")
    assert ok.returncode == 0, ok.stderr


# ---------------------------------------------------------------- the API, on both databases


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"fatalities": 3_000_000_000}, "out of range"),
        ({"fatalities": "1e30"}, "out of range"),
        ({"notes": "a\x00b"}, "NUL"),
        ({"location": "x" * 301}, "more than the 300"),
        ({"event_date": FUTURE}, "in the future"),
    ],
)
def test_update_event_refuses_before_the_database(eid: int, changes, words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        update_event(eid, changes, "t", 1)


@pytest.mark.parametrize("analyst", ["", "   ", "\t", None, "a\nb", "x" * 201])
def test_every_signed_change_needs_a_name(eid: int, analyst) -> None:
    with pytest.raises(ValidationError, match="analyst"):
        update_event(eid, {"notes": "n"}, analyst, 1)
    with pytest.raises(ValidationError, match="analyst"):
        undo_last_save(analyst)
    with pytest.raises(ValidationError, match="analyst"):
        add_event(None, sample_event(), analyst)
    with pytest.raises(ValidationError, match="analyst"):
        add_place({"name_ar": "قرية", "kind": "village", "lat": 36.5, "lon": 40.1}, analyst)
    assert history(eid) == []


def test_ids_beyond_integer_are_validation_errors(eid: int) -> None:
    for bad in (10**20, 2**31, 0, -1, "1e309"):
        with pytest.raises(ValidationError, match="id must be"):
            get_event(bad)
        with pytest.raises(ValidationError, match="id must be"):
            history(bad)
        with pytest.raises(ValidationError, match="id must be"):
            query_events(EventFilter(report_id=bad))


@pytest.mark.parametrize("field", ["actor", "text"])
def test_long_filters_are_refused_in_one_line(eid: int, field: str) -> None:
    with pytest.raises(ValidationError, match="at most 200"):
        query_events(EventFilter(**{field: "ق" * 25_000}))
    assert query_events(EventFilter(**{field: "ق" * 200})).empty  # the limit itself is fine


def test_reports_refuse_future_dates_nul_and_long_outlets(db_url: str) -> None:
    with pytest.raises(ValidationError, match="in the future"):
        add_report(unique_text(), FUTURE)
    with pytest.raises(ValidationError, match="NUL"):
        add_report(unique_text() + "\x00", "2024-03-02")
    with pytest.raises(ValidationError, match="source: 201 characters"):
        add_report(unique_text(), "2024-03-02", source="x" * 201)
    tomorrow = (date.today() + timedelta(days=1)).isoformat()  # today in Syria may be tomorrow in UTC
    assert not add_report(unique_text(), tomorrow).duplicate


def test_places_refuse_nul_and_huge_numbers(db_url: str) -> None:
    with pytest.raises(ValidationError, match="NUL"):
        add_place({"name_ar": "قرية\x00", "kind": "village", "lat": 36.5, "lon": 40.1}, "t")
    with pytest.raises(ValidationError, match="population"):
        add_place({"name_ar": "قرية", "kind": "village", "lat": 36.5, "lon": 40.1, "population": 10**12}, "t")


# ---------------------------------------------------------------- an edited date moves its window


def test_an_edited_date_moves_its_window(db_url: str) -> None:
    ev = sample_event(event_date="2024-03-03", date_min="2024-03-01", date_max="2024-03-03", time_precision=2)
    eid = add_report(unique_text(), "2024-03-04", events=[ev], analyst="t").event_ids[0]
    moved = update_event(eid, {"event_date": "2024-03-10"}, "t", 1)
    assert (moved["date_min"], moved["date_max"]) == (date(2024, 3, 8), date(2024, 3, 10))
    assert {r["field"] for r in history(eid)} == {"event_date", "date_min", "date_max"}
    inside = update_event(eid, {"event_date": "2024-03-09"}, "t", 2)  # inside the window: it stays
    assert (inside["date_min"], inside["date_max"]) == (date(2024, 3, 8), date(2024, 3, 10))
    told = update_event(
        eid, {"event_date": "2024-04-01", "date_min": "2024-03-30", "date_max": "2024-04-01"}, "t", 3
    )
    assert (told["date_min"], told["date_max"]) == (date(2024, 3, 30), date(2024, 4, 1))  # the analyst's own
    undo_last_save("t")
    undo_last_save("t")
    back = get_event(eid)
    assert (back["event_date"], back["date_min"], back["date_max"]) == (
        date(2024, 3, 10), date(2024, 3, 8), date(2024, 3, 10),
    )  # fmt: skip


def test_a_mistyped_sqlite_path_is_not_created(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'typo' / 'dir' / 'rasd.sqlite'}"
    err = one_line(run_cli("history", "1", env={"RASD_DATABASE_URL": url}))
    assert err.startswith("error: no SQLite database at") and "python -m store migrate" in err
    assert not (tmp_path / "typo").exists()
    assert run_cli("migrate", env={"RASD_DATABASE_URL": url}).returncode == 0
    assert (tmp_path / "typo" / "dir" / "rasd.sqlite").is_file()
    assert run_cli("export", "--format", "csv", env={"RASD_DATABASE_URL": url}).returncode == 0
