"""fee quotes, and the final fee recorded at closing

Adds the `quotes` table (one row per offer in quote mode, empty until the firm answers) and the optional
`final_fee` / `final_fee_currency` of a closed case on `legal_requests`.

Revision ID: 0013_quotes
Revises: 0012_search_and_coverage
Create Date: 2026-11-26 17:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0013_quotes'
down_revision = '0012_search_and_coverage'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'quotes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('offer_id', sa.Integer(), nullable=False),
        sa.Column('request_id', sa.Integer(), nullable=False),
        sa.Column('firm_id', sa.Integer(), nullable=False),
        sa.Column('requested_at', sa.DateTime(), nullable=False),
        sa.Column('requested_by_id', sa.Integer(), nullable=True),
        sa.Column('fee_basis', sa.Enum('fixed', 'hourly', 'capped', 'success', name='feebasis',
                                       native_enum=False, length=20), nullable=True),
        sa.Column('currency', sa.String(length=3), nullable=False),
        sa.Column('amount_low', sa.BigInteger(), nullable=True),
        sa.Column('amount_high', sa.BigInteger(), nullable=True),
        sa.Column('hourly_rate', sa.BigInteger(), nullable=True),
        sa.Column('success_percent', sa.Integer(), nullable=True),
        sa.Column('estimated_hours', sa.Integer(), nullable=True),
        sa.Column('scope', sa.Text(), nullable=False),
        sa.Column('exclusions', sa.Text(), nullable=False),
        sa.Column('valid_until', sa.Date(), nullable=True),
        sa.Column('submitted_at', sa.DateTime(), nullable=True),
        sa.Column('submitted_by_id', sa.Integer(), nullable=True),
        sa.Column('accepted_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['firm_id'], ['firms.id'], name=op.f('fk_quotes_firm_id_firms')),
        sa.ForeignKeyConstraint(['offer_id'], ['offers.id'], name=op.f('fk_quotes_offer_id_offers'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['request_id'], ['legal_requests.id'],
                                name=op.f('fk_quotes_request_id_legal_requests'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['requested_by_id'], ['users.id'], name=op.f('fk_quotes_requested_by_id_users'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['submitted_by_id'], ['users.id'], name=op.f('fk_quotes_submitted_by_id_users'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_quotes')),
        sa.UniqueConstraint('offer_id', name=op.f('uq_quotes_offer_id')),
    )
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quotes_firm_id'), ['firm_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotes_request_id'), ['request_id'], unique=False)

    with op.batch_alter_table('legal_requests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('final_fee', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('final_fee_currency', sa.String(length=3), server_default='', nullable=False))


def downgrade():
    with op.batch_alter_table('legal_requests', schema=None) as batch_op:
        batch_op.drop_column('final_fee_currency')
        batch_op.drop_column('final_fee')

    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quotes_request_id'))
        batch_op.drop_index(batch_op.f('ix_quotes_firm_id'))

    op.drop_table('quotes')
