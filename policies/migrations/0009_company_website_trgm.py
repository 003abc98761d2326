"""A trigram index on the upper-cased website, the one searched column without one.

Search is one OR over name, aliases, website and slug (`icontains`, which PostgreSQL runs as
`UPPER(col) LIKE UPPER(%s)`), full-text words and name similarity. PostgreSQL can combine indexes
for an OR (a BitmapOr) only when every branch has one; with `website` bare, every search read the
whole table (at 100,000 companies about 0.6 s for the count and again for the page). SQLite's
search is its FTS5 table (migration 0005), which already holds the website.
"""

from django.db import migrations

UP = "CREATE INDEX company_website_trgm ON policies_company USING gin (UPPER(website) gin_trgm_ops)"
DOWN = "DROP INDEX IF EXISTS company_website_trgm"


def up(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(UP)


def down(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DOWN)


class Migration(migrations.Migration):
    dependencies = [("policies", "0008_company_browse_nulls_last")]
    operations = [migrations.RunPython(up, down)]
