"""The extractor's output is byte-identical to the golden snapshot (``python -m tests.extraction.golden``)."""

from __future__ import annotations

import difflib

import pytest

from tests.extraction.golden import render, reports, sets, snapshot_path

SETS = sets()


@pytest.mark.parametrize("name", sorted(SETS))
def test_output_matches_golden_snapshot(name: str) -> None:
    path = snapshot_path(name)
    if not path.exists():
        pytest.skip(f"no snapshot for {name}; run python -m tests.extraction.golden")
    want = path.read_text(encoding="utf-8")
    got = render(reports(name, SETS[name]))
    if got != want:
        diff = "".join(
            list(difflib.unified_diff(want.splitlines(True), got.splitlines(True), "golden", "now", n=0))[:40]
        )
        pytest.fail(f"{name}: the output differs from the golden snapshot:\n{diff}")


def test_every_shipped_set_has_a_snapshot() -> None:
    shipped = [n for n, folder in SETS.items() if n not in ("dev", "dev-real")]
    assert [n for n in shipped if not snapshot_path(n).exists()] == []
