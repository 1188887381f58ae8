"""Ledger pages: find, add, change and delete each kind of record; others only read or see 404."""
import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from reports.models import Activity, Member, WelfarePayment

from .conftest import PASSWORD
from .records import make_activity, make_member, make_payment

SLUGS = ["members", "activities", "welfare", "honors", "meetings"]


def login(client, username):
    assert client.login(username=username, password=PASSWORD)
    return client


def ledger_url(code, slug):
    return reverse("reports:ledger", args=[code, slug])


def add_url(code, slug):
    return reverse("reports:record_add", args=[code, slug])


VALID_POSTS = {
    "members": {"name": "李娜", "gender": "female", "employment_type": "established", "status": "active"},
    "activities": {"title": "教职工拔河比赛", "category": "sports", "start_date": "2024-05-10", "participants": "60", "cost": "800.50"},
    "welfare": {"date": "2024-01-20", "reason": "festival", "recipients": "离退休职工", "headcount": "12", "cash": "2400", "goods_value": "0", "fund_source": "union_funds"},
    "honors": {"date": "2024-04-28", "title": "模范职工之家", "level": "county", "recipient_kind": "collective"},
    "meetings": {"date": "2024-03-01", "kind": "staff_congress", "session": "六届三次", "attendees": "40", "proposals_received": "12", "proposals_accepted": "5"},
}


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("who", ["alice", "carol"])
def test_secretary_and_chair_add_change_and_delete_each_kind(client, cast, slug, who):
    login(client, who)
    response = client.post(add_url("school", slug), VALID_POSTS[slug])
    assert response.status_code == 302, response.content.decode()[:2000]
    from reports.ledgers import LEDGERS

    model = LEDGERS[slug].model
    record = model.objects.get(branch=cast.school)
    page = client.get(ledger_url("school", slug)).content.decode()
    assert str(record) in page

    changed = dict(VALID_POSTS[slug])
    field = {"members": "name", "activities": "title", "welfare": "recipients", "honors": "title", "meetings": "session"}[slug]
    changed[field] = "已修改"
    edit = reverse("reports:record_edit", args=["school", slug, record.pk])
    assert client.post(edit, changed).status_code == 302
    record.refresh_from_db()
    assert getattr(record, field) == "已修改"

    delete = reverse("reports:record_delete", args=["school", slug, record.pk])
    assert "确定要删除" in client.get(delete).content.decode()
    assert model.objects.filter(pk=record.pk).exists(), "GET must only ask"
    assert client.post(delete).status_code == 302
    assert not model.objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize("slug", SLUGS)
def test_officer_reads_ledgers_but_cannot_change(client, cast, slug):
    login(client, "oscar")
    assert client.get(ledger_url("school", slug)).status_code == 200
    assert client.get(add_url("school", slug)).status_code == 403
    assert client.post(add_url("school", slug), VALID_POSTS[slug]).status_code == 403
    assert add_url("school", slug) not in client.get(ledger_url("school", slug)).content.decode()


def test_other_branch_records_are_unreachable(client, cast):
    activity = make_activity(cast.plant, datetime.date(2024, 5, 1), title="水厂活动")
    login(client, "alice")
    assert client.get(ledger_url("plant", "activities")).status_code == 404
    for name in ("record_edit", "record_delete"):
        # Through the owner's URL and smuggled under alice's own branch code alike.
        assert client.get(reverse(f"reports:{name}", args=["plant", "activities", activity.pk])).status_code == 404
        assert client.get(reverse(f"reports:{name}", args=["school", "activities", activity.pk])).status_code == 404
    assert client.post(reverse("reports:record_delete", args=["school", "activities", activity.pk])).status_code == 404
    assert Activity.objects.filter(pk=activity.pk).exists()


def test_unknown_ledger_is_404(client, cast):
    login(client, "alice")
    assert client.get(ledger_url("school", "secrets")).status_code == 404


def form_errors(client, slug, data):
    response = client.post(add_url("school", slug), data)
    assert response.status_code == 200
    return response.context["form"].errors


