"""Events: filtered queries (in SQL), versioned updates with revisions, bulk actions and undo.

Every change goes through ``_apply``: it writes only the fields whose value really changes, one
revision row per field, and bumps the version with ``UPDATE ... WHERE id = ? AND version = ?`` in the
same transaction, so a concurrent save is detected and nothing is half-written.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import pandas as pd
from sqlalchemy import Connection, Select, and_, func, insert, or_, select, update

from store import db
from store.columns import EDITABLE_FIELDS, MAP_COLUMNS
from store.errors import NotFound, StaleVersion, ValidationError
from store.filters import EventFilter
from store.models import event_revisions, event_sources, events, reports, utcnow
from store.validation import (
    MAX_FILTER_CHARS,
    check_analyst,
    check_event,
    check_id,
    check_text,
    coerce,
    coerce_changes,
    is_missing,
    not_in_future,
    taxonomy,
)

EVENT_COLUMNS: tuple[str, ...] = tuple(c.name for c in events.columns)
SOURCES_FIELD = "sources"  # revision rows of this field hold an event's source row ids (store.sources)


# ---------------------------------------------------------------- rows in and out


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value


def encode(value: Any) -> str | None:
    """A revision's stored value: JSON text (None stays SQL NULL so "was empty" reads plainly)."""
    return None if value is None else json.dumps(_jsonable(value), ensure_ascii=False)


