"""Forms of the federation pages: the board's filters and the federation's deadlines."""
from django import forms

from ..choices import ReportState, Sector
from ..models import ReportingDeadlines

STATE_CHOICES = [("", "全部"), ("none", "未起草")] + list(ReportState.choices)
# 逾期 is handed in late or not at all; 逾期未交 only the second (the reminder list's).
OVERDUE_CHOICES = [("", "全部"), ("any", "有逾期"), ("plan", "计划逾期"), ("summary", "总结逾期"), ("missing", "逾期未交")]


class BoardFilterForm(forms.Form):
    plan_state = forms.ChoiceField(label="工作计划", choices=STATE_CHOICES, required=False)
    summary_state = forms.ChoiceField(label="工作总结", choices=STATE_CHOICES, required=False)
    overdue = forms.ChoiceField(label="逾期", choices=OVERDUE_CHOICES, required=False)
    sector = forms.ChoiceField(label="行业", choices=[("", "全部")] + list(Sector.choices), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select form-select-sm"


class DeadlinesForm(forms.ModelForm):
    """A federation's deadlines for one chosen year: saving writes that year's row only, so
    the years before keep the deadlines they were measured against."""

    year = forms.TypedChoiceField(label="适用年度", coerce=int)

    class Meta:
        model = ReportingDeadlines
        fields = ["year", "plan_month", "plan_day", "summary_month", "summary_day"]

    def __init__(self, *args, federation, years, **kwargs):
        super().__init__(*args, instance=ReportingDeadlines(branch=federation), **kwargs)
        self.fields["year"].choices = [(y, f"{y}年度") for y in years]
        self.fields["year"].error_messages["invalid_choice"] = "请选择列出的年度。"

    def save(self, commit=True):
        values = {name: self.cleaned_data[name] for name in ("plan_month", "plan_day", "summary_month", "summary_day")}
        saved, _ = ReportingDeadlines.objects.update_or_create(
            branch=self.instance.branch, year=self.cleaned_data["year"], defaults=values
        )
        return saved
