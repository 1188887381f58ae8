"""Deadlines per federation and year. Each existing row (now of FIRST_YEAR, so it still covers
every year) is copied, with the same days, to every year that has reports: from now on changing
one year's deadlines leaves the other years as they were."""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models


FIRST_YEAR = 2000  # reports.periods.FIRST_YEAR when this was written


def copy_to_report_years(apps, schema_editor):
    ReportingDeadlines = apps.get_model("reports", "ReportingDeadlines")
    Report = apps.get_model("reports", "Report")
    years = set(Report.objects.values_list("year", flat=True).distinct()) - {FIRST_YEAR}
    copies = [
        ReportingDeadlines(
            branch_id=row.branch_id, year=year, plan_month=row.plan_month, plan_day=row.plan_day,
            summary_month=row.summary_month, summary_day=row.summary_day,
        )
        for row in ReportingDeadlines.objects.filter(year=FIRST_YEAR)
        for year in sorted(years)
    ]
    ReportingDeadlines.objects.bulk_create(copies)


def keep_first_year_only(apps, schema_editor):
    apps.get_model("reports", "ReportingDeadlines").objects.exclude(year=FIRST_YEAR).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('reports', '0018_review_comments_beside_text'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalreportingdeadlines',
            name='year',
            field=models.PositiveSmallIntegerField(default=2000, help_text='这一年度的计划和总结按此期限报送；以后没有单独设置的年度沿用最近一年的期限。', validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='适用年度'),
        ),
        migrations.AddField(
            model_name='reportingdeadlines',
            name='year',
            field=models.PositiveSmallIntegerField(default=2000, help_text='这一年度的计划和总结按此期限报送；以后没有单独设置的年度沿用最近一年的期限。', validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='适用年度'),
        ),
        migrations.AlterField(
            model_name='reportingdeadlines',
            name='branch',
            field=models.ForeignKey(help_text='规定报送期限的总工会。', on_delete=django.db.models.deletion.CASCADE, related_name='deadlines', to='reports.branch', verbose_name='总工会'),
        ),
        migrations.AddConstraint(
            model_name='reportingdeadlines',
            constraint=models.UniqueConstraint(fields=('branch', 'year'), name='deadlines_one_per_federation_year', violation_error_message='这个总工会该年度的报送期限已经存在。'),
        ),
        migrations.RunPython(copy_to_report_years, keep_first_year_only),
    ]