def decode(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def row_dict(row: Any) -> dict[str, Any]:
    """A database row as the dict pages and the CLI get (``extra`` decoded)."""
    d = dict(row._mapping)
    if "extra" in d:
        d["extra"] = json.loads(d["extra"]) if d["extra"] else {}
    return d


def event_row(fields: Any, *, report_id: int | None, analyst: str, is_demo: bool = False) -> dict[str, Any]:
    """A new event's row from an ``extraction.Event``, its ``to_dict()``, or a plain dict of fields.

    The nested ``evidence`` becomes evidence_start/end/text; ACLED's disorder_type is filled from the
    sub-type when the extractor left it empty; the whole event is validated.
    """
    d = fields.to_dict() if hasattr(fields, "to_dict") else dict(fields)
    ev = d.pop("evidence", None)
    if ev is not None:
        ev = ev if isinstance(ev, dict) else vars(ev)
        d.setdefault("evidence_start", ev.get("start"))
        d.setdefault("evidence_end", ev.get("end"))
        d.setdefault("evidence_text", ev.get("text"))
    extra = d.pop("extra", None) or {}
    row: dict[str, Any] = {}
    for field in EDITABLE_FIELDS:
        if field in d:
            row[field] = coerce(field, d.pop(field))
    for ignored in (
        "id",
        "version",
        "report_id",
        "is_demo",
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
    ):
        d.pop(ignored, None)
    extra.update(d)  # anything the schema does not know is kept, not lost
    row.setdefault("time_precision", 1)
    row.setdefault("geo_precision", 1)
    if row.get("fatalities") is None:
        row["fatalities"] = 0
    if row.get("status") is None:
        row["status"] = "extracted"
    if row.get("background") is None:
        row["background"] = False
    if not row.get("disorder_type") and row.get("sub_event_type"):
        row["disorder_type"] = taxonomy()[1].get(row["sub_event_type"])
    check_event(row)
    now = utcnow()
    row.update(
        report_id=report_id,
        extra=json.dumps(extra, ensure_ascii=False, default=str) if extra else None,
        version=1,
        created_at=now,
        created_by=analyst,
        updated_at=now,
        updated_by=analyst,
        is_demo=is_demo,
    )
    return row


# ---------------------------------------------------------------- filters


def _escape_like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# Letters Arabic writers use interchangeably (hamza forms of alef, ya/alef maqsura, ta marbuta/ha):
# in a text search each matches any single character, so "القامشلى" finds "القامشلي".
_ARABIC_VARIANTS = frozenset("اأإآٱىيئةه")


def _text_pattern(query: str) -> str:
    """A LIKE pattern for ``query`` that tolerates Arabic spelling variants (wildcards escaped)."""
    return "%" + "".join("_" if ch in _ARABIC_VARIANTS else _escape_like(ch) for ch in query.strip()) + "%"


def check_filter(flt: EventFilter) -> None:
    """Refuse filter values no query needs: an actor or text search of more than a few hundred characters
    (SQLite's LIKE gives up at 50,000 bytes, PostgreSQL would scan on), an id beyond INTEGER."""
    for name, value in (("actor", flt.actor), ("text search", flt.text)):
        if value and len(value.strip()) > MAX_FILTER_CHARS:
            raise ValidationError(
                f"the {name} filter has {len(value.strip()):,} characters; at most {MAX_FILTER_CHARS} are taken"
            )
        if value:
            check_text(f"the {name} filter", value, MAX_FILTER_CHARS)
    if flt.report_id is not None:
        check_id(flt.report_id, "report id")
    for i in flt.event_ids:
        check_id(i)


def where(flt: EventFilter) -> list[Any]:
    """The filter as SQL conditions on ``events`` (shared by every query, count and export)."""
    check_filter(flt)
    c = events.c
    conds: list[Any] = [c.merged_into.is_(None)]  # an event merged into another is counted there
    if flt.date_from:
        conds.append(c.event_date >= flt.date_from)
    if flt.date_to:
        conds.append(c.event_date <= flt.date_to)
    if flt.admin1:
        conds.append(c.admin1.in_(list(flt.admin1)))
    if flt.event_types:
        conds.append(c.event_type.in_(list(flt.event_types)))
    if flt.actor and flt.actor.strip():
        pat = f"%{_escape_like(flt.actor.strip())}%"
        conds.append(
            or_(
                *(
                    col.ilike(pat, escape="\\")
                    for col in (c.actor1, c.actor2, c.assoc_actor_1, c.assoc_actor_2)
                )
            )
        )
    if flt.statuses:
        conds.append(c.status.in_(list(flt.statuses)))
    if flt.report_id is not None:  # the events the report tells of, first or as a further source
        told = select(event_sources.c.event_id).where(event_sources.c.report_id == flt.report_id)
        conds.append(or_(c.report_id == flt.report_id, c.id.in_(told)))
    if flt.text and flt.text.strip():
        pat = _text_pattern(flt.text)
        conds.append(
            or_(
                *(
                    col.ilike(pat, escape="\\")
                    for col in (c.notes, c.evidence_text, c.location, c.location_ar)
                )
            )
        )
    if not flt.include_background:
        conds.append(c.background.is_(False))
    if not flt.include_demo:
        conds.append(c.is_demo.is_(False))
    if flt.event_ids:
        conds.append(c.id.in_(list(flt.event_ids)))
    return conds


def _columns(columns: Sequence[str] | None) -> list[Any]:
    names = list(columns) if columns else [n for n in EVENT_COLUMNS if n != "extra"]
    unknown = [n for n in names if n not in events.c]
    if unknown:
        raise ValidationError(f"unknown event column(s): {', '.join(unknown)}")
    return [events.c[n] for n in names]


def _frame(conn: Connection, stmt: Select, names: list[str]) -> pd.DataFrame:
    rows = conn.execute(stmt).all()
    return pd.DataFrame.from_records([tuple(r) for r in rows], columns=names)


def query_events(
    flt: EventFilter, limit: int | None = None, columns: Sequence[str] | None = None
) -> pd.DataFrame:
    """The events matching ``flt``, newest first (ties by id), as a DataFrame."""
    cols = _columns(columns)
    stmt = select(*cols).where(and_(True, *where(flt))).order_by(events.c.event_date.desc(), events.c.id)
    if limit is not None:
        stmt = stmt.limit(int(limit))
    with db.read() as conn:
        return _frame(conn, stmt, [c.name for c in cols])


def count_events(flt: EventFilter) -> int:
    with db.read() as conn:
        return int(
            conn.execute(select(func.count()).select_from(events).where(and_(True, *where(flt)))).scalar_one()
        )


def map_points(flt: EventFilter, limit: int | None = None) -> pd.DataFrame:
    """Only what a map draws, for events that have coordinates."""
    cols = [events.c[n] for n in MAP_COLUMNS]
    stmt = (
        select(*cols)
        .where(and_(events.c.latitude.is_not(None), events.c.longitude.is_not(None), *where(flt)))
        .order_by(events.c.event_date.desc(), events.c.id)
    )
    if limit is not None:
        stmt = stmt.limit(int(limit))
    with db.read() as conn:
        return _frame(conn, stmt, list(MAP_COLUMNS))


def _period(conn: Connection, freq: str) -> Any:
    d = events.c.event_date
    pg = conn.dialect.name == "postgresql"
    if freq == "D":
        return d
    if freq == "W":  # weeks start on Monday
        return (
            func.date_trunc("week", d).cast(events.c.event_date.type)
            if pg
            else func.date(d, "weekday 0", "-6 days")
        )
    if freq == "M":
        return (
            func.date_trunc("month", d).cast(events.c.event_date.type) if pg else func.strftime("%Y-%m-01", d)
        )
    raise ValidationError(f"freq must be D, W or M, not {freq!r}")


def timeline_counts(flt: EventFilter, freq: str = "D") -> pd.DataFrame:
    """Events and fatalities per period and event type, aggregated in SQL."""
    with db.read() as conn:
        period = _period(conn, freq).label("period")
        stmt = (
            select(
                period,
                events.c.event_type,
                func.count().label("events"),
                func.coalesce(func.sum(events.c.fatalities), 0).label("fatalities"),
            )
            .where(and_(True, *where(flt)))
            .group_by(period, events.c.event_type)
            .order_by(period, events.c.event_type)
        )
        df = _frame(conn, stmt, ["period", "event_type", "events", "fatalities"])
    df["period"] = pd.to_datetime(df["period"].astype(str)) if len(df) else pd.to_datetime(df["period"])
    df["events"] = df["events"].astype("int64")
    df["fatalities"] = df["fatalities"].astype("int64")
    return df


def summary(flt: EventFilter) -> dict[str, Any]:
    """Key figures for a briefing: totals, date range, and events/fatalities by governorate and by type."""
    conds = and_(True, *where(flt))
    fat = func.coalesce(func.sum(events.c.fatalities), 0)
    with db.read() as conn:
        total = conn.execute(
            select(func.count(), fat, func.min(events.c.event_date), func.max(events.c.event_date)).where(
                conds
            )
        ).one()
        groups = {}
        for key, col in (("by_admin1", events.c.admin1), ("by_type", events.c.event_type)):
            rows = conn.execute(
                select(col, func.count().label("n"), fat.label("f"))
                .where(conds)
                .group_by(col)
                .order_by(func.count().desc(), col)
            ).all()
            name = "admin1" if key == "by_admin1" else "event_type"
            groups[key] = [{name: r[0], "events": int(r[1]), "fatalities": int(r[2])} for r in rows]
    return {
        "events": int(total[0]),
        "fatalities": int(total[1]),
        "date_min": total[2],
        "date_max": total[3],
        **groups,
    }


# ---------------------------------------------------------------- reading one event


def _fetch(conn: Connection, event_id: int, lock: bool = False) -> dict[str, Any]:
    stmt = select(events).where(events.c.id == check_id(event_id))
    if lock and conn.dialect.name == "postgresql":
        stmt = stmt.with_for_update()
    row = conn.execute(stmt).first()
    if row is None:
        raise NotFound(f"no event with id {event_id}")
    return row_dict(row)


def get_event(event_id: int) -> dict[str, Any]:
    """One event as a dict (raises NotFound, a StoreError, for an unknown id)."""
    with db.read() as conn:
        return _fetch(conn, event_id)


PLACE_CANDIDATES = "place_candidates"  # extra's key (extraction.notes.CANDIDATES): the places a name could be


def place_candidates(event_ids: Iterable[int]) -> dict[int, list[dict[str, Any]]]:
    """The places each event's place name could be, as the extractor kept them in ``extra`` (events
    whose place was not ambiguous are left out)."""
    ids = sorted({int(i) for i in event_ids})
    out: dict[int, list[dict[str, Any]]] = {}
    with db.read() as conn:
        for start in range(0, len(ids), 500):
            rows = conn.execute(
                select(events.c.id, events.c.extra).where(
                    events.c.id.in_(ids[start : start + 500]),
                    events.c.extra.like(f"%{PLACE_CANDIDATES}%"),
                )
            ).all()
            for i, extra in rows:
                cands = (json.loads(extra) or {}).get(PLACE_CANDIDATES)
                if isinstance(cands, list) and cands:
                    out[int(i)] = cands
    return out


# ---------------------------------------------------------------- writing


def _moved_window(cur: dict[str, Any], changes: dict[str, Any], diff: dict[str, Any]) -> dict[str, Any]:
    """date_min/date_max that follow an edited event_date the analyst did not set them with.

    A date moved inside its window keeps the window; moved outside it, the window moves by the same
    number of days (keeping its width), its end no later than today or the new date.
    """
    new, old = diff.get("event_date"), cur.get("event_date")
    if new is None or old is None or "date_min" in changes or "date_max" in changes:
        return {}
    lo, hi = cur.get("date_min"), cur.get("date_max")
    if lo is None or hi is None or lo <= new <= hi:
        return {}
    shift = new - old
    return {"date_min": lo + shift, "date_max": min(hi + shift, max(date.today(), new))}


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) < 1e-9
    return a == b


