"""The rule registry: every rule has a stage, a docstring quoting its phrase, a place in its stage's order,
and a test that fails without it (checked here by running each guarding test with the rule switched off)."""

from __future__ import annotations

import csv
import importlib
import inspect
from pathlib import Path

import pytest

from extraction.assembly import STAGES, registered
from extraction.assembly.tables import POLICIES, REACH, RETYPES
from extraction.lexicon import read_table
from extraction.taxonomy import SUB_TO_TYPE
from tests.extraction.rulecheck import GUARDED, without

HERE = Path(__file__).resolve().parent
STAGE_NAMES = [name for name, _rules in STAGES if name != "finish"]
for _stage in STAGE_NAMES:  # the per-stage test files register their guards on import
    importlib.import_module(f"tests.extraction.test_{_stage}")


def test_every_stage_has_a_test_file() -> None:
    assert [s for s in STAGE_NAMES if not (HERE / f"test_{s}.py").exists()] == []


def test_each_stage_lists_exactly_its_rules_once() -> None:
    rules = registered()
    for stage, fns in STAGES:
        names = [fn.__name__ for fn in fns]
        assert len(names) == len(set(names)), stage
        assert set(names) == {n for n, r in rules.items() if r.stage == stage}, stage


def test_every_rule_quotes_the_phrase_that_motivates_it() -> None:
    quotes = ('"', "«", "“")
    bare = [n for n, r in registered().items() if not any(q in r.summary for q in quotes)]
    assert bare == []


def test_every_rule_has_a_test_that_names_it() -> None:
    assert sorted(set(registered()) - set(GUARDED)) == []
    assert sorted(set(GUARDED) - set(registered())) == []  # no test guards a rule that is gone


@pytest.mark.parametrize("rule", sorted(registered()))
def test_each_rules_tests_fail_without_it(rule: str) -> None:
    for test in GUARDED.get(rule, ()):
        assert not inspect.signature(test).parameters, f"{test.__name__} must take no arguments"
        test()  # holds with the rule
        with without(rule), pytest.raises(AssertionError):
            test()  # and fails without it


def _assembly_code() -> str:
    return "".join(
        p.read_text(encoding="utf-8") for p in (HERE.parents[1] / "extraction" / "assembly").glob("*.py")
    )


def test_policies_cover_every_trigger_policy() -> None:
    assert {r["policy"] for r in read_table("triggers.csv")} <= set(POLICIES)
    assert {p.place_roles[0] for p in POLICIES.values()} <= {"at", "to", "from", "!from"}


def test_every_retype_is_used_and_names_real_types() -> None:
    code = _assembly_code()
    for name, r in RETYPES.items():
        assert f'"{name}"' in code, f"retype {name} is used by no rule"
        assert not r.sub_event_type or r.sub_event_type in SUB_TO_TYPE, name
        assert not r.event_type or SUB_TO_TYPE.get(r.sub_event_type, r.event_type) == r.event_type, name


def test_every_reach_is_read_by_a_rule_and_says_why() -> None:
    code = _assembly_code()
    assert [name for name in REACH if f'REACH["{name}"]' not in code] == []
    for table in ("cue_reaches.csv", "policies.csv", "retypes.csv"):
        with (HERE.parents[1] / "data" / table).open(encoding="utf-8") as f:
            assert all(row["note"] for row in csv.DictReader(f)), table
