"""Event sources: the reports that tell of one event, and what the event takes from them.

An event's ``source`` lists its outlets ACLED's way ("North Press; SOHR; Hawar"), ``source_scale`` follows,
and ``fatalities`` is the most conservative figure among the sources unless a later report explicitly
updated the toll (then the latest update counts); the notes end with which figure came from where. An
analyst's own fatalities value (an ``edit`` revision not undone) always wins.

Corroboration (a new report's event becoming a source of a stored one), an analyst's split of a source
into its own event and merge of two events are written here, each as revisions of one save; the
``sources`` pseudo-field of a revision holds the ids of the event's source rows before and after, which
is what undo restores.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pandas as pd
from sqlalchemy import Connection, and_, func, insert, or_, select, update

from store import db
from store.errors import NotFound, ValidationError
from store.events import SOURCES_FIELD, _apply, _fetch, _new_save_id, encode, event_row
from store.matching import best_match
from store.models import event_revisions, event_sources, events, reports, utcnow
from store.outlets import combined_scale, outlet_list, outlet_name

# Events whose window lies this many days beyond a new event's are never candidates (the index on
# event_date narrows the search; the matching rule then compares the windows exactly).
CANDIDATE_DAYS = 62
_FIGURES_NOTE = re.compile(r"\s*\[Fatalities: [^\]]*\]\s*$")


@dataclass(frozen=True)
class Manual:
    """An analyst's own fatalities value: it wins over every source."""

    value: int
    analyst: str


# ---------------------------------------------------------------- reading


def _sources(conn: Connection, event_id: int) -> list[dict[str, Any]]:
    s = event_sources.c
    rows = conn.execute(
        select(event_sources)
        .where(s.event_id == int(event_id))
        .order_by(s.published.is_(None), s.published, s.id)
    ).all()
    return [dict(r._mapping) for r in rows]


def list_sources(event_id: int) -> list[dict[str, Any]]:
    """The event's sources, oldest report first, each with its report's outlet as typed and its flag."""
    s, r = event_sources.c, reports.c
    stmt = (
        select(event_sources, r.source.label("report_source"), r.near_duplicate_of, r.near_duplicate_score)
        .select_from(event_sources.outerjoin(reports, r.id == s.report_id))
        .where(s.event_id == int(event_id))
        .order_by(s.published.is_(None), s.published, s.id)
    )
    with db.read() as conn:
        return [dict(x._mapping) for x in conn.execute(stmt).all()]


def source_counts(event_ids: Iterable[int]) -> dict[int, int]:
    """How many reports tell of each event (events without a source row are left out)."""
    ids = sorted({int(i) for i in event_ids})
    out: dict[int, int] = {}
    with db.read() as conn:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = conn.execute(
                select(event_sources.c.event_id, func.count())
                .where(event_sources.c.event_id.in_(chunk))
                .group_by(event_sources.c.event_id)
            ).all()
            out.update({int(e): int(n) for e, n in rows})
    return out


def manual_fatalities(conn: Connection, event_id: int) -> Manual | None:
    """The analyst's fatalities value if the latest standing change of the field was an analyst's edit."""
    r = event_revisions.c
    undone = select(r.undo_of).where(r.undo_of.is_not(None))
    row = conn.execute(
        select(r.new_value, r.analyst, r.kind)
        .where(r.event_id == int(event_id), r.field == "fatalities", r.undo_of.is_(None))
        .where(r.save_id.not_in(undone))
        .order_by(r.id.desc())
        .limit(1)
    ).first()
    if row is None or row.kind != "edit" or row.new_value is None:
        return None
    return Manual(int(json.loads(row.new_value)), row.analyst)


# ---------------------------------------------------------------- what the event takes from its sources


def _who(src: Mapping[str, Any]) -> str:
    name = outlet_name(src.get("outlet")) or f"report #{src.get('report_id')}"
    return name.replace("[", "(").replace("]", ")")


