"""Small makers for records in tests, with sensible defaults."""
import datetime
import itertools
from decimal import Decimal

from reports.choices import ActivityCategory, HonorLevel, MeetingKind, WelfareReason
from reports.models import Activity, Honor, Meeting, Member, WelfarePayment


# One meeting per branch, kind, day and session: filled meetings are told apart by their session,
# across calls too (a test may fill a branch twice).
SESSIONS = itertools.count(1)


def make_member(branch, name="王丽", **kw):
    kw.setdefault("gender", "female")
    return Member.objects.create(branch=branch, name=name, **kw)


def make_activity(branch, day, title="趣味运动会", **kw):
    kw.setdefault("category", ActivityCategory.SPORTS)
    return Activity.objects.create(branch=branch, title=title, start_date=day, **kw)


def make_payment(branch, day, **kw):
    kw.setdefault("reason", WelfareReason.FESTIVAL)
    if "member" not in kw:
        kw.setdefault("recipients", "困难职工")
    kw.setdefault("cash", Decimal("100"))
    return WelfarePayment.objects.create(branch=branch, date=day, **kw)


def make_honor(branch, day, title="模范职工之家", **kw):
    kw.setdefault("level", HonorLevel.COUNTY)
    return Honor.objects.create(branch=branch, date=day, title=title, **kw)


def make_meeting(branch, day, **kw):
    kw.setdefault("kind", MeetingKind.STAFF_CONGRESS)
    return Meeting.objects.create(branch=branch, date=day, **kw)


def fill_branch(branch, year, n):
    """n records of every kind in `year`, spread over the months, for query-count tests."""
    members = Member.objects.bulk_create(
        Member(branch=branch, name=f"会员{i}", gender="female" if i % 2 else "male") for i in range(n)
    )
    Activity.objects.bulk_create(
        Activity(branch=branch, title=f"活动{i}", category=ActivityCategory.values[i % 17],
                 start_date=datetime.date(year, i % 12 + 1, 1), participants=i)
        for i in range(n)
    )
    WelfarePayment.objects.bulk_create(
        WelfarePayment(branch=branch, date=datetime.date(year, i % 12 + 1, 2), reason=WelfareReason.values[i % 15],
                       member=members[i], headcount=1, cash=Decimal(i))
        for i in range(n)
    )
    Honor.objects.bulk_create(
        Honor(branch=branch, date=datetime.date(year, i % 12 + 1, 3), title=f"荣誉{i}", level=HonorLevel.values[i % 6])
        for i in range(n)
    )
    Meeting.objects.bulk_create(
        Meeting(branch=branch, date=datetime.date(year, i % 12 + 1, 4), kind=MeetingKind.values[i % 7], session=f"第{next(SESSIONS)}次")
        for i in range(n)
    )
