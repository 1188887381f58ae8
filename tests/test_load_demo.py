"""load_demo: the demo county loads, reloads without touching a row, and every account logs in."""
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from reports import demo
from reports.choices import MeetingKind, RoleKind
from reports.models import Activity, Branch, Honor, Meeting, Member, Revision, Role, WelfarePayment

RECORD_MODELS = (Member, Activity, WelfarePayment, Honor, Meeting)
UNION_CODES = ("school", "waterworks", "bureau")
EXPECTED_ROLES = {
    ("school-secretary", "school", RoleKind.SECRETARY),
    ("school-chair", "school", RoleKind.CHAIR),
    ("waterworks-secretary", "waterworks", RoleKind.SECRETARY),
    ("waterworks-chair", "waterworks", RoleKind.CHAIR),
    ("bureau-secretary", "bureau", RoleKind.SECRETARY),
    ("bureau-chair", "bureau", RoleKind.CHAIR),
    ("county-officer", "county", RoleKind.OFFICER),
    ("county-chair", "county", RoleKind.CHAIR),
}


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    # The demo creates eight users; real hashing would make each load take seconds.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def loaded(db):
    return demo.load_demo()


def all_models():
    return (Branch, get_user_model(), Role, *RECORD_MODELS)


def snapshot():
    """Every row of every demo table, field by field (password hashes included)."""
    return {model._meta.label: list(model.objects.order_by("pk").values()) for model in all_models()}


def test_second_run_changes_nothing(loaded):
    assert loaded == {
        "branches": Branch.objects.count(),
        "users": get_user_model().objects.count(),
        "roles": Role.objects.count(),
        "members": Member.objects.count(),
        "activities": Activity.objects.count(),
        "payments": WelfarePayment.objects.count(),
        "honors": Honor.objects.count(),
        "meetings": Meeting.objects.count(),
        "reports": Revision.objects.filter(state="approved").count(),
    }
    assert loaded["branches"] == 4 and loaded["users"] == 9 and loaded["reports"] == 2
    before = snapshot()
    assert demo.load_demo() == dict.fromkeys(demo.COUNT_KINDS, 0)
    assert snapshot() == before

    # A secretary's edit survives the next load.
    Member.objects.filter(branch__code="school", name="陈静").update(position="工会副主席")
    assert demo.load_demo()["members"] == 0
    assert Member.objects.get(branch__code="school", name="陈静").position == "工会副主席"


def test_tree_accounts_and_logins(loaded):
    county = Branch.objects.get(code="county")
    assert county.is_federation and county.name == "示范县总工会" and county.short_name == "县总工会"
    for code in UNION_CODES:
        union = Branch.objects.get(code=code)
        assert union.parent == county and union.path == f"/county/{code}/"
        assert union.founded_on and union.address.startswith("示范县") and union.phone
    assert set(Role.objects.values_list("user__username", "branch__code", "kind")) == EXPECTED_ROLES
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert all(u.last_name and u.first_name for u in get_user_model().objects.all())
    for username, _, _ in demo.demo_logins():
        assert Client().login(username=username, password=demo.DEMO_PASSWORD), username


def test_each_union_has_last_year_and_a_start_on_this_one(loaded):
    today = timezone.localdate()
    last_year, this_year = today.year - 1, today.year
    for branch in Branch.objects.filter(code__in=UNION_CODES):
        members = Member.objects.filter(branch=branch)
        assert 35 <= members.count() <= 45, branch.code
        assert 2 <= members.filter(is_hardship=True).count() <= 3, branch.code
        assert members.filter(joined_on__year=last_year).exists(), branch.code

        def count(model, year):
            return model.objects.filter(branch=branch).in_year(year).count()

        assert count(Activity, last_year) >= 20, branch.code
        assert count(WelfarePayment, last_year) >= 15, branch.code
        assert 3 <= count(Honor, last_year) <= 6, branch.code
        assert count(Meeting, last_year) >= 4, branch.code
        congress = Meeting.objects.get(
            branch=branch, kind__in=[MeetingKind.WORKERS_CONGRESS, MeetingKind.STAFF_CONGRESS]
        )
        assert 0 < congress.proposals_accepted <= congress.proposals_received, branch.code
        assert count(Activity, this_year) >= 3, branch.code
        assert count(WelfarePayment, this_year) >= 2, branch.code
        assert count(Meeting, this_year) >= 1, branch.code


