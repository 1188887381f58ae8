"""Headless Chromium for browser tests: Debian's browser driven by Playwright (never its download)."""
import os
import shutil

import pytest

CHROMIUM_PATHS = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"]
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def chromium_path() -> str:
    for candidate in CHROMIUM_PATHS:
        if shutil.which(candidate):
            return candidate
    pytest.fail("Chromium is not installed: run `make test`, which installs it")


@pytest.fixture(scope="session")
def browser():
    # The ORM is called from test code while Playwright's event loop is running in this thread.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="zh-CN", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def log_in(page, username, password):
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state()


def send(page, button):
    """Click a button of a guarded form (data-unsaved-guard) and wait for the page it leads to.
    The form's script first asks whether she is still signed in (static/js/session_keeper.js),
    so the page changes a moment after the click rather than during it."""
    with page.expect_navigation():
        button.click()
