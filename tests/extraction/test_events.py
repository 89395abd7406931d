"""The extractor as a whole: scores on the dev and held-out sets stay above their floors, evidence spans are
exact, the batch command matches the library. The rules' own tests live in a file per stage (test_<stage>.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extraction import analyse, extract

ROOT = Path(__file__).resolve().parents[2]
SCORE = ROOT.parent / "shared" / "eval" / "score.py"
# dev-set F1 reached 0.978 after the lexicon growth (round 2); 0.956 since villages the curated list placed by a
# neighbour take their GeoNames/WOF point (Abu Hamam is 8 km north of Gharanij, where the dev gold, annotated
# before any village source, puts it): the guard sits just below
F1_FLOOR = 0.95
HELDOUT = Path(__file__).resolve().parent / "heldout"
HELDOUT_FLOOR = (
    0.95  # the team's held-out reports reached 0.978 (round 8, 0.935 in round 2); the guard sits below
)
HELDOUT2 = Path(__file__).resolve().parent / "heldout2"
# The second held-out set reached 0.902 (round 8); 0.871 since villages no source locates are places of their
# own (issue 12): its gold codes "قرى الأسدية وتل الورد ودادا" as one event, where ANNOTATION.md (one event per
# location) and the real reports' golds (dev-real a07, b04) code one per village. The guard sits below.
HELDOUT2_FLOOR = 0.86
HELDOUT3 = Path(__file__).resolve().parent / "heldout3"
ACTOR_FLOOR = 0.84  # held-out actor Jaccard reached 0.87-0.94 (round 6, from 0.76-0.87); the guard sits below
# The third held-out set reached 0.911 (round 8, from 0.786); 0.863 since the gazetteer has every village
# (issue 13): three events at al-Dawudiyah now sit at the village's GeoNames point, 18 km east of Ras al-Ain,
# where the gold (which had no point for it) allows 15 km around the town. The guard sits below.
HELDOUT3_FLOOR = 0.85
# The fourth set measured generalisation (0.833) until round 8 tuned on its failure causes (0.977):
# it now guards those rules; heldout5, written after, is the untouched estimate.
HELDOUT4 = Path(__file__).resolve().parent / "heldout4"
HELDOUT4_FLOOR = 0.95
HELDOUT4_ACTOR_FLOOR = 0.78  # its SANA and AFP reports name sides the lexicon reads only in part (0.806)
# The fifth set, written without sight of the extractor, scored 0.667 untouched; round 9 fixed the
# general causes of its failures (0.871). heldout6 is the untouched estimate after that.
HELDOUT5 = Path(__file__).resolve().parent / "heldout5"
HELDOUT5_FLOOR = 0.85
# The sixth scored 0.687 untouched; round 10 fixed general causes of its failures (0.766); heldout7 is untouched.
HELDOUT6 = Path(__file__).resolve().parent / "heldout6"
HELDOUT6_FLOOR = 0.75
HELDOUT6_ACTOR_FLOOR = 0.55  # its reports name forces by descriptions the lexicon does not hold (0.60)
# The seventh scored 0.743 untouched; round 11 fixed general causes of its failures (0.82); heldout8 is untouched.
HELDOUT7 = Path(__file__).resolve().parent / "heldout7"
HELDOUT7_FLOOR = 0.80
HELDOUT7_ACTOR_FLOOR = 0.70
HELDOUT8 = Path(__file__).resolve().parent / "heldout8"  # untouched (0.805): a floor only guards against loss
HELDOUT8_FLOOR = 0.78
# Real reports nobody here wrote (issue 12), untouched 0.427 / 0.684 / 0.581 / 0.754 / 0.689 / 0.680 / 0.679 /
# 0.515 / 0.561 / 0.636 / 0.643 / 0.769 / 0.524 / 0.594 / 0.513 / 0.655 / 0.618 / 0.627 / 0.480 / 0.612 / 0.479 /
# 0.484 / 0.708 / 0.547 / 0.545 / 0.691 / 0.657 / 0.500 (real28) / 0.540 (real29) / 0.678 (real30) / 0.522 (real31) / 0.655 (real32) / 0.685 (real33) / 0.593 (real34) / 0.540 (real35) / 0.667 (real36) / 0.566 (real37) / 0.737 (real38) / 0.561 (real39) / 0.587 (real40) / 0.649 (real41) / 0.581 (real42) / 0.657 (real43) / 0.508 (real44) / 0.711 (real45) / 0.547 (real46) / 0.469 (real47) / 0.716 (real48) / 0.700 (real49) / 0.618 (real50) / 0.716 (real51) / 0.585 (real52) / 0.706 (real53) / 0.589 (real54) / 0.667 (real55) / 0.656 (real56) / 0.658 (real57) / 0.692 (real58) / 0.757 (real59) / 0.653 (real60) / 0.577 (real61) / 0.630 (real62) / 0.590 (real63) / 0.510 (real64) / 0.627 (real65) / 0.836 (real66) / 0.538 (real67) / 0.759 (real68) / 0.557 (real69) / 0.617 (real70) / 0.539 (real71) / 0.530 (real72) / 0.650 (real73) / 0.548 (real74) / 0.567 (real75) / 0.507 (real76) / 0.640 (real77); the floors sit 0.02-0.03 under today's scores and guard against loss.
REAL = {
    "real1": 0.70,
    "real2": 0.87,
    "real3": 0.80,
    "real4": 0.87,
    "real5": 0.78,
    "real6": 0.70,
    "real7": 0.67,
    "real8": 0.49,
    "real9": 0.59,
    "real10": 0.62,
    "real11": 0.61,
    "real12": 0.74,
    "real13": 0.58,
    "real14": 0.57,
    "real15": 0.45,  # hashtags now read ("قرى #عياش و#الخريطة"): al-Kharita is WOF's Khurayta, 7 km from the gold's
    "real16": 0.63,
    "real17": 0.59,
    "real18": 0.62,
    "real19": 0.45,
    "real20": 0.58,
    "real21": 0.45,
    "real22": 0.45,
    "real23": 0.68,
    "real24": 0.52,
    "real25": 0.52,
    "real26": 0.66,
    "real27": 0.63,
    "real28": 0.47,
    "real29": 0.51,
    "real30": 0.65,
    "real31": 0.49,
    "real32": 0.62,
    "real33": 0.66,
    "real34": 0.56,
    "real35": 0.51,
    "real36": 0.64,
    "real37": 0.53,
    "real38": 0.71,
    "real39": 0.53,
    "real40": 0.56,
    "real41": 0.62,
    "real42": 0.55,
    "real43": 0.63,
    "real44": 0.48,
    "real45": 0.68,
    "real46": 0.52,
    "real47": 0.44,
    "real48": 0.69,
    "real49": 0.67,
    "real50": 0.59,
    "real51": 0.69,
    "real52": 0.55,
    "real53": 0.68,
    "real54": 0.56,
    "real55": 0.64,
    "real56": 0.63,
    "real57": 0.63,
    "real58": 0.66,
    "real59": 0.72,
    "real60": 0.62,
    "real61": 0.55,
    "real62": 0.60,
    "real63": 0.56,
    "real64": 0.70,
    "real65": 0.60,
    "real66": 0.80,
    "real67": 0.51,
    "real68": 0.73,
    "real69": 0.53,
    "real70": 0.59,
    "real71": 0.51,
    "real72": 0.50,
    "real73": 0.62,
    "real74": 0.52,
    "real75": 0.54,
    "real76": 0.48,
    "real77": 0.61,
}
# real9: "the clashes spread to the villages of Al-Shakikah and Abu Hamam" is now two events the gold has, with no
# side named in their sentence (the headline's sides are not carried to them): actors 0.514 over more matched events
# real30: the KNC demonstrations the Asayish broke up are now found in five towns; the gold names the Asayish too
REAL_ACTOR_FLOOR = {
    "real9": 0.49,
    "real16": 0.57,
    "real17": 0.54,
    "real21": 0.53,
    "real22": 0.54,
    "real30": 0.56,
    "real32": 0.47,  # untouched 0.50: "جهاز الأمن العام" of the Autonomous Administration read as Damascus's
    "real43": 0.56,  # untouched 0.587: an SDF commando unit and the SDF's own "General Security" (2018)
    "real44": 0.50,  # untouched 0.562: family fights and unnamed shelling sides; 0.529 once a year-old clash is found
    "real52": 0.46,  # untouched 0.569: PKK and Sootoro have no family; the Asayish against the NDF (2016); 0.486
    # once the cordons after an attack (optional in the gold, their actors right) are no longer proposed
    "real54": 0.50,  # untouched 0.524: statements' own forces, SANA's "terrorists", Rudaw's unnamed raiders
    "real57": 0.55,  # untouched 0.577: the NDF against the army (2023), "US helicopters" hitting an army post
    "real62": 0.42,  # untouched 0.451: the Iraqi air force, IS or unidentified by wording, SDF police by name
    "real40": 0.57,  # untouched 0.636; 0.594 with the Tishrin Dam ground taken, its sides read from a statement
    "real33": 0.50,  # untouched 0.53: warplanes no side is named for, SDF and regime sides the gold splits
    "real67": 0.53,  # untouched 0.563: Iran-backed Iraqi militias, Regiment 47, Israel, Deir ez-Zor's tribes
    "real76": 0.50,  # untouched 0.528: English wire copies; the YPG blamed for an unclaimed car bomb, Kobani's siege
    "real77": 0.55,  # untouched 0.583: Iran-backed militias, the NDF against Military Intelligence, unclaimed strikes
    "real72": 0.51,  # untouched 0.538: Turkish soldiers, Sajur-line factions, the Jarabulus Military Council (2016)
    "real69": 0.57,  # untouched 0.595: IS-era Raqqa under Russian and coalition strikes, SNA against the SDF
}
DEV_REAL = SCORE.parent / "dev-real"
DEV_REAL_FLOOR = 0.86


def test_evidence_spans_are_exact_and_messages_say_why(reports) -> None:
    for r in reports:
        a = analyse(r["text"], r["published"], r.get("source"))
        for e in a.events:
            assert r["text"][e.evidence.start : e.evidence.end] == e.evidence.text
        for m in a.mentions:
            assert r["text"][m.start : m.end] == m.text
            assert m.kind in {"place", "actor", "date", "trigger", "number", "unknown_place"}
    assert analyse("   ", "2024-01-01").messages == ["No text to read"]
    assert "No events found" in analyse("الطقس معتدل اليوم.", "2024-01-01").messages


def test_dev_set_f1_stays_above_the_floor(reports, tmp_path) -> None:
    if not SCORE.exists():
        pytest.skip("scorer not available")
    import importlib.util

    spec = importlib.util.spec_from_file_location("rasd_score", SCORE)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    pred = {}
    for r in reports:
        pred[r["id"]] = [e.to_dict() for e in extract(r["text"], r["published"], r.get("source"))]
    gold = score.load_gold(SCORE.parent / "dev")
    result = score.score(gold, pred, details=False)
    assert result["f1"] >= F1_FLOOR, result
    for key in ("type_acc", "sub_type_acc", "date_acc", "background_acc"):
        assert result[key] >= 0.85, (key, result)


@pytest.mark.parametrize(
    ("folder", "floor", "actor_floor"),
    [
        (HELDOUT, HELDOUT_FLOOR, ACTOR_FLOOR),
        (HELDOUT2, HELDOUT2_FLOOR, ACTOR_FLOOR),
        (HELDOUT3, HELDOUT3_FLOOR, ACTOR_FLOOR),
        (HELDOUT4, HELDOUT4_FLOOR, HELDOUT4_ACTOR_FLOOR),
        (HELDOUT5, HELDOUT5_FLOOR, ACTOR_FLOOR),
        (HELDOUT6, HELDOUT6_FLOOR, HELDOUT6_ACTOR_FLOOR),
        (HELDOUT7, HELDOUT7_FLOOR, HELDOUT7_ACTOR_FLOOR),
        (HELDOUT8, HELDOUT8_FLOOR, HELDOUT7_ACTOR_FLOOR),
        *((HELDOUT.parent / name, floor, REAL_ACTOR_FLOOR.get(name, 0.6)) for name, floor in REAL.items()),
        (DEV_REAL, DEV_REAL_FLOOR, 0.65),
    ],
)
def test_heldout_f1_stays_above_the_floor(folder: Path, floor: float, actor_floor: float) -> None:
    if not SCORE.exists() or not folder.is_dir():
        pytest.skip("scorer or held-out reports not available")
    import importlib.util

    spec = importlib.util.spec_from_file_location("rasd_score", SCORE)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    gold = score.load_gold(folder)
    pred = {
        str(r["id"]): [e.to_dict() for e in extract(r["text"], r["published"], r.get("source"))] for r in gold
    }
    result = score.score(gold, pred, details=False)
    assert result["f1"] >= floor, result
    assert result["actor_jaccard"] >= actor_floor, result


def test_batch_cli_matches_the_library(reports, tmp_path) -> None:
    inp = tmp_path / "in.jsonl"
    inp.write_text(
        "\n".join(
            json.dumps({k: r[k] for k in ("id", "text", "published", "source")}, ensure_ascii=False)
            for r in reports[:2]
        ),
        encoding="utf-8",
    )
    out = subprocess.run(
        [sys.executable, "-m", "extraction", "batch", str(inp)], capture_output=True, text=True, cwd=ROOT
    )
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    assert [x["id"] for x in lines] == [r["id"] for r in reports[:2]]
    assert len(lines[0]["events"]) == len(
        extract(reports[0]["text"], reports[0]["published"], reports[0]["source"])
    )
