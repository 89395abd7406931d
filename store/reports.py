"""Reports: stored once each (by the SHA-256 of their folded text), with the events read from them."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import pandas as pd
from rapidfuzz import fuzz
from sqlalchemy import Connection, exc, func, insert, select

from store import db
from store.events import event_row
from store.models import events, reports, utcnow
from store.outlets import outlet_aliases, outlet_name
from store.sources import place_events
from store.validation import (
    MAX_NAME,
    ValidationError,
    check_id,
    check_text,
    not_in_future,
    text_limit,
    to_date,
)


@dataclass
class AddResult:
    """What add_report did: the report's id, its new events' ids, and whether it was already stored.

    ``corroborated`` are stored events the report became a further source of (not new events);
    ``near_duplicate_of`` is the same outlet's earlier report this one nearly repeats (flagged, not refused).
    """

    report_id: int
    event_ids: list[int] = field(default_factory=list)
    duplicate: bool = False
    corroborated: list[int] = field(default_factory=list)
    near_duplicate_of: int | None = None
    near_duplicate_score: float | None = None


# A report whose folded text is this similar (rapidfuzz ratio, 0-100) to one from the same outlet published
# within NEAR_DUPLICATE_DAYS is flagged as a lightly edited repeat.
NEAR_DUPLICATE_MIN_SCORE = 90.0
NEAR_DUPLICATE_DAYS = 7
NEAR_DUPLICATE_MAX_CHARS = 20_000  # compare the first 20,000 characters (a long report's head says enough)


def fingerprint(text: str) -> str:
    """SHA-256 of the folded text: the same report pasted with other diacritics or spacing is one report."""
    return hashlib.sha256(_folded(text).encode("utf-8")).hexdigest()


def _folded(text: str) -> str:
    try:
        from extraction.normalise import fold
    except ImportError:  # pragma: no cover - extraction ships with the store
        fold = str.lower
    return " ".join(fold(text).split())


def guess_language(text: str) -> str:
    """ "ar" when Arabic letters outnumber Latin ones, else "en"."""
    arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff")
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    return "ar" if arabic >= latin else "en"


def find_duplicate(text: str) -> int | None:
    """The id of the stored report with the same folded text, if any."""
    with db.read() as conn:
        return conn.execute(select(reports.c.id).where(reports.c.sha256 == fingerprint(text))).scalar()


def _near_duplicate(
    conn: Connection, text: str, source: str | None, published: date | None, folded: str | None = None
) -> tuple[int, float] | None:
    outlet = outlet_name(source)
    if outlet is None:
        return None
    head = (folded if folded is not None else _folded(text))[:NEAR_DUPLICATE_MAX_CHARS]
    # ratio >= 90 needs lengths within 2 * (100 - 90) / (200 - 90) of each other
    slack = 2 * (100 - NEAR_DUPLICATE_MIN_SCORE) / (200 - NEAR_DUPLICATE_MIN_SCORE)
    n = len(text)
    r = reports.c
    stmt = select(r.id, r.source, r.text).where(
        r.source.in_(outlet_aliases(outlet) | {source.strip()}),
        func.length(r.text).between(int(n * (1 - slack)) - 1, int(n / (1 - slack)) + 1),
    )
    if published is not None:
        stmt = stmt.where(
            r.published.between(
                published - timedelta(days=NEAR_DUPLICATE_DAYS),
                published + timedelta(days=NEAR_DUPLICATE_DAYS),
            )
        )
    best: tuple[int, float] | None = None
    for rid, _src, other in conn.execute(stmt.order_by(r.id.desc()).limit(200)).all():
        score = fuzz.ratio(
            head, _folded(other)[:NEAR_DUPLICATE_MAX_CHARS], score_cutoff=NEAR_DUPLICATE_MIN_SCORE
        )
        if score and (best is None or score > best[1]):
            best = (int(rid), round(float(score), 1))
    return best


def find_near_duplicate(
    text: str, source: str | None, published: date | str | None
) -> tuple[int, float] | None:
    """(id, similarity 0-100) of a stored report from the same outlet that this text nearly repeats."""
    with db.read() as conn:
        return _near_duplicate(conn, text, source, to_date("published", published))


def _toll_updates(text: str, rows: list[dict[str, Any]]) -> list[int | None]:
    """Per event, the updated death toll its stretch of the report states (from its evidence to the next
    event's; the first event also takes the headline before it)."""
    try:
        from extraction.toll_update import toll_update
    except ImportError:  # pragma: no cover - extraction ships with the store
        return [None] * len(rows)
    starts = sorted({int(r["evidence_start"]) for r in rows if r.get("evidence_start") is not None})
    out: list[int | None] = []
    for r in rows:
        start = r.get("evidence_start")
        if start is None:
            out.append(None)
            continue
        later = [s for s in starts if s > int(start)]
        lo = 0 if int(start) == starts[0] else int(start)
        out.append(toll_update(text, lo, later[0] if later else len(text)))
    return out


def add_report(
    text: str,
    published: date | str | None,
    source: str | None = None,
    url: str | None = None,
    events: Iterable[Any] = (),
    analyst: str = "",
    language: str | None = None,
    is_demo: bool = False,
    *,
    corroborate: bool = False,
) -> AddResult:
    """Store a report and its events in one transaction; a report already stored adds nothing.

    Every event gets the report as its first source. With ``corroborate`` (paste, upload, the CLI's
    ingest) an event that matches a stored one (``store.matching``) becomes a further source of it instead
    of a new event.
    """
    if not text or not text.strip():
        raise ValidationError("the report is empty")
    # No NUL (PostgreSQL refuses it, SQLite cuts the text there); the length is the caller's limit
    # (the app's, or the CLI's --max-chars for an archive).
    check_text("the report", text, len(text))
    published_on = not_in_future("the publication date", to_date("published", published))
    source, url = _clean_text("source", source), _clean_text("url", url)
    analyst = check_text("analyst", (analyst or "").strip(), MAX_NAME)
    folded = _folded(text)
    sha = hashlib.sha256(folded.encode("utf-8")).hexdigest()  # fingerprint(text), folded once
    with db.read() as conn:
        existing = conn.execute(select(reports.c.id).where(reports.c.sha256 == sha)).scalar()
    if existing is not None:
        return AddResult(int(existing), [], True)
    row = {
        "text": text,
        "sha256": sha,
        "source": source,
        "url": url,
        "published": published_on,
        "language": language or guess_language(text),
        "ingested_at": utcnow(),
        "ingested_by": analyst,
        "is_demo": is_demo,
    }
    given = [e.to_dict() if hasattr(e, "to_dict") else dict(e) for e in events]
    rows = [event_row(e, report_id=None, analyst=analyst, is_demo=is_demo) for e in given]
    tolls = _toll_updates(text, rows)
    try:
        with db.write() as conn:
            near = _near_duplicate(conn, text, row["source"], row["published"], folded)
            if near:
                row.update(near_duplicate_of=near[0], near_duplicate_score=near[1])
            report_id = int(conn.execute(insert(reports).values(**row).returning(reports.c.id)).scalar_one())
            for r in rows:
                r["report_id"] = report_id
                if not r.get("source") and row["source"]:
                    r["source"] = row["source"]
            placed = place_events(
                conn, rows, {**row, "id": report_id}, fields=given, tolls=tolls, analyst=analyst,
                corroborate=corroborate,
            )  # fmt: skip
    except exc.IntegrityError:
        # Another process stored the same report between our check and our insert.
        existing = find_duplicate(text)
        if existing is None:
            raise
        return AddResult(existing, [], True)
    return AddResult(
        report_id,
        [p.event_id for p in placed if not p.corroborated],
        False,
        [p.event_id for p in placed if p.corroborated],
        near[0] if near else None,
        near[1] if near else None,
    )


def _clean_text(field: str, value: str | None) -> str | None:
    """An optional text field stripped, within its column's length, without NUL (the same on both databases)."""
    clean = (value or "").strip()
    limit = getattr(reports.c[field].type, "length", None) or text_limit(field)
    return check_text(field, clean, limit) or None


def get_report(report_id: int) -> dict[str, Any] | None:
    with db.read() as conn:
        row = conn.execute(select(reports).where(reports.c.id == check_id(report_id, "report id"))).first()
    return dict(row._mapping) if row else None


def list_sources() -> list[str]:
    """Outlets seen so far, most used first (for the Paste page's suggestions)."""
    with db.read() as conn:
        rows = conn.execute(
            select(reports.c.source)
            .where(reports.c.source.is_not(None))
            .group_by(reports.c.source)
            .order_by(func.count().desc(), reports.c.source)
        ).all()
    return [r[0] for r in rows]


def list_reports() -> pd.DataFrame:
    """Every report without its text, with how many events it holds, newest first."""
    n_events = (
        select(func.count()).select_from(events).where(events.c.report_id == reports.c.id).scalar_subquery()
    )
    cols = ["id", "source", "url", "published", "language", "ingested_at", "ingested_by", "is_demo"]
    stmt = select(*(reports.c[c] for c in cols), n_events.label("events")).order_by(reports.c.id.desc())
    with db.read() as conn:
        rows = conn.execute(stmt).all()
    return pd.DataFrame.from_records([tuple(r) for r in rows], columns=[*cols, "events"])
