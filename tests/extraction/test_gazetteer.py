"""The shipped gazetteer: built reproducibly from the sources, complete, and consistent."""

from __future__ import annotations

import csv
import json
from collections import defaultdict

import pytest

from extraction import gazetteer as gz
from extraction.normalise import fold

SOURCES = gz.SOURCES
needs_sources = pytest.mark.skipif(not SOURCES.is_dir(), reason="../shared/gazetteer-sources not present")


@pytest.fixture(scope="module")
def gaz() -> gz.Gazetteer:
    return gz.load_gazetteer()


@needs_sources
def test_build_reproduces_the_shipped_csv(tmp_path):
    from extraction.gazetteer.frequency import WORDS_CSV, name_words, write_name_words

    out = tmp_path / "gazetteer.csv"
    places = gz.build()
    gz.write_csv(places, out)
    assert out.read_bytes() == gz.GAZETTEER_CSV.read_bytes()
    words = tmp_path / "place_name_words.csv"
    write_name_words(name_words(places), words)
    assert words.read_bytes() == WORDS_CSV.read_bytes()


@needs_sources
def test_cli_build_writes_both_files(tmp_path):
    from extraction.gazetteer.frequency import WORDS_CSV

    out = tmp_path / "g.csv"
    assert gz.main(["build", "--out", str(out)]) == 0
    assert out.read_bytes() == gz.GAZETTEER_CSV.read_bytes()
    assert (tmp_path / WORDS_CSV.name).read_bytes() == WORDS_CSV.read_bytes()


def test_admin_coverage(gaz):
    kinds = defaultdict(int)
    for p in gaz.places:
        if p.source.startswith("OpenSyria"):
            kinds[p.kind] += 1
    assert kinds["governorate"] == 14
    assert kinds["district"] == 62
    assert kinds["sub-district"] == 272


@needs_sources
def test_every_geonames_town_and_curated_place_is_in(gaz):
    with (SOURCES / "geonames-cities500-SY" / "SY.tsv").open(encoding="utf-8") as fh:
        ids = {f"gn-{r['geonameid']}" for r in csv.DictReader(fh, delimiter="\t")}
    assert ids <= {p.id for p in gaz.places}
    with (SOURCES / "curated" / "places.csv").open(encoding="utf-8") as fh:
        curated = list(csv.DictReader(fh))
    names = {p.name_en for p in gaz.places}
    missing = [r["name_en"] for r in curated if r["name_en"].strip() not in names]
    assert not missing


def test_every_row_has_a_valid_kind_a_source_and_a_point(gaz):
    for p in gaz.places:
        assert p.kind in gz.KINDS, p.id
        assert p.source, p.id
        lat, lon, prec = p.point()
        assert lat is not None and lon is not None and prec in (1, 2, 3), p.id
        if p.lat is None:
            assert gaz.get(p.located_by) is not None, p.id
            assert prec >= 2


def test_admin_names_carry_no_prefix(gaz):
    for p in gaz.places:
        for n in p.names_ar():
            assert not n.startswith(("مركز ", "ناحية ")), (p.id, n)


def test_no_alias_names_two_places_of_the_same_kind_within_2_km(gaz):
    # Villages of one name are many (مشيرفة x14); two entries of one name this close are one place twice.
    seen: dict[tuple, list] = defaultdict(list)
    for p in gaz.places:
        for n in {fold(x) for x in p.names_ar()}:
            seen[(n, p.kind, p.admin1)].append(p)
    clashes = []
    for key, ps in seen.items():
        located = [(p.id, p.point()) for p in ps if p.lat is not None]
        for i, (a, pa) in enumerate(located):
            clashes += [(key[0], a, b) for b, pb in located[i + 1 :] if gz.km(pa[0], pa[1], pb[0], pb[1]) < 2]
    assert not clashes


def test_neighbourhoods_lie_in_their_city(gaz):
    qamishli = gaz.get("gn-173377")
    for name in ("حي طي", "حي الزنود", "حي حلكو", "حي قدوربك"):
        (p,) = [q for q in gaz.lookup(name) if q.kind == "neighbourhood"]
        assert p.located_by == qamishli.id and p.parent_id == qamishli.id
        assert p.point() == (qamishli.lat, qamishli.lon, 2)


def test_villages_without_coordinates_are_located_by_the_place_their_source_names(gaz):
    # "right (west/Shamiya) bank ... near Muhasan" / "next to al-Bulayl" / "~4 km west of al-Kishkiyah"
    assert gaz.lookup("البوليل")[0].located_by == "gn-162284"
    # the WOF row of the same village (within 15 km of the neighbour its source names) gives it its own point
    (tub,) = [p for p in gaz.lookup("الطوب") if p.id == "cur-al-tub"]
    assert tub.located_by == "" and tub.lat is not None and "was located by gn-162284" in tub.note
    (abu_hamam,) = [p for p in gaz.lookup("أبو حمام") if p.id == "cur-abu-hamam"]
    assert (abu_hamam.lat, abu_hamam.lon) == (34.82365, 40.65961)  # GeoNames 174511, 8 km north of Gharanij
    assert gaz.lookup("قدوربك")[0].located_by == "gn-173377"


