"""The gazetteer of Syria (with north-east detail) that place matching and the map rely on.

The shipped table ``data/gazetteer.csv`` is built from the stored sources (OpenSyria admin areas, GeoNames
``cities500`` towns, Who's On First populated places, the curated list of villages, neighbourhoods and
facilities) plus ``data/places_extra.csv`` (names the sources miss), by ``python -m extraction.gazetteer
build``. Admin areas are regions: their centroid is an area centroid, so a town is never plotted there.
Places with no coordinate in any source are entries too, ``located_by`` the nearest located place their
source names, so events there land in the right area and say so.

Modules: ``place`` (the entry, kinds, columns), ``names`` (name forms), ``spellings`` (news forms of a map
name, Arabic-Latin agreement), ``index`` (lookup and search), ``load`` (the cached shipped table and analysts'
layer), ``build`` and one module per source (``admin``, ``geonames``, ``curated``, ``wof``), ``locate``,
``frequency`` (which names are ordinary words, build only), ``cli``.
"""

from __future__ import annotations

from .build import Builder, build, stats, write_csv
from .cli import main
from .index import Gazetteer
from .load import DATA, EXTRA_CSV, GAZETTEER_CSV, ROOT, SOURCES, load_gazetteer, read_csv
from .names import english_variants, strip_admin_prefix
from .place import ADMIN_KINDS, AREA_KINDS, COLUMNS, KINDS, NE_PREFERENCE, Place, km

__all__ = [
    "ADMIN_KINDS",
    "AREA_KINDS",
    "COLUMNS",
    "DATA",
    "EXTRA_CSV",
    "GAZETTEER_CSV",
    "KINDS",
    "NE_PREFERENCE",
    "ROOT",
    "SOURCES",
    "Builder",
    "Gazetteer",
    "Place",
    "build",
    "english_variants",
    "km",
    "load_gazetteer",
    "main",
    "read_csv",
    "stats",
    "strip_admin_prefix",
    "write_csv",
]
