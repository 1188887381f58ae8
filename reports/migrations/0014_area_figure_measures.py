"""Approved figures by the names of their measures (reports/figures.py) instead of generic columns.

Each AreaFigure row's count, quantity, extra, cash and goods become `measures`, a JSON object
keyed like the registry ({"count": 3, "participants": 40}); the five member rows of a branch and
year become one row (key ""), as members are not grouped; the union row's key becomes "" too.
The figures frozen on approved revisions take the same form. The conversion below is written out
in full, not read from the current code, because it describes the columns as they were.

On PostgreSQL a trigger refuses every UPDATE of an approved revision; it is switched off for this
conversion only, inside the migration's transaction (as in 0012).
"""
import importlib
from collections import defaultdict

from django.db import migrations, models

# The measure each generic column held, by figure; amounts stay strings, as they were stored.
MEASURE_OF_COLUMN = {
    "activity": {"count": "count", "quantity": "participants"},
    "welfare": {"count": "count", "quantity": "headcount", "cash": "cash", "goods": "goods"},
    "obtained": {"count": "count", "quantity": "headcount", "cash": "cash", "goods": "goods"},
    "honor": {"count": "count"},
    "meeting": {"count": "count", "quantity": "proposals_received", "extra": "proposals_accepted"},
    "unions": {"count": "counted", "quantity": "workforce"},
}
MEMBER_MEASURE_OF_KEY = {
    "in_register": "in_register", "female": "female", "retired": "retired", "hardship": "hardship",
    "joined": "joined_in_period",
}
COLUMNS = ("count", "quantity", "extra", "cash", "goods")


def money(value) -> str:
    return f"{value:.2f}" if not isinstance(value, str) else value


def converted(metric: str, key: str, columns: dict) -> tuple[str, str, dict]:
    """One old-style figure (generic columns) as (metric, key, measures). Member figures come out
    one measure at a time, under key "", for the caller to merge."""
    if metric == "members":
        return metric, "", {MEMBER_MEASURE_OF_KEY[key]: columns["count"]}
    measures = {
        measure: money(columns[column]) if column in ("cash", "goods") else columns[column]
        for column, measure in MEASURE_OF_COLUMN[metric].items()
    }
    return metric, "" if metric == "unions" else key, measures


def merged(figures) -> dict[tuple[str, str], dict]:
    """(metric, key, measures) triples merged by (metric, key): the member figures into one."""
    result = defaultdict(dict)
    for metric, key, measures in figures:
        result[(metric, key)].update(measures)
    for (metric, _), measures in result.items():
        if metric == "members":
            for measure in MEMBER_MEASURE_OF_KEY.values():
                measures.setdefault(measure, 0)
    return result


def convert_frozen(frozen: list[dict]) -> list[dict]:
    """Frozen figures in the old form as the new one; entries already new pass unchanged (0012
    computed some from the current code)."""
    new = [row for row in frozen if "measures" in row]
    old = merged(converted(row["metric"], row["key"], row) for row in frozen if "measures" not in row)
    new += [{"metric": metric, "key": key, "measures": measures} for (metric, key), measures in old.items()]
    return sorted(new, key=lambda row: (row["metric"], row["key"]))


def convert_area_rows(apps, schema_editor):
    AreaFigure = apps.get_model("reports", "AreaFigure")
    by_owner = defaultdict(list)  # (branch, contributor, year) -> old figures
    for row in AreaFigure.objects.values("branch_id", "contributor_id", "year", "metric", "key", *COLUMNS).iterator():
        by_owner[(row["branch_id"], row["contributor_id"], row["year"])].append(row)
    AreaFigure.objects.all().delete()
    AreaFigure.objects.bulk_create(
        (
            AreaFigure(branch_id=branch, contributor_id=contributor, year=year, metric=metric, key=key, measures=measures)
            for (branch, contributor, year), rows in by_owner.items()
            for (metric, key), measures in merged(converted(r["metric"], r["key"], r) for r in rows).items()
        ),
        batch_size=5000,
    )


def convert_frozen_figures(apps, schema_editor):
    Revision = apps.get_model("reports", "Revision")
    pending = list(Revision.objects.filter(frozen_figures__isnull=False).values_list("pk", "frozen_figures"))
    if not pending:
        return
    writable = importlib.import_module("reports.migrations.0012_fill_frozen_figures").frozen_revisions_writable
    with writable(schema_editor):
        for pk, frozen in pending:
            Revision.objects.filter(pk=pk).update(frozen_figures=convert_frozen(frozen))


class Migration(migrations.Migration):

    dependencies = [
        ("reports", "0013_document_edit_changes"),
    ]

    operations = [
        migrations.AddField(
            model_name="areafigure",
            name="measures",
            field=models.JSONField(blank=True, default=dict, help_text='按统计项目的度量名称记录的数值，如 {"count": 3, "participants": 40}；金额为两位小数的字符串。', verbose_name="数值"),
        ),
        migrations.RunPython(convert_area_rows, elidable=False),
        migrations.RunPython(convert_frozen_figures, elidable=False),
        migrations.RemoveField(model_name="areafigure", name="cash"),
        migrations.RemoveField(model_name="areafigure", name="count"),
        migrations.RemoveField(model_name="areafigure", name="extra"),
        migrations.RemoveField(model_name="areafigure", name="goods"),
        migrations.RemoveField(model_name="areafigure", name="quantity"),
        migrations.AlterField(
            model_name="areafigure",
            name="key",
            field=models.CharField(blank=True, help_text="类别、事由、级别或会议类型；不分类的统计项目为空。", max_length=30, verbose_name="分类"),
        ),
        migrations.AlterField(
            model_name="areafigure",
            name="metric",
            field=models.CharField(help_text="统计项目名称：activity、welfare 等，或 unions。", max_length=20, verbose_name="指标"),
        ),
    ]
