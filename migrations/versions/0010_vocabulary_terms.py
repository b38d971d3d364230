"""unresolved terms of requests, aliases staff taught, parties found in a request's text

Revision ID: 0010_vocabulary_terms
Revises: 0009_operations_privacy
Create Date: 2026-11-26 14:23:32.507359

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010_vocabulary_terms'
down_revision = '0009_operations_privacy'
branch_labels = None
depends_on = None


def upgrade():
    # Requests submitted before named no parties found in their text.
    with op.batch_alter_table('legal_requests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('found_counterparties', sa.JSON(), server_default='[]', nullable=False))
    # Requests submitted before keep their unresolved texts on the request; the page lists terms from now on.
    op.create_table('taught_aliases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('alias', sa.String(length=200), nullable=False),
    sa.Column('normalized', sa.String(length=200), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('removed_by_id', sa.Integer(), nullable=True),
    sa.Column('removed_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_taught_aliases_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['removed_by_id'], ['users.id'], name=op.f('fk_taught_aliases_removed_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_taught_aliases'))
    )
    with op.batch_alter_table('taught_aliases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_taught_aliases_normalized'), ['normalized'], unique=False)

    op.create_table('unresolved_terms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('text', sa.String(length=200), nullable=False),
    sa.Column('normalized', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['legal_requests.id'], name=op.f('fk_unresolved_terms_request_id_legal_requests'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unresolved_terms'))
    )
    with op.batch_alter_table('unresolved_terms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unresolved_terms_created_at'), ['created_at'], unique=False)
        batch_op.create_index('ix_unresolved_terms_kind_normalized', ['kind', 'normalized'], unique=False)
        batch_op.create_index(batch_op.f('ix_unresolved_terms_request_id'), ['request_id'], unique=False)



def downgrade():
    with op.batch_alter_table('legal_requests', schema=None) as batch_op:
        batch_op.drop_column('found_counterparties')
    with op.batch_alter_table('unresolved_terms', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unresolved_terms_request_id'))
        batch_op.drop_index('ix_unresolved_terms_kind_normalized')
        batch_op.drop_index(batch_op.f('ix_unresolved_terms_created_at'))

    op.drop_table('unresolved_terms')
    with op.batch_alter_table('taught_aliases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_taught_aliases_normalized'))

    op.drop_table('taught_aliases')
