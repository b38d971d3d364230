"""event codes: timeline events keep their parameters, rendered in the reader's language

Revision ID: 0007_event_codes
Revises: 0006_reason_codes
Create Date: 2026-11-26 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007_event_codes'
down_revision = '0006_reason_codes'
branch_labels = None
depends_on = None


def upgrade():
    # Existing rows get empty parameters; the timeline shows their stored text, as before.
    with op.batch_alter_table('case_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('params', sa.JSON(), server_default='{}', nullable=False))


def downgrade():
    with op.batch_alter_table('case_events', schema=None) as batch_op:
        batch_op.drop_column('params')
