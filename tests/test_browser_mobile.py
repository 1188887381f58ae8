"""In a real browser the size of a phone (390 × 844, an iPhone 12/13): every main page of the
secretary, the chair and the officer fits the screen's width, no button label breaks over two
lines, every button stays reachable, a ledger's 修改/删除 are on screen and big enough to tap,
and the header's navigation opens from the hamburger button.

Set MOBILE_SCREENSHOTS to a folder to keep a full-page screenshot of every page checked."""
import datetime
import os
from pathlib import Path

import pytest

from reports.documents import review, services

from .browser import log_in
from .conftest import PASSWORD, Cast
from .records import fill_branch, make_activity, make_member, make_payment
from .reviews import approve, fill_placeholders

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
LEDGERS = ["members", "activities", "welfare", "honors", "meetings"]

# The page's problems at the phone's width, each as one line naming the element. A label's lines
# are counted from its text's boxes (tops more than half a character apart start a new line), so
# a button made taller on purpose (a tap target) is not mistaken for a wrapped one.
LAYOUT_PROBLEMS = """() => {
  const width = window.innerWidth;
  const problems = [];
  const describe = (el) => {
    const text = (el.innerText || el.getAttribute("aria-label") || "").replace(/\\s+/g, " ").trim().slice(0, 30);
    return `<${el.tagName.toLowerCase()} class="${el.className}"> "${text}"`;
  };
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden"
    && !el.closest("[aria-hidden=true]");
  const lines = (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const tops = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0).map((r) => r.top);
    const half = parseFloat(getComputedStyle(el).fontSize) / 2;
    let count = 0, last = -Infinity;
    for (const top of tops.sort((a, b) => a - b)) {
      if (top - last > half) { count += 1; last = top; }
    }
    return count;
  };
  const scrolledInto = (el) => {
    for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
      const overflow = getComputedStyle(box).overflowX;
      if ((overflow === "auto" || overflow === "scroll") && box.scrollWidth > box.clientWidth) return true;
    }
    return false;
  };

  const pageWidth = document.documentElement.scrollWidth;
  if (pageWidth > width) problems.push(`the page scrolls sideways: ${pageWidth}px wide in a ${width}px window`);
  for (const el of document.querySelectorAll("button, .btn")) {
    if (shown(el) && lines(el) > 1) problems.push(`label wrapped over ${lines(el)} lines: ${describe(el)}`);
  }
  for (const el of document.querySelectorAll("button, .btn, td a, .row-actions a")) {
    if (!shown(el)) continue;
    const box = el.getBoundingClientRect();
    if ((box.left < -1 || box.right > width + 1) && !scrolledInto(el)) {
      problems.push(`out of reach (${Math.round(box.left)}..${Math.round(box.right)}px): ${describe(el)}`);
    }
  }
  return problems;
}"""

# A ledger's rows: the first value (the date or the name) on one line, and the row's actions on
# screen without scrolling sideways and at least 40 px to tap.
LEDGER_ROW_PROBLEMS = """() => {
  const width = window.innerWidth;
  const problems = [];
  const rows = [...document.querySelectorAll("tbody tr")].filter((row) => row.querySelector(".row-actions"));
  if (rows.length === 0) problems.push("no rows with actions found");
  for (const row of rows) {
    const name = row.cells[0].innerText.trim().slice(0, 20);
    const range = document.createRange();
    range.selectNodeContents(row.cells[0]);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    if (tops.size > 1) problems.push(`first value broken over ${tops.size} lines in row ${name}`);
    for (const el of row.querySelectorAll(".row-actions .btn")) {
      const box = el.getBoundingClientRect();
      const action = `"${el.innerText.trim()}" in row ${name}`;
      if (box.left < 0 || box.right > width) problems.push(`row action off screen (${Math.round(box.left)}..${Math.round(box.right)}px): ${action}`);
      if (box.height < 40 || box.width < 40) problems.push(`row action too small to tap (${Math.round(box.width)}×${Math.round(box.height)}px): ${action}`);
    }
  }
  return problems;
}"""