def _order(src: Mapping[str, Any]) -> tuple[date, int]:
    return (src.get("published") or date.min, int(src.get("id") or 0))


def fatalities_from(
    sources: Sequence[Mapping[str, Any]], manual: Manual | None = None
) -> tuple[int | None, str]:
    """(the event's figure, the note saying where it came from); (None, "") without sources."""
    if not sources:
        return (manual.value if manual else None), ""
    ordered = sorted(sources, key=_order)
    figures = ", ".join(f"{_who(s)} {s['fatalities']}" for s in ordered)
    if manual is not None:
        return (
            manual.value,
            f"[Fatalities: {manual.value}, set by {manual.analyst or 'an analyst'}; sources: {figures}]",
        )
    updates = [s for s in ordered if s.get("toll_update")]
    if updates:
        u = updates[-1]
        when = u["published"].isoformat() if u.get("published") else "a later report"
        return int(
            u["fatalities"]
        ), f"[Fatalities: {u['fatalities']}, the toll as updated by {_who(u)} ({when}); sources: {figures}]"
    low = min(ordered, key=lambda s: int(s["fatalities"]))
    if len(ordered) == 1:
        return int(low["fatalities"]), ""
    return int(
        low["fatalities"]
    ), f"[Fatalities: {low['fatalities']}, the lowest, from {_who(low)}; sources: {figures}]"


def with_figures_note(notes: str | None, note: str) -> str | None:
    """The notes with their figures note replaced (the analyst's or extractor's text kept)."""
    base = _FIGURES_NOTE.sub("", notes or "").rstrip()
    return " ".join(p for p in (base, note) if p) or None


def derived(
    cur: Mapping[str, Any], sources: Sequence[Mapping[str, Any]], manual: Manual | None
) -> dict[str, Any]:
    """The event fields its sources decide: outlets, scale, fatalities, the figures note, the first report."""
    ordered = sorted(sources, key=_order)
    outlets = [s.get("outlet") for s in ordered]
    changes: dict[str, Any] = {
        "source": outlet_list(outlets) or cur.get("source"),
        "source_scale": combined_scale(outlets),
    }
    figure, note = fatalities_from(ordered, manual)
    if figure is not None:
        changes["fatalities"] = figure
    changes["notes"] = with_figures_note(cur.get("notes"), note)
    if ordered and cur.get("report_id") not in {s.get("report_id") for s in ordered}:
        first = ordered[0]
        changes.update(
            report_id=first.get("report_id"),
            evidence_start=first.get("evidence_start"),
            evidence_end=first.get("evidence_end"),
            evidence_text=first.get("evidence_text"),
        )
    if changes["source_scale"] is None:
        changes["source_scale"] = cur.get("source_scale")
    return changes


# ---------------------------------------------------------------- writing


def _sources_revision(
    conn: Connection, event_id: int, before: list[int], after: list[int], analyst: str, save_id: str,
    version: int, kind: str, undo_of: str | None = None,
) -> None:  # fmt: skip
    conn.execute(
        insert(event_revisions).values(
            event_id=event_id,
            field=SOURCES_FIELD,
            old_value=encode(sorted(before)),
            new_value=encode(sorted(after)),
            analyst=analyst,
            at=utcnow(),
            save_id=save_id,
            version=version,
            undo_of=undo_of,
            kind=kind,
        )  # fmt: skip
    )


def _touch(conn: Connection, cur: dict[str, Any], analyst: str) -> dict[str, Any]:
    """A new version for an event whose sources moved though none of its fields changed."""
    from store.errors import StaleVersion

    now = utcnow()
    done = conn.execute(
        update(events)
        .where(events.c.id == cur["id"], events.c.version == cur["version"])
        .values(version=cur["version"] + 1, updated_at=now, updated_by=analyst)
    )
    if done.rowcount != 1:
        raise StaleVersion(_fetch(conn, cur["id"]))
    return {**cur, "version": cur["version"] + 1, "updated_at": now, "updated_by": analyst}