def test_a_row_of_the_extras_may_name_a_nearer_locator(gaz):
    """ "Qara Qozak bridge" (curated, no point; its parent Kobani lies 30 km north): ``places_extra.csv`` locates it
    by the WOF village it is named after and stands by; "Qara Qozak" alone is that village."""
    (bridge,) = [p for p in gaz.lookup("جسر قره قوزاق") if p.id == "cur-qara-qozak-bridge"]
    assert bridge.located_by == "wof-1309696799"
    assert "wof-1309696799" in [p.id for p in gaz.lookup("Qara Qozak")]


def test_news_spellings_name_their_towns(gaz):
    """ "the towns of Tayyanah and Granij" (Enab Baladi English): al-Tayyana and Gharanij."""
    assert "cur-al-tayyana" in [p.id for p in gaz.lookup("Tayyanah")]
    assert "cur-gharanij" in [p.id for p in gaz.lookup("Granij")]


def test_towns_are_never_at_an_admin_centroid(gaz):
    busayrah = [p for p in gaz.lookup("البصيرة") if not p.is_area and p.admin1 == "Deir ez-Zor"]
    assert busayrah and all(p.kind == "town" for p in busayrah)
    sub = gaz.get("SY090102")
    assert gz.km(busayrah[0].lat, busayrah[0].lon, sub.lat, sub.lon) > 1


def test_lookup_is_normalised(gaz):
    assert gaz.lookup("القامشلى")[0].id in {p.id for p in gaz.lookup("القامشلي")}
    assert any(p.id == "gn-173377" for p in gaz.lookup("Qamishli"))
    assert any(p.id == "gn-173811" for p in gaz.lookup("al-Hasakah"))


def test_suggest_offers_close_names_for_a_misspelling(gaz):
    top = gaz.suggest("الشعيفة", limit=3)
    assert top and top[0][0].id == "cur-al-shaafah"
    assert all(0 <= s <= 100 for _, s in top)


def test_extra_places_take_precedence_and_are_cached_separately(gaz):
    extra = [
        {
            "id": "user-tal-jadaan",
            "name_en": "Tal Jadaan",
            "name_ar": "تل جدعان",
            "aliases_ar": "تل الجدعان",
            "kind": "village",
            "located_by": "gn-163434",
            "source": "analyst",
        },
        {
            "id": "cur-al-kishma",
            "name_en": "Al-Kishma",
            "name_ar": "الكشمة",
            "kind": "village",
            "lat": 37.0,
            "lon": 41.2,
        },
    ]
    layered = gz.load_gazetteer(extra)
    (tawil,) = layered.lookup("تل الجدعان")
    tal_tamr = layered.get("gn-163434")
    assert tawil.point() == (tal_tamr.lat, tal_tamr.lon, 2)
    assert layered.get("cur-al-kishma").point() == (37.0, 41.2, 1)
    assert gaz.get("cur-al-kishma").point() == (34.62111, 40.93754, 1)  # the shipped gazetteer is untouched
    assert gz.load_gazetteer(extra) is layered


def test_bad_kind_in_extra_places_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown kind"):
        gz.load_gazetteer([{"id": "x", "name_ar": "س", "kind": "planet"}])


def test_places_extra_rows_are_complete():
    with gz.EXTRA_CSV.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    ids = {p.id for p in gz.load_gazetteer().places}
    for r in rows:
        assert r["source"].strip() and r["note"].strip(), r["id"]
        assert r["id"] in ids, r["id"]
        if r["kind"]:
            assert r["kind"] in gz.KINDS
        if r["located_by"]:
            assert r["located_by"] in ids


def test_kurdish_and_news_names_resolve(gaz):
    expect = {
        "القامشلو": "gn-173377",
        "سري كانيه": "gn-165509",
        "ديريك": "gn-173530",
        "كوباني": "gn-172256",
        "كركي لكي": "cur-al-muabbada",
        "تربه سبيه": "gn-165757",
        "الشدادي": "gn-172837",
        "البوكمال": "gn-174448",
        "الطبقة": "gn-172374",
    }
    for name, pid in expect.items():
        assert pid in {p.id for p in gaz.lookup(name)}, name


def test_stats_counts_by_kind_and_source(gaz, capsys):
    assert gz.main(["stats"]) == 0
    out = capsys.readouterr().out
    print(out)
    assert "governorate    14" in out and "GeoNames" in out and "curated" in out


def test_cli_bad_usage_is_one_line(capsys):
    assert gz.main([]) == 2
    assert gz.main(["frobnicate"]) == 2
    err = capsys.readouterr().err
    assert "usage" in err and "Traceback" not in err