def test_validation_messages_are_chinese_and_nothing_is_saved(client, cast):
    login(client, "alice")
    tomorrow = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    bad = {
        "activities": [
            ({"end_date": "2024-05-09"}, "end_date", "结束日期不能早于开始日期。"),
            ({"participants": "-1"}, "participants", None),
            ({"cost": "-5"}, "cost", "金额不能为负数。"),
            ({"cost": "10.555"}, "cost", None),
            ({"start_date": tomorrow}, "start_date", "日期不能晚于今天。"),
            ({"title": "长" * 201}, "title", None),
            ({"title": ""}, "title", "这个字段是必填项。"),
        ],
        "welfare": [
            ({"headcount": "0"}, "headcount", "人次至少为 1。"),
            ({"cash": "-1"}, "cash", "金额不能为负数。"),
            ({"recipients": ""}, "recipients", "请选择会员，或填写慰问对象说明。"),
        ],
        "meetings": [({"proposals_accepted": "13"}, "proposals_accepted", "立案数不能多于收到的提案数。")],
    }
    for slug, cases in bad.items():
        for change, field, message in cases:
            errors = form_errors(client, slug, {**VALID_POSTS[slug], **change})
            assert field in errors, (slug, change, errors)
            if message:
                assert message in errors[field], (slug, change, errors[field])
            else:
                assert all(any("\u4e00" <= ch <= "\u9fff" for ch in e) for e in errors[field]), errors[field]
    assert not Activity.objects.exists() and not WelfarePayment.objects.exists()


def test_payment_cannot_name_a_member_of_another_branch(client, cast):
    stranger = make_member(cast.plant, "李强")
    login(client, "alice")
    errors = form_errors(client, "welfare", {**VALID_POSTS["welfare"], "member": stranger.pk, "recipients": ""})
    assert "member" in errors
    assert not WelfarePayment.objects.exists()


def test_member_with_payments_is_kept_with_a_message(client, cast):
    member = make_member(cast.school)
    make_payment(cast.school, datetime.date(2024, 3, 1), member=member)
    login(client, "alice")
    response = client.post(reverse("reports:record_delete", args=["school", "members", member.pk]), follow=True)
    assert "不能删除" in response.content.decode()
    assert Member.objects.filter(pk=member.pk).exists()


def test_filters_search_sort_and_totals(client, cast):
    make_activity(cast.school, datetime.date(2024, 3, 8), title="三八趣味运动会", participants=80, cost=Decimal("1000"))
    make_activity(cast.school, datetime.date(2024, 9, 10), title="教师节座谈会", category="social", participants=30, cost=Decimal("250.5"))
    make_activity(cast.school, datetime.date(2023, 9, 10), title="去年教师节", category="social", participants=25)
    login(client, "alice")
    url = ledger_url("school", "activities")

    def titles(**params):
        response = client.get(url, params)
        return [record.title for record, _ in response.context["table"]], dict(
            (t.label, v) for t, v in response.context["totals"]
        )

    found, totals = titles(year=2024)
    assert found == ["教师节座谈会", "三八趣味运动会"]
    assert totals == {"活动": 2, "参加人次": 110, "费用（元）": Decimal("1250.50")}
    assert titles(year=2024, month=3)[0] == ["三八趣味运动会"]
    assert titles(choice="social")[0] == ["教师节座谈会", "去年教师节"]
    assert titles(q="教师节")[0] == ["教师节座谈会", "去年教师节"]
    assert titles(sort="participants")[0] == ["去年教师节", "教师节座谈会", "三八趣味运动会"]
    assert titles(sort="-participants", year="abc", month="13")[0][0] == "三八趣味运动会"  # bad values ignored
    assert titles(sort="branch__name")[0][0] == "教师节座谈会"  # unknown sort falls back to the default


def test_pagination_keeps_the_filters(client, cast):
    for i in range(30):
        make_activity(cast.school, datetime.date(2024, 1, 1) + datetime.timedelta(days=i), title=f"活动{i:02d}")
    login(client, "alice")
    response = client.get(ledger_url("school", "activities"), {"year": 2024})
    page = response.content.decode()
    assert "第 1 / 2 页，共 30 条" in page
    assert "?year=2024&amp;page=2" in page


def test_the_year_filter_offers_recent_years_and_the_years_of_records(client, cast, today):
    make_activity(cast.school, datetime.date(2005, 5, 4), title="青年节歌咏会")
    login(client, "alice")
    form = client.get(ledger_url("school", "activities")).context["filters"]
    years = [value for value, _ in form.fields["year"].choices if value]
    assert years == [str(y) for y in range(today.year, today.year - 10, -1)] + ["2005"]
