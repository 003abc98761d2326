"""A database trigger that refuses any UPDATE of a policy version.

The model and queryset already refuse edits; the trigger makes the guarantee hold for raw
SQL and future code too. Deletion is left to PROTECT on the company, since test databases
are emptied with DELETE/TRUNCATE.
"""

from django.db import migrations

SQLITE_UP = """
CREATE TRIGGER policyversion_immutable BEFORE UPDATE ON policies_policyversion
BEGIN SELECT RAISE(ABORT, 'policy versions are immutable'); END;
"""
POSTGRES_UP = """
CREATE FUNCTION policyversion_refuse_update() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION 'policy versions are immutable'; END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER policyversion_immutable BEFORE UPDATE ON policies_policyversion
FOR EACH ROW EXECUTE FUNCTION policyversion_refuse_update();
"""
DOWN = {
    "sqlite": "DROP TRIGGER IF EXISTS policyversion_immutable;",
    "postgresql": "DROP TRIGGER IF EXISTS policyversion_immutable ON policies_policyversion;"
    " DROP FUNCTION IF EXISTS policyversion_refuse_update();",
}


def up(apps, schema_editor):
    sql = {"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}.get(schema_editor.connection.vendor)
    if sql:
        schema_editor.execute(sql)


def down(apps, schema_editor):
    sql = DOWN.get(schema_editor.connection.vendor)
    if sql:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("policies", "0001_initial")]
    operations = [migrations.RunPython(up, down)]
