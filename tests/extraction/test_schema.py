"""Every event on every dev report and demo validates against ../shared/schema/event.schema.json."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from extraction import extract

SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "schema" / "event.schema.json"
DEMO = Path(__file__).resolve().parents[2] / "data" / "demo"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    if not SCHEMA.exists():
        pytest.skip("schema not available")
    return Draft202012Validator(
        json.loads(SCHEMA.read_text(encoding="utf-8")), format_checker=FormatChecker()
    )


def test_dev_events_validate(reports, validator) -> None:
    n = 0
    for r in reports:
        for e in extract(r["text"], r["published"], r.get("source")):
            d = e.to_dict()
            errors = list(validator.iter_errors(d))
            assert not errors, (r["id"], errors[0].message)
            assert d["date_min"] <= d["event_date"] <= d["date_max"]
            assert 0 <= d["confidence"] <= 1
            n += 1
    assert n >= 40


def test_demo_reports_give_valid_events(validator) -> None:
    with (DEMO / "index.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert 2 <= len(rows) <= 4
    for row in rows:
        text = (DEMO / row["file"]).read_text(encoding="utf-8")
        evs = extract(text, row["published"], row["source"])
        assert evs, row["file"]
        for e in evs:
            assert not list(validator.iter_errors(e.to_dict()))