def _apply(
    conn: Connection,
    cur: dict[str, Any],
    changes: dict[str, Any],
    analyst: str,
    save_id: str,
    undo_of: str | None = None,
    kind: str = "edit",
) -> tuple[dict[str, Any], int]:
    """Write the fields of ``changes`` that differ from ``cur``; returns (event now, fields changed).

    ``kind`` says who decided the values: an analyst's ``edit``, or the store's corroboration, split,
    merge or undo (an analyst's edit of fatalities is never overwritten by a later source).
    """
    diff = {f: v for f, v in changes.items() if not _same(cur.get(f), v)}
    if "sub_event_type" in diff and "disorder_type" not in changes:
        derived = taxonomy()[1].get(diff["sub_event_type"])
        if derived and derived != cur.get("disorder_type"):
            diff["disorder_type"] = derived
    diff.update(_moved_window(cur, changes, diff))
    if not diff:
        return cur, 0
    merged = {**cur, **diff}
    check_event(merged)
    now = utcnow()
    version = cur["version"] + 1
    result = conn.execute(
        update(events)
        .where(events.c.id == cur["id"], events.c.version == cur["version"])
        .values(**diff, version=version, updated_at=now, updated_by=analyst)
    )
    if result.rowcount != 1:
        raise StaleVersion(_fetch(conn, cur["id"]))
    conn.execute(
        insert(event_revisions),
        [
            {
                "event_id": cur["id"],
                "field": f,
                "old_value": encode(cur.get(f)),
                "new_value": encode(v),
                "analyst": analyst,
                "at": now,
                "save_id": save_id,
                "version": version,
                "undo_of": undo_of,
                "kind": kind,
            }
            for f, v in diff.items()
        ],
    )
    merged.update(version=version, updated_at=now, updated_by=analyst)
    return merged, len(diff)


