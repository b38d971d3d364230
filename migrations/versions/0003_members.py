"""members: membership workflow

Revision ID: 0003_members
Revises: 0002_notifications
Create Date: 2026-11-24 06:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003_members'
down_revision = '0002_notifications'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
