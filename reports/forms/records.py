"""Forms for keeping records. Labels and help texts come from the models (Chinese); validation is
the model's own full_clean(), so a form and the database can never disagree."""
from django import forms

from ..models import Activity, Honor, Meeting, Member, PlanItem, WelfarePayment


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class BranchRecordForm(forms.ModelForm):
    """A record form bound to one branch: the branch comes from the URL, never from the user."""

    def __init__(self, *args, branch, **kwargs):
        instance = kwargs.get("instance") or self._meta.model(branch=branch)
        kwargs["instance"] = instance
        super().__init__(*args, **kwargs)
        self.branch = branch
        for field in self.fields.values():
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs["rows"] = 3
            if isinstance(field, forms.TypedChoiceField) and field.choices and field.choices[0][0] == "":
                field.choices = [("", "请选择")] + list(field.choices)[1:]


def _date_widgets(*names):
    return {name: DateInput() for name in names}


class MemberForm(BranchRecordForm):
    class Meta:
        model = Member
        fields = [
            "name", "gender", "birth_date", "department", "position", "employment_type", "joined_on",
            "status", "is_hardship", "hardship_reason", "hardship_since", "phone", "notes",
        ]
        widgets = _date_widgets("birth_date", "joined_on", "hardship_since")


class ActivityForm(BranchRecordForm):
    class Meta:
        model = Activity
        fields = [
            "title", "category", "start_date", "end_date", "place", "participants", "cost", "partners",
            "description", "result", "plan_item",
        ]
        widgets = _date_widgets("start_date", "end_date")

    def __init__(self, *args, branch, **kwargs):
        super().__init__(*args, branch=branch, **kwargs)
        items = PlanItem.objects.filter(report__branch=branch).select_related("report").order_by("-report__year", "position")
        self.fields["plan_item"].queryset = items
        self.fields["plan_item"].empty_label = "（不对应计划事项）"


class WelfarePaymentForm(BranchRecordForm):
    class Meta:
        model = WelfarePayment
        fields = [
            "date", "reason", "member", "recipients", "headcount", "cash", "goods_value", "fund_source", "notes",
        ]
        widgets = _date_widgets("date")

    def __init__(self, *args, branch, **kwargs):
        super().__init__(*args, branch=branch, **kwargs)
        # Only this branch's members can be chosen; the model check repeats the rule.
        self.fields["member"].queryset = Member.objects.filter(branch=branch).order_by("name")
        self.fields["member"].label_from_instance = lambda m: f"{m.name}（{m.department}）" if m.department else m.name
        self.fields["member"].empty_label = "（发给一批人，不选会员）"


class HonorForm(BranchRecordForm):
    class Meta:
        model = Honor
        fields = ["date", "title", "level", "awarding_body", "recipient_kind", "recipients"]
        widgets = _date_widgets("date")


class MeetingForm(BranchRecordForm):
    class Meta:
        model = Meeting
        fields = ["date", "kind", "session", "attendees", "proposals_received", "proposals_accepted", "topics"]
        widgets = _date_widgets("date")
