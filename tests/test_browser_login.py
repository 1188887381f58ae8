"""In a real browser: the Chinese login page, and a secretary landing on her branch."""
import pytest

from .browser import log_in
from .conftest import PASSWORD, Cast

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_secretary_logs_in_and_sees_her_branch(page):
    cast = Cast()
    page.goto("/")
    assert page.title().startswith("登录")
    log_in(page, "alice", "wrong-password")
    assert page.get_by_text("用户名或密码不正确").is_visible()
    log_in(page, "alice", PASSWORD)
    assert page.get_by_role("heading", name=cast.school.name).is_visible()
    assert cast.plant.name not in page.content()
