"""Forms for keeping records. Labels and help texts come from the models (Chinese); validation is
the model's own full_clean(), so a form and the database can never disagree."""
from django import forms
from django.db.models import Q

from ..choices import FestivalOccasion
from ..models import Activity, Honor, Meeting, Member, PlanItem, WelfarePayment
from ..pinyin import full_pinyin, initials


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class BranchRecordForm(forms.ModelForm):
    """A record form bound to one branch: the branch comes from the URL, never from the user."""

    # Fields added after the form was first in use, which a page or script written before may not
    # send. Left out of a request, the record keeps its value (a new one the model's default),
    # as construct_instance() does for any omitted field; sent blank, the model refuses it.
    optional_in_request: tuple[str, ...] = ()

    def __init__(self, *args, branch, **kwargs):
        instance = kwargs.get("instance") or self._meta.model(branch=branch)
        kwargs["instance"] = instance
        super().__init__(*args, **kwargs)
        self.branch = branch
        for name in self.optional_in_request:
            self.fields[name].required = False
        for field in self.fields.values():
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs["rows"] = 3
            if isinstance(field, forms.TypedChoiceField) and field.choices and field.choices[0][0] == "":
                field.choices = [("", "请选择")] + list(field.choices)[1:]
        if "plan_item" in self.fields:
            self._offer_plan_items(branch)

    def _offer_plan_items(self, branch):
        """计划事项: any record that can carry out a plan item offers the items of this union's plan
        for the record's year. Any of the union's items is accepted from the request, so that one of
        another year reaches the model's check and is refused with its own message."""
        field = self.fields["plan_item"]
        field.queryset = PlanItem.objects.filter(report__branch=branch).select_related("report").order_by("-report__year", "position")
        field.empty_label = "（不对应计划事项）"
        year = self._record_year()
        offered = field.queryset
        if year is not None:
            offered = offered.filter(Q(report__year=year) | Q(pk=self.instance.plan_item_id))
        field.widget.choices = [("", field.empty_label)] + self._plan_item_groups(field, offered)
        # A new record's date is not known yet: static/js/plan_item_year.js shows only the group
        # of the year she enters.
        date_name = self._meta.model.date_field
        if date_name in self.fields:
            field.widget.attrs["data-plan-year-from"] = self[date_name].auto_id

    @staticmethod
    def _plan_item_groups(field, items):
        groups: dict[int, list] = {}
        for item in items:
            groups.setdefault(item.report.year, []).append((item.pk, field.label_from_instance(item)))
        return [(f"{year}年工作计划", choices) for year, choices in groups.items()]

    def _record_year(self) -> int | None:
        """The year of the record's date, as sent or as saved; None for a new record not yet sent."""
        name = self._meta.model.date_field
        if self.is_bound and name in self.fields:
            try:
                day = self.fields[name].clean(self[name].data)
            except forms.ValidationError:
                day = None
            return day.year if day else None
        day = getattr(self.instance, name, None)
        return day.year if day else None

    def _get_validation_exclusions(self):
        # The branch is not a form field but is always set (from the URL), so the constraints that
        # include it (one meeting per branch, kind, day and session) are checked here like the
        # rest, and refused with their message instead of failing in the database.
        exclusions = super()._get_validation_exclusions()
        exclusions.discard("branch")
        return exclusions

    def clean(self):
        cleaned = super().clean()
        # Sent but blank: refused here with the field's own message. Left to the model, a blank
        # value of a field Django leaves out of model validation would surface as a server error.
        for name in self.optional_in_request:
            if name in self.data and not cleaned.get(name):
                self.add_error(name, forms.ValidationError("请选择%(label)s。", code="required", params={"label": self.fields[name].label}))
        return cleaned


class MemberPicker(forms.Select):
    """A member drop-down whose options carry each name, its full pinyin and its initials, for the
    search box static/js/member_picker.js puts above it ("zs" finds 张三). Without script it is a
    plain drop-down, in pinyin order like the register."""

    def __init__(self, attrs=None):
        super().__init__({"data-member-picker": "", **(attrs or {})})

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        member = getattr(value, "instance", None)
        if member is not None:
            option["attrs"]["data-search"] = f"{member.name} {full_pinyin(member.name)} {initials(member.name)}"
        return option


def members_in_pinyin_order(branch):
    return Member.objects.filter(branch=branch).order_by("sort_key", "name", "pk")


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


# The plan item a record carries out, and how far: on every form of a record that can carry one out.
PLAN_FIELDS = ["plan_item", "plan_status"]


class ActivityForm(BranchRecordForm):
    optional_in_request = ("participation", "plan_status")

    class Meta:
        model = Activity
        fields = [
            "title", "category", "start_date", "end_date", "place", "participation", "partners", "participants",
            "cost", "description", "result", *PLAN_FIELDS,
        ]
        widgets = _date_widgets("start_date", "end_date")



class WelfarePaymentForm(BranchRecordForm):
    optional_in_request = ("plan_status",)

    class Meta:
        model = WelfarePayment
        fields = [
            "date", "reason", "occasion", "member", "recipients", "headcount", "cash", "goods_value", "fund_source",
            "notes", *PLAN_FIELDS,
        ]
        widgets = {**_date_widgets("date"), "member": MemberPicker}

    def __init__(self, *args, branch, **kwargs):
        super().__init__(*args, branch=branch, **kwargs)
        # Only this branch's members can be chosen; the model check repeats the rule.
        self.fields["member"].queryset = members_in_pinyin_order(branch)
        self.fields["member"].label_from_instance = lambda m: f"{m.name}（{m.department}）" if m.department else m.name
        self.fields["member"].empty_label = "（发给一批人，不选会员）"
        self.fields["occasion"].choices = [("", "（按日期推定；非节日慰问不填）")] + list(FestivalOccasion.choices)


class HonorForm(BranchRecordForm):
    optional_in_request = ("kind", "plan_status")

    class Meta:
        model = Honor
        fields = ["date", "title", "kind", "activity", "level", "awarding_body", "recipient_kind", "recipients", *PLAN_FIELDS]
        widgets = _date_widgets("date")

    def __init__(self, *args, branch, **kwargs):
        super().__init__(*args, branch=branch, **kwargs)
        # Only this branch's activities, the latest first; the model's clean() repeats the rule.
        self.fields["activity"].queryset = Activity.objects.filter(branch=branch).order_by("-start_date", "-pk")
        self.fields["activity"].label_from_instance = lambda a: f"{a.start_date:%Y-%m-%d} {a.title}"
        self.fields["activity"].empty_label = "（不对应本工会记录的活动）"


class MeetingForm(BranchRecordForm):
    optional_in_request = ("plan_status",)

    class Meta:
        model = Meeting
        fields = ["date", "kind", "session", "attendees", "proposals_received", "proposals_accepted", "topics", *PLAN_FIELDS]
        widgets = _date_widgets("date")
