"""Give every already-approved annual summary the figures it was approved with.

The contributor rows of AreaFigure hold each union's figures as they stood at its latest approval,
so the newest approved revision of each annual summary takes those. A summary approved before
AreaFigure existed (no contributor rows) gets its figures computed from the records now: the
nearest to the approved values that is left. Older approved revisions, replaced by a re-approval,
are never counted again and stay empty.

On PostgreSQL a trigger refuses every UPDATE of an approved revision; it is switched off for this
fill only, inside the migration's transaction, so no other write can slip through meanwhile.
"""
from contextlib import contextmanager

from django.db import migrations

TRIGGER = "reports_revision_frozen"


@contextmanager
def frozen_revisions_writable(schema_editor):
    postgres = schema_editor.connection.vendor == "postgresql"
    if postgres:
        # ALTER TABLE refuses while deferred foreign-key checks of earlier writes in the same
        # transaction are pending: run them now.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        schema_editor.execute(f"ALTER TABLE reports_revision DISABLE TRIGGER {TRIGGER}")
    try:
        yield
    finally:
        if postgres:
            schema_editor.execute(f"ALTER TABLE reports_revision ENABLE TRIGGER {TRIGGER}")


def newest_approved_annual_summaries(Revision):
    """(revision id, branch id, year) of the newest approved revision of each annual summary."""
    seen = set()
    rows = (
        Revision.objects.filter(state="approved", report__kind="summary", report__period="year")
        .order_by("report_id", "-number").values_list("report_id", "pk", "report__branch_id", "report__year")
    )
    for report_id, pk, branch_id, year in rows:
        if report_id not in seen:
            seen.add(report_id)
            yield pk, branch_id, year


# AreaFigure's columns at this point of the history (0014 turns them into named measures).
COLUMNS = ("count", "quantity", "extra", "cash", "goods")


def figures_at_approval(AreaFigure, branch_id, year):
    rows = AreaFigure.objects.filter(contributor_id=branch_id, year=year).order_by("metric", "key")
    if rows:
        return [
            {"metric": r.metric, "key": r.key,
             **{f: f"{getattr(r, f):.2f}" if f in ("cash", "goods") else getattr(r, f) for f in COLUMNS}}
            for r in rows
        ]
    from reports.federation import rollup

    # The current models and code, not the historical ones: this runs only on databases that
    # already hold approved summaries, whose record tables are as figures_by_branch reads them.
    # The figures come out in the current form, which 0014 leaves as they are.
    return rollup.freeze(rollup.figures_by_branch([branch_id], year).get(branch_id, {}))


def fill(apps, schema_editor):
    Revision = apps.get_model("reports", "Revision")
    AreaFigure = apps.get_model("reports", "AreaFigure")
    pending = list(newest_approved_annual_summaries(Revision))
    if not pending:
        return
    with frozen_revisions_writable(schema_editor):
        for pk, branch_id, year in pending:
            Revision.objects.filter(pk=pk).update(frozen_figures=figures_at_approval(AreaFigure, branch_id, year))


class Migration(migrations.Migration):
    dependencies = [("reports", "0011_revision_frozen_figures")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