def test_every_row_is_valid_and_none_is_dated_after_today(loaded):
    for model in all_models():
        for obj in model.objects.all():
            obj.full_clean()
    for payment in WelfarePayment.objects.exclude(member=None).select_related("member"):
        assert payment.member.branch_id == payment.branch_id
    today = timezone.localdate()
    date_fields = {
        Branch: ["founded_on"],
        Member: ["birth_date", "joined_on", "hardship_since"],
        Activity: ["start_date", "end_date"],
        WelfarePayment: ["date"],
        Honor: ["date"],
        Meeting: ["date"],
    }
    for model, fields in date_fields.items():
        for field in fields:
            assert not model.objects.filter(**{f"{field}__gt": today}).exists(), (model, field)


def test_early_january_clamps_this_years_records_to_today(db):
    # On 1 January every record of the new year falls on the same day; natural keys must still differ.
    new_year = datetime.date(timezone.localdate().year, 1, 1)
    counts = demo.load_demo(today=new_year)
    this_year = [model.objects.in_year(new_year.year) for model in (Activity, WelfarePayment, Meeting)]
    assert all(q.exists() for q in this_year)
    assert all(not q.exclude(**{q.model.date_field: new_year}).exists() for q in this_year)
    assert not Activity.objects.filter(end_date__gt=new_year).exists()
    expected = sum(len(u.this_year.activities) for u in demo.UNIONS)
    assert this_year[0].count() == expected
    assert counts["payments"] == WelfarePayment.objects.count()
    assert demo.load_demo(today=new_year) == dict.fromkeys(demo.COUNT_KINDS, 0)


def test_command_reports_in_chinese(db):
    first, second = io.StringIO(), io.StringIO()
    call_command("load_demo", stdout=first)
    call_command("load_demo", stdout=second)
    assert "已载入演示数据" in first.getvalue() and "会员" in first.getvalue()
    assert "演示数据已是最新，无需改动。" in second.getvalue()
    for username in ("school-secretary", "county-officer", "admin"):
        assert username in second.getvalue()
    assert "unionreports" in second.getvalue() and "示范县自来水公司工会" in second.getvalue()


def test_last_years_summaries_of_school_and_bureau_are_approved(loaded):
    from reports.documents.content import Document
    from reports.models import Report

    year = timezone.localdate().year - 1
    approved = Report.objects.filter(kind="summary", year=year, revisions__state="approved")
    assert sorted(approved.values_list("branch__code", flat=True)) == ["bureau", "school"]
    for report in approved:
        revision = report.current_revision()
        assert Document.from_dict(revision.content).placeholders() == []
        assert revision.approved_by.username == f"{report.branch.code}-chair"
    assert not Report.objects.filter(branch__code="waterworks").exists()


def test_the_demo_uses_every_new_field(loaded):
    from reports.choices import FestivalOccasion, FundSource, HonorKind, Participation, UnitKind, WelfareReason

    for participation in Participation.values:
        assert Activity.objects.filter(participation=participation).exists(), participation
    attended = Activity.objects.filter(participation=Participation.ATTENDED)
    # The organiser is named, and what came of taking part is said.
    assert all(activity.partners and activity.result for activity in attended)

    assert Honor.objects.filter(kind=HonorKind.TITLE).exists()
    prizes = Honor.objects.filter(kind=HonorKind.PRIZE, activity__participation=Participation.ATTENDED)
    assert prizes.count() >= 3
    assert all(prize.activity.branch_id == prize.branch_id and prize.activity.result for prize in prizes)

    for source in (FundSource.UNION_FUNDS, FundSource.ADMINISTRATION, FundSource.HIGHER_UNION,
                   FundSource.DONATION, FundSource.RELIEF_APPLIED):
        assert WelfarePayment.objects.filter(fund_source=source).exists(), source
    festival = WelfarePayment.objects.filter(reason=WelfareReason.FESTIVAL)
    for occasion in (FestivalOccasion.SPRING_FESTIVAL, FestivalOccasion.WOMENS_DAY, FestivalOccasion.MID_AUTUMN,
                     FestivalOccasion.OTHER):
        assert festival.filter(occasion=occasion).exists(), occasion
    # Some are left for the date to tell: a 春节 visit recorded without its occasion.
    inferred = [p for p in festival.filter(occasion="") if p.festival_occasion() == FestivalOccasion.SPRING_FESTIVAL]
    assert inferred

    kinds = dict(Branch.objects.values_list("code", "unit_kind"))
    assert kinds == {"county": UnitKind.GOVERNMENT, "school": UnitKind.SCHOOL, "waterworks": UnitKind.COMPANY,
                     "bureau": UnitKind.GOVERNMENT}
    words = {code: Branch.objects.get(code=code).unit_words() for code in UNION_CODES}
    assert (words["school"].self_reference, words["school"].staff) == ("本校", "教职工")
    assert (words["bureau"].self_reference, words["bureau"].staff) == ("本局", "干部职工")
    assert words["bureau"].party_organisation == "中共示范县住房和城乡建设局机关委员会"