def refresh(
    conn: Connection, event_id: int, before: list[int], analyst: str, save_id: str, kind: str,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:  # fmt: skip
    """Re-derive the event from its sources as one save, recording the move of its source rows."""
    cur = _fetch(conn, event_id, lock=True)
    srcs = _sources(conn, event_id)
    after = [int(s["id"]) for s in srcs]
    changes = derived(cur, srcs, manual_fatalities(conn, event_id))
    changes.update(extra or {})
    new, n = _apply(conn, cur, changes, analyst, save_id, kind=kind)
    if sorted(before) != sorted(after):
        if n == 0:
            new = _touch(conn, cur, analyst)
        _sources_revision(conn, event_id, before, after, analyst, save_id, new["version"], kind)
    return new


def source_row(
    event: Mapping[str, Any], *, event_id: int | None, report: Mapping[str, Any], fields: Mapping[str, Any] | None,
    toll: int | None, attached: str, reason: str | None, analyst: str,
) -> dict[str, Any]:  # fmt: skip
    """An ``event_sources`` row: the event as ``report`` gave it (a toll update's figure when it states one)."""
    return {
        "event_id": event_id,
        "report_id": report.get("id"),
        "outlet": outlet_name(report.get("source")) or outlet_name(event.get("source")),
        "published": report.get("published"),
        "event_date": event.get("event_date"),
        "fatalities": int(toll if toll is not None else (event.get("fatalities") or 0)),
        "toll_update": toll is not None,
        "evidence_start": event.get("evidence_start"),
        "evidence_end": event.get("evidence_end"),
        "evidence_text": event.get("evidence_text"),
        "fields": json.dumps(fields, ensure_ascii=False, default=str) if fields else None,
        "attached": attached,
        "reason": reason,
        "added_at": utcnow(),
        "added_by": analyst,
    }


# What the matching rule reads of a stored event.
MATCH_COLUMNS = ("id", "event_date", "date_min", "date_max", "event_type", "sub_event_type", "actor1", "actor2",
                 "latitude", "longitude", "geo_precision", "place_id", "location", "background", "is_demo")  # fmt: skip


def candidates(conn: Connection, row: Mapping[str, Any], report_id: int) -> list[dict[str, Any]]:
    """Stored events the new ``row`` could be another report of: same type, overlapping dates, near enough
    for the widest distance the rule allows (or the same place), not rejected, not merged away, not already
    told by this report. The matching rule then decides."""
    from store.matching import THRESHOLDS, window

    lo, hi = window(row)
    gap = timedelta(days=THRESHOLDS.max_day_gap)
    c = events.c
    told = select(event_sources.c.event_id).where(event_sources.c.report_id == report_id)
    conds = [
        c.event_type == row["event_type"],
        c.event_date >= lo - timedelta(days=CANDIDATE_DAYS),  # the index on event_date narrows first
        c.event_date <= hi + timedelta(days=CANDIDATE_DAYS),
        func.coalesce(c.date_min, c.event_date) <= hi + gap,
        func.coalesce(c.date_max, c.event_date) >= lo - gap,
        c.status != "rejected",
        c.merged_into.is_(None),
        c.is_demo.is_(bool(row.get("is_demo"))),
        c.id.not_in(told),
    ]
    lat, lon = row.get("latitude"), row.get("longitude")
    near = []
    if lat is not None and lon is not None:
        km = max([*THRESHOLDS.km_by_precision.values(), THRESHOLDS.city_km])
        dlat = km / 111.0
        dlon = dlat / max(0.2, math.cos(math.radians(float(lat))))
        near.append(
            and_(c.latitude.between(lat - dlat, lat + dlat), c.longitude.between(lon - dlon, lon + dlon))
        )
    if row.get("place_id"):
        near.append(c.place_id == row["place_id"])
    if not near:
        return []
    stmt = select(*(c[n] for n in MATCH_COLUMNS)).where(*conds, or_(*near))
    return [dict(r._mapping) for r in conn.execute(stmt).all()]


@dataclass
class Placed:
    """Where one event of a new report went: a new event, or a new source of a stored one."""

    event_id: int
    corroborated: bool
    reason: str | None = None


def place_events(
    conn: Connection,
    rows: list[dict[str, Any]],
    report: Mapping[str, Any],
    *,
    fields: Sequence[Mapping[str, Any] | None],
    tolls: Sequence[int | None],
    analyst: str,
    corroborate: bool,
) -> list[Placed]:
    """Store a new report's events: each matching a stored event becomes its source, the rest new events."""
    if corroborate and conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(4108)))  # one corroborating writer at a time
    save_id = _new_save_id()
    used: set[int] = set()
    placed: list[Placed] = []
    for row, flds, toll in zip(rows, fields, tolls, strict=True):
        hit = None
        if corroborate:
            pool = [c for c in candidates(conn, row, int(report["id"])) if int(c["id"]) not in used]
            hit = best_match(row, pool)
        if hit is not None:
            target, m = hit
            tid = int(target["id"])
            before = [int(s["id"]) for s in _sources(conn, tid)]
            conn.execute(insert(event_sources), source_row(row, event_id=tid, report=report, fields=flds, toll=toll,
                         attached="matched", reason=m.reason, analyst=analyst))  # fmt: skip
            refresh(conn, tid, before, analyst, save_id, "corroboration")
            used.add(tid)
            placed.append(Placed(tid, True, m.reason))
            continue
        src = source_row(row, event_id=None, report=report, fields=flds, toll=toll, attached="created",
                         reason=None, analyst=analyst)  # fmt: skip
        new = {**row, **derived(row, [{**src, "id": 0}], None)}
        event_id = int(conn.execute(insert(events).returning(events.c.id), new).scalar_one())
        conn.execute(insert(event_sources), {**src, "event_id": event_id})
        used.add(event_id)
        placed.append(Placed(event_id, False))
    return placed


