"""What a federation sets for the unions below it: when plans and summaries are due."""
from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from ..periods import FIRST_YEAR


class ReportingDeadlines(models.Model):
    """A federation's deadlines for the reports of one year: the plan by a day of that year, the
    summary by a day of the next. A year without a row of its own takes the nearest earlier
    year's (see `for_year`), so setting this year's deadlines never rewrites a past year's."""

    branch = models.ForeignKey(
        "reports.Branch", verbose_name="总工会", on_delete=models.CASCADE, related_name="deadlines",
        help_text="规定报送期限的总工会。",
    )
    year = models.PositiveSmallIntegerField(
        "适用年度", default=FIRST_YEAR, validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)],
        help_text="这一年度的计划和总结按此期限报送；以后没有单独设置的年度沿用最近一年的期限。",
    )
    plan_month = models.PositiveSmallIntegerField(
        "计划报送月", default=3, validators=[MinValueValidator(1), MaxValueValidator(12)], help_text="工作计划在当年几月底前报送。"
    )
    plan_day = models.PositiveSmallIntegerField(
        "计划报送日", default=31, validators=[MinValueValidator(1), MaxValueValidator(31)], help_text="工作计划报送截止日。"
    )
    summary_month = models.PositiveSmallIntegerField(
        "总结报送月", default=1, validators=[MinValueValidator(1), MaxValueValidator(12)], help_text="年度工作总结在次年几月报送。"
    )
    summary_day = models.PositiveSmallIntegerField(
        "总结报送日", default=31, validators=[MinValueValidator(1), MaxValueValidator(31)], help_text="年度工作总结报送截止日（次年）。"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "报送期限"
        verbose_name_plural = "报送期限"
        constraints = [
            models.UniqueConstraint(
                fields=["branch", "year"], name="deadlines_one_per_federation_year",
                violation_error_message="这个总工会该年度的报送期限已经存在。",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.branch} {self.year}年度：计划{self.plan_month}月{self.plan_day}日，总结次年{self.summary_month}月{self.summary_day}日"

    @classmethod
    def for_year(cls, federation, year: int) -> "ReportingDeadlines":
        """The deadlines of the federation's reports of `year`: that year's row, else the nearest
        earlier year's, else the usual ones (plan by 3月31日, summary by next 1月31日), unsaved."""
        found = cls.objects.filter(branch=federation, year__lte=year).order_by("-year").first()
        return found or cls(branch=federation, year=year)

    def clean(self):
        super().clean()
        for month, day, field in ((self.plan_month, self.plan_day, "plan_day"), (self.summary_month, self.summary_day, "summary_day")):
            if not (isinstance(month, int) and 1 <= month <= 12 and isinstance(day, int) and 1 <= day <= 31):
                continue  # out-of-range values are reported by the fields' own validators
            try:
                datetime.date(2001, month, day)  # not a leap year: 2月29日 is refused
            except ValueError:
                raise ValidationError({field: "这个月没有这一天。"}, code="invalid_day") from None

    def plan_due(self, year: int) -> datetime.date:
        return datetime.date(year, self.plan_month, self.plan_day)

    def summary_due(self, year: int) -> datetime.date:
        return datetime.date(year + 1, self.summary_month, self.summary_day)


class AreaFigure(models.Model):
    """One approved figure of a branch's area for a year, kept current on approval.

    When a union's summary is approved, its figures for the year are added to its own row set and
    to every federation above it (minus what an earlier approval of the same year had added), so
    a federation's approved totals are a read of its own rows, whatever the size of its area.
    The union's own contribution is kept too (contributor = the union), so a later approval can
    replace it. `measures` holds the figure's values by the names reports/figures.py gives them.
    rebuild_area_figures rebuilds everything from the figures frozen on the approved revisions
    (Revision.frozen_figures).
    """

    branch = models.ForeignKey(
        "reports.Branch", verbose_name="工会组织", on_delete=models.CASCADE, related_name="area_figures",
        help_text="数字所属的工会组织（本身及全部下级）。",
    )
    contributor = models.ForeignKey(
        "reports.Branch", verbose_name="来源工会", on_delete=models.CASCADE, null=True, blank=True, related_name="+",
        help_text="为空时是合计；否则是这个工会审核通过时的数字。",
    )
    year = models.PositiveSmallIntegerField("年度", help_text="数字所属的年度。")
    metric = models.CharField(
        "指标", max_length=20, help_text="统计项目名称：activity、welfare 等，或 unions。"
    )
    key = models.CharField("分类", max_length=30, blank=True, help_text="类别、事由、级别或会议类型；不分类的统计项目为空。")
    measures = models.JSONField(
        "数值", default=dict, blank=True,
        help_text="按统计项目的度量名称记录的数值，如 {\"count\": 3, \"participants\": 40}；金额为两位小数的字符串。",
    )

    class Meta:
        verbose_name = "区域统计"
        verbose_name_plural = "区域统计"
        constraints = [
            models.UniqueConstraint(
                fields=["branch", "year", "metric", "key"], condition=models.Q(contributor__isnull=True),
                name="area_figure_total_unique",
            ),
            models.UniqueConstraint(
                fields=["contributor", "year", "metric", "key"], condition=models.Q(contributor__isnull=False),
                name="area_figure_contribution_unique",
            ),
        ]
        indexes = [models.Index(fields=["branch", "year"], name="area_figure_branch_year")]

    def __str__(self) -> str:
        return f"{self.branch} {self.year} {self.metric}:{self.key}"
