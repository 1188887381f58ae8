"""What a federation sets for the unions below it: when plans and summaries are due."""
from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords


class ReportingDeadlines(models.Model):
    """A federation's deadlines: the plan by a day of its year, the summary by a day of the next."""

    branch = models.OneToOneField(
        "reports.Branch", verbose_name="总工会", on_delete=models.CASCADE, related_name="deadlines",
        help_text="规定报送期限的总工会。",
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

    def __str__(self) -> str:
        return f"{self.branch}：计划{self.plan_month}月{self.plan_day}日，总结次年{self.summary_month}月{self.summary_day}日"

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
