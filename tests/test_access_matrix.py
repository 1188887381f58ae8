"""The access matrix: every URL of the site, every role, GET and POST, and the answer each gets.

Answers: "ok" (200, or a redirect that is not to the login page), "login" (redirect to the login
page), 403, 404, 405. Each request runs inside a savepoint that is rolled back, so one request's
effect (an approval, a deletion) never changes what the next one finds. A URL added to the site
without an entry here fails test_every_url_has_an_entry.
"""
import datetime
from urllib.parse import unquote

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from reports.documents import review, services
from reports.choices import NotificationKind, RoleKind
from reports.models import Notification, ReviewComment

from .conftest import Cast, make_user
from .records import make_activity, make_honor, make_meeting, make_member, make_payment
from .reviews import approve

YEAR = datetime.date.today().year - 1
ROLES = ["anonymous", "own_secretary", "own_chair", "sibling_secretary", "sibling_chair", "officer_above", "other_officer",
         "federation_chair", "superuser"]
USERNAMES = {"own_secretary": "alice", "own_chair": "carol", "sibling_secretary": "bob", "sibling_chair": "dora",
             "officer_above": "oscar", "other_officer": "olga", "federation_chair": "county-chair", "superuser": "sam"}
OWN = {"own_secretary", "own_chair"}
SIBLINGS_AND_STRANGERS = {"sibling_secretary", "sibling_chair", "other_officer"}
READERS = OWN | {"officer_above", "superuser"}


def read_only(readers=READERS):
    """A page: GET for its readers, 404 for everyone else; POST is not a method it answers."""
    return {role: {"GET": "ok" if role in readers else 404, "POST": 405} for role in ROLES if role != "anonymous"}


def action(allowed, forbidden, methods=("GET", "POST")):
    """A change: `allowed` may, `forbidden` see it but may not (403), the rest must not see it (404)."""
    answer = {}
    for role in ROLES[1:]:
        outcome = "ok" if role in allowed else 403 if role in forbidden else 404
        answer[role] = {method: outcome if method in methods else 405 for method in ("GET", "POST")}
    return answer


EDITORS = OWN | {"superuser"}
FEDERATION_READERS = {"officer_above", "superuser"}
# The federation's own chair reads its board and totals (the unions' states and the area's sums),
# but no union's pages, records or documents.
BOARD_READERS = FEDERATION_READERS | {"federation_chair"}
UNION_USERS = OWN | {"sibling_secretary", "sibling_chair"}

MATRIX = {
    "login": {role: {"GET": "ok", "POST": "ok"} for role in ROLES[1:]},
    "logout": {role: {"GET": 405, "POST": "login"} for role in ROLES[1:]},
    "reports:home": {role: {"GET": "ok", "POST": 405} for role in ROLES[1:]},
    "password_change": {role: {"GET": "ok", "POST": "ok"} for role in ROLES[1:]},
    "password_change_done": {role: {"GET": "ok", "POST": 405} for role in ROLES[1:]},
    "reports:help": {role: {"GET": "ok", "POST": 405} for role in ROLES[1:]},
    "reports:help_role": {role: {"GET": "ok", "POST": 405} for role in ROLES[1:]},
    "reports:branch_home": read_only(),
    "reports:branch_info": action(EDITORS, {"officer_above"}),
    "reports:ledger": read_only(),
    "reports:ledger_export": read_only(),
    "reports:ledger_print": read_only(),
    "reports:record_add": action(EDITORS, {"officer_above"}),
    "reports:record_edit": action(EDITORS, {"officer_above"}),
    "reports:record_delete": action(EDITORS, {"officer_above"}),
    "reports:excel": {**action(EDITORS, {"officer_above"}), "officer_above": {"GET": "ok", "POST": 403}},
    "reports:excel_template": read_only(),
    "reports:excel_export": read_only(),
    "reports:documents": read_only(),
    "reports:document_create": action(EDITORS, {"officer_above"}, methods=("POST",)),
    "reports:document": read_only(),
    "reports:document_edit": action(EDITORS, {"officer_above"}),
    "reports:document_refresh": action(EDITORS, {"officer_above"}, methods=("POST",)),
    "reports:plan_item_mark": action(EDITORS, {"officer_above"}, methods=("POST",)),
    "reports:document_autosave": action(EDITORS, {"officer_above"}, methods=("POST",)),
    "reports:document_preview": read_only(),
    "reports:document_docx": read_only(),
    "reports:document_pdf": read_only(),
    "reports:revision": read_only(),
    "reports:revision_docx": read_only(),
    "reports:revision_pdf": read_only(),
    "reports:revision_diff": read_only(),
    "reports:typical_practices": action({"officer_above", "superuser"}, {"federation_chair"}),
    "reports:document_submit": action(EDITORS, {"officer_above"}, methods=("POST",)),
    "reports:document_withdraw": action(EDITORS, {"officer_above"}, methods=("POST",)),
    "reports:document_return": action({"own_chair", "superuser"}, {"own_secretary", "officer_above"}),
    "reports:document_approve": action({"own_chair", "superuser"}, {"own_secretary", "officer_above"}),
    "reports:comment_add": action({"own_chair", "superuser"}, {"own_secretary", "officer_above"}, methods=("POST",)),
    "reports:changes_since_return": read_only(),
    "reports:document_reopen": action({"own_chair", "officer_above", "superuser"}, {"own_secretary"}, methods=("POST",)),
    "reports:comment_resolve": action(EDITORS, {"officer_above"}, methods=("POST",)),
    "reports:board": read_only(BOARD_READERS),
    "reports:board_export": read_only(BOARD_READERS),
    "reports:reminders": read_only(BOARD_READERS),
    "reports:totals": read_only(BOARD_READERS),
    "reports:totals_export": read_only(BOARD_READERS),
    "reports:set_deadlines": action(FEDERATION_READERS, {"federation_chair"}, methods=("POST",)),
    "reports:send_reminders": action(FEDERATION_READERS, {"federation_chair"}, methods=("POST",)),
    # Everyone has an inbox; a message is opened only by its recipient (alice, told of the reopen).
    "reports:inbox": {role: {"GET": "ok", "POST": 405} for role in ROLES[1:]},
    "reports:inbox_read_all": {role: {"GET": 405, "POST": "ok"} for role in ROLES[1:]},
    "reports:notification_open": {role: {"GET": 405, "POST": "ok" if role == "own_secretary" else 404} for role in ROLES[1:]},
    "reports:branches_import": action({"superuser"}, set(ROLES[1:]) - {"superuser"}),
}
# Everyone signed out is sent to the login page, except from the login page itself and logout.
for name, answers in MATRIX.items():
    answers["anonymous"] = {"GET": "login", "POST": "login"}
