"""firm search names and coverage lists; trigram index on PostgreSQL

Adds the derived columns `search_name` (normalised Latin and local names, searched by the directory) and
`jurisdiction_list`, `practice_area_list`, `language_list` (",CN,HK,", read by matching), fills them for
existing firms, indexes (status, search_name, id) for the directory's pages by name, and on PostgreSQL creates the pg_trgm extension and a GIN trigram index over `search_name`.
Where the extension cannot be created (no privilege, not installed), the migration says so and carries on:
the directory then prefilters with plain substring tests, which is slower but gives the same results. On
SQLite it creates an FTS5 table with the trigram tokenizer over `search_name` (`firm_names`, kept in step
by triggers) where the SQLite build has that tokenizer.

Revision ID: 0012_search_and_coverage
Revises: 0011_account_security
Create Date: 2026-11-26 14:30:00

"""
import re
import unicodedata

from alembic import op
import sqlalchemy as sa


revision = '0012_search_and_coverage'
down_revision = '0011_account_security'
branch_labels = None
depends_on = None

COVERAGE = (('firm_jurisdictions', 'jurisdiction_list'), ('firm_practice_areas', 'practice_area_list'),
            ('firm_languages', 'language_list'))


def _normalise(text):
    # The same folding as legalnet.firms.derived.normalise_name, frozen here as of this revision.
    text = unicodedata.normalize('NFKC', text or '').casefold().replace('&', ' and ').replace('＆', ' and ')
    text = ''.join(ch for ch in unicodedata.normalize('NFD', text) if not unicodedata.combining(ch))
    return ' '.join(re.sub(r'[^\w]+', ' ', text).split())


def _backfill(conn):
    firms = sa.table('firms', sa.column('id', sa.Integer), sa.column('name', sa.String),
                     sa.column('local_name', sa.String), sa.column('search_name', sa.String),
                     *(sa.column(column, sa.String) for _table, column in COVERAGE))
    codes = {}
    for table, column in COVERAGE:
        rows = conn.execute(sa.text(f'SELECT firm_id, code FROM {table}'))
        for firm_id, code in rows:
            codes.setdefault(firm_id, {}).setdefault(column, set()).add(code)
    updates = []
    for firm_id, name, local_name in conn.execute(sa.text('SELECT id, name, local_name FROM firms')).all():
        values = {'fid': firm_id, 'search_name': ' | '.join(
            n for n in (_normalise(name), _normalise(local_name)) if n)[:500]}
        for _table, column in COVERAGE:
            found = sorted(codes.get(firm_id, {}).get(column, ()))
            values[column] = f",{','.join(found)}," if found else ''
        updates.append(values)
    if updates:
        conn.execute(
            firms.update().where(firms.c.id == sa.bindparam('fid')).values(
                search_name=sa.bindparam('search_name'),
                **{column: sa.bindparam(column) for _table, column in COVERAGE}),
            updates)


def _create_trigram_index(conn):
    try:
        with conn.begin_nested():
            conn.execute(sa.text('CREATE EXTENSION IF NOT EXISTS pg_trgm'))
    except sa.exc.DBAPIError as error:
        print('legalnet: could not create the pg_trgm extension '
              f'({str(error.orig).strip().splitlines()[0]}); the directory search works without its trigram '
              'index but slows down with many firms. Ask a database superuser to run '
              '"CREATE EXTENSION pg_trgm" and then "flask db downgrade 0008_notification_translations" '
              'followed by "flask db upgrade" to add the index.')
        return
    op.create_index('ix_firms_search_name_trgm', 'firms', ['search_name'], unique=False,
                    postgresql_using='gin', postgresql_ops={'search_name': 'gin_trgm_ops'})


# The same statements as legalnet.firms.models.SQLITE_NAME_INDEX, frozen here as of this revision.
SQLITE_NAME_INDEX = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS firm_names USING fts5(search_name, content='firms', content_rowid='id', "
    "tokenize='trigram')",
    "CREATE TRIGGER IF NOT EXISTS firm_names_insert AFTER INSERT ON firms BEGIN "
    "INSERT INTO firm_names(rowid, search_name) VALUES (new.id, new.search_name); END",
    "CREATE TRIGGER IF NOT EXISTS firm_names_delete AFTER DELETE ON firms BEGIN "
    "INSERT INTO firm_names(firm_names, rowid, search_name) VALUES ('delete', old.id, old.search_name); END",
    "CREATE TRIGGER IF NOT EXISTS firm_names_update AFTER UPDATE OF search_name ON firms BEGIN "
    "INSERT INTO firm_names(firm_names, rowid, search_name) VALUES ('delete', old.id, old.search_name); "
    "INSERT INTO firm_names(rowid, search_name) VALUES (new.id, new.search_name); END",
    "INSERT INTO firm_names(firm_names) VALUES ('rebuild')",
)


def _create_sqlite_name_index(conn):
    try:
        with conn.begin_nested():
            for statement in SQLITE_NAME_INDEX:
                conn.exec_driver_sql(statement)
    except sa.exc.OperationalError as error:
        print(f'legalnet: this SQLite has no FTS5 trigram tokenizer ({error.orig}); the directory search works '
              'without the index but slows down with many firms.')


def upgrade():
    with op.batch_alter_table('firms', schema=None) as batch_op:
        batch_op.add_column(sa.Column('search_name', sa.String(length=500), server_default='', nullable=False))
        batch_op.add_column(sa.Column('jurisdiction_list', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('practice_area_list', sa.String(length=1200), server_default='',
                                      nullable=False))
        batch_op.add_column(sa.Column('language_list', sa.String(length=200), server_default='', nullable=False))
    conn = op.get_bind()
    _backfill(conn)
    op.create_index('ix_firms_status_search_name', 'firms', ['status', 'search_name', 'id'], unique=False)
    if conn.dialect.name == 'postgresql':
        _create_trigram_index(conn)
    elif conn.dialect.name == 'sqlite':
        _create_sqlite_name_index(conn)


def downgrade():
    conn = op.get_bind()
    if conn.dialect.name == 'postgresql':
        op.execute('DROP INDEX IF EXISTS ix_firms_search_name_trgm')
    op.drop_index('ix_firms_status_search_name', table_name='firms')
    if conn.dialect.name == 'sqlite':
        for trigger in ('firm_names_insert', 'firm_names_delete', 'firm_names_update'):
            op.execute(f'DROP TRIGGER IF EXISTS {trigger}')
        op.execute('DROP TABLE IF EXISTS firm_names')
    with op.batch_alter_table('firms', schema=None) as batch_op:
        batch_op.drop_column('language_list')
        batch_op.drop_column('practice_area_list')
        batch_op.drop_column('jurisdiction_list')
        batch_op.drop_column('search_name')
