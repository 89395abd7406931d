"""The tables, as SQLAlchemy 2.x models. Alembic's migrations create them; a test checks they agree.

Nothing is ever deleted: an event is rejected by its status, a change is a new revision row,
an analyst's place correction is a new ``places`` row.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    """Naive UTC, stored the same way by SQLite and PostgreSQL."""
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Report(Base):
    """A news report as pasted or ingested; ``sha256`` of its folded text makes it unique."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    source: Mapped[str | None] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    language: Mapped[str | None] = mapped_column(String(8))
    ingested_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    ingested_by: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    is_demo: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default=false())
    # The same outlet's earlier report this one nearly repeats (flagged for the analyst, not refused).
    near_duplicate_of: Mapped[int | None] = mapped_column(Integer)
    near_duplicate_score: Mapped[float | None] = mapped_column(Float)

    __table_args__ = (UniqueConstraint("sha256", name="uq_reports_sha256"),)


class Event(Base):
    """One ACLED-style event with its evidence span, review status and optimistic-lock version."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id", name="fk_events_report_id"))
    event_date: Mapped[date] = mapped_column(Date, nullable=False)
    date_min: Mapped[date | None] = mapped_column(Date)
    date_max: Mapped[date | None] = mapped_column(Date)
    time_precision: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    disorder_type: Mapped[str | None] = mapped_column(String(100))
    event_type: Mapped[str] = mapped_column(String(100), nullable=False)
    sub_event_type: Mapped[str] = mapped_column(String(100), nullable=False)
    actor1: Mapped[str | None] = mapped_column(String(300))
    assoc_actor_1: Mapped[str | None] = mapped_column(String(500))
    inter1: Mapped[str | None] = mapped_column(String(100))
    actor2: Mapped[str | None] = mapped_column(String(300))
    assoc_actor_2: Mapped[str | None] = mapped_column(String(500))
    inter2: Mapped[str | None] = mapped_column(String(100))
    interaction: Mapped[str | None] = mapped_column(String(200))
    civilian_targeting: Mapped[str | None] = mapped_column(String(100))
    admin1: Mapped[str | None] = mapped_column(String(200))
    admin2: Mapped[str | None] = mapped_column(String(200))
    admin3: Mapped[str | None] = mapped_column(String(200))
    location: Mapped[str | None] = mapped_column(String(300))
    location_ar: Mapped[str | None] = mapped_column(String(300))
    place_id: Mapped[str | None] = mapped_column(String(100))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    source: Mapped[str | None] = mapped_column(String(300))
    source_scale: Mapped[str | None] = mapped_column(String(100))
    notes: Mapped[str | None] = mapped_column(Text)
    fatalities: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    tags: Mapped[str | None] = mapped_column(Text)
    background: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default=false())
    confidence: Mapped[float | None] = mapped_column(Float)
    evidence_start: Mapped[int | None] = mapped_column(Integer)
    evidence_end: Mapped[int | None] = mapped_column(Integer)
    evidence_text: Mapped[str | None] = mapped_column(Text)
    extra: Mapped[str | None] = mapped_column(Text)  # JSON of Event.extra
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="extracted")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    is_demo: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default=false())
    # Set when an analyst merged this event into another: it is then left out of every view and count.
    merged_into: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (
        Index("ix_events_event_date", "event_date"),
        Index("ix_events_event_type", "event_type"),
        Index("ix_events_admin1", "admin1"),
        Index("ix_events_status", "status"),
        Index("ix_events_report_id", "report_id"),
        Index("ix_events_type_date", "event_type", "event_date"),  # corroboration's candidate search
    )


class EventRevision(Base):
    """One changed field of one event; ``save_id`` groups the rows of one save (the unit of undo)."""

    __tablename__ = "event_revisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", name="fk_event_revisions_event_id"), nullable=False
    )
    field: Mapped[str] = mapped_column(String(100), nullable=False)
    old_value: Mapped[str | None] = mapped_column(Text)  # JSON
    new_value: Mapped[str | None] = mapped_column(Text)  # JSON
    analyst: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    save_id: Mapped[str] = mapped_column(String(32), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)  # the event's version after this save
    undo_of: Mapped[str | None] = mapped_column(String(32))  # the save this one undid
    # edit (an analyst's value), corroboration (a new source), split, merge, undo
    kind: Mapped[str] = mapped_column(String(20), nullable=False, default="edit", server_default="edit")

    __table_args__ = (
        Index("ix_event_revisions_event_id", "event_id"),
        Index("ix_event_revisions_analyst_save", "analyst", "save_id"),
    )


class EventSource(Base):
    """One report telling of an event: its outlet, evidence span and the figures as that report gave them.

    ``fields`` is the event as extracted from this report (JSON), so a source split off by an analyst
    becomes the event its own report described. ``attached`` says how the row came: created (the report
    the event was read from), matched (a later report corroborating it), hand, migrated.
    """

    __tablename__ = "event_sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", name="fk_event_sources_event_id"), nullable=False
    )
    report_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id", name="fk_event_sources_report_id"))
    outlet: Mapped[str | None] = mapped_column(String(200))
    published: Mapped[date | None] = mapped_column(Date)
    event_date: Mapped[date | None] = mapped_column(Date)
    fatalities: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    toll_update: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default=false())
    evidence_start: Mapped[int | None] = mapped_column(Integer)
    evidence_end: Mapped[int | None] = mapped_column(Integer)
    evidence_text: Mapped[str | None] = mapped_column(Text)
    fields: Mapped[str | None] = mapped_column(Text)  # JSON
    attached: Mapped[str] = mapped_column(String(20), nullable=False)
    reason: Mapped[str | None] = mapped_column(Text)  # why the matching rule took it for the same event
    added_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    added_by: Mapped[str] = mapped_column(String(200), nullable=False, default="")

    __table_args__ = (
        Index("ix_event_sources_event_id", "event_id"),
        Index("ix_event_sources_report_id", "report_id"),
    )


class Place(Base):
    """A gazetteer entry an analyst added or corrected, in the gazetteer CSV's shape."""

    __tablename__ = "places"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    name_en: Mapped[str | None] = mapped_column(String(300))
    name_ar: Mapped[str] = mapped_column(String(300), nullable=False)
    aliases_ar: Mapped[str | None] = mapped_column(Text)
    aliases_en: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(50), nullable=False)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    located_by: Mapped[str | None] = mapped_column(String(200))
    parent_id: Mapped[str | None] = mapped_column(String(100))
    admin1: Mapped[str | None] = mapped_column(String(200))
    admin2: Mapped[str | None] = mapped_column(String(200))
    admin3: Mapped[str | None] = mapped_column(String(200))
    admin1_pcode: Mapped[str | None] = mapped_column(String(20))
    admin2_pcode: Mapped[str | None] = mapped_column(String(20))
    admin3_pcode: Mapped[str | None] = mapped_column(String(20))
    population: Mapped[int | None] = mapped_column(Integer)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    alias_of: Mapped[str | None] = mapped_column(String(100))
    added_by: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    added_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)


class DataVersion(Base):
    """One row whose ``version`` every write transaction increments: the key of every cached read."""

    __tablename__ = "data_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)


reports = Report.__table__
events = Event.__table__
event_revisions = EventRevision.__table__
event_sources = EventSource.__table__
places = Place.__table__