def split_source(source_id: int, analyst: str) -> int:
    """Make one source of an event its own event (as its report described it); returns the new event's id.

    One save: undo puts the source back and rejects the new event.
    """
    if not analyst:
        raise ValidationError("an analyst's name is required to split a source")
    save_id = _new_save_id()
    with db.write() as conn:
        src = conn.execute(select(event_sources).where(event_sources.c.id == int(source_id))).first()
        if src is None:
            raise NotFound(f"no source with id {source_id}")
        src = dict(src._mapping)
        old_id = int(src["event_id"])
        cur = _fetch(conn, old_id, lock=True)
        before = [int(s["id"]) for s in _sources(conn, old_id)]
        if len(before) < 2:
            raise ValidationError(f"event {old_id} has a single source: there is nothing to split off")
        base = (
            json.loads(src["fields"])
            if src.get("fields")
            else {
                k: v
                for k, v in cur.items()
                if k not in ("id", "version", "report_id", "extra", "merged_into")
            }
        )
        base.update(
            evidence_start=src["evidence_start"], evidence_end=src["evidence_end"], evidence_text=src["evidence_text"],
            fatalities=src["fatalities"], status="extracted",
        )  # fmt: skip
        base.pop("evidence", None)
        row = event_row(base, report_id=src["report_id"], analyst=analyst, is_demo=bool(cur.get("is_demo")))
        row.update(derived(row, [src], None))
        new_id = int(conn.execute(insert(events).values(**row).returning(events.c.id)).scalar_one())
        conn.execute(update(event_sources).where(event_sources.c.id == src["id"]).values(event_id=new_id))
        _creation_revisions(conn, new_id, row, analyst, save_id, "split")
        _sources_revision(conn, new_id, [], [int(src["id"])], analyst, save_id, 1, "split")
        refresh(conn, old_id, before, analyst, save_id, "split")
    return new_id


