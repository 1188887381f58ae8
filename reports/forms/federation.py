"""Forms of the federation pages: the board's filters and the federation's deadlines."""
from django import forms

from ..choices import ReportState, Sector
from ..models import ReportingDeadlines

STATE_CHOICES = [("", "全部"), ("none", "未起草")] + list(ReportState.choices)
OVERDUE_CHOICES = [("", "全部"), ("any", "有逾期"), ("plan", "计划逾期"), ("summary", "总结逾期")]


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
    class Meta:
        model = ReportingDeadlines
        fields = ["plan_month", "plan_day", "summary_month", "summary_day"]
