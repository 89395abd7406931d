"""Bulk ingest of an archive: ``python -m store ingest DIR_OR_FILES... [--workers N]``.

Extraction runs in worker processes (``concurrent.futures.ProcessPoolExecutor``); every write goes through
``store.reports.add_report`` in this, the parent process, one report at a time and in the order the files
were listed, so corroboration sees the reports before it (across the batch, and the same result whatever the
number of workers). A file that cannot be read, dated or extracted is a failure with its name and one line;
it never stops the others.

Where each report's publication date and outlet come from, first found wins:
1. the line of a ``.jsonl`` file (``{"id", "text", "published", "source", "url"}``, the extractor's batch
   format; one report per line);
2. an ``index.csv`` beside the file (``file,published,source[,url]``, as in ``data/demo/``), or the
   ``--index`` file given;
3. ``--published`` / ``--source`` for every file.
A report with no publication date from any of them is a failure ("no publication date").
"""

from __future__ import annotations

import csv
import json
import sys
import time
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

REPORT_SUFFIXES = (".txt", ".html", ".htm", ".md")
INDEX_NAME = "index.csv"
SKIPPED_NAMES = frozenset({INDEX_NAME, "README.md", "readme.md"})
MAX_REPORT_CHARS = 1_000_000  # the extractor's limit (extraction.errors.MAX_CHARS)
IN_FLIGHT_PER_WORKER = 8  # reports queued per worker: enough to keep them busy, few in memory


@dataclass
class Item:
    """One report to ingest: where it came from (``name`` for the summary) and what is known of it."""

    name: str
    text: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    error: str | None = None


@dataclass
class Summary:
    """What a bulk ingest did; ``failures`` are (file name, one-line reason)."""

    reports: int = 0
    new_events: int = 0
    corroborations: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    workers: int = 1

    def as_dict(self) -> dict[str, Any]:
        total = self.reports + self.duplicates + len(self.failures)
        return {
            "files": total,
            "reports": self.reports,
            "new_events": self.new_events,
            "corroborations": self.corroborations,
            "duplicates": self.duplicates,
            "near_duplicates": self.near_duplicates,
            "failures": [{"file": f, "error": e} for f, e in self.failures],
            "seconds": round(self.seconds, 2),
            "reports_per_s": round(total / self.seconds, 1) if self.seconds else None,
            "workers": self.workers,
        }


# ---------------------------------------------------------------- what to read


def _date(value: str | None, where: str) -> tuple[date | None, str | None]:
    if not value or not str(value).strip():
        return None, None
    try:
        return date.fromisoformat(str(value).strip()[:10]), None
    except ValueError:
        return None, f"{where}: {value!r} is not a date (YYYY-MM-DD)"


def read_index(path: Path) -> dict[str, dict[str, str]]:
    """``file -> {published, source, url}`` from an index CSV (``file`` column required)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            if not reader.fieldnames or "file" not in reader.fieldnames:
                raise ValueError(f"{path}: an index needs a 'file' column (file,published,source,url)")
            return {(r.get("file") or "").strip(): r for r in reader if (r.get("file") or "").strip()}
    except OSError as e:
        raise ValueError(f"cannot read the index {path}: {e.strerror}") from None


def _files(paths: Sequence[Path]) -> Iterator[Path]:
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if (
                    f.is_file()
                    and f.name not in SKIPPED_NAMES
                    and f.suffix.lower() in (*REPORT_SUFFIXES, ".jsonl")
                ):
                    yield f
        else:
            yield p


def _read_text(path: Path, max_chars: int) -> tuple[str | None, str | None]:
    """The report's text, or why it cannot be had; a file too big is refused before it is read."""
    from extraction.cli_input import read_report
    from extraction.errors import InputError

    try:
        return read_report(str(path), max_chars), None
    except InputError as e:
        return None, str(e).replace(f"{path}: ", "").replace(f"{path} ", "")


def items(
    paths: Sequence[Path],
    *,
    published: date | None = None,
    source: str | None = None,
    index: Path | None = None,
    max_chars: int = MAX_REPORT_CHARS,
) -> Iterator[Item]:
    """Every report of the given files and folders with its date and outlet (or the reason it has none)."""
    given = read_index(index) if index else {}
    indexes: dict[Path, dict[str, dict[str, str]]] = {}
    for path in _files(paths):
        if path.suffix.lower() == ".jsonl":
            yield from _jsonl_items(path, published, source, max_chars)
            continue
        if path.suffix.lower() not in REPORT_SUFFIXES:
            yield Item(str(path), error=f"not a report file (give {', '.join(REPORT_SUFFIXES)} or .jsonl)")
            continue
        if path.parent not in indexes:
            beside = path.parent / INDEX_NAME
            try:
                indexes[path.parent] = read_index(beside) if beside.is_file() else {}
            except ValueError as e:
                indexes[path.parent] = {}
                yield Item(str(beside), error=str(e))
        meta = given.get(path.name) or given.get(str(path)) or indexes[path.parent].get(path.name) or {}
        item = Item(
            str(path),
            source=(meta.get("source") or "").strip() or source,
            url=(meta.get("url") or "").strip() or None,
        )
        item.published, item.error = _date(meta.get("published"), f"{path.name} in the index")
        item.published = item.published or published
        if item.error is None and item.published is None:
            item.error = f"no publication date: add the file to {INDEX_NAME} (file,published,source) or give --published"
        if item.error is None:
            item.text, item.error = _read_text(path, max_chars)
        yield item