MATRIX["login"]["anonymous"] = {"GET": "ok", "POST": "ok"}
# The forms' script asks anyone who is signed in (nobody: an empty name); the in-page sign-in
# answers a form without a username and password with 400, whoever sends it.
MATRIX["session_status"] = {role: {"GET": "ok", "POST": 405} for role in ROLES}
MATRIX["login_json"] = {role: {"GET": 405, "POST": 400} for role in ROLES}
# The health check answers everyone and says nothing but "ok".
MATRIX["reports:healthz"] = {role: {"GET": "ok", "POST": 405} for role in ROLES}
MATRIX["logout"]["anonymous"] = {"GET": 405, "POST": "login"}


def site_url_names():
    def walk(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace == "admin":
                    continue  # the admin's own URLs: tests/test_admin_scoping.py
                yield from walk(pattern.url_patterns, f"{pattern.namespace}:" if pattern.namespace else namespace)
            elif isinstance(pattern, URLPattern):
                yield f"{namespace}{pattern.name}"

    return set(walk(get_resolver().url_patterns))


def test_every_url_has_an_entry():
    assert site_url_names() == set(MATRIX), "add the new URL to MATRIX with the answer each role must get"


@pytest.fixture
def world(db):
    cast = Cast()
    make_user(USERNAMES["federation_chair"], branch=cast.county, kind=RoleKind.CHAIR)
    make_member(cast.school, "王丽")
    activity = make_activity(cast.school, datetime.date(YEAR, 5, 1))
    make_payment(cast.school, datetime.date(YEAR, 1, 20))
    make_honor(cast.school, datetime.date(YEAR, 4, 28))
    make_meeting(cast.school, datetime.date(YEAR, 3, 1))
    summary = services.create_summary(branch=cast.school, year=YEAR, user=None)
    approve(summary, secretary=cast.alice, chair=cast.carol)
    review.reopen_report(report=summary, actor=cast.carol, reason="补充")
    # Revision 2 is returned with a comment: its changes since the return can be shown.
    review.submit_report(report=summary, actor=cast.alice)
    review.return_report(report=summary, actor=cast.carol, section_comments={"problems": "再具体些"})
    comment = ReviewComment.objects.get(revision=summary.current_revision())
    county_summary = services.create_summary(branch=cast.county, year=YEAR, user=None)
    union = {"code": "school"}
    document = {**union, "pk": summary.pk}
    kwargs = {
        "login": {}, "logout": {}, "reports:home": {}, "reports:branches_import": {}, "reports:healthz": {},
        "reports:inbox": {}, "reports:inbox_read_all": {},
        "reports:notification_open": {"pk": Notification.objects.get(recipient=cast.alice, kind=NotificationKind.REOPENED).pk},
        "password_change": {}, "password_change_done": {}, "reports:help": {}, "reports:help_role": {"role": "chair"},
        "reports:ledger": {**union, "slug": "activities"},
        "reports:ledger_export": {**union, "slug": "activities"},
        "reports:ledger_print": {**union, "slug": "activities"},
        "reports:record_add": {**union, "slug": "activities"},
        "reports:record_edit": {**union, "slug": "activities", "pk": activity.pk},
        "reports:record_delete": {**union, "slug": "activities", "pk": activity.pk},
        "reports:revision": {**document, "number": 1},
        "reports:revision_docx": {**document, "number": 1},
        "reports:revision_pdf": {**document, "number": 1},
        "reports:comment_resolve": {**document, "comment_pk": comment.pk},
        "reports:plan_item_mark": {**document, "key": "nothing"},
        "reports:typical_practices": {"code": "county", "pk": county_summary.pk},
    }
    for name in ("branch_home", "branch_info", "excel", "excel_template", "excel_export", "documents", "document_create"):
        kwargs[f"reports:{name}"] = union
    kwargs["session_status"] = kwargs["login_json"] = {}
    for name in ("document", "document_edit", "document_autosave", "document_refresh", "document_preview",
                 "document_docx", "document_pdf", "revision_diff", "document_submit", "document_withdraw",
                 "document_return", "document_approve", "document_reopen", "comment_add", "changes_since_return"):
        kwargs[f"reports:{name}"] = document
    for name in ("board", "board_export", "reminders", "send_reminders", "totals", "totals_export", "set_deadlines"):
        kwargs[f"reports:{name}"] = {"code": "county"}
    return kwargs


# The editor's form names the summary's reopened revision (number 2) and its first version, and
# carries one of its text fields (an autosave without any is refused).
POST_DATA = {"comment": "请修改", "reason": "需要修改", "action": "save", "revision": "2", "version": "1", "p:opening": "矩阵里的文字", "kind": "plan", "year": str(YEAR + 1),
             "plan_month": "3", "plan_day": "31", "summary_month": "1", "summary_day": "31"}


def answer(response):
    if response.status_code in (301, 302):
        return "login" if response["Location"].startswith(reverse("login")) else "ok"
    if response.status_code == 200:
        return "ok"
    return response.status_code


@pytest.mark.parametrize("role", ROLES)
def test_the_matrix(client, world, role):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username=USERNAMES[role]) if role != "anonymous" else None
    wrong = []
    for name, answers in sorted(MATRIX.items()):
        url = reverse(name, kwargs=world[name])
        for method in ("GET", "POST"):
            # Every request from a fresh sign-in: a logout must not turn the rest anonymous.
            client.logout()
            if user is not None:
                client.force_login(user)
            with transaction.atomic():
                response = client.get(url) if method == "GET" else client.post(url, POST_DATA)
                transaction.set_rollback(True)
            got, expected = answer(response), answers[role][method]
            if got != expected:
                wrong.append(f"{method} {url} ({name}): expected {expected}, got {got}")
    assert not wrong, f"{role}:\n" + "\n".join(wrong)


