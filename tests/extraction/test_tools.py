"""The rule tools: ``python -m extraction rules|explain|ablate`` and the ``explain`` library the UI calls."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from extraction import extract
from extraction.ablate import Score, ablate, gold_sets, load_scorer, table
from extraction.assembly import STAGES, registered
from extraction.errors import InputError
from extraction.explain import explain, find_event, render
from tests.extraction.golden import reports, sets

ROOT = Path(__file__).resolve().parents[2]
SEIZED = "ضبطت قوى الأمن الداخلي ثلاث عبوات ناسفة في بلدة الكرامة اليوم."
HEADLINE = (
    "قتلى لـ«قسد» بهجوم لخلية من «داعش» على حاجز في بلدة الشعفة شرقي دير الزور\n"
    "هاجم مسلحون من خلايا تنظيم «داعش» فجر اليوم السبت حاجزاً لقسد في بلدة الشعفة، ما أدى إلى مقتل عنصرين."
)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "extraction", *args], capture_output=True, text=True, cwd=ROOT
    )


def test_rules_lists_every_rule_once_with_its_stage_and_reason() -> None:
    p = run("rules")
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    names = [line.split()[1] for line in lines]
    assert sorted(names) == sorted(registered()) and len(names) == len(set(names))
    order = [stage for stage, _rules in STAGES]
    stages = [line.split()[0] for line in lines]
    assert stages == sorted(stages, key=order.index)  # in the order a report meets them
    first = registered()[names[0]]
    assert lines[0].endswith(first.summary)


def test_explain_gives_the_same_events_as_extract() -> None:
    for name in ("demo", "heldout", "heldout5"):
        for r in reports(name, sets()[name]):
            ex = explain(r["text"], r["published"], r.get("source"))
            got = [t.event.to_dict() for t in ex.events]
            assert got == [e.to_dict() for e in extract(r["text"], r["published"], r.get("source"))], r["id"]
            assert all(t.steps for t in ex.events), r["id"]


def test_explain_says_which_rule_retyped_placed_and_picked() -> None:
    (seized,) = explain(SEIZED, "2024-05-15").events
    retype = [s for s in seized.steps if s.rule == "a_seized_weapon_was_not_used"]
    assert retype and "Disrupted weapons use" in retype[0].change
    (ev,) = explain(HEADLINE, "2023-02-18").events
    rules = [s.rule for s in ev.steps]
    assert "a_qualified_place_describes_the_one_before" in rules  # Deir ez-Zor describes al-Shaafah
    assert "the_agent_nearest_the_act" in rules and "the_same_place_and_day_is_one_event" in rules
    picked = next(s for s in ev.steps if s.rule == "the_agent_nearest_the_act")
    assert "Islamic State (Syria)" in picked.change
    dropped = next(s for s in ev.steps if s.rule == "a_qualified_place_describes_the_one_before")
    assert "Deir ez-Zor" in dropped.change


def test_a_sentence_that_made_no_event_keeps_its_steps() -> None:
    ex = explain(
        "خبر\nونفت قسد أن تكون قد قصفت قرية تل براك.\nقصفت القوات التركية قرية تل براك اليوم.", "2024-05-15"
    )
    assert len(ex.events) == 1
    text = render(ex)
    assert "Event 1:" in text and "why:" in text
    assert "Message:" not in text or "No events" not in text


def test_find_event_matches_by_evidence_then_type_and_place() -> None:
    ex = explain(HEADLINE, "2023-02-18")
    ev = ex.events[0].event
    assert find_event(ex, ev.evidence.start, ev.evidence.end) is ex.events[0]
    assert find_event(ex, ev.evidence.start, ev.evidence.end + 1) is None


def test_explain_cli_prints_the_trace_and_switches_rules_off(tmp_path) -> None:
    f = tmp_path / "r.txt"
    f.write_text(SEIZED, encoding="utf-8")
    p = run("explain", str(f), "--published", "2024-05-15")
    assert p.returncode == 0, p.stderr
    assert "Disrupted weapons use" in p.stdout and "a_seized_weapon_was_not_used" in p.stdout
    p = run("explain", str(f), "--published", "2024-05-15", "--disable", "a_seized_weapon_was_not_used")
    assert p.returncode == 0 and "Disrupted weapons use" not in p.stdout
    p = run("explain", str(f), "--published", "2024-05-15", "--disable", "no_such_rule")
    assert p.returncode == 1 and p.stderr.count("\n") == 1 and "no_such_rule" in p.stderr


def test_a_disabled_rule_is_an_argument_not_a_global() -> None:
    assert [e.sub_event_type for e in extract(SEIZED, "2024-05-15")] == ["Disrupted weapons use"]
    off = frozenset(["a_seized_weapon_was_not_used"])
    assert [e.sub_event_type for e in extract(SEIZED, "2024-05-15", disabled=off)] != [
        "Disrupted weapons use"
    ]
    assert [e.sub_event_type for e in extract(SEIZED, "2024-05-15")] == ["Disrupted weapons use"]
    with pytest.raises(InputError):
        extract(SEIZED, "2024-05-15", disabled=frozenset(["no_such_rule"]))


# -- ablate, with a small scorer of its own (the team's is not part of the repository) --------------------
FAKE_SCORER = """
import json
from pathlib import Path

