"""In a real browser, the demo county under the Content-Security-Policy: the main pages and the
admin load without a single violation, the home page's chart is drawn and the year picker works."""
import datetime

import pytest

from reports.demo import DEMO_PASSWORD, load_demo
from reports.models import Branch, Report

from .browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

YEAR = datetime.date.today().year - 1

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""

CHART_HAS_PIXELS = """() => {
  const canvas = document.getElementById("monthly-chart");
  const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  return Chart.getChart(canvas) !== undefined && pixels.some((value) => value !== 0);
}"""


@pytest.fixture
def violations(page):
    """Every violation the browser reports, as a securitypolicyviolation event or on the console."""
    found = []

    def on_console(message):
        if "Content Security Policy" in message.text:
            found.append(message.text)

    page.expose_function("cspViolation", lambda text: found.append(text))
    page.add_init_script(REPORT_VIOLATIONS)
    page.on("console", on_console)
    return found


def visit(page, url):
    response = page.goto(url)
    assert response.status == 200, url
    assert "default-src 'self'" in response.headers["content-security-policy"], url
    page.wait_for_load_state("networkidle")


def test_main_pages_run_under_the_policy(page, violations):
    load_demo()
    log_in(page, "admin", DEMO_PASSWORD)
    summary = Report.objects.get(branch__code="school", kind="summary", year=YEAR)

    visit(page, f"/b/school/?year={YEAR}")
    assert page.evaluate(CHART_HAS_PIXELS)
    page.get_by_label("年度").select_option(str(YEAR - 1))  # the picker sends its form by itself
    page.wait_for_url(f"**/b/school/?year={YEAR - 1}")

    for url in [
        "/b/school/ledger/activities/",
        "/b/school/ledger/activities/new/",
        f"/b/school/documents/{summary.pk}/",
        f"/b/school/documents/{summary.pk}/edit/",
        f"/b/school/documents/{summary.pk}/preview/",
        f"/b/county/totals/?year={YEAR}",
        "/b/school/excel/",
        f"/b/county/board/?year={YEAR}",
    ]:
        visit(page, url)
    page.get_by_label("年度").select_option(str(YEAR - 1))  # the federation pages' picker too
    page.wait_for_url(f"**/b/county/board/?year={YEAR - 1}")

    assert violations == []


def test_signature_lines_keep_their_place(page, violations):
    """The signature and the date stand off the right margin by classes, not style attributes."""
    load_demo()
    log_in(page, "admin", DEMO_PASSWORD)
    summary = Report.objects.get(branch__code="school", kind="summary", year=YEAR)
    visit(page, f"/b/school/documents/{summary.pk}/preview/")
    date_line = page.locator(".official .doc-sign").last
    font_size = float(date_line.evaluate("p => getComputedStyle(p).fontSize").removesuffix("px"))
    margin = float(date_line.evaluate("p => getComputedStyle(p).marginRight").removesuffix("px"))
    assert margin == pytest.approx(4 * font_size, abs=0.01)  # the date four characters from the right margin
    assert violations == []


def test_admin_pages_run_under_the_policy(page, violations):
    load_demo()
    log_in(page, "admin", DEMO_PASSWORD)
    summary = Report.objects.get(branch__code="school", kind="summary", year=YEAR)
    for url in [
        "/admin/",
        "/admin/reports/activity/",
        "/admin/reports/activity/add/",
        f"/admin/reports/report/{summary.pk}/change/",
    ]:
        visit(page, url)

    # The history page's one inline style, which the admin's policy admits by its hash.
    visit(page, f"/admin/reports/branch/{Branch.objects.get(code='school').pk}/history/")
    paginator = page.locator("p.paginator")
    assert paginator.evaluate("p => getComputedStyle(p).borderTopWidth") == "0px"
    assert violations == []