def test_matrix_size():
    # Printed in the closing note: every URL, every role, both methods.
    assert len(MATRIX) * len(ROLES) * 2 == 55 * 9 * 2


# The federation's Excel export, as each role asks for it: "area" is every union's records,
# "own" the federation's own records only. Only those who oversee the area get the area's.
AREA_EXPORT_QUERIES = ["", "?scope=all", f"?year={YEAR}&scope=all", f"?year={YEAR + 1}&scope=approved"]
AREA_EXPORT = {role: "area" if role in FEDERATION_READERS else "own" if role == "federation_chair" else 404 for role in ROLES}
AREA_EXPORT["anonymous"] = "login"


def exported(response):
    if response.status_code == 200:
        return "area" if "全区域" in unquote(response["Content-Disposition"]) else "own"
    return answer(response)


@pytest.mark.parametrize("role", ROLES)
def test_the_area_export(client, world, role):
    from django.contrib.auth import get_user_model

    if role != "anonymous":
        client.force_login(get_user_model().objects.get(username=USERNAMES[role]))
    url = reverse("reports:excel_export", kwargs={"code": "county"})
    got = {query: exported(client.get(url + query)) for query in AREA_EXPORT_QUERIES}
    assert got == {query: AREA_EXPORT[role] for query in AREA_EXPORT_QUERIES}
