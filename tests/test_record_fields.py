"""The facts records keep for the report: how the union took part, what an honor is and where it was
won, whose money a payment was and which festival it was for."""
import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from reports.choices import FestivalOccasion, FundSource, HonorKind, Participation, WelfareReason
from reports.forms.records import HonorForm
from reports.models import Activity, Honor, WelfarePayment
from reports.models.records import honor_kind_from_title

from .conftest import PASSWORD
from .records import make_activity, make_payment

D = datetime.date


def test_new_records_take_the_defaults(cast):
    activity = make_activity(cast.school, D(2024, 5, 1))
    honor = Honor.objects.create(branch=cast.school, date=D(2024, 5, 1), title="模范职工之家", level="county")
    payment = make_payment(cast.school, D(2024, 1, 20))
    assert activity.participation == Participation.ORGANISED
    assert (honor.kind, honor.activity) == (HonorKind.TITLE, None)
    assert (payment.fund_source, payment.occasion) == (FundSource.UNION_FUNDS, "")


@pytest.mark.parametrize("reason", [WelfareReason.BIRTHDAY, WelfareReason.RETIREE, WelfareReason.HARDSHIP])
def test_an_occasion_is_only_for_festival_visits(cast, reason):
    payment = WelfarePayment(branch=cast.school, date=D(2024, 10, 11), reason=reason, recipients="退休职工",
                             occasion=FestivalOccasion.DOUBLE_NINTH)
    with pytest.raises(ValidationError) as excinfo:
        payment.full_clean()
    assert excinfo.value.message_dict["occasion"] == ["只有事由为“节日慰问”的记录才能填写节日。"]
    with pytest.raises(IntegrityError), transaction.atomic():
        payment.save()


def test_festival_occasion_as_recorded_or_from_the_date(cast):
    said = make_payment(cast.school, D(2025, 5, 31), occasion=FestivalOccasion.OTHER, recipients="职工子女")
    guessed = make_payment(cast.school, D(2025, 9, 30))
    other_reason = make_payment(cast.school, D(2025, 9, 30), reason=WelfareReason.BIRTHDAY)
    assert said.festival_occasion() == FestivalOccasion.OTHER  # 六一, not 端午 of the same day
    assert guessed.festival_occasion() == FestivalOccasion.MID_AUTUMN
    assert other_reason.festival_occasion() == ""
    assert (said.festival_label, guessed.festival_label, other_reason.festival_label) == ("其他", "中秋（推定）", "")


@pytest.mark.parametrize(
    "source, paid",
    [
        (FundSource.UNION_FUNDS, True),
        (FundSource.ADMINISTRATION, True),
        (FundSource.HIGHER_UNION, True),
        (FundSource.DONATION, False),
        (FundSource.RELIEF_APPLIED, False),
        (FundSource.OTHER, False),
    ],
)
def test_whose_money(cast, source, paid):
    payment = make_payment(cast.school, D(2024, 8, 12), reason=WelfareReason.SERIOUS_ILLNESS, fund_source=source)
    assert payment.is_union_payment is paid
    assert (source in FundSource.paid_by_union()) is paid


def test_an_honor_may_only_name_an_activity_of_its_branch(cast):
    own = make_activity(cast.school, D(2024, 11, 14), title="参加全县篮球赛", participation=Participation.ATTENDED)
    foreign = make_activity(cast.plant, D(2024, 11, 14), title="参加全县篮球赛")
    honor = Honor(branch=cast.school, date=D(2024, 11, 16), title="团体第三名", kind=HonorKind.PRIZE, level="county",
                  activity=foreign)
    with pytest.raises(ValidationError) as excinfo:
        honor.full_clean()
    assert excinfo.value.message_dict["activity"] == ["所选活动不属于本工会。"]
    honor.activity = own
    honor.full_clean()
    honor.save()
    assert list(own.honors.all()) == [honor]
    own.delete()  # the honor stays, without its activity
    honor.refresh_from_db()
    assert honor.activity is None


def test_the_honor_form_lists_the_branchs_activities_latest_first(cast):
    older = make_activity(cast.school, D(2023, 11, 14), title="篮球赛")
    newer = make_activity(cast.school, D(2024, 11, 14), title="篮球赛")
    make_activity(cast.plant, D(2024, 12, 1), title="别家的活动")
    field = HonorForm(branch=cast.school).fields["activity"]
    assert list(field.queryset) == [newer, older]
    assert field.label_from_instance(newer) == "2024-11-14 篮球赛"


def test_the_honor_page_refuses_another_branchs_activity(client, cast):
    foreign = make_activity(cast.plant, D(2024, 11, 14), title="别家的篮球赛")
    assert client.login(username="alice", password=PASSWORD)
    data = {"date": "2024-11-16", "title": "团体第三名", "kind": "prize", "level": "county",
            "recipient_kind": "collective", "activity": foreign.pk}
    response = client.post(reverse("reports:record_add", args=["school", "honors"]), data)
    assert response.status_code == 200
    assert "选择一个有效的选项" in response.content.decode()
    assert not Honor.objects.exists()


def test_the_forms_show_the_new_fields_in_chinese(client, cast):
    assert client.login(username="alice", password=PASSWORD)
    pages = {slug: client.get(reverse("reports:record_add", args=["school", slug])).content.decode()
             for slug in ("activities", "honors", "welfare")}
    assert "参与方式" in pages["activities"] and "组织参加" in pages["activities"]
    assert "获奖活动" in pages["honors"] and "奖项/名次" in pages["honors"]
    assert "节日" in pages["welfare"] and "代为申请救助" in pages["welfare"] and "按日期推定" in pages["welfare"]


def test_a_festival_visit_with_its_occasion_is_saved_from_the_form(client, cast):
    assert client.login(username="alice", password=PASSWORD)
    data = {"date": "2024-03-08", "reason": "festival", "occasion": "womens_day", "recipients": "全体女职工",
            "headcount": "36", "cash": "0", "goods_value": "3600", "fund_source": "union_funds"}
    assert client.post(reverse("reports:record_add", args=["school", "welfare"]), data).status_code == 302
    assert WelfarePayment.objects.get().occasion == FestivalOccasion.WOMENS_DAY
    data.update(reason="birthday")
    response = client.post(reverse("reports:record_add", args=["school", "welfare"]), data)
    assert "只有事由为“节日慰问”的记录才能填写节日" in response.content.decode()
    assert WelfarePayment.objects.count() == 1


@pytest.mark.parametrize(
    "title, kind",
    [
        ("模范职工之家", HonorKind.TITLE),
        ("示范县五一劳动奖章", HonorKind.TITLE),
        ("先进集体", HonorKind.TITLE),
        ("一等奖", HonorKind.PRIZE),
        ("全县职工歌咏比赛优秀组织奖", HonorKind.PRIZE),
        ("篮球赛小学组第二名", HonorKind.PRIZE),
        ("团体第十名", HonorKind.PRIZE),
        ("比赛名次", HonorKind.PRIZE),
        ("金奖", HonorKind.PRIZE),
    ],
)
def test_the_kind_a_title_suggests(title, kind):
    assert honor_kind_from_title(title) == kind


def test_activity_cost_and_result_unchanged_by_participation(cast):
    # 组织参加 is recorded with the union's own outlay for sending people (fees, transport).
    activity = make_activity(cast.school, D(2024, 11, 14), participation=Participation.ATTENDED, cost=Decimal("1600"),
                             partners="示范县教育体育局工会", result="获得小学组第二名。")
    activity.full_clean()
    assert Activity.objects.get(pk=activity.pk).get_participation_display() == "组织参加"
