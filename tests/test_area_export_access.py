"""The area's records go only to those who oversee the area: a federation's own chair reads its
board and totals, but exports, like every union page shows her, only the federation's own records."""
import datetime

import pytest
from django.urls import reverse

from reports.choices import RoleKind
from reports.documents import services

from .conftest import PASSWORD, make_user
from .records import make_member
from .reviews import approve
from .workbooks import read_back

YEAR = datetime.date.today().year


@pytest.fixture
def area(cast, last_year):
    cast.county_chair = make_user("county-chair", branch=cast.county, kind=RoleKind.CHAIR)
    make_member(cast.school, "王丽")
    make_member(cast.plant, "李强")
    make_member(cast.county, "赵敏")  # the federation's own register
    approve(services.create_summary(branch=cast.school, year=last_year, user=None), secretary=cast.alice, chair=cast.carol)
    return cast


def exported_names(client, username, **query):
    client.login(username=username, password=PASSWORD)
    response = client.get(reverse("reports:excel_export", args=["county"]), query)
    assert response.status_code == 200
    rows = read_back(response.content)["会员"].iter_rows(values_only=True)
    return {cell for row in rows for cell in row if cell in {"王丽", "李强", "赵敏"}}


@pytest.mark.parametrize("query", [{}, {"scope": "all"}, {"year": YEAR, "scope": "all"}])
def test_the_federations_chair_exports_only_its_own_records(client, area, query):
    assert exported_names(client, "county-chair", **query) == {"赵敏"}


def test_the_officer_exports_the_area(client, area):
    assert exported_names(client, "oscar", scope="all") == {"王丽", "李强", "赵敏"}


def test_the_excel_page_offers_the_area_export_to_officers_only(client, area):
    url = reverse("reports:excel", args=["county"])
    client.login(username="county-chair", password=PASSWORD)
    assert 'data-testid="area-export"' not in client.get(url).content.decode()
    client.login(username="oscar", password=PASSWORD)
    assert 'data-testid="area-export"' in client.get(url).content.decode()


def test_the_federations_chair_does_not_read_the_unions_summaries_through_typical_practices(client, area, last_year):
    county_summary = services.create_summary(branch=area.county, year=last_year, user=None)
    client.login(username="county-chair", password=PASSWORD)
    url = reverse("reports:typical_practices", args=["county", county_summary.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"pick": "x", "revision": "1", "version": "1"}).status_code == 403
    detail = client.get(reverse("reports:document", args=["county", county_summary.pk])).content.decode()
    assert url not in detail
