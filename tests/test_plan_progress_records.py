"""A plan item is carried out by any record that says so (a welfare payment, a meeting, an honour,
an activity) or marked by hand with a note and a date; the summary's 计划完成情况, the next plan's
carried-over items and the plan page read all of them alike."""
import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from reports.choices import MeetingKind, PlanStatus, WelfareReason
from reports.documents import services
from reports.documents.plan_basis import gather_plan_basis
from reports.models import Activity, PlanItem, PlanItemMark, WelfarePayment

from .conftest import PASSWORD
from .drafting_helpers import document_of
from .records import make_meeting, make_payment


@pytest.fixture
def plan(cast, last_year):
    """Last year's plan for the school, from the sector's skeleton."""
    return services.create_plan(branch=cast.school, year=last_year, user=None)


def item_in(plan, month) -> PlanItem:
    return PlanItem.objects.filter(report=plan, first_month=month).order_by("position").first()


def named(item) -> str:
    return f"{item.month_label}{item.text}"


def summary_progress(cast, year) -> str:
    report = services.create_summary(branch=cast.school, year=year, user=None)
    return document_of(report).paragraph("plan.progress").text


def test_a_welfare_payment_a_meeting_and_a_mark_by_hand_carry_out_items(client, cast, last_year, plan):
    warmth, congress, study = item_in(plan, 1), item_in(plan, 3), item_in(plan, 5)
    make_payment(cast.school, datetime.date(last_year, 1, 20), reason=WelfareReason.FESTIVAL, headcount=30,
                 cash=Decimal("6000"), plan_item=warmth)
    make_meeting(cast.school, datetime.date(last_year, 3, 15), kind=MeetingKind.STAFF_CONGRESS, session="三届四次",
                 plan_item=congress, plan_status=PlanStatus.IN_PROGRESS)
    assert client.login(username="alice", password=PASSWORD)
    response = client.post(
        reverse("reports:plan_item_mark", args=["school", plan.pk, study.key]),
        {"status": "done", "date": f"{last_year}-05-20", "note": "已完成，见学校工作简报第3期"}, follow=True,
    )
    assert "已标记计划事项的完成情况" in response.content.decode()

    text = summary_progress(cast, last_year)
    assert "已完成2项" in text, text
    assert f"正在推进的有：{named(congress)}。" in text, text
    for done in (warmth, study):
        assert named(done) not in text
    # The plan page says by which record each item was carried out.
    page = client.get(reverse("reports:document", args=["school", plan.pk])).content.decode()
    assert f"{last_year}-01-20 帮扶慰问：节日慰问30人次（已完成）" in page
    assert f"{last_year}-03-15 会议：三届四次教职工代表大会（正在推进）" in page
    assert f"{last_year}-05-20 手动标记：已完成，见学校工作简报第3期（已完成）" in page


def test_items_carried_out_by_any_record_are_not_carried_into_next_years_plan(cast, last_year, plan):
    warmth, congress = item_in(plan, 1), item_in(plan, 3)
    make_payment(cast.school, datetime.date(last_year, 1, 20), plan_item=warmth)
    make_meeting(cast.school, datetime.date(last_year, 3, 15), plan_item=congress, plan_status=PlanStatus.IN_PROGRESS)
    unfinished = {item.pk for item in gather_plan_basis(cast.school, last_year + 1).unfinished}
    assert warmth.pk not in unfinished
    assert congress.pk in unfinished  # under way is not done: it is carried on


def test_the_welfare_form_offers_the_plan_items_and_keeps_the_link(client, cast, last_year, plan):
    warmth = item_in(plan, 1)
    assert client.login(username="alice", password=PASSWORD)
    url = reverse("reports:record_add", args=["school", "welfare"])
    form = client.get(url).content.decode()
    assert "计划事项" in form and named(warmth).split("月份")[-1] in form
    response = client.post(url, {
        "date": f"{last_year}-01-20", "reason": "festival", "recipients": "困难教职工", "headcount": "30",
        "cash": "6000", "goods_value": "0", "fund_source": "union_funds", "plan_item": warmth.pk,
        "plan_status": "in_progress",
    })
    assert response.status_code == 302
    payment = WelfarePayment.objects.get(branch=cast.school)
    assert (payment.plan_item, payment.plan_status) == (warmth, PlanStatus.IN_PROGRESS)


