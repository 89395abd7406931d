"""The analyst's name as the cookie keeps it: cleaned, escaped into the script, read back unchanged."""

from __future__ import annotations

import json
import re
from urllib.parse import quote

from ui.analyst import COOKIE, MAX_CHARS, clean_name, cookie_html, name_from_cookies

NAME = 'Nour "</script><script>alert(1)</script>"; path=/x; نور'


def test_clean_name_drops_control_characters_and_caps_the_length() -> None:
    assert clean_name("  Layla\u0000\n  Test\t") == "Layla Test"
    assert clean_name(None) == ""
    assert len(clean_name("x" * 500)) == MAX_CHARS


def test_the_script_carries_the_name_as_data() -> None:
    html = cookie_html(NAME)
    script = re.fullmatch(r"<style>[^<]*</style><script>(.*)</script>", html, re.S)
    assert script, html
    body = script.group(1)
    assert "<" not in body and ">" not in body  # the name cannot end the element or open another
    value = re.search(r"encodeURIComponent\((\".*?[^\\]\")\)", body).group(1)
    assert json.loads(value) == NAME
    assert f'"{COOKIE}="' in body and "SameSite=Lax" in body and "max-age=34560000" in body


def test_an_empty_name_deletes_the_cookie() -> None:
    assert "max-age=0" in cookie_html("")


def test_the_cookie_reads_back_as_the_name() -> None:
    # What encodeURIComponent writes and the browser sends back.
    assert name_from_cookies({COOKIE: quote(NAME, safe="")}) == clean_name(NAME)
    assert name_from_cookies({"other": "x"}) == ""
    assert name_from_cookies({COOKIE: quote("a\u0007b " * 100, safe="")}) == clean_name("a\u0007b " * 100)
