"""A drafted paragraph's 数据来源 link opens its ledger filtered to exactly the records it counts."""
import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from reports.choices import (
    ActivityCategory,
    FundSource,
    Gender,
    MeetingKind,
    MemberStatus,
    WelfareReason,
)
from reports.documents import services
from reports.templatetags.document_tags import source_url

from .conftest import PASSWORD
from .drafting_helpers import document_of
from .records import make_activity, make_meeting, make_member, make_payment

R = WelfareReason


@pytest.fixture
def summary(cast, last_year):
    school, day = cast.school, datetime.date(last_year, 5, 10)
    wang = make_member(school, "王丽", gender=Gender.FEMALE, is_hardship=True)
    make_member(school, "张强", gender=Gender.MALE)
    make_member(school, "李芳", gender=Gender.FEMALE, status=MemberStatus.RETIRED)
    for reason in (R.WEDDING, R.BIRTH, R.BEREAVEMENT):
        make_payment(school, day, reason=reason, recipients="会员", cash=Decimal("500"))
    make_payment(school, day, reason=R.SICKNESS, member=wang, cash=Decimal("800"))
    make_payment(school, day, reason=R.FESTIVAL, recipients="全体会员", headcount=40, cash=Decimal("8000"))
    # Money the union collected or obtained: told apart from what it paid.
    make_payment(school, day, reason=R.SERIOUS_ILLNESS, member=wang, cash=Decimal("12000"), fund_source=FundSource.DONATION)
    make_payment(school, day, reason=R.WEDDING, recipients="会员", cash=Decimal("300"), fund_source=FundSource.DONATION)
    for category in (ActivityCategory.SPORTS, ActivityCategory.CULTURE):
        make_activity(school, day, title=f"{category}活动", category=category, participants=30)
    make_activity(school, day, title="安全培训", category=ActivityCategory.SAFETY, participants=20)
    make_activity(school, day, title="三八趣味运动会", category=ActivityCategory.WOMEN, participants=25)
    make_meeting(school, day, kind=MeetingKind.STAFF_CONGRESS, session="六届三次")
    make_meeting(school, datetime.date(last_year, 9, 1), kind=MeetingKind.MEMBERS_CONGRESS)
    make_meeting(school, day, kind=MeetingKind.COMMITTEE)
    make_meeting(school, datetime.date(last_year - 1, 5, 1), kind=MeetingKind.STAFF_CONGRESS)  # another year
    return services.create_summary(branch=school, year=last_year, user=None)


def rows_behind(client, cast, report, key) -> set[str]:
    """The record labels the paragraph's data-source link lists on its ledger page."""
    paragraph = document_of(report).paragraph(key)
    assert paragraph is not None, key
    (source,) = paragraph.sources
    page = client.get(source_url(cast.school, source) + "&sort=id").content.decode()
    body = page.split("<tbody>")[1].split("</tbody>")[0]
    return {re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in body.split("<tr>")[1:]}


def test_each_link_lists_what_its_paragraph_counts(client, cast, summary):
    assert client.login(username="alice", password=PASSWORD)
    counted = {
        "welfare.occasions": 3,  # the union's wedding, birth and bereavement visits, not the donated wedding gift
        "welfare.obtained.donation": 2,  # the two donations, whatever their reason
        "culture.total": 2,  # sports and culture, not the safety training
        "welfare.total": 5,  # every visit the union paid
        "welfare.festival": 1,
        "meetings.congress_total": 2,  # both congresses of the year, not the committee
        "meetings.committees": 1,
        "members.female": 1,  # 王丽: 李芳 is retired
        "welfare.hardship_register": 1,
    }
    for key, count in counted.items():
        assert len(rows_behind(client, cast, summary, key)) == count, key
    occasions = " ".join(rows_behind(client, cast, summary, "welfare.occasions"))
    assert "工会经费" in occasions and "职工捐款" not in occasions
    donations = " ".join(rows_behind(client, cast, summary, "welfare.obtained.donation"))
    assert "工会经费" not in donations
    assert {row.split()[1] for row in rows_behind(client, cast, summary, "culture.total")} == {"sports活动", "culture活动"}


def test_several_values_show_as_a_list_with_each_one_chosen(client, cast, summary):
    assert client.login(username="alice", password=PASSWORD)
    source = document_of(summary).paragraph("welfare.occasions").sources[0]
    page = client.get(source_url(cast.school, source)).content.decode()
    assert re.search(r'<select name="choice"[^>]*multiple', page)
    for label in ("结婚祝贺", "生育慰问", "丧葬慰问"):
        assert re.search(rf'<option value="\w+" selected>{label}</option>', page), label
    single = client.get(reverse("reports:ledger", args=["school", "welfare"]) + "?choice=wedding").content.decode()
    assert not re.search(r'<select name="choice"[^>]*multiple', single)