@pytest.mark.parametrize("data, message", [
    ({"status": "done", "date": "", "note": "已完成"}, "日期格式不正确"),
    ({"status": "done", "date": "2001-05-20", "note": "已完成"}, "日期应在"),
    ({"status": "done", "date": "{year}-05-20", "note": "  "}, "请填写简短说明"),
    ({"status": "finished", "date": "{year}-05-20", "note": "已完成"}, "请选择“已完成”或“正在推进”"),
    ({"status": "done", "date": "{year}-05-20", "note": "长" * 201}, "说明不能超过200个字"),
])
def test_a_bad_mark_is_refused_in_chinese_and_saves_nothing(client, cast, last_year, plan, data, message):
    study = item_in(plan, 5)
    assert client.login(username="alice", password=PASSWORD)
    data = {name: value.replace("{year}", str(last_year)) for name, value in data.items()}
    response = client.post(reverse("reports:plan_item_mark", args=["school", plan.pk, study.key]), data, follow=True)
    assert message in response.content.decode()
    assert not PlanItemMark.objects.exists()


def test_a_summary_or_an_unknown_item_cannot_be_marked(client, cast, last_year, plan):
    summary = services.create_summary(branch=cast.school, year=last_year, user=None)
    assert client.login(username="alice", password=PASSWORD)
    data = {"status": "done", "date": f"{last_year}-05-20", "note": "已完成"}
    page = client.post(reverse("reports:plan_item_mark", args=["school", summary.pk, "x"]), data, follow=True)
    assert "只有工作计划的事项可以标记完成情况" in page.content.decode()
    page = client.post(reverse("reports:plan_item_mark", args=["school", plan.pk, "nothing"]), data, follow=True)
    assert "找不到这个计划事项" in page.content.decode()
    assert not PlanItemMark.objects.exists()


def test_a_record_cannot_carry_out_an_item_of_another_years_plan(client, cast, last_year, plan):
    next_plan = services.create_plan(branch=cast.school, year=last_year + 1, user=None)
    assert client.login(username="alice", password=PASSWORD)
    url = reverse("reports:record_add", args=["school", "activities"])
    response = client.post(url, {
        "title": "冬季长跑", "category": "sports", "start_date": f"{last_year}-11-30", "participation": "organised",
        "participants": "80", "cost": "0", "plan_item": item_in(next_plan, 1).pk, "plan_status": "done",
    })
    assert response.status_code == 200
    assert response.context["form"].errors["plan_item"] == [
        f"这条记录的日期在{last_year}年，只能对应{last_year}年工作计划的事项。"
    ]
    assert not Activity.objects.exists()
    offered = response.context["form"]["plan_item"].field.widget.choices
    assert [group for group, _ in offered[1:]] == [f"{last_year}年工作计划"]


def test_a_saved_records_form_offers_only_its_years_plan(client, cast, last_year, plan):
    services.create_plan(branch=cast.school, year=last_year + 1, user=None)
    payment = make_payment(cast.school, datetime.date(last_year, 12, 20))
    assert client.login(username="alice", password=PASSWORD)
    page = client.get(reverse("reports:record_edit", args=["school", "welfare", payment.pk])).content.decode()
    assert f'<optgroup label="{last_year}年工作计划">' in page
    assert f"{last_year + 1}年工作计划" not in page


def test_an_unlinked_activity_of_the_items_kind_and_month_carries_it_out(client, cast, last_year, plan):
    """Records typed in before the plan existed, or imported from Excel, carry no plan link: an
    activity of an item's kind in its months still shows the work was done, on the plan page and
    in the summary, unless the item has reports of its own."""
    item = PlanItem.objects.filter(report=plan).exclude(category="").order_by("position").first()
    other = PlanItem.objects.filter(report=plan).exclude(category="").exclude(category=item.category).order_by("position").first()
    day = datetime.date(last_year, item.first_month, 12)
    Activity.objects.create(branch=cast.school, title="台账里的同类活动", category=item.category, start_date=day, participants=20)
    busy = {m for i in PlanItem.objects.filter(report=plan, category=other.category) for m in range(i.first_month, i.last_month + 1)}
    quiet = next(m for m in range(1, 13) if m not in busy)  # a month with no item of that kind
    Activity.objects.create(branch=cast.school, title="别的月份", category=other.category,
                            start_date=datetime.date(last_year, quiet, 3), participants=5)

    text = summary_progress(cast, last_year)
    assert named(item) not in text, text  # not listed as undone
    assert "已完成1项" in text, text
    assert named(other) in text, text  # an activity outside its months does not count
    assert client.login(username="alice", password=PASSWORD)
    page = client.get(reverse("reports:document", args=["school", plan.pk])).content.decode()
    assert "台账中的同类活动，未对应到事项" in page and "台账里的同类活动" in page
