"""working-day deadlines and team referrals

Adds `firms.time_zone`, `firms.office_opens`, `firms.office_closes` (empty: the default of the firm's
jurisdiction and 09:00-18:00) and `offers.remind_at` (when the reminder is due, counted in working hours).
Team referrals: `offers.jurisdiction` (the part of a team referral, empty for a single-firm offer),
`offers.lead` and `offers.part_closed_at`; the unique index of accepted offers becomes one per request and
jurisdiction, which for single-firm offers is still one per request.
The firms columns are added and dropped without a batch rebuild, which under SQLite would drop the triggers
of the directory's name index.

Revision ID: 0014_deadlines_and_teams
Revises: 0013_quotes
Create Date: 2026-11-26 17:45:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0014_deadlines_and_teams'
down_revision = '0013_quotes'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('firms', sa.Column('time_zone', sa.String(length=64), nullable=True))
    op.add_column('firms', sa.Column('office_opens', sa.Time(), nullable=True))
    op.add_column('firms', sa.Column('office_closes', sa.Time(), nullable=True))
    with op.batch_alter_table('offers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('remind_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('jurisdiction', sa.String(length=8), server_default='', nullable=False))
        batch_op.add_column(sa.Column('lead', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('part_closed_at', sa.DateTime(), nullable=True))
        batch_op.drop_index('uq_offers_one_accepted_per_request', sqlite_where=sa.text("status = 'accepted'"),
                            postgresql_where=sa.text("status = 'accepted'"))
        batch_op.create_index('uq_offers_one_accepted_per_part', ['request_id', 'jurisdiction'], unique=True,
                              sqlite_where=sa.text("status = 'accepted'"),
                              postgresql_where=sa.text("status = 'accepted'"))


def downgrade():
    with op.batch_alter_table('offers', schema=None) as batch_op:
        batch_op.drop_index('uq_offers_one_accepted_per_part', sqlite_where=sa.text("status = 'accepted'"),
                            postgresql_where=sa.text("status = 'accepted'"))
        batch_op.create_index('uq_offers_one_accepted_per_request', ['request_id'], unique=True,
                              sqlite_where=sa.text("status = 'accepted'"),
                              postgresql_where=sa.text("status = 'accepted'"))
        batch_op.drop_column('part_closed_at')
        batch_op.drop_column('lead')
        batch_op.drop_column('jurisdiction')
        batch_op.drop_column('remind_at')
    op.drop_column('firms', 'office_closes')
    op.drop_column('firms', 'office_opens')
    op.drop_column('firms', 'time_zone')
