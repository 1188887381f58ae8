"""The filter bar above a ledger: year, month, dates, its choices (category, reason, …) and free text.

The same filters decide the rows of the page, of its Excel export and of its printed copy, and
describe themselves in words for the printed heading.
"""
from django import forms

from ..periods import RECENT_YEARS, selectable_years

MONTH_CHOICES = [("", "全部月份")] + [(str(m), f"{m}月") for m in range(1, 13)]


class OneOrManySelect(forms.SelectMultiple):
    """A plain drop-down while no value or one is chosen; a list showing every chosen value when a
    link asked for several (a drafted paragraph counting a few reasons together)."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        chosen = [v for v in (value or []) if v]
        if len(chosen) <= 1:
            context["widget"]["attrs"].pop("multiple", None)
        else:
            context["widget"]["attrs"]["size"] = min(len(chosen) + 1, 6)
        return context


class LedgerFilterForm(forms.Form):
    year = forms.TypedChoiceField(label="年度", required=False, coerce=int, empty_value=None)
    month = forms.TypedChoiceField(label="月份", required=False, coerce=int, empty_value=None, choices=MONTH_CHOICES)
    start = forms.DateField(label="起始日期", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label="截止日期", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    q = forms.CharField(label="搜索", required=False, max_length=100)

    def __init__(self, data, *, ledger, records=None):
        super().__init__(data)
        self.ledger = ledger
        self.fields["year"].choices = [("", "全部年度")] + [(str(y), f"{y}年") for y in self._years(records)]
        for choice in ledger.choice_filters:
            self.fields[choice.param] = forms.MultipleChoiceField(
                label=choice.label,
                required=False,
                choices=[("", f"全部{choice.label}")] + list(choice.choices),
                widget=OneOrManySelect,
            )
        self.order_fields(["year", "month", "start", "end", *(c.param for c in ledger.choice_filters), "q"])
        self.fields["q"].widget.attrs["placeholder"] = "姓名、名称、对象…"
        if ledger.date_field is None:
            del self.fields["year"], self.fields["month"], self.fields["start"], self.fields["end"]
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs["class"] = f"{css} form-select-sm" if css == "form-select" else f"{css} form-control-sm"

    def _years(self, records) -> list[int]:
        """The recent years the rest of the system offers, and any older year the records reach
        (a register typed in from old books), newest first."""
        years = set(selectable_years(recent=RECENT_YEARS))
        if records is not None and self.ledger.date_field:
            years |= {day.year for day in records.dates(self.ledger.date_field, "year")}
        return sorted(years, reverse=True)

    def valid_data(self) -> dict:
        """The values that could be read; an invalid one (a tampered URL) is left out."""
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if name not in self.errors}

    def apply(self, rows):
        """The rows matching every valid filter."""
        data = self.valid_data()
        date_field = self.ledger.date_field
        if date_field and data.get("year"):
            rows = rows.filter(**{f"{date_field}__year": data["year"]})
        if date_field and data.get("month"):
            rows = rows.filter(**{f"{date_field}__month": data["month"]})
        if date_field and data.get("start"):
            rows = rows.filter(**{f"{date_field}__gte": data["start"]})
        if date_field and data.get("end"):
            rows = rows.filter(**{f"{date_field}__lte": data["end"]})
        for choice in self.ledger.choice_filters:
            values = [value for value in data.get(choice.param) or [] if value]
            if values:
                rows = rows.filter(choice.lookup(values))
        if data.get("q"):
            rows = rows.filter(self.ledger.search(data["q"].strip()))
        return rows

    def description(self) -> list[str]:
        """The filters in force, in words (年度：2024年; 事由：结婚祝贺、生育慰问); empty for none."""
        data = self.valid_data()
        said = []
        for name in ("year", "month"):
            if data.get(name):
                field = self.fields[name]
                said.append(f"{field.label}：{dict(field.choices)[str(data[name])]}")
        if data.get("start") or data.get("end"):
            start = f"{data['start']:%Y-%m-%d}" if data.get("start") else "最早"
            end = f"{data['end']:%Y-%m-%d}" if data.get("end") else "最近"
            said.append(f"日期：{start} 至 {end}")
        for choice in self.ledger.choice_filters:
            values = [value for value in data.get(choice.param) or [] if value]
            if values:
                labels = dict(choice.choices)
                said.append(f"{choice.label}：{'、'.join(str(labels[value]) for value in values)}")
        if data.get("q", "").strip():
            said.append(f"搜索：{data['q'].strip()}")
        return said
