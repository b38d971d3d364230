"""content versions: counters of committed writes to published content

Adds `content_versions` (name, version) with the row of the public directory. Every transaction that writes
to the firms, their coverage, offices, lawyers or the taught aliases adds one to it; cached directory pages
and profiles are kept under its value.

Revision ID: 0016_content_versions
Revises: 0015_disclosure_documents
Create Date: 2026-11-27 02:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0016_content_versions'
down_revision = '0015_disclosure_documents'
branch_labels = None
depends_on = None


def upgrade():
    versions = op.create_table(
        'content_versions',
        sa.Column('name', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('name', name=op.f('pk_content_versions')),
    )
    op.bulk_insert(versions, [{'name': 'directory', 'version': 0}])


def downgrade():
    op.drop_table('content_versions')