def load_gold(path):
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(path).glob("*.json"))]

def score(reports, pred, details=False):
    tp = fp = fn = 0
    for r in reports:
        want = list(r["subs"])
        for e in pred.get(str(r["id"]), []):
            if e["sub_event_type"] in want:
                want.remove(e["sub_event_type"]); tp += 1
            else:
                fp += 1
        fn += len(want)
    return {"tp": tp, "fp": fp, "fn": fn, "actor_jaccard": 1.0, "type_acc": 1.0}
"""


@pytest.fixture
def gold(tmp_path) -> tuple[Path, Path]:
    scorer = tmp_path / "score.py"
    scorer.write_text(textwrap.dedent(FAKE_SCORER), encoding="utf-8")
    folder = tmp_path / "set1"
    folder.mkdir()
    rec = {
        "id": "s1",
        "text": SEIZED,
        "published": "2024-05-15",
        "source": None,
        "subs": ["Disrupted weapons use"],
    }
    (folder / "s1.json").write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    return scorer, folder


def test_ablate_scores_each_rule_switched_off(gold) -> None:
    scorer_path, folder = gold
    scorer = load_scorer(scorer_path)
    sets_ = gold_sets(scorer, [folder])
    rules = ["a_seized_weapon_was_not_used", "looters_take_from_civilians"]
    base, rows = ablate(scorer, sets_, rules)
    assert base == {"set1": Score(1, 0, 0, 1.0, 1.0, base["set1"].measures)}
    by = {r.rule: r for r in rows}
    assert by["a_seized_weapon_was_not_used"].pooled.f1 < 1.0
    assert by["looters_take_from_civilians"].pooled.f1 == 1.0
    out = table(base, rows)
    lines = [line for line in out.splitlines() if line.startswith("| a_seized")]
    assert lines and "| acts | -1.000 |" in lines[0]
    assert out.splitlines()[-1].endswith("looters_take_from_civilians")


def test_ablate_cli_prints_the_table_and_names_a_missing_scorer(gold, tmp_path) -> None:
    scorer_path, folder = gold
    p = run("ablate", str(folder), "--scorer", str(scorer_path), "--rules", "a_seized_weapon_was_not_used")
    assert p.returncode == 0, p.stderr
    assert "| a_seized_weapon_was_not_used | acts | -1.000 |" in p.stdout
    p = run("ablate", str(folder), "--scorer", str(tmp_path / "none.py"))
    assert p.returncode == 1 and p.stderr.count("\n") == 1 and "--scorer" in p.stderr
    p = run("ablate", str(tmp_path / "nothing"), "--scorer", str(scorer_path))
    assert p.returncode == 1 and "gold reports" in p.stderr
