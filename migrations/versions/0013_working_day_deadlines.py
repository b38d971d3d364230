"""working-day deadlines: firms' time zone and office hours, offers' reminder time

Adds `firms.time_zone`, `firms.office_opens`, `firms.office_closes` (empty: the default of the firm's
jurisdiction and 09:00-18:00) and `offers.remind_at` (when the reminder is due, counted in working hours).
The firms columns are added and dropped without a batch rebuild, which under SQLite would drop the triggers
of the directory's name index.

Revision ID: 0013_working_day_deadlines
Revises: 0012_search_and_coverage
Create Date: 2026-11-26 17:45:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0013_working_day_deadlines'
down_revision = '0012_search_and_coverage'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('firms', sa.Column('time_zone', sa.String(length=64), nullable=True))
    op.add_column('firms', sa.Column('office_opens', sa.Time(), nullable=True))
    op.add_column('firms', sa.Column('office_closes', sa.Time(), nullable=True))
    with op.batch_alter_table('offers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('remind_at', sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table('offers', schema=None) as batch_op:
        batch_op.drop_column('remind_at')
    op.drop_column('firms', 'office_closes')
    op.drop_column('firms', 'office_opens')
    op.drop_column('firms', 'time_zone')
