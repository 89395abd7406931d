"""Reports: stored once each (by the SHA-256 of their folded text), with the events read from them."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd
from sqlalchemy import exc, func, insert, select

from store import db
from store.events import event_row, insert_events
from store.models import events, reports, utcnow
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
    """What add_report did: the report's id, its new events' ids, and whether it was already stored."""

    report_id: int
    event_ids: list[int] = field(default_factory=list)
    duplicate: bool = False


def fingerprint(text: str) -> str:
    """SHA-256 of the folded text: the same report pasted with other diacritics or spacing is one report."""
    try:
        from extraction.normalise import fold
    except ImportError:  # pragma: no cover - extraction ships with the store
        fold = str.lower
    folded = " ".join(fold(text).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def guess_language(text: str) -> str:
    """ "ar" when Arabic letters outnumber Latin ones, else "en"."""
    arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff")
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    return "ar" if arabic >= latin else "en"


def find_duplicate(text: str) -> int | None:
    """The id of the stored report with the same folded text, if any."""
    with db.read() as conn:
        return conn.execute(select(reports.c.id).where(reports.c.sha256 == fingerprint(text))).scalar()


def add_report(
    text: str,
    published: date | str | None,
    source: str | None = None,
    url: str | None = None,
    events: Iterable[Any] = (),
    analyst: str = "",
    language: str | None = None,
    is_demo: bool = False,
) -> AddResult:
    """Store a report and its events in one transaction; a report already stored adds nothing."""
    if not text or not text.strip():
        raise ValidationError("the report is empty")
    # No NUL (PostgreSQL refuses it, SQLite cuts the text there); the length is the caller's limit
    # (the app's, or the CLI's --max-chars for an archive).
    check_text("the report", text, len(text))
    published_on = not_in_future("the publication date", to_date("published", published))
    source, url = _clean_text("source", source), _clean_text("url", url)
    analyst = check_text("analyst", (analyst or "").strip(), MAX_NAME)
    sha = fingerprint(text)
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
    rows = [event_row(e, report_id=None, analyst=analyst, is_demo=is_demo) for e in events]
    try:
        with db.write() as conn:
            report_id = int(conn.execute(insert(reports).values(**row).returning(reports.c.id)).scalar_one())
            for r in rows:
                r["report_id"] = report_id
                if not r.get("source") and row["source"]:
                    r["source"] = row["source"]
            event_ids = insert_events(conn, rows)
    except exc.IntegrityError:
        # Another process stored the same report between our check and our insert.
        existing = find_duplicate(text)
        if existing is None:
            raise
        return AddResult(existing, [], True)
    return AddResult(report_id, event_ids, False)


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
