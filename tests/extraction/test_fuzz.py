"""Random Unicode never raises, and every evidence span is exact."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extraction import analyse

ARABIC_BITS = [
    "قصف",
    "اشتباكات",
    "في بلدة الشعفة",
    "قسد",
    "أمس",
    "مقتل 3",
    "،",
    ".",
    "\n",
    "<b>",
    "</p>",
    "«",
    "»",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.text(max_size=400),
        st.lists(st.sampled_from(ARABIC_BITS) | st.text(max_size=8), max_size=60).map(" ".join),
    )
)
def test_random_text_never_raises_and_spans_are_exact(text: str) -> None:
    a = analyse(text, "2024-08-19")
    for e in a.events:
        assert text[e.evidence.start : e.evidence.end] == e.evidence.text
        assert e.date_min <= e.event_date <= e.date_max
    for m in a.mentions:
        assert 0 <= m.start <= m.end <= len(text)
