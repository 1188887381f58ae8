"""On PostgreSQL, a trigger refuses any UPDATE or DELETE of an approved revision, so that even raw
SQL cannot alter what a chair approved. (The model and its queryset refuse it on every database.)"""
from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION reports_refuse_approved_revision_change() RETURNS trigger AS $$
BEGIN
    IF OLD.state = 'approved' THEN
        RAISE EXCEPTION 'approved revision % is frozen', OLD.id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER reports_revision_frozen
    BEFORE UPDATE OR DELETE ON reports_revision
    FOR EACH ROW EXECUTE FUNCTION reports_refuse_approved_revision_change();
"""

DROP = """
DROP TRIGGER IF EXISTS reports_revision_frozen ON reports_revision;
DROP FUNCTION IF EXISTS reports_refuse_approved_revision_change();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)  # the % in RAISE is not a parameter


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("reports", "0005_audit")]
    operations = [migrations.RunPython(forwards, backwards)]