@pytest.fixture
def page(browser, live_server):
    """This module's pages open in a phone-sized window."""
    context = browser.new_context(locale="zh-CN", base_url=live_server.url, viewport=PHONE, device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def visit(page, url):
    response = page.goto(url)
    assert response.status == 200, url
    page.wait_for_load_state("networkidle")


def keep_screenshot(page, who, url):
    folder = os.environ.get("MOBILE_SCREENSHOTS")
    if folder:
        name = url.strip("/").replace("/", "-").replace("?", "-").replace("=", "") or "login"
        page.screenshot(path=Path(folder) / f"mobile-{who}-{name}.png", full_page=True)


def layout_problems(page, who, urls):
    found = []
    for url in urls:
        visit(page, url)
        keep_screenshot(page, who, url)
        found += [f"{who} {url}: {problem}" for problem in page.evaluate(LAYOUT_PROBLEMS)]
    return found


def assert_none(problems):
    assert problems == [], "\n".join(["", *problems])


def busy_school(cast, year):
    """A few records of every kind, some with the long names real ledgers have."""
    fill_branch(cast.school, year, 3)
    make_member(cast.school, name="欧阳晓明", department="教务处教学研究与质量监控中心", position="副主任")
    make_activity(cast.school, datetime.date(year, 5, 1), title="庆祝五一国际劳动节暨教职工趣味运动会", place="学校体育馆及田径运动场")
    make_payment(cast.school, datetime.date(year, 9, 10), recipients="患重病住院治疗的教职工及其家属")


def school_reports(cast, year):
    """The school's summary returned with a section comment, its plan approved and reopened
    (two revisions to compare), and an older summary waiting for the chair."""
    summary = services.create_summary(branch=cast.school, year=year, user=cast.alice)
    fill_placeholders(summary)
    review.submit_report(report=summary, actor=cast.alice)
    section = summary.current_revision().content["sections"][0]["key"]
    review.return_report(report=summary, actor=cast.carol, comment="请把文体活动写得具体一些。",
                         section_comments={section: "补充职工书画摄影展的情况。"})
    plan = services.create_plan(branch=cast.school, year=year + 1, user=cast.alice)
    approve(plan, secretary=cast.alice, chair=cast.carol)
    review.reopen_report(report=plan, actor=cast.carol, reason="补充下半年的工作安排。")
    waiting = services.create_summary(branch=cast.school, year=year - 1, user=cast.alice)
    fill_placeholders(waiting)
    review.submit_report(report=waiting, actor=cast.alice)
    return summary, plan, waiting


def test_secretary_pages_fit_a_phone(page, last_year):
    cast = Cast()
    busy_school(cast, last_year)
    summary, plan, waiting = school_reports(cast, last_year)
    problems = layout_problems(page, "anonymous", ["/accounts/login/"])
    log_in(page, "alice", PASSWORD)

    school = "/b/school"
    problems += layout_problems(page, "alice", [
        f"{school}/?year={last_year}",
        f"{school}/info/",
        *[f"{school}/ledger/{slug}/" for slug in LEDGERS],
        f"{school}/ledger/activities/new/",
        f"{school}/excel/",
        f"{school}/documents/",
        f"{school}/documents/{summary.pk}/",
        f"{school}/documents/{summary.pk}/edit/",
        f"{school}/documents/{plan.pk}/",
        f"{school}/documents/{plan.pk}/edit/",
        f"{school}/documents/{plan.pk}/diff/",
        f"{school}/documents/{plan.pk}/r/1/",
        f"{school}/documents/{waiting.pk}/",
    ])
    assert_none(problems)


def test_ledger_row_actions_are_on_screen_and_tappable(page, last_year):
    cast = Cast()
    busy_school(cast, last_year)
    log_in(page, "alice", PASSWORD)
    problems = []
    for slug in LEDGERS:
        visit(page, f"/b/school/ledger/{slug}/")
        problems += [f"{slug}: {problem}" for problem in page.evaluate(LEDGER_ROW_PROBLEMS)]
    assert_none(problems)


def test_chair_pages_fit_a_phone(page, last_year):
    cast = Cast()
    busy_school(cast, last_year)
    summary, plan, waiting = school_reports(cast, last_year)
    log_in(page, "carol", PASSWORD)
    school = "/b/school"
    assert_none(layout_problems(page, "carol", [
        f"{school}/?year={last_year}",
        f"{school}/ledger/activities/",
        f"{school}/documents/",
        f"{school}/documents/{waiting.pk}/",
        f"{school}/documents/{waiting.pk}/return/",
        f"{school}/documents/{summary.pk}/",
        f"{school}/documents/{plan.pk}/",
    ]))


def test_officer_pages_fit_a_phone(page, last_year):
    cast = Cast()
    busy_school(cast, last_year)
    approve(services.create_summary(branch=cast.school, year=last_year, user=cast.alice), secretary=cast.alice, chair=cast.carol)
    own = services.create_summary(branch=cast.county, year=last_year, user=cast.oscar)
    log_in(page, "oscar", PASSWORD)
    county = "/b/county"
    assert_none(layout_problems(page, "oscar", [
        f"{county}/?year={last_year}",
        f"{county}/board/?year={last_year}",
        f"{county}/totals/?year={last_year}",
        f"{county}/totals/?year={last_year}&scope=all",
        f"{county}/board/reminders/?year={last_year}",
        f"{county}/documents/",
        f"{county}/documents/{own.pk}/",
        f"{county}/documents/{own.pk}/edit/",
        f"{county}/documents/{own.pk}/typical/",
        f"/b/school/?year={last_year}",
        "/b/school/ledger/activities/",
    ]))


# Each "月"/"日前" word of the 报送期限 form, and whether it sits on the line of the number it follows.
DEADLINE_WORDS_BESIDE_THEIR_NUMBERS = """() => [...document.querySelectorAll("input[name$=_month], input[name$=_day]")].map((input) => {
  const word = input.nextElementSibling || input.parentElement.nextElementSibling;
  const a = input.getBoundingClientRect(), b = word.getBoundingClientRect();
  return [input.name, word.innerText.trim(), Math.abs((a.top + a.bottom) / 2 - (b.top + b.bottom) / 2) < a.height / 2];
})"""


def test_the_board_hints_at_its_hidden_columns_and_keeps_each_deadline_together(page, last_year):
    Cast()
    log_in(page, "oscar", PASSWORD)
    visit(page, f"/b/county/board/?year={last_year}")
    hint = page.get_by_text("左右滑动查看更多")
    assert hint.is_visible()
    table = page.locator(".table-responsive").first
    assert table.evaluate("(box) => box.scrollWidth > box.clientWidth")  # the hint is true
    words = page.evaluate(DEADLINE_WORDS_BESIDE_THEIR_NUMBERS)
    assert [(name, beside) for name, _, beside in words] == [
        ("plan_month", True), ("plan_day", True), ("summary_month", True), ("summary_day", True),
    ], words
    page.set_viewport_size({"width": 1280, "height": 800})
    assert not hint.is_visible()  # a wide screen shows every column


def test_header_navigation_opens_from_the_hamburger(page):
    Cast()
    log_in(page, "alice", PASSWORD)
    logout = page.get_by_role("button", name="退出登录")
    assert not logout.is_visible()  # folded away at a phone's width
    page.get_by_role("button", name="展开导航").click()
    page.locator("#mainnav.show").wait_for()  # opened, its animation over
    assert page.get_by_role("link", name="消息").is_visible() and page.get_by_role("link", name="使用说明").is_visible()
    page.get_by_test_id("user-menu").click()  # her name: 修改密码 and 退出登录 are under it
    assert logout.is_visible() and page.get_by_role("link", name="修改密码").is_visible()
    keep_screenshot(page, "alice", "menu")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_unread_messages_show_beside_the_folded_menu(page):
    cast = Cast()
    report = services.create_summary(branch=cast.school, year=datetime.date.today().year - 1, user=None)
    fill_placeholders(report)
    review.submit_report(report=report, actor=cast.alice)  # tells the chair
    log_in(page, "carol", PASSWORD)
    badge = page.get_by_test_id("unread-count-phone")
    assert badge.is_visible() and badge.inner_text() == "消息 1"  # without opening the menu
    page.set_viewport_size({"width": 1280, "height": 900})
    assert not badge.is_visible()  # on a wide screen the header's own 消息 link shows the count
    assert page.get_by_test_id("unread-count").is_visible()
