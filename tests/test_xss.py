"""Stored XSS: hostile text in every kind of field comes out inert in every page, the DOCX and the PDF."""
import datetime
import io
import zipfile

import pytest
from django.urls import reverse

from reports.documents import services
from reports.documents.content import Document
from reports.documents.snapshot import snapshot_of
from reports.exporting.docx import render_docx
from reports.exporting.pdf import render_pdf
from reports.models import Branch

from .conftest import PASSWORD, Cast
from .exports import poppler
from .records import make_activity, make_honor, make_meeting, make_member, make_payment

YEAR = datetime.date.today().year - 1
PAYLOADS = [
    "<script>alert('xss')</script>",
    '" onmouseover="alert(1)" x="',
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "<svg onload=alert(1)>",
    "<style>@import url(http://127.0.0.1:9/x.css);</style>",
]
EVIL = "".join(PAYLOADS)
RAW_MARKERS = ["<script>", "<img src=x", "<svg onload", "<style>@import", '" onmouseover="']


def plant(cast):
    """Hostile text in a union's name, records of every kind, a plan item and a document."""
    Branch.objects.filter(pk=cast.school.pk).update(short_name=f"学校{PAYLOADS[1]}")
    member = make_member(cast.school, name=f"张{PAYLOADS[0]}"[:50], department=EVIL[:100], notes=EVIL)
    make_activity(cast.school, datetime.date(YEAR, 5, 1), title=EVIL[:200], place=PAYLOADS[2], description=EVIL, participants=5)
    make_payment(cast.school, datetime.date(YEAR, 1, 20), recipients=EVIL[:200], notes=EVIL)
    make_payment(cast.school, datetime.date(YEAR, 2, 2), member=member, reason="sickness")
    make_honor(cast.school, datetime.date(YEAR, 4, 28), title=PAYLOADS[4], recipients=EVIL[:300], awarding_body=PAYLOADS[3])
    make_meeting(cast.school, datetime.date(YEAR, 3, 1), session=PAYLOADS[4][:40], topics=EVIL)
    report = services.create_summary(branch=cast.school, year=YEAR, user=None)
    revision = report.current_revision()
    document = Document.from_dict(revision.content)
    document.title = EVIL[:200]
    document.sections[0].heading = PAYLOADS[0]
    for paragraph in document.all_paragraphs():
        if paragraph.needs_filling:
            paragraph.text = EVIL
    services.save_document(revision=revision, document=document, expected_version=revision.version, user=None)
    return report


def pages(report):
    school = ["school"]
    urls = [reverse("reports:branch_home", args=school) + f"?year={YEAR}"]
    urls += [reverse("reports:ledger", args=["school", slug]) for slug in ("members", "activities", "welfare", "honors", "meetings")]
    urls += [reverse(f"reports:{name}", args=["school", report.pk]) for name in ("document", "document_edit", "document_preview")]
    urls += [reverse("reports:documents", args=school), reverse("reports:excel", args=school)]
    urls += [reverse(f"reports:{name}", args=["county"]) + f"?year={YEAR}&scope=all" for name in ("board", "totals", "reminders")]
    return urls


def test_every_page_escapes_hostile_text(client, cast):
    report = plant(cast)
    client.login(username="sam", password=PASSWORD)
    for url in pages(report):
        html = client.get(url).content.decode()
        for marker in RAW_MARKERS:
            assert marker not in html, (url, marker)
        assert 'href="javascript:' not in html, url
    # …and the text is there, as text.
    assert "&lt;script&gt;" in client.get(reverse("reports:ledger", args=["school", "activities"])).content.decode()


def test_word_and_pdf_hold_it_as_plain_text(cast, tmp_path):
    report = plant(cast)
    snapshot = snapshot_of(report)
    with zipfile.ZipFile(io.BytesIO(render_docx(snapshot))) as docx:
        xml = docx.read("word/document.xml").decode()
    assert "<script>" not in xml and "&lt;script&gt;" in xml
    text = "".join(poppler("pdftotext", render_pdf(snapshot), tmp_path).split())
    assert "<script>alert('xss')</script>" in text


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_no_script_runs_in_a_real_browser(page):
    cast = Cast()
    report = plant(cast)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill("sam")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    for url in pages(report):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        page.mouse.move(300, 300)
    assert dialogs == []
