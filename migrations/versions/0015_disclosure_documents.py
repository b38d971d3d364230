"""request summary for firms before acceptance; case documents

Adds `legal_requests.summary` (the short text a firm reads before it accepts) and the `documents` table of
files shared on a request (name, version, random storage key, SHA-256, size, type, who uploaded it).

Revision ID: 0015_disclosure_documents
Revises: 0014_deadlines_and_teams
Create Date: 2026-11-26 17:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0015_disclosure_documents'
down_revision = '0014_deadlines_and_teams'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('legal_requests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('summary', sa.Text(), server_default='', nullable=False))
    op.create_table(
        'documents',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('request_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=255), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('storage_key', sa.String(length=64), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('content_type', sa.String(length=100), nullable=False),
        sa.Column('side', sa.String(length=10), nullable=False),
        sa.Column('at_intake', sa.Boolean(), nullable=False),
        sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['request_id'], ['legal_requests.id'],
                                name=op.f('fk_documents_request_id_legal_requests'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['uploaded_by_id'], ['users.id'], name=op.f('fk_documents_uploaded_by_id_users'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_documents')),
        sa.UniqueConstraint('request_id', 'name', 'version', name='uq_documents_request_name_version'),
        sa.UniqueConstraint('storage_key', name=op.f('uq_documents_storage_key')),
    )
    op.create_index('ix_documents_request_created', 'documents', ['request_id', 'created_at'], unique=False)
    op.create_index(op.f('ix_documents_uploaded_by_id'), 'documents', ['uploaded_by_id'], unique=False)


def downgrade():
    op.drop_index(op.f('ix_documents_uploaded_by_id'), table_name='documents')
    op.drop_index('ix_documents_request_created', table_name='documents')
    op.drop_table('documents')
    with op.batch_alter_table('legal_requests', schema=None) as batch_op:
        batch_op.drop_column('summary')