def _jsonl_items(path: Path, published: date | None, source: str | None, max_chars: int) -> Iterator[Item]:
    """One item a line, read a line at a time: a line too long to hold a report of ``max_chars`` is refused
    unread."""
    from extraction.cli_input import report_lines
    from extraction.errors import InputError

    try:
        for n, raw in report_lines(str(path), max_chars):
            yield from _jsonl_item(path, n, raw, published, source, max_chars)
    except InputError as e:
        yield Item(str(path), error=str(e))


def _jsonl_item(
    path: Path, n: int, raw: bytes | None, published: date | None, source: str | None, max_chars: int
) -> Iterator[Item]:
    name = f"{path}:{n}"
    if raw is None:
        yield Item(name, error=f"the line holds more than {max_chars:,} characters (raise --max-chars)")
        return
    try:
        line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
    except UnicodeDecodeError:
        yield Item(name, error="not UTF-8 text")
        return
    if not line.strip():
        return
    try:
        rec = json.loads(line)
        if not isinstance(rec, dict):
            raise ValueError
    except ValueError:
        yield Item(name, error="not a JSON object")
        return
    name = f"{path}:{n} ({rec['id']})" if rec.get("id") else name
    item = Item(name, source=(str(rec.get("source") or "").strip() or source), url=rec.get("url") or None)
    item.published, item.error = _date(rec.get("published"), "published")
    item.published = item.published or published
    text = rec.get("text")
    if item.error is None and item.published is None:
        item.error = 'no publication date: give "published" in the line or --published'
    elif item.error is None and (not isinstance(text, str) or not text.strip()):
        item.error = 'no "text"'
    elif item.error is None and len(text) > max_chars:
        item.error = f"{len(text):,} characters; a report may have at most {max_chars:,} (raise --max-chars)"
    else:
        item.text = text
    yield item


# ---------------------------------------------------------------- the work


_EXTRA_PLACES: list[dict] | None = None


def _init_worker(extra_places: list[dict] | None) -> None:
    """Each worker loads the gazetteer once (with the analysts' places) before its first report."""
    global _EXTRA_PLACES
    _EXTRA_PLACES = extra_places or None
    from extraction.gazetteer import load_gazetteer

    load_gazetteer(_EXTRA_PLACES)


def extract_one(text: str, published: date, source: str | None) -> list[dict[str, Any]]:
    """The events of one report as dicts (what a worker sends back to the parent)."""
    from extraction import extract

    return [e.to_dict() for e in extract(text, published, source=source, extra_places=_EXTRA_PLACES)]


def _one_line(e: BaseException) -> str:
    text = str(e).strip()
    return text.splitlines()[0] if text else type(e).__name__


def run(
    paths: Sequence[Path],
    *,
    workers: int = 1,
    published: date | None = None,
    source: str | None = None,
    index: Path | None = None,
    analyst: str = "cli",
    progress: bool | None = None,
    max_chars: int = MAX_REPORT_CHARS,
) -> Summary:
    """Ingest every report under ``paths``; returns the summary (failures listed, never raised)."""
    from sqlalchemy import select
    from tqdm import tqdm

    from store import db
    from store.models import reports
    from store.places import list_places
    from store.reports import add_report, fingerprint

    started = time.perf_counter()
    summary = Summary(workers=max(1, int(workers)))
    todo = list(items(paths, published=published, source=source, index=index, max_chars=max_chars))
    with db.read() as conn:
        stored = {r[0] for r in conn.execute(select(reports.c.sha256)).all()}
    bar = tqdm(
        total=len(todo),
        unit="report",
        file=sys.stderr,
        disable=(not progress) if progress is not None else None,
    )
    window: deque[tuple[Item, Future | None]] = deque()
    limit = summary.workers * IN_FLIGHT_PER_WORKER

    def finish(item: Item, fut: Future | None) -> None:
        if item.error is None and fut is not None:
            try:
                events = fut.result()
                res = add_report(item.text or "", item.published, source=item.source, url=item.url, events=events,
                                 analyst=analyst, corroborate=True)  # fmt: skip
            except Exception as e:  # noqa: BLE001 - one report's failure never stops the batch
                item.error = _one_line(e)
            else:
                if res.duplicate:
                    summary.duplicates += 1
                else:
                    summary.reports += 1
                    summary.new_events += len(res.event_ids)
                    summary.corroborations += len(res.corroborated)
                    summary.near_duplicates += res.near_duplicate_of is not None
        elif item.error is None:
            summary.duplicates += 1
        if item.error is not None:
            summary.failures.append((item.name, item.error))
        bar.update(1)

    with ProcessPoolExecutor(
        max_workers=summary.workers, initializer=_init_worker, initargs=(list_places(),)
    ) as pool:
        seen: set[str] = set()
        for item in todo:
            fut = None
            if item.error is None:
                sha = fingerprint(item.text or "")
                if sha not in stored and sha not in seen:  # a duplicate is not extracted again
                    seen.add(sha)
                    fut = pool.submit(extract_one, item.text, item.published, item.source)
            window.append((item, fut))
            while len(window) >= limit:
                finish(*window.popleft())
        while window:
            finish(*window.popleft())
    bar.close()
    summary.seconds = time.perf_counter() - started
    return summary


def summary_lines(s: Summary) -> list[str]:
    """The summary for a person (stderr); the JSON goes to stdout."""
    d = s.as_dict()
    lines = [
        f"{d['files']} file(s) in {d['seconds']} s ({d['reports_per_s']} reports/s, {s.workers} worker(s)): "
        f"{s.reports} report(s) stored, {s.new_events} new event(s), {s.corroborations} corroboration(s), "
        f"{s.duplicates} duplicate(s), {s.near_duplicates} near-duplicate(s) flagged, {len(s.failures)} failure(s)"
    ]
    lines += [f"failed: {name}: {why}" for name, why in s.failures]
    return lines
