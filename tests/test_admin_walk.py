"""Every admin URL, as each kind of staff user, with GET and with a hostile POST: no server error,
and no write outside the branches whose records the user keeps.

The URLs come from the admin registry (each model admin's own URLs, the history version pages
among them, and the site's autocomplete for every foreign key), so a newly registered model is
walked without touching this file. Each hostile POST is sent twice: once pulling the object into
the user's branch (foreign keys pointing at the user's own rows) and once pushing it out (foreign
keys pointing at rows of other branches); a role's user is always the attacker. Each request runs
in a savepoint rolled back afterwards, so what one request changes the next does not see.
"""
import datetime
import re

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test import RequestFactory
from django.urls import URLPattern, reverse
from simple_history.models import HistoricalChanges

from reports.choices import ReportState
from reports.documents import services
from reports.models import PlanItem, ReportingDeadlines, ReviewComment, Transition
from reports.models.records import BranchOwned
from reports.models.scoping import editable_q, visible_q

from .admin_helpers import login, make_staff
from .conftest import Cast
from .records import make_activity, make_honor, make_meeting, make_member, make_payment

YEAR = datetime.date.today().year - 1
STAFF = ["alice", "carol", "oscar"]  # a secretary, a chair, an officer
# Site-level pages walked below; any other one the site gains must be added here, deliberately.
SITE_PAGES = {"index", "app_list", "autocomplete", "jsi18n", "view_on_site"}
# Logging out, or changing one's own password, ends the session the walk runs in; neither
# touches any branch.
SITE_PAGES_LEFT_OUT = {"login", "logout", "password_change", "password_change_done"}
JUNK_ID = "x"


@pytest.fixture
def world(db):
    cast = Cast()
    make_staff(*(getattr(cast, name) for name in STAFF))
    for branch in (cast.school, cast.plant, cast.clinic):
        plan = services.create_plan(branch=branch, year=YEAR, user=None)
        revision = plan.current_revision()
        member = make_member(branch, f"{branch.code}会员")
        make_activity(branch, datetime.date(YEAR, 3, 8), plan_item=PlanItem.objects.filter(report=plan).first())
        make_payment(branch, datetime.date(YEAR, 1, 20), member=member)
        make_honor(branch, datetime.date(YEAR, 4, 28))
        make_meeting(branch, datetime.date(YEAR, 3, 1))
        ReviewComment.objects.create(revision=revision, target_key="problems", target_label="存在的问题",
                                     text="再具体些", author=cast.oscar)
        Transition.objects.create(report=plan, revision=revision, actor=cast.alice, to_state=ReportState.SUBMITTED)
    for federation in (cast.county, cast.other):
        ReportingDeadlines.objects.create(branch=federation)
    return cast


# What the user may legitimately change: rows of branch-owned records in the branches they keep.

def is_branch_owned(model):
    if issubclass(model, HistoricalChanges):
        model = model.instance_type
    return issubclass(model, BranchOwned)


def outside_rows(model, user):
    rows = model._default_manager.all()
    if is_branch_owned(model):
        rows = rows.exclude(editable_q(user, via="branch"))
    return rows


def watched_models():
    for model in admin.site._registry:
        yield model
        history = getattr(model._meta, "simple_history_manager_attribute", None)
        if history:
            yield getattr(model, history).model


def snapshot_queries(user):
    """SQL reading every row outside the user's branches, of every registered model and of its
    history; built once, since the walk reads it after every request."""
    queries = []
    for model in watched_models():
        rows = outside_rows(model, user).order_by("pk").values_list(*[f.attname for f in model._meta.concrete_fields])
        queries.append(rows.query.sql_with_params())
    return queries


def snapshot(queries):
    with connection.cursor() as cursor:
        taken = []
        for sql, params in queries:
            cursor.execute(sql, params)
            taken.append(cursor.fetchall())
        return taken


# The objects each admin is walked with.

