"""The reporting board: states, dates, overdue marking, filters, the xlsx export, reminders, access."""
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from reports.documents import review, services
from reports.federation import board as boards
from reports.models import Activity, ReportingDeadlines, Transition

from .conftest import PASSWORD
from .federations import YEAR, Area
from .reviews import fill_placeholders


@pytest.fixture
def area(db):
    area = Area()
    area.approve_summary(area.u1)  # u1: summary approved
    secretary, _ = area.people["u2"]
    report = services.create_summary(branch=area.u2, year=YEAR, user=None)  # u2: summary submitted
    fill_placeholders(report)
    review.submit_report(report=report, actor=secretary)
    services.create_plan(branch=area.u3, year=YEAR, user=None)  # u3: plan drafted
    return area


def states(federation, **filters):
    rows = boards.filtered_board(federation, YEAR, boards.BoardFilters(**filters), datetime.date.today())
    return {row.code: (row.plan_state, row.summary_state) for row in rows}


def test_every_union_at_any_depth_with_its_states(area):
    assert states(area.city) == {
        "east": (None, None), "u1": (None, "approved"), "u2": (None, "submitted"),
        "west": (None, None), "u3": ("draft", None), "u4": (None, None),
    }
    assert set(states(area.east)) == {"u1", "u2"}


def test_dates_of_submission_and_approval(area):
    row = boards.board_queryset(area.city, YEAR).get(code="u1")
    assert row.summary_submitted is not None and row.summary_approved is not None
    row = boards.board_queryset(area.city, YEAR).get(code="u2")
    assert row.summary_submitted is not None and row.summary_approved is None


def test_overdue_against_the_federations_deadlines(area):
    ReportingDeadlines.objects.create(branch=area.city, plan_month=3, plan_day=31, summary_month=1, summary_day=31)
    plan_due, summary_due = datetime.date(YEAR, 3, 31), datetime.date(YEAR + 1, 1, 31)
    Transition.objects.filter(report__branch=area.u1, to_state="approved").update(at=boards.end_of(summary_due) - datetime.timedelta(hours=1))
    day = datetime.timedelta(days=1)

    def rows_on(today):
        return {row.code: row for row in boards.board_queryset(area.city, YEAR, today)}

    assert not boards.is_overdue(rows_on(plan_due)["u4"], "plan")  # on the day: not yet
    assert boards.is_overdue(rows_on(plan_due + day)["u4"], "plan")
    assert boards.is_overdue(rows_on(plan_due + day)["u3"], "plan")  # a draft
    rows = rows_on(summary_due + day)
    assert not boards.is_overdue(rows["u1"], "summary")  # approved on the last day
    assert boards.is_missing(rows["u2"], "summary")  # submitted to its chair, not yet approved
    assert boards.is_missing(rows["u4"], "summary")
    late = boards.filtered_board(area.city, YEAR, boards.BoardFilters(overdue="summary"), summary_due + day)
    assert sorted(r.code for r in late) == ["east", "u2", "u3", "u4", "west"]
    early = boards.filtered_board(area.city, YEAR, boards.BoardFilters(overdue="any"), plan_due)
    assert not early.exists()


def test_filters_by_state_and_sector(area):
    assert set(states(area.city, summary_state="approved")) == {"u1"}
    assert set(states(area.city, summary_state="none")) == {"east", "west", "u3", "u4"}
    assert set(states(area.city, plan_state="draft")) == {"u3"}
    assert set(states(area.city, sector="enterprise")) == {"u2"}


def test_board_page_and_export(client, area):
    client.login(username="city-officer", password=PASSWORD)
    response = client.get(reverse("reports:board", args=["city"]), {"year": YEAR})
    page = response.content.decode()
    assert "已通过" in page and "待审核" in page and "未起草" in page
    assert "逾期" in page  # the plan deadline of last year has passed for u4
    export = client.get(reverse("reports:board_export", args=["city"]), {"year": YEAR, "summary_state": "approved"})
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    rows = list(sheet.values)
    assert rows[0][:5] == ("代码", "工会名称", "类型", "行业", "工作计划状态")
    assert [r[0] for r in rows[1:]] == ["u1"] and rows[1][rows[0].index("工作总结状态")] == "已通过"


