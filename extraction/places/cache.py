"""The built automaton of the shipped gazetteer (and its sound index), kept on disk so that start-up reads
it instead of building it (about 1.5 s for ~70,000 keys and their sounds).

The file is named by a hash of everything the automaton depends on: the gazetteer, the word lists,
the code that turns names into keys and the Python and pyahocorasick versions. A clone without it, a
stale one, an unreadable or unwritable cache directory: the automaton is built as before (and saved
when it can be). ``RASD_CACHE_DIR`` moves it (default ``var/cache`` in the repository).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

import ahocorasick

ROOT = Path(__file__).resolve().parents[2]
_DEPENDS = (
    "data/gazetteer.csv",
    "data/place_words.csv",
    "data/place_name_words.csv",
    "extraction/normalise.py",
    "extraction/gazetteer/names.py",
    "extraction/gazetteer/spellings.py",
    "extraction/gazetteer/frequency.py",
    "extraction/places/keys.py",
    "extraction/places/matcher.py",
    "extraction/places/cache.py",
    "extraction/places/sound_keys.py",
)


def cache_dir() -> Path:
    return Path(os.environ.get("RASD_CACHE_DIR") or ROOT / "var" / "cache")


def cache_key(_gaz=None) -> str | None:
    """A hash of every file the automaton is made from (None when one cannot be read)."""
    h = hashlib.sha256(
        f"{sys.version}|{ahocorasick.__version__ if hasattr(ahocorasick, '__version__') else ''}".encode()
    )
    try:
        for rel in _DEPENDS:
            path = ROOT / rel
            h.update(rel.encode())
            h.update(path.read_bytes() if path.exists() else b"-")
    except OSError:
        return None
    return h.hexdigest()[:24]


def _path(key: str) -> Path:
    return cache_dir() / f"places-automaton-{key}.pickle"


def load(key: str) -> tuple | None:
    """The (automaton, key_info) saved under ``key``, or None."""
    try:
        with _path(key).open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        return None


def save(key: str, built: tuple) -> None:
    """Write atomically; a read-only or full disk leaves no cache and no error."""
    try:
        d = cache_dir()
        d.mkdir(parents=True, exist_ok=True)
        for old in d.glob("places-automaton-*.pickle"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=d, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(built, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, _path(key))
    except OSError:
        pass
