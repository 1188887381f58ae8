"""Every page and download stays out of caches, and every HTML page carries the strict
Content-Security-Policy; static files stay cacheable."""
import pytest
from django.urls import reverse

from reports.middleware import ADMIN_CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY

from .test_access_matrix import MATRIX, USERNAMES, world  # noqa: F401  (world: the matrix's fixture)

STRICT_DIRECTIVES = ["default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                     "base-uri 'none'", "frame-ancestors 'none'"]


def readable_urls(world, role):
    return [reverse(name, kwargs=world[name]) for name, answers in sorted(MATRIX.items())
            if answers[role]["GET"] == "ok"]


def is_html(response):
    return response["Content-Type"].startswith("text/html")


def test_the_policy_is_strict():
    for directive in STRICT_DIRECTIVES:
        assert directive in CONTENT_SECURITY_POLICY
    assert "unsafe" not in CONTENT_SECURITY_POLICY


def test_the_admin_policy_admits_one_style_attribute_only():
    assert "script-src 'self';" in ADMIN_CONTENT_SECURITY_POLICY
    for loophole in ("'unsafe-inline'", "'unsafe-eval'"):
        assert loophole not in ADMIN_CONTENT_SECURITY_POLICY
    assert ADMIN_CONTENT_SECURITY_POLICY.count("'sha256-") == 1


@pytest.mark.parametrize("role", ["superuser", "officer_above", "own_secretary"])
def test_every_page_and_download_is_private(client, world, role):  # noqa: F811
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=USERNAMES[role]))
    kinds = set()
    for url in readable_urls(world, role):
        response = client.get(url)
        kinds.add(response["Content-Type"].split(";")[0])
        assert "no-store" in response.get("Cache-Control", ""), url
        if is_html(response):
            assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY, url
        else:
            assert "Content-Security-Policy" not in response, url  # a policy can break the PDF viewer
    assert "text/html" in kinds


def test_the_login_page_is_private_too(client, db):
    response = client.get(reverse("login"))
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY


def test_the_admin_pages_carry_the_policy(client, world):  # noqa: F811
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=USERNAMES["superuser"]))
    for url in [reverse("admin:index"), reverse("admin:reports_activity_changelist"), reverse("admin:reports_activity_add")]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
        assert response["Content-Security-Policy"] == ADMIN_CONTENT_SECURITY_POLICY, url


def test_static_files_stay_cacheable(client, db):
    response = client.get("/static/css/app.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
    assert "Content-Security-Policy" not in response
