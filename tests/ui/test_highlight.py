"""ui.highlight: report text is escaped, spans nest and overlap, the direction follows the script."""

from __future__ import annotations

import random
import re
import time
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ui import highlight
from ui.highlight import (
    Span,
    event_spans,
    highlight_html,
    md_escape,
    mention_spans,
    sentence_spans,
    text_direction,
)

ROOT = Path(__file__).resolve().parents[2]


class _Tags(HTMLParser):
    """Every start tag and attribute name in the output, and the visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[str] = []
        self.text: list[str] = []
        self.badges = 0
        self._in_badge = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(name for name, _ in attrs)
        if tag == "sup":
            self._in_badge += 1

    def handle_endtag(self, tag):
        if tag == "sup":
            self._in_badge -= 1

    def handle_data(self, data):
        if not self._in_badge:
            self.text.append(data)


def parse(markup: str) -> _Tags:
    p = _Tags()
    p.feed(markup)
    return p


def test_script_and_onerror_are_text_not_markup():
    text = 'قصف <script>alert(1)</script> و <img src=x onerror="alert(2)"> في القامشلي'
    out = highlight_html(text, [Span(0, 3, "event", "e <b>", 1), Span(4, 30, "place", 'x" onmouseover="y')])
    p = parse(out)
    assert "script" not in p.tags and "img" not in p.tags
    assert "onerror" not in p.attrs and "onmouseover" not in p.attrs
    assert "".join(p.text) == text  # every character shows, nothing lost or added
    assert "&lt;script&gt;" in out


def test_nested_and_overlapping_spans_keep_the_text_and_mark_each_part():
    text = "Shelling hit Qamishli and Amuda on Monday."
    spans = [
        Span(0, 31, "event", "one", 1),
        Span(13, 42, "event", "two", 2),  # overlaps the first
        Span(13, 21, "place", "Qamishli"),  # nested in both
        Span(35, 41, "date", "Monday"),
    ]
    out = highlight_html(text, spans)
    p = parse(out)
    assert "".join(p.text) == text
    assert out.count('<sup class="rasd-badge"') == 2
    # "Qamishli" is inside both events' marks and underlined as a place.
    qam = re.search(r"((?:<mark[^>]*>)+)<span class=\"rasd-m rasd-place\"[^>]*>Qamishli</span>", out)
    assert qam and qam.group(1).count("<mark") == 2
    assert 'data-event="2"' in out and 'class="rasd-m rasd-date"' in out
    assert p.tags.count("div") == 1


def test_out_of_range_and_empty_spans_are_ignored():
    out = highlight_html(
        "abc", [Span(-5, 2, "event", "a", 1), Span(2, 99, "place", "p"), Span(1, 1, "date", "")]
    )
    assert "".join(parse(out).text) == "abc"
    assert "rasd-date" not in out


def test_direction_from_script():
    assert text_direction("قصف مدفعي على القامشلي") == "rtl"
    assert text_direction("Shelling on Qamishli") == "ltr"
    assert 'dir="rtl"' in highlight_html("قصف على القامشلي", [])
    assert 'dir="ltr"' in highlight_html("Shelling on Qamishli", [])
    assert 'dir="ltr"' in highlight_html("قصف", [], direction="ltr")


def test_spans_from_events_and_mentions():
    events = [
        {"evidence": {"start": 0, "end": 5, "text": "قصف م"}, "event_type": "Battles"},
        {"evidence_start": 6, "evidence_end": 9, "event_type": "Protests"},
        {"event_type": "no evidence"},
    ]
    spans = event_spans(events)
    assert [(s.start, s.end, s.index) for s in spans] == [(0, 5, 1), (6, 9, 2)]
    assert "Battles" in spans[0].label
    mentions = [
        {"start": 0, "end": 3, "text": "x", "kind": "actor", "label": "SDF"},
        {"start": 0, "end": 3, "text": "x", "kind": "weird", "label": ""},
    ]
    assert [s.kind for s in mention_spans(mentions)] == ["actor"]


def test_sentence_spans_map_back_to_the_text():
    text = "  قصف على عامودا.  وخرجت مظاهرة؟\nShelling hit Amuda!  "
    spans = sentence_spans(text)
    assert [t for _, _, t in spans] == ["قصف على عامودا.", "وخرجت مظاهرة؟", "Shelling hit Amuda!"]
    assert all(text[a:b] == t for a, b, t in spans)


def test_md_escape_keeps_markdown_as_text():
    assert md_escape("![x](http://e.vil)") == r"!\[x\](`http://e.vil)`"
    assert md_escape("قرية **الخير**") == r"قرية \*\*الخير\*\*"


# ---------------------------------------------------------------- linear, and the same HTML as before


def quadratic_segments(n, spans):
    """The cut as it was first written (each piece looks at every span): the oracle for the output."""
    cuts = {0, n}
    for s in spans:
        cuts.update((s.start, s.end))
    bounds = sorted(c for c in cuts if 0 <= c <= n)
    return [
        (a, b, [s for s in spans if s.start <= a and b <= s.end])
        for a, b in zip(bounds, bounds[1:], strict=False)
        if a < b
    ]


def as_before(monkeypatch, text, spans) -> str:
    with monkeypatch.context() as m:
        m.setattr(highlight, "_segments", quadratic_segments)
        return highlight_html(text, spans)


KINDS = ["event", "place", "actor", "date", "trigger", "number", "unknown_place"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(alphabet="قصف على abc<>&\"' \n", max_size=60),
    raw=st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70), st.sampled_from(KINDS)), max_size=12),
)
def test_the_same_html_as_the_quadratic_cut(monkeypatch, text, raw):
    spans = [
        Span(a, b, k, f"{k} {i} <&>", i + 1 if k == "event" else None) for i, (a, b, k) in enumerate(raw)
    ]
    assert highlight_html(text, spans) == as_before(monkeypatch, text, spans)


def test_the_same_html_for_the_shipped_reports(monkeypatch):
    import extraction

    for path in sorted((ROOT / "data" / "demo").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        analysis = extraction.analyse(text, "2024-08-19")
        spans = event_spans(analysis.events) + mention_spans(analysis.mentions)
        assert len(spans) > 3, path.name
        assert highlight_html(text, spans) == as_before(monkeypatch, text, spans), path.name


def long_report(chars: int) -> tuple[str, list[Span]]:
    """A report of ``chars`` characters with spans as dense as a real one's (one mention per 20
    characters, one event per 500), so the span count grows with the text."""
    rng = random.Random(chars)
    text = ("قصف مدفعي على القامشلي وسقوط قتيلين. " * (chars // 36 + 1))[:chars]
    spans = [
        Span(a, a + rng.randrange(3, 40), rng.choice(KINDS[1:]), "m")
        for a in rng.sample(range(chars - 50), chars // 20)
    ]
    spans += [Span(a, a + rng.randrange(50, 300), "event", "e", k + 1) for k, a in enumerate(rng.sample(range(chars - 300), chars // 500))]  # fmt: skip
    return text, spans


def best_time(text: str, spans: list[Span], runs: int = 5) -> float:
    """The best of ``runs`` in CPU time of this process (other work on a shared machine barely moves it)."""
    best = float("inf")
    for _ in range(runs):
        t0 = time.process_time()
        highlight_html(text, spans)
        best = min(best, time.process_time() - t0)
    return best


def test_time_grows_linearly_with_the_text():
    """4x the text (and 4x the spans) takes about 4x the time: asserted as a ratio with a generous
    bound (measured x4.7 to x5.1; the quadratic cut took x17.7; `make bench` prints the times)."""
    small, large = best_time(*long_report(50_000)), best_time(*long_report(200_000))
    assert large / small < 8, f"50K: {small:.3f} s, 200K: {large:.3f} s, x{large / small:.1f}"