def _creation_revisions(
    conn: Connection, event_id: int, row: Mapping[str, Any], analyst: str, save_id: str, kind: str
) -> None:
    from store.columns import EDITABLE_FIELDS
    from store.validation import is_missing

    conn.execute(
        insert(event_revisions),
        [
            {"event_id": event_id, "field": f, "old_value": None, "new_value": encode(row[f]), "analyst": analyst,
             "at": row["created_at"], "save_id": save_id, "version": 1, "undo_of": None, "kind": kind}
            for f in EDITABLE_FIELDS
            if not is_missing(row.get(f))
        ],
    )  # fmt: skip


def merge_events(target_id: int, other_id: int, analyst: str) -> dict[str, Any]:
    """Make ``other`` a part of ``target``: its sources move over and it leaves every view. One save."""
    if not analyst:
        raise ValidationError("an analyst's name is required to merge events")
    target_id, other_id = int(target_id), int(other_id)
    if target_id == other_id:
        raise ValidationError("an event cannot be merged into itself")
    save_id = _new_save_id()
    with db.write() as conn:
        target = _fetch(conn, target_id, lock=True)
        other = _fetch(conn, other_id, lock=True)
        for ev in (target, other):
            if ev["status"] == "rejected":
                raise ValidationError(f"event {ev['id']} is rejected: rejected events are not merged")
            if ev.get("merged_into"):
                raise ValidationError(f"event {ev['id']} was already merged into event {ev['merged_into']}")
        t_before = [int(s["id"]) for s in _sources(conn, target_id)]
        o_before = [int(s["id"]) for s in _sources(conn, other_id)]
        conn.execute(
            update(event_sources).where(event_sources.c.event_id == other_id).values(event_id=target_id)
        )
        extra: dict[str, Any] = {}
        carried = manual_fatalities(conn, other_id)
        if manual_fatalities(conn, target_id) is None and carried is not None:
            extra["fatalities"] = carried.value
        new_other, _ = _apply(conn, other, {"merged_into": target_id}, analyst, save_id, kind="merge")
        _sources_revision(conn, other_id, o_before, [], analyst, save_id, new_other["version"], "merge")
        result = refresh(conn, target_id, t_before, analyst, save_id, "merge")
        if extra:  # the merged event's own figure was an analyst's: it stays one (an edit revision)
            result, _ = _apply(conn, result, extra, analyst, save_id, kind="edit")
            srcs = _sources(conn, target_id)
            _, note = fatalities_from(srcs, Manual(extra["fatalities"], analyst))
            result, _ = _apply(
                conn,
                result,
                {"notes": with_figures_note(result.get("notes"), note)},
                analyst,
                save_id,
                kind="merge",
            )
    return result


def restore_sources(conn: Connection, event_id: int, ids: Sequence[int]) -> None:
    """Point the given source rows at ``event_id`` again (undo of a split or merge)."""
    if ids:
        conn.execute(
            update(event_sources).where(event_sources.c.id.in_(list(ids))).values(event_id=int(event_id))
        )


def reports_of(event_ids: Iterable[int]) -> pd.DataFrame:
    """(event_id, report_id, outlet) for the given events: which reports and outlets each rests on."""
    ids = sorted({int(i) for i in event_ids})
    out = []
    with db.read() as conn:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            out += conn.execute(
                select(event_sources.c.event_id, event_sources.c.report_id, event_sources.c.outlet).where(
                    event_sources.c.event_id.in_(chunk)
                )
            ).all()
    return pd.DataFrame.from_records([tuple(r) for r in out], columns=["event_id", "report_id", "outlet"])


__all__ = [
    "Manual",
    "Placed",
    "candidates",
    "derived",
    "fatalities_from",
    "list_sources",
    "manual_fatalities",
    "merge_events",
    "place_events",
    "refresh",
    "reports_of",
    "restore_sources",
    "source_counts",
    "split_source",
]
