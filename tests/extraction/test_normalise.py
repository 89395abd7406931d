"""The existing normaliser: folded forms match, and every folded span maps back to the original."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extraction.normalise import _normalise_slow, fold, normalise


def test_alef_hamza_ta_marbuta_and_alef_maqsura_fold() -> None:
    assert fold("أإآا") == "اااا"
    assert fold("مدينة") == "مدينه"
    assert fold("على") == "علي"


def test_diacritics_tatweel_and_digits() -> None:
    assert fold("قُتِلَ") == "قتل"
    assert fold("الـ 24") == "ال 24"
    assert fold("٣٠ و۴") == "30 و4"


def test_quotes_and_commas_fold() -> None:
    assert fold("«قسد»، “x”") == '"قسد", "x"'


def test_spans_map_back_to_the_original() -> None:
    text = "أُصيب ثلاثة عناصر من «قسد» بانفجار"
    n = normalise(text)
    i = n.text.index("قسد")
    s, e = n.span(i, i + 3)
    assert text[s:e] == "قسد"


def test_html_is_skipped_but_offsets_still_map() -> None:
    text = "<p>قصفت <b>القوات التركية</b> قرية</p><script>alert(1)</script>"
    n = normalise(text)
    assert "alert" not in n.text and "<" not in n.text
    i = n.text.index("التركيه")
    s, e = n.span(i, i + len("التركيه"))
    assert text[s:e] == "التركية"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300) | st.text(alphabet="قسدأإآةىـًٌٍَُِّْ٠١٢«»،\r\n \t\u200fabcİß", max_size=200))
def test_fast_path_gives_exactly_what_the_reference_gives(text: str) -> None:
    a, b = normalise(text, strip_html=False), _normalise_slow(text, strip_html=False)
    assert (a.text, list(a.index)) == (b.text, b.index)


def test_the_signs_of_a_transliteration_are_dropped() -> None:
    """ "ʿAmudah", "al-Maʿbada": the ʿayn and hamza signs are not letters of the name."""
    n = normalise("ʿAmudah and al-Maʿbada")
    assert n.text == "amudah and al-mabada"
    assert n.original[slice(*n.span(0, 6))] == "Amudah"


def test_hashtags_read_as_words() -> None:
    """ "قرى #عياش و#الخريطة"، "#الجيش_السوري": the sign is dropped and an underscore is a space."""
    n = normalise("قرى #عياش و#الخريطة من #الجيش_السوري")
    assert n.text == fold("قرى عياش والخريطة من الجيش السوري")
    assert n.original[slice(*n.span(4, 8))] == "عياش"
