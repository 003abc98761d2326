"""An index on the start of company names, for searches shorter than a trigram.

Searching two letters ("zz") cannot use the trigram indexes (migration 0005): it read every
company (~0.7 s at 100,000 on PostgreSQL). Such a search now finds the names that begin with
the text (`CompanyQuerySet.search`), which Django writes `UPPER(name) LIKE UPPER('zz%')` on
PostgreSQL (a btree with text_pattern_ops serves a LIKE prefix whatever the collation) and
`name LIKE 'zz%'` on SQLite (its LIKE ignores ASCII case, so the index must be NOCASE).
Like 0005's, SQLite loses this index if a later migration rebuilds the company table;
`tests/pages/test_browse_indexes.py` checks it is read.
"""

from django.db import migrations

UP = {
    "postgresql": "CREATE INDEX company_name_prefix ON policies_company (UPPER(name) text_pattern_ops)",
    "sqlite": "CREATE INDEX company_name_prefix ON policies_company (name COLLATE NOCASE)",
}


def up(apps, schema_editor):
    if sql := UP.get(schema_editor.connection.vendor):
        schema_editor.execute(sql)


def down(apps, schema_editor):
    if schema_editor.connection.vendor in UP:
        schema_editor.execute("DROP INDEX IF EXISTS company_name_prefix")


class Migration(migrations.Migration):
    dependencies = [("policies", "0011_browse_covering_indexes")]
    operations = [migrations.RunPython(up, down)]