def _new_save_id() -> str:
    return uuid.uuid4().hex


def update_event(
    event_id: int, changes: dict[str, Any], analyst: str, expected_version: int
) -> dict[str, Any]:
    """Save an analyst's changes to one event if nobody saved it since ``expected_version``.

    Raises StaleVersion(current) and writes nothing when the version moved on; ValidationError for
    a value the event cannot hold. Returns the event as saved.
    """
    clean = coerce_changes(changes)
    analyst = check_analyst(analyst)
    with db.write() as conn:
        cur = _fetch(conn, event_id, lock=True)
        if cur["version"] != int(expected_version):
            raise StaleVersion(cur)
        new, _ = _apply(conn, cur, clean, analyst, _new_save_id())
    return new


def bulk_update(ids: Iterable[int], changes: dict[str, Any], analyst: str) -> int:
    """Apply the same changes to many events as one save (one undo); returns how many events changed."""
    clean = coerce_changes(changes)
    analyst = check_analyst(analyst)
    ids = sorted({check_id(i) for i in ids})
    save_id = _new_save_id()
    changed = 0
    with db.write() as conn:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            stmt = select(events).where(events.c.id.in_(chunk))
            if conn.dialect.name == "postgresql":
                stmt = stmt.with_for_update()
            rows = {r.id: row_dict(r) for r in conn.execute(stmt)}
            missing = set(chunk) - set(rows)
            if missing:
                raise NotFound(f"no event with id {min(missing)}")
            for i in chunk:
                _, n = _apply(conn, rows[i], clean, analyst, save_id)
                changed += bool(n)
    return changed


def set_status(ids: Iterable[int], status: str, analyst: str) -> int:
    """Mark events reviewed or rejected (rejecting never deletes); returns how many changed."""
    return bulk_update(ids, {"status": status}, analyst)


def add_event(report_id: int | None, fields: dict[str, Any], analyst: str) -> int:
    """Add an event by hand; its creation is recorded as revisions (empty -> value), one per field."""
    analyst = check_analyst(analyst)
    if report_id is not None:
        report_id = check_id(report_id, "report id")
    row = event_row(fields, report_id=report_id, analyst=analyst)
    for field in ("event_date", "date_min", "date_max"):
        not_in_future(field, row.get(field))
    save_id = _new_save_id()
    with db.write() as conn:
        if (
            report_id is not None
            and conn.execute(select(reports.c.id).where(reports.c.id == report_id)).first() is None
        ):
            raise NotFound(f"no report with id {report_id}")
        event_id = conn.execute(insert(events).values(**row).returning(events.c.id)).scalar_one()
        if report_id is not None:  # the report the analyst read it in is its source
            from store.sources import source_row

            report = conn.execute(select(reports).where(reports.c.id == report_id)).first()
            conn.execute(
                insert(event_sources).values(
                    **source_row(
                        row,
                        event_id=event_id,
                        report=dict(report._mapping),
                        fields=None,
                        toll=None,
                        attached="hand",
                        reason=None,
                        analyst=analyst,
                    )  # fmt: skip
                )
            )
        conn.execute(
            insert(event_revisions),
            [
                {
                    "event_id": event_id,
                    "field": f,
                    "old_value": None,
                    "new_value": encode(row[f]),
                    "analyst": analyst,
                    "at": row["created_at"],
                    "save_id": save_id,
                    "version": 1,
                    "undo_of": None,
                }
                for f in EDITABLE_FIELDS
                if not is_missing(row.get(f))
            ],
        )
    return int(event_id)