def test_to_row_round_trips(gaz):
    p = gaz.get("cur-al-shaafah")
    q = gz.Place.from_row(json.loads(json.dumps(p.to_row())))
    assert (q.id, q.name_ar, q.aliases_en, q.lat, q.lon) == (p.id, p.name_ar, p.aliases_en, p.lat, p.lon)


@needs_sources
def test_attribution_credits_every_source_and_cited_page():
    text = (gz.DATA / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "GeoNames (geonames.org)" in text and "CC BY 4.0" in text and "CC BY 3.0 IGO" in text
    assert "Natural Earth" in text and "OpenSyria" in text
    assert "Data from Who's On First" in text and "whosonfirst" in text and "wordfreq" in text
    with (SOURCES / "curated" / "places.csv").open(encoding="utf-8") as fh:
        urls = {u.strip() for r in csv.DictReader(fh) for u in r["source_url"].split(" ; ") if u.strip()}
    assert {u for u in urls if f"<{u}>" not in text} == set()


def test_an_alias_row_adds_a_name_to_the_place_it_names(gaz):
    layered = gz.load_gazetteer(
        [
            {
                "id": "rasd-1",
                "name_ar": "القامشلو الجديدة",
                "kind": "city",
                "alias_of": "gn-173377",
                "added_by": "x",
            }
        ]
    )
    assert [p.id for p in layered.lookup("القامشلو الجديدة")] == ["gn-173377"]
    assert layered.get("rasd-1") is None
    assert not gaz.lookup("القامشلو الجديدة")


def test_a_point_from_places_extra_locates_a_place_no_source_located(gaz):
    """ "Zirgan town is GeoNames' Tall Abu Rasayn": a cited point, not the town it was located by before."""
    p = gaz.get("cur-abu-rasin")
    assert (p.lat, p.lon, p.located_by) == (36.84767, 40.32907, "") and p.admin2 == "Ras al-Ayn"
    assert "point: " in p.note
    # al-Jurdhi, once at Diban's point, is Who's On First's al-Jurdi ash-Sharqi 19 km south-east of it
    p = gaz.get("cur-al-jurdhi")
    assert (p.lat, p.lon, p.located_by) == (34.87203, 40.63895, "")


def test_a_long_name_matches_without_its_final_h() -> None:
    """ "the town of Sha'fa" is the curated Al-Shaafah (alias "Sha'fah"), not WOF's village Sha`fa 150 km west;
    a short name keeps its h ("Mallah" would take "Malla" of "Malla Sibat")."""
    from extraction import extract
    from extraction.places.keys import _latin_forms

    assert "sha'fa" in _latin_forms("Sha'fah")
    assert "malla" not in _latin_forms("Mallah")
    text = (
        "SDF raid\nThe SDF detained four suspected members of an ISIS cell on Saturday in the town of Sha'fa, in "
        "the eastern countryside of Deir ez-Zor."
    )
    assert [e.location for e in extract(text, "2021-10-13")] == ["Al-Shaafah"]


def test_the_article_inside_a_name_is_written_with_a_or_e() -> None:
    """ "in Syria's eastern province of Deir az-Zour" (AFP) is Deir ez-Zor, as "Deir ez-Zour" is."""
    from extraction import extract
    from extraction.places.keys import _latin_forms

    assert "deir az-zor" in _latin_forms("Deir ez-Zor", news=True)
    text = (
        "Car bomb\nA car bomb attack by the Islamic State group killed 12 people in Deir az-Zour on Saturday."
    )
    assert [e.admin1 for e in extract(text, "2017-11-04")] == ["Deir ez-Zor"]


def test_a_doubled_consonant_written_once_is_the_same_name() -> None:
    """ "heavy US-led strikes on Raqa" (AFP) is Raqqa: news writes once a consonant the map doubles."""
    from extraction import extract
    from extraction.places.keys import _latin_forms

    assert _latin_forms("Raqqa", news=True) == ["raqqa", "raqa"]
    text = "Strikes\nUS-led air strikes on Monday killed at least 42 civilians in the city of Raqa."
    assert [e.location for e in extract(text, "2017-08-22")] == ["Ar Raqqah"]


def test_raqqas_countrysides_are_regions_of_their_own(gaz) -> None:
    """ "صدّ محاولة تسلل ... في منطقة المغلة بريف الرقة الشرقي": the eastern countryside (its point al-Karamah, in
    the valley 35 km east of the city), not Raqqa city, as Deir ez-Zor's and Hasakah's countrysides are."""
    from extraction import extract

    assert gaz.get("reg-raqqa-east").located_by == "gn-4273"
    assert gaz.get("reg-raqqa-west").located_by == "gn-8559276"
    text = (
        "الجيش يعلن إحباط تسلل لعناصر من قسد في ريف الرقة الشرقي\n"
        "قال الجيش السوري إنه صدّ محاولة تسلل قامت بها عناصر من قسد عبر نهر الفرات في منطقة المغلة بريف الرقة الشرقي."
    )
    assert [e.location for e in extract(text, "2025-09-03")] == ["Eastern Raqqa countryside"]
