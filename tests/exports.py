"""Helpers for the export tests: a summary and a plan with known records, and poppler wrappers."""
import datetime
import subprocess
from decimal import Decimal

from reports.documents import services

from .records import make_activity, make_honor, make_meeting, make_payment

YEAR = datetime.date.today().year - 1


def known_summary(branch):
    make_activity(branch, datetime.date(YEAR, 3, 8), title="三八趣味运动会", participants=40, category="festival")
    make_activity(branch, datetime.date(YEAR, 5, 1), title="五一拔河比赛", participants=60)
    make_payment(branch, datetime.date(YEAR, 1, 20), headcount=30, cash=Decimal("6000"), goods_value=Decimal("450.5"))
    make_payment(branch, datetime.date(YEAR, 4, 2), reason="sickness", headcount=13, cash=Decimal("5900"))
    make_honor(branch, datetime.date(YEAR, 4, 28), title="模范职工之家", awarding_body="示范县总工会")
    make_meeting(branch, datetime.date(YEAR, 3, 1), session="六届三次", attendees=41, proposals_received=26, proposals_accepted=9)
    return services.create_summary(branch=branch, year=YEAR, user=None)


def known_plan(branch):
    return services.create_plan(branch=branch, year=YEAR + 1, user=None)


def poppler(tool, pdf_bytes, tmp_path, *args):
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf_bytes)
    return subprocess.run([tool, *args, str(path), *([] if tool != "pdftotext" else ["-"])], check=True, capture_output=True, text=True).stdout
