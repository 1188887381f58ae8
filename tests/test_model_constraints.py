"""Every invariant holds twice: full_clean() names it in Chinese, the database refuses it anyway."""
import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from reports.choices import ActivityCategory, BranchKind, HonorLevel, MeetingKind, RoleKind, WelfareReason
from reports.models import Activity, Branch, Honor, Meeting, Member, Role, WelfarePayment



D = datetime.date


def refused_by_database(obj):
    """Save while bypassing model validation: the database itself must say no."""
    with pytest.raises(IntegrityError), transaction.atomic():
        obj.save()


def error_codes(obj):
    with pytest.raises(ValidationError) as excinfo:
        obj.full_clean()
    return excinfo.value


@pytest.fixture
def school(cast):
    return cast.school


def activity(branch, **kw):
    kw.setdefault("title", "庆“三八”趣味运动会")
    kw.setdefault("category", ActivityCategory.SPORTS)
    kw.setdefault("start_date", D(2024, 3, 8))
    return Activity(branch=branch, **kw)


def payment(branch, **kw):
    kw.setdefault("date", D(2024, 1, 20))
    kw.setdefault("reason", WelfareReason.FESTIVAL)
    kw.setdefault("recipients", "困难职工")
    return WelfarePayment(branch=branch, **kw)


def test_valid_records_pass_full_clean(school):
    member = Member.objects.create(branch=school, name="王丽", gender="female")
    for obj in [
        activity(school, end_date=D(2024, 3, 9), participants=80, cost=Decimal("1200.50")),
        payment(school, headcount=30, cash=Decimal("6000")),
        payment(school, member=member, recipients="", reason=WelfareReason.SICKNESS),
        Honor(branch=school, date=D(2024, 5, 1), title="模范职工之家", level=HonorLevel.COUNTY),
        Meeting(branch=school, kind=MeetingKind.STAFF_CONGRESS, date=D(2024, 2, 1), proposals_received=5, proposals_accepted=5),
    ]:
        obj.full_clean()
        obj.save()


def test_activity_end_before_start_is_refused(school):
    bad = activity(school, start_date=D(2024, 3, 8), end_date=D(2024, 3, 7))
    assert "end_date" in error_codes(bad).message_dict
    refused_by_database(bad)


def test_activity_negative_participants_and_cost_are_refused(school):
    bad = activity(school, participants=-1)
    assert "participants" in error_codes(bad).message_dict
    refused_by_database(bad)
    bad = activity(school, cost=Decimal("-0.01"))
    assert error_codes(bad).message_dict["cost"] == ["金额不能为负数。"]
    refused_by_database(bad)


def test_amount_with_three_decimals_is_refused(school):
    bad = payment(school, cash=Decimal("10.005"))
    assert "cash" in error_codes(bad).message_dict


def test_welfare_headcount_must_be_at_least_one(school):
    bad = payment(school, headcount=0)
    assert error_codes(bad).message_dict["headcount"] == ["人次至少为 1。"]
    refused_by_database(bad)


def test_welfare_negative_amounts_are_refused(school):
    refused_by_database(payment(school, cash=Decimal("-5")))
    refused_by_database(payment(school, goods_value=Decimal("-5")))


def test_welfare_needs_a_member_or_a_group_description(school):
    bad = payment(school, recipients="")
    assert "recipients" in error_codes(bad).message_dict
    refused_by_database(bad)


def test_welfare_member_must_belong_to_the_same_branch(cast):
    stranger = Member.objects.create(branch=cast.plant, name="李强", gender="male")
    bad = payment(cast.school, member=stranger, recipients="")
    assert error_codes(bad).message_dict["member"] == ["所选会员不属于本工会。"]


def test_meeting_accepted_cannot_exceed_received(school):
    bad = Meeting(branch=school, kind=MeetingKind.STAFF_CONGRESS, date=D(2024, 2, 1), proposals_received=3, proposals_accepted=4)
    assert "proposals_accepted" in error_codes(bad).message_dict
    refused_by_database(bad)


def test_meeting_negative_counts_are_refused(school):
    refused_by_database(Meeting(branch=school, kind=MeetingKind.COMMITTEE, date=D(2024, 2, 1), attendees=-1))


def test_hardship_details_need_the_hardship_flag(school):
    bad = Member(branch=school, name="赵敏", gender="female", hardship_reason="患重病")
    error_codes(bad)
    refused_by_database(bad)
    Member(branch=school, name="赵敏", gender="female", is_hardship=True, hardship_reason="患重病").full_clean()


@pytest.mark.parametrize(
    "make",
    [
        lambda b, day: activity(b, start_date=day),
        lambda b, day: payment(b, date=day),
        lambda b, day: Honor(branch=b, date=day, title="先进单位", level=HonorLevel.MUNICIPAL),
        lambda b, day: Meeting(branch=b, kind=MeetingKind.COMMITTEE, date=day),
        lambda b, day: Member(branch=b, name="张伟", gender="male", joined_on=day),
    ],
    ids=["activity", "payment", "honor", "meeting", "member"],
)
def test_dates_after_today_are_refused(school, make):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    errors = error_codes(make(school, tomorrow)).messages
    assert "日期不能晚于今天。" in errors
    make(school, timezone.localdate()).full_clean()


def test_branch_codes_are_unique_and_well_formed(cast):
    with pytest.raises(IntegrityError), transaction.atomic():
        Branch.objects.create(code="school", name="重复", kind=BranchKind.GRASSROOTS)
    bad = Branch(code="Bad Code", name="示范", kind=BranchKind.GRASSROOTS)
    assert "code" in error_codes(bad).message_dict


def test_subunit_needs_a_parent(db):
    bad = Branch(code="team", name="工会小组", kind=BranchKind.SUBUNIT)
    error_codes(bad)
    refused_by_database(bad)


def test_role_is_unique_per_user_branch_and_kind(cast):
    with pytest.raises(IntegrityError), transaction.atomic():
        Role.objects.create(user=cast.alice, branch=cast.school, kind=RoleKind.SECRETARY)


def test_officer_role_only_on_a_federation(cast):
    bad = Role(user=cast.alice, branch=cast.school, kind=RoleKind.OFFICER)
    assert "branch" in error_codes(bad).message_dict
    Role(user=cast.alice, branch=cast.county, kind=RoleKind.OFFICER).full_clean()


def test_every_field_has_a_chinese_verbose_name_and_help_text():
    from django.apps import apps

    for model in apps.get_app_config("reports").get_models():
        if model.__name__.startswith("Historical"):
            continue  # tables generated by django-simple-history, with the library's own fields
        for field in model._meta.get_fields():
            if not field.concrete or field.auto_created:
                continue
            assert any("\u4e00" <= ch <= "\u9fff" for ch in str(field.verbose_name)), (model, field.name)
            assert field.help_text, (model, field.name)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in str(model._meta.verbose_name)), model
