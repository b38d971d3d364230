"""reason codes: shortlist and offer reasons as [code, parameters] pairs, rendered in the reader's language

Revision ID: 0006_reason_codes
Revises: 0005_api
Create Date: 2026-11-24 05:05:59.260250

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006_reason_codes'
down_revision = '0005_api'
branch_labels = None
depends_on = None


def upgrade():
    # Existing rows get an empty list; their pages fall back to the stored English reasons.
    with op.batch_alter_table('matches', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reason_codes', sa.JSON(), server_default='[]', nullable=False))

    with op.batch_alter_table('offers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reason_codes', sa.JSON(), server_default='[]', nullable=False))


def downgrade():
    with op.batch_alter_table('offers', schema=None) as batch_op:
        batch_op.drop_column('reason_codes')

    with op.batch_alter_table('matches', schema=None) as batch_op:
        batch_op.drop_column('reason_codes')
