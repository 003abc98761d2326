"""Indexed search over company names, aliases, slugs and websites.

SQLite: an FTS5 table with the trigram tokenizer (substring matching, like the `icontains`
search it replaces, but indexed), kept in sync with the company table by triggers, so bulk
inserts and raw SQL stay searchable too.
PostgreSQL: pg_trgm GIN indexes (indexed `icontains` and typo-tolerant word similarity) and a
full-text GIN index over the same columns. Other databases get neither and search by scanning.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

COLUMNS = "name, aliases, slug, website"
SQLITE_UP = [
    f"CREATE VIRTUAL TABLE company_search USING fts5({COLUMNS},"
    " content='policies_company', content_rowid='id', tokenize='trigram')",
    f"CREATE TRIGGER company_search_insert AFTER INSERT ON policies_company BEGIN"
    f" INSERT INTO company_search(rowid, {COLUMNS}) VALUES (new.id, new.name, new.aliases, new.slug, new.website);"
    " END",
    f"CREATE TRIGGER company_search_delete AFTER DELETE ON policies_company BEGIN"
    f" INSERT INTO company_search(company_search, rowid, {COLUMNS})"
    " VALUES ('delete', old.id, old.name, old.aliases, old.slug, old.website); END",
    f"CREATE TRIGGER company_search_update AFTER UPDATE OF {COLUMNS} ON policies_company BEGIN"
    f" INSERT INTO company_search(company_search, rowid, {COLUMNS})"
    " VALUES ('delete', old.id, old.name, old.aliases, old.slug, old.website);"
    f" INSERT INTO company_search(rowid, {COLUMNS}) VALUES (new.id, new.name, new.aliases, new.slug, new.website);"
    " END",
    "INSERT INTO company_search(company_search) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS company_search_insert",
    "DROP TRIGGER IF EXISTS company_search_delete",
    "DROP TRIGGER IF EXISTS company_search_update",
    "DROP TABLE IF EXISTS company_search",
]
# Django's icontains on PostgreSQL is UPPER(col) LIKE UPPER(%s): the trigram indexes match that shape.
POSTGRES_UP = [
    "CREATE INDEX company_name_trgm ON policies_company USING gin (UPPER(name) gin_trgm_ops)",
    "CREATE INDEX company_aliases_trgm ON policies_company USING gin (UPPER(aliases) gin_trgm_ops)",
    "CREATE INDEX company_slug_trgm ON policies_company USING gin (UPPER(slug) gin_trgm_ops)",
    "CREATE INDEX company_name_words_trgm ON policies_company USING gin (name gin_trgm_ops)",
    "CREATE INDEX company_fts ON policies_company USING gin (to_tsvector('simple',"
    " name || ' ' || aliases || ' ' || slug || ' ' || website))",
]
POSTGRES_DOWN = [
    f"DROP INDEX IF EXISTS {name}"
    for name in ("company_name_trgm", "company_aliases_trgm", "company_slug_trgm", "company_name_words_trgm", "company_fts")
]


def up(apps, schema_editor):
    for sql in {"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)


def down(apps, schema_editor):
    for sql in {"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("policies", "0004_ota_sources")]
    operations = [TrigramExtension(), migrations.RunPython(up, down)]
