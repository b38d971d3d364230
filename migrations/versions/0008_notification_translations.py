"""notification texts in every interface language

Revision ID: 0008_notification_translations
Revises: 0007_event_codes
Create Date: 2026-11-24 05:48:37.495447

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008_notification_translations'
down_revision = '0007_event_codes'
branch_labels = None
depends_on = None


def upgrade():
    # Existing notices have no translations; they keep showing the text they were sent with.
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.add_column(sa.Column('translations', sa.JSON(), server_default='{}', nullable=False))


def downgrade():
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_column('translations')
