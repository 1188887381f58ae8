"""The filter bar above a ledger: year, month, a choice (category, reason, …) and free text."""
from django import forms

from ..periods import selectable_years

MONTH_CHOICES = [("", "全部月份")] + [(str(m), f"{m}月") for m in range(1, 13)]


class LedgerFilterForm(forms.Form):
    year = forms.TypedChoiceField(label="年度", required=False, coerce=int, empty_value=None)
    month = forms.TypedChoiceField(label="月份", required=False, coerce=int, empty_value=None, choices=MONTH_CHOICES)
    start = forms.DateField(label="起始日期", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label="截止日期", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    choice = forms.ChoiceField(label="类别", required=False)
    q = forms.CharField(label="搜索", required=False, max_length=100)

    def __init__(self, data, *, ledger):
        super().__init__(data)
        self.ledger = ledger
        self.fields["year"].choices = [("", "全部年度")] + [(str(y), f"{y}年") for y in selectable_years()]
        self.fields["choice"].label = ledger.choice_label
        self.fields["choice"].choices = [("", f"全部{ledger.choice_label}")] + list(ledger.choices)
        self.fields["q"].widget.attrs["placeholder"] = "姓名、名称、对象…"
        if ledger.date_field is None:
            del self.fields["year"], self.fields["month"], self.fields["start"], self.fields["end"]
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs["class"] = f"{css} form-select-sm" if css == "form-select" else f"{css} form-control-sm"

    def apply(self, rows):
        """The rows matching every valid filter; an invalid value (a tampered URL) is ignored."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        date_field = self.ledger.date_field
        if date_field and data.get("year"):
            rows = rows.filter(**{f"{date_field}__year": data["year"]})
        if date_field and data.get("month"):
            rows = rows.filter(**{f"{date_field}__month": data["month"]})
        if date_field and data.get("start"):
            rows = rows.filter(**{f"{date_field}__gte": data["start"]})
        if date_field and data.get("end"):
            rows = rows.filter(**{f"{date_field}__lte": data["end"]})
        if data.get("choice"):
            rows = rows.filter(**{self.ledger.choice_field: data["choice"]})
        if data.get("q"):
            rows = rows.filter(self.ledger.search(data["q"].strip()))
        return rows
