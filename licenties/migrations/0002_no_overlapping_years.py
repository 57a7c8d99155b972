"""A library never has two licence years that overlap, enforced by the database itself:
an exclusion constraint on PostgreSQL, two triggers on SQLite. Ended licences don't count."""

from django.db import migrations

PG_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    """ALTER TABLE licenties_licentie ADD CONSTRAINT licentie_no_overlap
       EXCLUDE USING gist (bibliotheek_id WITH =, daterange(begindatum, einddatum, '[]') WITH &&)
       WHERE (status <> 'beeindigd')""",
]
PG_BACKWARD = ["ALTER TABLE licenties_licentie DROP CONSTRAINT IF EXISTS licentie_no_overlap"]

SQLITE_CHECK = """
    SELECT RAISE(ABORT, 'licentie_no_overlap')
    WHERE NEW.status <> 'beeindigd' AND EXISTS (
        SELECT 1 FROM licenties_licentie AS other
        WHERE other.bibliotheek_id = NEW.bibliotheek_id
          AND other.id <> NEW.id
          AND other.status <> 'beeindigd'
          AND other.begindatum <= NEW.einddatum
          AND other.einddatum >= NEW.begindatum
    );
"""
SQLITE_FORWARD = [
    f"CREATE TRIGGER licentie_no_overlap_insert BEFORE INSERT ON licenties_licentie "
    f"BEGIN {SQLITE_CHECK} END",
    f"CREATE TRIGGER licentie_no_overlap_update BEFORE UPDATE ON licenties_licentie "
    f"BEGIN {SQLITE_CHECK} END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS licentie_no_overlap_insert",
    "DROP TRIGGER IF EXISTS licentie_no_overlap_update",
]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("licenties", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}),
            run({"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        )
    ]
