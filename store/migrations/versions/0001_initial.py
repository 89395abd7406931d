"""Initial tables: reports, events, event_revisions, places.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("source", sa.String(200)),
        sa.Column("url", sa.Text()),
        sa.Column("published", sa.Date()),
        sa.Column("language", sa.String(8)),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
        sa.Column("ingested_by", sa.String(200), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.UniqueConstraint("sha256", name="uq_reports_sha256"),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("report_id", sa.Integer(), sa.ForeignKey("reports.id", name="fk_events_report_id")),
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("date_min", sa.Date()),
        sa.Column("date_max", sa.Date()),
        sa.Column("time_precision", sa.Integer(), nullable=False),
        sa.Column("disorder_type", sa.String(100)),
        sa.Column("event_type", sa.String(100), nullable=False),
        sa.Column("sub_event_type", sa.String(100), nullable=False),
        sa.Column("actor1", sa.String(300)),
        sa.Column("assoc_actor_1", sa.String(500)),
        sa.Column("inter1", sa.String(100)),
        sa.Column("actor2", sa.String(300)),
        sa.Column("assoc_actor_2", sa.String(500)),
        sa.Column("inter2", sa.String(100)),
        sa.Column("interaction", sa.String(200)),
        sa.Column("civilian_targeting", sa.String(100)),
        sa.Column("admin1", sa.String(200)),
        sa.Column("admin2", sa.String(200)),
        sa.Column("admin3", sa.String(200)),
        sa.Column("location", sa.String(300)),
        sa.Column("location_ar", sa.String(300)),
        sa.Column("place_id", sa.String(100)),
        sa.Column("latitude", sa.Float()),
        sa.Column("longitude", sa.Float()),
        sa.Column("geo_precision", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(300)),
        sa.Column("source_scale", sa.String(100)),
        sa.Column("notes", sa.Text()),
        sa.Column("fatalities", sa.Integer(), nullable=False),
        sa.Column("tags", sa.Text()),
        sa.Column("background", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("confidence", sa.Float()),
        sa.Column("evidence_start", sa.Integer()),
        sa.Column("evidence_end", sa.Integer()),
        sa.Column("evidence_text", sa.Text()),
        sa.Column("extra", sa.Text()),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_events_event_date", "events", ["event_date"])
    op.create_index("ix_events_event_type", "events", ["event_type"])
    op.create_index("ix_events_admin1", "events", ["admin1"])
    op.create_index("ix_events_status", "events", ["status"])
    op.create_index("ix_events_report_id", "events", ["report_id"])
    op.create_table(
        "event_revisions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("event_id", sa.Integer(), sa.ForeignKey("events.id", name="fk_event_revisions_event_id"), nullable=False),
        sa.Column("field", sa.String(100), nullable=False),
        sa.Column("old_value", sa.Text()),
        sa.Column("new_value", sa.Text()),
        sa.Column("analyst", sa.String(200), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("save_id", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("undo_of", sa.String(32)),
    )
    op.create_index("ix_event_revisions_event_id", "event_revisions", ["event_id"])
    op.create_index("ix_event_revisions_analyst_save", "event_revisions", ["analyst", "save_id"])
    op.create_table(
        "places",
        sa.Column("id", sa.String(100), primary_key=True),
        sa.Column("name_en", sa.String(300)),
        sa.Column("name_ar", sa.String(300), nullable=False),
        sa.Column("aliases_ar", sa.Text()),
        sa.Column("aliases_en", sa.Text()),
        sa.Column("kind", sa.String(50), nullable=False),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("located_by", sa.String(200)),
        sa.Column("parent_id", sa.String(100)),
        sa.Column("admin1", sa.String(200)),
        sa.Column("admin2", sa.String(200)),
        sa.Column("admin3", sa.String(200)),
        sa.Column("admin1_pcode", sa.String(20)),
        sa.Column("admin2_pcode", sa.String(20)),
        sa.Column("admin3_pcode", sa.String(20)),
        sa.Column("population", sa.Integer()),
        sa.Column("geo_precision", sa.Integer()),
        sa.Column("source", sa.Text()),
        sa.Column("note", sa.Text()),
        sa.Column("alias_of", sa.String(100)),
        sa.Column("added_by", sa.String(200), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("places")
    op.drop_table("event_revisions")
    op.drop_table("events")
    op.drop_table("reports")
