"""Event sources: every report that tells of an event, with its outlet, evidence and figures.

Also ``events.merged_into`` (an event an analyst merged into another), ``event_revisions.kind`` (an
analyst's edit, or what the store did: corroboration, split, merge, undo) and the near-duplicate flag of
a report. Every existing event gets its one source row: the report it was read from.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_sources",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("event_id", sa.Integer(), sa.ForeignKey("events.id", name="fk_event_sources_event_id"), nullable=False),
        sa.Column("report_id", sa.Integer(), sa.ForeignKey("reports.id", name="fk_event_sources_report_id")),
        sa.Column("outlet", sa.String(200)),
        sa.Column("published", sa.Date()),
        sa.Column("event_date", sa.Date()),
        sa.Column("fatalities", sa.Integer(), nullable=False),
        sa.Column("toll_update", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("evidence_start", sa.Integer()),
        sa.Column("evidence_end", sa.Integer()),
        sa.Column("evidence_text", sa.Text()),
        sa.Column("fields", sa.Text()),
        sa.Column("attached", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text()),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(200), nullable=False),
    )
    op.create_index("ix_event_sources_event_id", "event_sources", ["event_id"])
    op.create_index("ix_event_sources_report_id", "event_sources", ["report_id"])
    # Plain columns, no foreign key: SQLite adds a constraint to an existing table only by copying the
    # table, and dropping the old events table would cascade into the revisions that point at it.
    op.add_column("events", sa.Column("merged_into", sa.Integer()))
    op.add_column("event_revisions", sa.Column("kind", sa.String(20), nullable=False, server_default="edit"))
    op.add_column("reports", sa.Column("near_duplicate_of", sa.Integer()))
    op.add_column("reports", sa.Column("near_duplicate_score", sa.Float()))
    op.create_index("ix_events_type_date", "events", ["event_type", "event_date"])  # corroboration's search

    events = sa.table(
        "events",
        *(sa.column(c) for c in ("id", "report_id", "source", "event_date", "fatalities", "evidence_start",
                                 "evidence_end", "evidence_text", "created_at", "created_by")),
    )
    reports = sa.table("reports", sa.column("id"), sa.column("source"), sa.column("published"))
    sources = sa.table(
        "event_sources",
        *(sa.column(c) for c in ("event_id", "report_id", "outlet", "published", "event_date", "fatalities",
                                 "toll_update", "evidence_start", "evidence_end", "evidence_text", "attached",
                                 "added_at", "added_by")),
    )
    op.execute(
        sources.insert().from_select(
            ["event_id", "report_id", "outlet", "published", "event_date", "fatalities", "toll_update",
             "evidence_start", "evidence_end", "evidence_text", "attached", "added_at", "added_by"],
            sa.select(
                events.c.id, events.c.report_id, sa.func.coalesce(reports.c.source, events.c.source),
                reports.c.published, events.c.event_date, events.c.fatalities, sa.false(),
                events.c.evidence_start, events.c.evidence_end, events.c.evidence_text,
                sa.literal("migrated"), events.c.created_at, events.c.created_by,
            )
            .select_from(events.join(reports, reports.c.id == events.c.report_id))
            .order_by(events.c.id),
        )
    )


def downgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("near_duplicate_score")
        batch.drop_column("near_duplicate_of")
    with op.batch_alter_table("event_revisions") as batch:
        batch.drop_column("kind")
    op.drop_index("ix_events_type_date", "events")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("merged_into")
    op.drop_index("ix_event_sources_report_id", "event_sources")
    op.drop_index("ix_event_sources_event_id", "event_sources")
    op.drop_table("event_sources")
