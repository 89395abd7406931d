"""extraction.toll_update: a report that explicitly updates a death toll, and the figure it gives."""

from __future__ import annotations

import pytest

from extraction.lexicon import read_table
from extraction.toll_update import toll_update


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("قتل ثلاثة مدنيين بقصف. وارتفعت حصيلة القتلى جراء القصف التركي على عامودا إلى خمسة أشخاص.", 5),
        ("لترتفع حصيلة الضحايا إلى 12 قتيلاً", 12),
        ("ارتفاع حصيلة قتلى الهجوم على حاجز قسد إلى ٧", 7),
        ("The death toll rose to 7 on Monday after two of the wounded died.", 7),
        ("…, raising the death toll to five.", 5),
        ("The toll rose to 3. Later the death toll has risen to 4.", 4),  # the last update counts
    ],
)
def test_updates_and_their_figures(text: str, figure: int) -> None:
    assert toll_update(text) == figure


@pytest.mark.parametrize(
    "text",
    [
        "قتل ثلاثة مدنيين بقصف مسيرة تركية قرب عامودا.",
        "ارتفعت حصيلة الجرحى إلى 5",  # the wounded are not a death toll
        "Three people were killed; the death toll rose sharply.",  # no figure in the sentence
        "The death toll rose. Five people were wounded.",  # the figure is in another sentence
    ],
)
def test_no_update(text: str) -> None:
    assert toll_update(text) is None


def test_window_limits_the_search() -> None:
    text = "قتل اثنان. وارتفعت حصيلة القتلى إلى أربعة."
    assert toll_update(text, 0, 10) is None
    assert toll_update(text, 10) == 4


def test_phrases_table_is_clean() -> None:
    rows = read_table("toll_update_words.csv")
    phrases = [r["phrase"] for r in rows]
    assert len(phrases) == len(set(phrases))
    assert all(r["lang"] in ("ar", "en") for r in rows)