def _last_save(conn: Connection, analyst: str) -> str | None:
    r = event_revisions.c
    undone = select(r.undo_of).where(r.undo_of.is_not(None))
    stmt = (
        select(r.save_id)
        .where(r.analyst == analyst, r.undo_of.is_(None), r.save_id.not_in(undone))
        .where(r.kind != "corroboration")  # a report's arrival is undone by splitting its source off
        .group_by(r.save_id)
        .order_by(func.max(r.id).desc())
        .limit(1)
    )
    return conn.execute(stmt).scalar()


def undo_last_save(analyst: str) -> int:
    """Restore the values from before ``analyst``'s last save not yet undone, as new revisions.

    Refuses (StaleVersion, nothing written) when one of the events was saved again since. Undoing
    the creation of a hand-added event rejects it. Returns how many fields were restored.
    """
    r = event_revisions.c
    analyst = check_analyst(analyst)
    with db.write() as conn:
        save_id = _last_save(conn, analyst)
        if save_id is None:
            return 0
        revs = conn.execute(select(event_revisions).where(r.save_id == save_id).order_by(r.id)).all()
        by_event: dict[int, list[Any]] = {}
        for rev in revs:
            by_event.setdefault(rev.event_id, []).append(rev)
        undo_id = _new_save_id()
        restored = 0
        for event_id, rows in by_event.items():
            cur = _fetch(conn, event_id, lock=True)
            # Saves since this one are fine only if they were undone (or are undos themselves).
            undone = select(r.undo_of).where(r.undo_of.is_not(None))
            later = conn.execute(
                select(r.id)
                .where(r.event_id == event_id, r.id > max(x.id for x in rows))
                .where(r.undo_of.is_(None), r.save_id.not_in(undone))
                .limit(1)
            ).first()
            if later is not None:
                raise StaleVersion(
                    cur,
                    f"event {event_id} was saved again by {cur['updated_by'] or 'someone'} "
                    f"since your last save: undo refused, nothing changed",
                )
            moved = [x for x in rows if x.field == SOURCES_FIELD]  # a split or merge moved source rows
            fields = [x for x in rows if x.field != SOURCES_FIELD]
            if all(x.version == 1 for x in rows):  # the save created the event
                changes = {"status": "rejected"}
            else:
                changes = {}
                for x in fields:
                    changes.setdefault(x.field, coerce(x.field, decode(x.old_value)))
            cur, n = _apply(conn, cur, changes, analyst, undo_id, undo_of=save_id, kind="undo")
            restored += n
            for x in moved:
                cur = _restore_sources(conn, cur, decode(x.old_value) or [], decode(x.new_value) or [],
                                       analyst, undo_id, save_id, touch=not n)  # fmt: skip
                restored += 1
        return restored


def _restore_sources(
    conn: Connection, cur: dict[str, Any], ids: list[int], now_ids: list[int], analyst: str, undo_id: str,
    undo_of: str, *, touch: bool,
) -> dict[str, Any]:  # fmt: skip
    """Point the event's former source rows at it again, as a revision of the undo."""
    from store.sources import _sources_revision, _touch, restore_sources

    restore_sources(conn, cur["id"], ids)
    if touch:
        cur = _touch(conn, cur, analyst)
    _sources_revision(
        conn, cur["id"], now_ids, ids, analyst, undo_id, cur["version"], "undo", undo_of=undo_of
    )
    return cur


# Used by reports.add_report and demo.make_demo to insert many events in one statement.
def insert_events(conn: Connection, rows: list[dict[str, Any]]) -> list[int]:
    if not rows:
        return []
    ids = (
        conn.execute(insert(events).returning(events.c.id, sort_by_parameter_order=True), rows)
        .scalars()
        .all()
    )
    return [int(i) for i in ids]


__all__ = [
    "EVENT_COLUMNS",
    "query_events",
    "count_events",
    "map_points",
    "timeline_counts",
    "summary",
    "get_event",
    "update_event",
    "bulk_update",
    "set_status",
    "add_event",
    "undo_last_save",
    "event_row",
    "where",
    "check_filter",
]
