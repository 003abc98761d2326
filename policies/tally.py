"""The triggers that keep `CompanyTally` exact, and its rebuild from the company table.

Each public company (one with a current version) counts once, in the tally row of its filter
values; the triggers move it between rows when a company is added, deleted, made public or
hidden, or when a filtered column changes. Triggers, not Python, so bulk updates
(`refresh_current`, `seed_bench`) and raw SQL keep the tally exact too.

SQLite drops a table's triggers when a migration rebuilds the table (any AlterField on the company
table does): `tests/policies/test_tally.py` checks, on the migrated test database, that the tally
follows every kind of change, so such a migration fails the suite until it runs `SQLITE_UP` again.
"""

from __future__ import annotations

TALLY = "policies_companytally"
KEY = "sells, ads, deletion, gpc, sector, grade"
PUBLIC_COLUMNS = "current_version_id, badge_sells, badge_ads, badge_deletion, badge_gpc, sector, grade"


def _flag(column: str) -> str:
    return f"CASE WHEN {column} IS NULL THEN -1 WHEN {column} THEN 1 ELSE 0 END"


def key_values(row: str) -> list[str]:
    """The tally key of a company row (`NEW`, `OLD` or the table's alias), in `KEY`'s order."""
    return [
        f"COALESCE({row}.badge_sells, '')",
        _flag(f"{row}.badge_ads"),
        _flag(f"{row}.badge_deletion"),
        _flag(f"{row}.badge_gpc"),
        f"{row}.sector",
        f"COALESCE({row}.grade, '')",
    ]


def key_matches(row: str) -> str:
    names = [name.strip() for name in KEY.split(",")]
    return " AND ".join(f"{name} = {value}" for name, value in zip(names, key_values(row), strict=True))


# The SQL below is built from this module's fixed names only (no input reaches it): hence the noqa.


def _add(row: str) -> str:
    values = ", ".join(key_values(row))
    return (
        f"INSERT INTO {TALLY} ({KEY}, n) SELECT {values}, 1 WHERE {row}.current_version_id IS NOT NULL"
        f" ON CONFLICT ({KEY}) DO UPDATE SET n = {TALLY}.n + 1"
    )


def _remove(row: str) -> str:
    return f"UPDATE {TALLY} SET n = n - 1 WHERE {row}.current_version_id IS NOT NULL AND {key_matches(row)}"  # noqa: S608


FILTERED = [column for column in PUBLIC_COLUMNS.split(", ") if column != "current_version_id"]
_CHANGED = " OR ".join(
    ["(OLD.current_version_id IS NULL) IS NOT (NEW.current_version_id IS NULL)"]
    + [f"OLD.{c} IS NOT NEW.{c}" for c in FILTERED]
)
_OLD_ROW = ", ".join(f"OLD.{c}" for c in FILTERED)
_NEW_ROW = ", ".join(f"NEW.{c}" for c in FILTERED)

SQLITE_UP = [
    f"CREATE TRIGGER company_tally_insert AFTER INSERT ON policies_company BEGIN {_add('NEW')}; END",
    f"CREATE TRIGGER company_tally_delete AFTER DELETE ON policies_company BEGIN {_remove('OLD')}; END",
    f"CREATE TRIGGER company_tally_update AFTER UPDATE OF {PUBLIC_COLUMNS} ON policies_company WHEN {_CHANGED}"
    f" BEGIN {_remove('OLD')}; {_add('NEW')}; END",
]
SQLITE_DOWN = [f"DROP TRIGGER IF EXISTS company_tally_{event}" for event in ("insert", "delete", "update")]

POSTGRES_UP = [
    f"""CREATE FUNCTION company_tally() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND (OLD.current_version_id IS NULL) = (NEW.current_version_id IS NULL)
     AND ROW({_OLD_ROW}) IS NOT DISTINCT FROM ROW({_NEW_ROW})
  THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    {_remove("OLD")};
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    {_add("NEW")};
  END IF;
  RETURN NULL;
END $$""",
    f"CREATE TRIGGER company_tally AFTER INSERT OR DELETE OR UPDATE OF {PUBLIC_COLUMNS} ON policies_company"
    " FOR EACH ROW EXECUTE FUNCTION company_tally()",
]
POSTGRES_DOWN = ["DROP TRIGGER IF EXISTS company_tally ON policies_company", "DROP FUNCTION IF EXISTS company_tally()"]

REBUILD = [
    f"DELETE FROM {TALLY}",  # noqa: S608
    f"INSERT INTO {TALLY} ({KEY}, n) SELECT {', '.join(key_values('c'))}, COUNT(*) FROM policies_company c"  # noqa: S608
    " WHERE c.current_version_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6",
]


def install(schema_editor) -> None:
    """Create the triggers (SQLite or PostgreSQL) and fill the tally from the companies there are."""
    vendor = schema_editor.connection.vendor
    for sql in {"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}.get(vendor, []) + REBUILD:
        schema_editor.execute(sql, params=None)


def uninstall(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    for sql in {"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}.get(vendor, []):
        schema_editor.execute(sql, params=None)
