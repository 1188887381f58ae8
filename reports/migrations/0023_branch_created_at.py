import django.utils.timezone
from django.db import migrations, models
from django.db.models import Min


def _earliest_per_branch(model, branch_field: str, moment_field: str) -> dict[int, object]:
    rows = model.objects.order_by().values(branch_field).annotate(first=Min(moment_field))
    return {row[branch_field]: row["first"] for row in rows if row[branch_field] is not None}


def _earliest_traces(apps) -> list[dict[int, object]]:
    """Per branch, the first moment each kind of trace shows it in the system: its own history,
    its reports, and the history of every record it owns."""
    traces = [
        _earliest_per_branch(apps.get_model("reports", "HistoricalBranch"), "id", "history_date"),
        _earliest_per_branch(apps.get_model("reports", "Report"), "branch_id", "created_at"),
    ]
    for model in apps.get_app_config("reports").get_models():
        names = {field.name for field in model._meta.get_fields()}
        if model.__name__.startswith("Historical") and {"branch", "history_date"} <= names:
            traces.append(_earliest_per_branch(model, "branch_id", "history_date"))
    return traces


def fill_created_at(apps, schema_editor):
    """Unions already in the system came in at their earliest trace; with none, now (the default
    the column was added with)."""
    Branch = apps.get_model("reports", "Branch")
    traces = _earliest_traces(apps)
    for branch in Branch.objects.only("pk", "created_at").iterator():
        moments = [trace[branch.pk] for trace in traces if branch.pk in trace]
        if moments and min(moments) < branch.created_at:
            Branch.objects.filter(pk=branch.pk).update(created_at=min(moments))


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0022_festival_occasions"),
    ]

    operations = [
        migrations.AddField(
            model_name="branch",
            name="created_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now,
                help_text="工会组织录入本系统的时间。报送截止日在此之前的计划和总结不要求报送，报送情况中显示为“未纳入”。",
                verbose_name="纳入系统时间",
            ),
        ),
        migrations.AddField(
            model_name="historicalbranch",
            name="created_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now,
                help_text="工会组织录入本系统的时间。报送截止日在此之前的计划和总结不要求报送，报送情况中显示为“未纳入”。",
                verbose_name="纳入系统时间",
            ),
        ),
        migrations.RunPython(fill_created_at, migrations.RunPython.noop),
    ]