def test_reminders_name_the_late_unions_with_a_notice(client, area):
    client.login(username="city-officer", password=PASSWORD)
    response = client.get(reverse("reports:reminders", args=["city"]), {"year": YEAR})
    missing = {row["branch"].code: row["missing"] for row in response.context["rows"]}
    assert missing["u4"] == f"{YEAR}年工作计划（未起草）、{YEAR}年工作总结（未起草）"
    assert missing["u1"] == f"{YEAR}年工作计划（未起草）"  # its summary is approved, its plan never drafted
    # Handed in means approved by its chair: a summary still waiting for her is asked for.
    assert missing["u2"] == f"{YEAR}年工作计划（未起草）、{YEAR}年工作总结（待审核）"
    notice = response.context["notice"]
    assert notice.startswith(f"关于催报{YEAR}年工会工作计划和工作总结的通知")
    assert area.u4.name in notice and "示范市总工会" in notice


def test_officer_sets_deadlines_and_bad_days_are_refused(client, area):
    client.login(username="city-officer", password=PASSWORD)
    url = reverse("reports:set_deadlines", args=["city"])
    response = client.post(url, {"plan_month": 2, "plan_day": 30, "summary_month": 1, "summary_day": 15}, follow=True)
    assert "这个月没有这一天" in response.content.decode()
    assert not ReportingDeadlines.objects.exists()
    client.post(url, {"year": YEAR, "plan_month": 4, "plan_day": 30, "summary_month": 1, "summary_day": 15})
    assert boards.due_dates(area.city, YEAR) == {"plan": datetime.date(YEAR, 4, 30), "summary": datetime.date(YEAR + 1, 1, 15)}


@pytest.mark.parametrize("username, code, expected", [
    ("u1-sec", "city", 404), ("u1-chair", "east", 404), ("u1-sec", "u1", 404),  # union users, and a non-federation
    ("east-officer", "city", 404), ("east-officer", "west", 404), ("east-officer", "east", 200),
    ("east-chair", "east", 200), ("city-officer", "east", 200),
])
def test_who_sees_a_board(client, area, username, code, expected):
    client.login(username=username, password=PASSWORD)
    for name in ("reports:board", "reports:totals", "reports:reminders", "reports:board_export"):
        assert client.get(reverse(name, args=[code])).status_code == expected, name


def test_only_officers_set_deadlines(client, area):
    client.login(username="east-chair", password=PASSWORD)
    assert client.post(reverse("reports:set_deadlines", args=["east"]), {"plan_month": 4, "plan_day": 1, "summary_month": 1, "summary_day": 1}).status_code == 403


def test_an_officer_never_changes_a_unions_records(client, area):
    activity = Activity.objects.filter(branch=area.u1).first()
    client.login(username="city-officer", password=PASSWORD)
    assert client.get(reverse("reports:ledger", args=["u1", "activities"])).status_code == 200
    assert client.post(reverse("reports:record_edit", args=["u1", "activities", activity.pk]), {"title": "改"}).status_code == 403
    assert client.post(reverse("reports:record_delete", args=["u1", "activities", activity.pk])).status_code == 403
    assert client.post(reverse("reports:excel", args=["u1"])).status_code == 403
    activity.refresh_from_db()
    assert activity.title != "改"


def test_absurd_deadline_numbers_are_refused_with_a_message(client, area):
    # Found by the property test: a month of 2147483648 once overflowed in the model's clean().
    client.login(username="city-officer", password=PASSWORD)
    url = reverse("reports:set_deadlines", args=["city"])
    response = client.post(url, {"plan_month": "2147483648", "plan_day": "", "summary_month": "-1", "summary_day": "99"}, follow=True)
    assert response.status_code == 200 and "报送期限没有保存" in response.content.decode()
    assert not ReportingDeadlines.objects.exists()