def admin_request(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def samples(model_admin, user):
    """One object the admin lists for the user, one it does not, and an id that names nothing."""
    listed = model_admin.get_queryset(admin_request(user))
    everything = model_admin.model._default_manager.order_by("pk")
    found = [listed.order_by("pk").first(), everything.exclude(pk__in=listed.values("pk")).last()]
    return [obj for obj in found if obj is not None]


def editable_rows(model, user):
    """Rows the user keeps, by the pages' rules; None for models nobody but the superuser changes."""
    rows = model._default_manager.order_by("pk")
    if hasattr(rows, "editable_by"):
        return rows.editable_by(user)
    if model is PlanItem:
        return rows.filter(editable_q(user, via="report__branch"))
    return None


def own_row(model, user):
    if model is get_user_model():
        return user
    rows = editable_rows(model, user)
    return rows.first() if rows is not None else None


def foreign_row(model, user):
    if model is get_user_model():
        return user
    rows, own = model._default_manager.order_by("pk"), editable_rows(model, user)
    return (rows.exclude(pk__in=own.values("pk")) if own is not None else rows).last()


def form_data(model, obj, user, direction):
    """The object's fields as a form would post them, its foreign keys turned `direction`."""
    pick = own_row if direction == "inward" else foreign_row
    data = {}
    for field in model._meta.concrete_fields:
        if field.primary_key or not field.editable:
            continue
        value = field.value_from_object(obj)
        if field.is_relation:
            target = pick(field.related_model, user)
            value = target.pk if target is not None else value
        if value is None or value is False:
            continue
        data[field.name] = "on" if value is True else str(value)
    for field in model._meta.many_to_many:
        target = pick(field.related_model, user)
        data[field.name] = [target.pk] if target is not None else []
    return data


def history_id(obj):
    history = getattr(obj._meta, "simple_history_manager_attribute", None)
    version = getattr(obj, history).order_by("history_id").first() if history else None
    return version.history_id if version else JUNK_ID


def fill(route, args):
    """A model admin URL with its placeholders filled, for patterns that have no name."""
    values = iter(args)
    return re.sub(r"<[^>]+>|\([^)]*\)", lambda _: str(next(values)), route.lstrip("^").rstrip("$"))


def model_admin_urls(model_admin, user):
    """(url, the hostile POSTs to send) for each URL of the model admin and each sample object."""
    model = model_admin.model
    objects = samples(model_admin, user)
    changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    for pattern in model_admin.urls:
        assert isinstance(pattern, URLPattern)
        groups = pattern.pattern.regex.groups
        targets = [None] if groups == 0 else [*objects, None]
        for obj in targets:
            pk = obj.pk if obj is not None else JUNK_ID
            args = [pk, history_id(obj) if obj is not None else JUNK_ID][:groups]
            if pattern.name:
                url = reverse(f"admin:{pattern.name}", args=args)
            else:
                url = changelist + fill(str(pattern.pattern), args)
            if groups and obj is None:
                posts = []  # an id that names nothing: read only
            elif pattern.name and pattern.name.endswith("_changelist"):
                posts = [{"action": "delete_selected", "_selected_action": [o.pk for o in objects], "post": "yes"}]
            elif pattern.name and pattern.name.endswith("_delete"):
                posts = [{"post": "yes"}]
            else:
                source = obj or (objects[-1] if objects else None)
                posts = [form_data(model, source, user, d) for d in ("inward", "outward")] if source else [{}]
            yield url, posts


def autocomplete_urls():
    for model in admin.site._registry:
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
            if field.is_relation and field.related_model in admin.site._registry:
                query = f"app_label={model._meta.app_label}&model_name={model._meta.model_name}&field_name={field.name}"
                yield f"{reverse('admin:autocomplete')}?{query}&term=", field.related_model


def site_urls():
    apps = {model._meta.app_label for model in admin.site._registry}
    yield reverse("admin:index")
    yield reverse("admin:jsi18n")
    yield from (reverse("admin:app_list", args=[app]) for app in sorted(apps))


def readable_ids(model, user):
    """What an autocomplete may offer: rows the user reads in the pages, nothing of other models."""
    rows = model._default_manager.all()
    if hasattr(rows, "visible_to"):
        return set(rows.visible_to(user).values_list("pk", flat=True))
    if model is PlanItem:
        return set(rows.filter(visible_q(user, via="report__branch")).values_list("pk", flat=True))
    return set()


def test_every_site_page_is_walked_or_deliberately_left_out():
    names = {p.name for p in admin.site.get_urls() if isinstance(p, URLPattern) and p.name}
    assert names == SITE_PAGES | SITE_PAGES_LEFT_OUT


@pytest.mark.parametrize("username", STAFF)
def test_no_admin_url_writes_outside_the_users_branches(client, world, username):
    login(client, username)
    client.raise_request_exception = False  # a server error is collected with the rest
    user = get_user_model().objects.get(username=username)
    queries = snapshot_queries(user)
    before = snapshot(queries)
    problems = []

    def visit(method, url, data=None):
        with transaction.atomic():
            response = client.post(url, data or {}) if method == "POST" else client.get(url)
            if response.status_code >= 500:
                problems.append(f"{method} {url}: {response.status_code}")
            if snapshot(queries) != before:
                problems.append(f"{method} {url} {data}: wrote outside {username}'s branches")
            transaction.set_rollback(True)
        return response

    for model_admin in admin.site._registry.values():
        for url, posts in model_admin_urls(model_admin, user):
            visit("GET", url)
            for data in posts:
                visit("POST", url, data)
        for obj in samples(model_admin, user):
            content_type = ContentType.objects.get_for_model(obj)
            url = reverse("admin:view_on_site", args=[content_type.pk, obj.pk])
            visit("GET", url)
            visit("POST", url)
    for url in site_urls():
        visit("GET", url)
        visit("POST", url, {"app_label": "reports"})
    for url, related_model in autocomplete_urls():
        response = visit("GET", url)
        if response.status_code == 200:
            offered = {int(row["id"]) for row in response.json()["results"]}
            if not offered <= readable_ids(related_model, user):
                problems.append(f"GET {url}: offers rows {username} may not read")
        visit("POST", url)
    assert not problems, "\n".join(problems)
