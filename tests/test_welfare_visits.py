"""帮扶慰问 人次 has one definition (figures.visits: without insurance premiums): the home page's
card and the drafted summary's total say the same number."""
import datetime
import re
from decimal import Decimal

from django.urls import reverse

from reports.documents import services
from reports.documents.content import Document

from .conftest import PASSWORD
from .records import make_payment

YEAR = datetime.date.today().year - 1


def test_home_page_and_summary_agree_on_visits(client, cast):
    make_payment(cast.school, datetime.date(YEAR, 1, 20), headcount=30, cash=Decimal("6000"))
    make_payment(cast.school, datetime.date(YEAR, 4, 2), reason="sickness", headcount=2, cash=Decimal("800"))
    make_payment(cast.school, datetime.date(YEAR, 5, 1), reason="mutual_insurance", headcount=50, cash=Decimal("2500"))
    client.login(username="alice", password=PASSWORD)
    page = client.get(reverse("reports:branch_home", args=["school"]), {"year": YEAR}).content.decode()
    card = re.search(r'data-figure="welfare-headcount">(\d+)<', page).group(1)
    report = services.create_summary(branch=cast.school, year=YEAR, user=None)
    document = Document.from_dict(report.current_revision().content)
    total = next(p.text for p in document.all_paragraphs() if p.key == "welfare.total")
    assert card == "32" and "慰问32人次" in total
    assert "6800" in total and "6800.00" in page  # the amount too, without the premiums
