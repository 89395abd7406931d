"""The lexicon tables in data/ and the one automaton over them."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from extraction.actors import actor_names
from extraction.lexicon import Matcher, entries_from, main_matcher, read_table
from extraction.normalise import fold
from extraction.taxonomy import EVENT_TYPES, SUB_TO_TYPE

TABLES = [
    "triggers.csv",
    "actors.csv",
    "cues.csv",
    "numbers.csv",
    "months.csv",
    "date_phrases.csv",
    "fatality_words.csv",
]


def test_every_table_has_a_note_or_source_column() -> None:
    for name in TABLES:
        rows = read_table(name)
        assert rows, name
        assert {"note", "source"} & set(rows[0]), name


def test_every_row_of_every_data_table_has_the_headers_fields() -> None:
    """A note with an unescaped quote splits a row into more fields than the header names (the demo, which
    reads actors.csv with the csv module, then fails)."""
    for path in sorted((Path(__file__).resolve().parents[2] / "data").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        bad = [i + 1 for i, r in enumerate(rows) if r and len(r) != len(rows[0])]
        assert not bad, (path.name, bad[:5])


def test_no_duplicate_trigger_or_cue_phrases() -> None:
    for name, col in (("triggers.csv", "phrase"), ("cues.csv", "phrase"), ("numbers.csv", "word")):
        keys = Counter(fold(r[col]) for r in read_table(name))
        dup = [k for k, n in keys.items() if n > 1]
        assert not dup, f"{name}: {dup}"


def test_no_duplicate_actor_alias_within_an_era() -> None:
    keys = Counter((fold(r["alias"]), r["valid_from"], r["valid_to"]) for r in read_table("actors.csv"))
    assert not [k for k, n in keys.items() if n > 1]


def test_every_trigger_has_a_valid_acled_sub_type() -> None:
    for r in read_table("triggers.csv"):
        if r["event_type"] == "*":
            assert r["sub_event_type"] == "*" and r["strength"] == "1", r
            continue
        assert r["sub_event_type"] in EVENT_TYPES[r["event_type"]], r
        assert SUB_TO_TYPE[r["sub_event_type"]] == r["event_type"]


def test_every_actor_has_a_canonical_acled_style_name_and_inter() -> None:
    inters = {
        "State forces",
        "Rebel group",
        "Political militia",
        "Identity militia",
        "Rioters",
        "Protesters",
        "Civilians",
        "External/Other forces",
    }
    for r in read_table("actors.csv"):
        assert r["canonical"] and r["canonical"][0].isupper(), r
        assert r["inter"] in inters, r
        assert r["group"], r
    assert "SDF: Syrian Democratic Forces" in actor_names()


def test_clitics_and_word_boundaries() -> None:
    m = Matcher(entries_from("actors.csv", "actor", "alias"))
    text = fold("وبقسد ولقوات سوريا الديمقراطية ومقسدة")
    found = [text[x.start : x.end] for x in m.find(text)]
    assert "قسد" in found
    assert "قوات سوريا الديمقراطيه" in found
    assert len([f for f in found if f == "قسد"]) == 1  # not inside ومقسدة


def test_al_words_after_the_preposition_lam() -> None:
    text = fold("حاجزاً للأسايش")
    kinds = {(text[x.start : x.end], x.kind) for x in main_matcher().find(text)}
    assert ("الاسايش", "actor") in {(k.replace("لاسايش", "الاسايش"), v) for k, v in kinds} or any(
        v == "actor" for _k, v in kinds
    )
    assert any(v == "cue:victim" for _k, v in kinds)


def test_prefix_entries_match_conjugations() -> None:
    text = fold("اعتقلت اعتقلوا")
    got = [x for x in main_matcher().find(text) if x.kind == "trigger"]
    assert len(got) == 2


def test_inner_star_takes_verb_endings() -> None:
    from extraction.lexicon import _expand

    keys = {k for k, _ in _expand("وقع* اتفاق*")}
    assert {"وقعت اتفاق", "وقعوا اتفاق", "وقع اتفاق"} <= keys
    assert all(p for _, p in _expand("وقع* اتفاق*"))


def test_a_whole_word_entry_takes_no_accusative_alef() -> None:
    """ "بعدم" (by not) negates; "بعدما" (after) is another word: the row says ``whole``."""
    kinds = lambda text: [m.kind for m in main_matcher().find(fold(text))]  # noqa: E731
    assert "cue:negation" in kinds("بعدم الرد على الهجوم")
    assert "cue:negation" not in kinds("بعدما أطلق مجهولون النار عليهما")


def test_deaths_told_before_after_is_the_act_after_it() -> None:
    """ "لقي مدنيان حتفهما بعدما أطلق مجهولون النار عليهما": the shooting after "بعدما" is the event."""
    from extraction import extract

    (ev,) = extract(
        "خبر\nلقي مدنيان حتفهما مساء أمس بعدما أطلق مجهولون النار عليهما في بلدة الشحيل.", "2020-11-19"
    )
    assert (ev.sub_event_type, ev.location, ev.fatalities) == ("Attack", "Al-Shuhayl", 2)
