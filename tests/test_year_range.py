"""Which years may be chosen: one range for the services, the ledger filter and the year pickers."""
import pytest
from django.urls import reverse

from reports.documents import services
from reports.documents.errors import Code
from reports.forms.documents import NewReportForm
from reports.periods import FIRST_YEAR

from .conftest import PASSWORD
from .reviews import raises_refusal


@pytest.mark.parametrize(
    "year_of", [lambda today: FIRST_YEAR - 1, lambda today: today.year + 1], ids=["before_the_first", "next_year"]
)
def test_a_summary_outside_the_years_is_refused(cast, today, year_of):
    with raises_refusal(Code.YEAR_OUT_OF_RANGE) as refusal:
        services.create_summary(branch=cast.school, year=year_of(today), user=None)
    assert f"{FIRST_YEAR}年至{today.year}年" in str(refusal.value)
    assert not cast.school.reports.exists()


def test_a_plan_may_be_drafted_for_next_year_but_not_the_one_after(cast, today):
    services.create_plan(branch=cast.school, year=today.year + 1, user=None)
    with raises_refusal(Code.YEAR_OUT_OF_RANGE):
        services.create_plan(branch=cast.school, year=today.year + 2, user=None)


def test_the_new_report_form_offers_next_year_and_the_last_five(today):
    offered = [year for year, _ in NewReportForm().fields["year"].choices]
    assert offered == list(range(today.year + 1, today.year - 6, -1))


def test_the_home_page_falls_back_to_this_year_outside_the_range(client, cast, today):
    client.login(username="alice", password=PASSWORD)
    url = reverse("reports:branch_home", args=["school"])
    assert client.get(url, {"year": FIRST_YEAR}).context["year"] == FIRST_YEAR
    assert client.get(url, {"year": FIRST_YEAR - 1}).context["year"] == today.year
    assert list(client.get(url).context["years"]) == list(range(today.year, today.year - 10, -1))
