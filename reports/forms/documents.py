"""The form that starts a new plan or summary."""
from django import forms
from django.utils import timezone

from ..periods import selectable_years

KIND_CHOICES = [
    ("summary", "工作总结（全年）"),
    ("half", "工作总结（上半年）"),
    ("plan", "工作计划（按标准框架起草）"),
    ("plan_copy", "工作计划（复制上一年计划）"),
]


class NewReportForm(forms.Form):
    kind = forms.ChoiceField(label="报告", choices=KIND_CHOICES)
    year = forms.TypedChoiceField(label="年度", coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        # Next year for a plan drafted ahead, and the last five years.
        self.fields["year"].choices = [(y, f"{y}年") for y in selectable_years(recent=7, next_year=True)]
        self.fields["year"].initial = this_year
