"""Records that would count something twice or say something impossible are refused, by the web
form, by the Excel import and by the database, with a Chinese message and nothing saved."""
import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from reports.choices import MeetingKind, MemberStatus, WelfareReason
from reports.models import Branch, Meeting, Member, WelfarePayment
from reports.workbook import WorkbookRejected, import_branches, import_workbook

from .conftest import PASSWORD
from .records import make_meeting, make_member, make_payment
from .workbooks import make_workbook, sheet, workbook

DAY = datetime.date(2024, 3, 1)
CONGRESS = {"日期": "2024-03-01", "会议类型": "教职工代表大会", "届次": "六届三次", "出席人数": 40}


def login(client, username="alice"):
    assert client.login(username=username, password=PASSWORD)
    return client


def problems_of(branch, fileobj):
    with pytest.raises(WorkbookRejected) as excinfo:
        import_workbook(branch, fileobj, actor=None)
    return [str(problem) for problem in excinfo.value.problems]


# -- the same meeting twice ---------------------------------------------------------------------

def test_the_form_refuses_a_second_congress_on_the_same_day_and_session(client, cast):
    make_meeting(cast.school, DAY, session="六届三次", attendees=40)
    post = {"date": "2024-03-01", "kind": "staff_congress", "session": "六届三次", "attendees": "41",
            "proposals_received": "0", "proposals_accepted": "0"}
    response = login(client).post(reverse("reports:record_add", args=["school", "meetings"]), post)
    assert response.status_code == 200
    assert response.content.decode().count("已经记录了同一届次的这种会议") == 1  # said once, not twice
    assert Meeting.objects.filter(branch=cast.school).count() == 1


def test_another_session_or_another_branch_is_a_different_meeting(client, cast):
    make_meeting(cast.school, DAY, session="六届三次")
    make_meeting(cast.school, DAY, session="六届四次")
    make_meeting(cast.plant, DAY, session="六届三次")
    assert Meeting.objects.count() == 3


def test_the_database_refuses_it_too(cast):
    make_meeting(cast.school, DAY, session="六届三次")
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(branch=cast.school, date=DAY, kind=MeetingKind.STAFF_CONGRESS, session="六届三次")


def test_an_import_refuses_a_meeting_repeated_in_the_sheet(cast):
    problems = problems_of(cast.school, workbook(sheet("会议", CONGRESS, {**CONGRESS, "出席人数": 42})))
    assert problems == ["会议 第3行：与第2行是同一次会议（2024-03-01 六届三次教职工代表大会），请删去重复的一行。"]
    assert not Meeting.objects.exists()


def test_an_import_refuses_a_row_that_contradicts_the_meeting_on_record(cast):
    make_meeting(cast.school, DAY, session="六届三次", attendees=40)
    member = {"姓名": "李娜", "性别": "女"}
    problems = problems_of(cast.school, workbook(sheet("会员", member), sheet("会议", {**CONGRESS, "出席人数": 45})))
    assert len(problems) == 1 and problems[0].startswith("会议 第2行：系统中已有这次会议")
    assert not Member.objects.exists() and Meeting.objects.get().attendees == 40


def test_an_import_still_skips_the_same_meeting_imported_before(cast):
    make_meeting(cast.school, DAY, session="六届三次", attendees=40)
    result = import_workbook(cast.school, workbook(sheet("会议", CONGRESS)), actor=None)
    assert result.skipped["会议"] == 1 and Meeting.objects.count() == 1


# -- one named member, several 人次 -------------------------------------------------------------

def test_the_form_refuses_several_headcount_for_one_member(client, cast):
    member = make_member(cast.school, "王丽")
    post = {"date": "2024-01-20", "reason": "sickness", "member": str(member.pk), "recipients": "", "headcount": "2",
            "cash": "500", "goods_value": "0", "fund_source": "union_funds"}
    response = login(client).post(reverse("reports:record_add", args=["school", "welfare"]), post)
    assert response.status_code == 200
    assert "选了一位会员时人次只能为 1" in response.content.decode()
    assert not WelfarePayment.objects.exists()


def test_the_database_refuses_several_headcount_for_one_member(cast):
    member = make_member(cast.school, "王丽")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_payment(cast.school, DAY, member=member, headcount=2, reason=WelfareReason.SICKNESS)


def test_an_import_refuses_several_headcount_for_one_member(cast):
    member = {"姓名": "王丽", "性别": "女"}
    payment = {"日期": "2024-01-20", "事由": "生病住院慰问", "会员姓名": "王丽", "人次": 2, "慰问金（元）": 500}
    problems = problems_of(cast.school, workbook(sheet("会员", member), sheet("帮扶慰问", payment)))
    assert problems == ["帮扶慰问 第2行 人次：选了一位会员时人次只能为 1；发给多人时请不选会员，在“对象说明”中写明对象并填写总人次。"]
    assert not Member.objects.exists() and not WelfarePayment.objects.exists()


# -- a workforce smaller than the register ------------------------------------------------------

def register(branch, active, retired=0):
    for i in range(active):
        make_member(branch, f"在册{i}")
    for i in range(retired):
        make_member(branch, f"退休{i}", status=MemberStatus.RETIRED)


def test_the_branch_form_refuses_a_workforce_below_the_members_on_register(client, cast):
    register(cast.school, active=3, retired=2)
    url = reverse("reports:branch_info", args=["school"])
    response = login(client).post(url, {"workforce": "2", "unit_kind": "", "party_organisation": ""})
    assert response.status_code == 200
    assert "职工总数（2）不能少于在册会员人数（3）" in response.content.decode()
    assert Branch.objects.get(code="school").workforce == 50
    # Retired members are not on the register: three is enough.
    assert login(client).post(url, {"workforce": "3", "unit_kind": "", "party_organisation": ""}).status_code == 302


def test_the_branch_sheet_refuses_it_too(cast):
    register(cast.school, active=3)
    row = ["school", cast.school.name, cast.school.short_name, "county", "基层工会", "学校", 2]
    with pytest.raises(WorkbookRejected) as excinfo:
        import_branches(make_workbook(sheet("工会组织", row)), actor=None)
    assert [str(p) for p in excinfo.value.problems] == [
        "工会组织 第2行 职工总数：职工总数（2）不能少于在册会员人数（3）。职工总数是单位全部在岗职工（含非会员），请核对后重新填写。"
    ]
    assert Branch.objects.get(code="school").workforce == 50
