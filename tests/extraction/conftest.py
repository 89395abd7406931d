"""Shared helpers for the extraction tests: the dev reports (tests may read ../shared)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[3] / "shared"
DEV = SHARED / "eval" / "dev"


def dev_reports() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(DEV.glob("*.json"))]


@pytest.fixture(scope="session")
def reports() -> list[dict]:
    if not DEV.is_dir():
        pytest.skip("../shared/eval/dev is not available")
    return dev_reports()
