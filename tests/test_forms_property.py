"""No 500 on bad input: every form of the site, fed random and edge-case values, answers with
errors or a redirect, and nothing invalid is stored."""
import datetime

import pytest
from django import forms as django_forms
from django.test import override_settings
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reports.documents import services
from reports.documents.content import Document
from reports.ledgers import LEDGERS
from reports.models import Branch, Revision

from .conftest import PASSWORD

RUNS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# Anything a browser can send: no lone surrogates (they cannot be encoded as UTF-8 at all).
CHARACTERS = st.characters(blacklist_categories=("Cs",))
EDGE_TEXT = st.sampled_from(["", " ", "长" * 100_000, "\x00", "\x1b[31m", "😀👨‍👩‍👧", "混合 Mixed смешанный 混ぜる", "<script>x</script>", "=1+1"])
TEXT = st.one_of(st.text(CHARACTERS, max_size=300), EDGE_TEXT)
NUMBER = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.decimals(allow_nan=True, allow_infinity=True, places=None).map(str),
    st.sampled_from(["", "1e309", "NaN", "-0", "0.001", "１２", "99999999999.999", "2147483648", "-1"]),
    TEXT,
)
# Query strings: web servers refuse URLs much over 8 KB, so no 100,000-character values here.
QUERY_TEXT = st.one_of(st.text(CHARACTERS, max_size=300), st.sampled_from(["", "\x00", "😀", "-1", "99999999999999999999", "<b>"]))
DATE = st.one_of(
    st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)).map(datetime.date.isoformat),
    st.sampled_from(["", "0000-00-00", "2024-13-40", "2024/2/30", "9999-12-31", "0001-01-01"]),
    TEXT,
)


def strategy_for(field):
    if isinstance(field, django_forms.DateField):
        return DATE
    if isinstance(field, (django_forms.IntegerField, django_forms.DecimalField)):
        return NUMBER
    if isinstance(field, django_forms.ModelChoiceField):
        return st.one_of(st.integers(min_value=-5, max_value=10**12).map(str), TEXT)
    if isinstance(field, django_forms.BooleanField):
        return st.sampled_from(["on", "", "false", "1", "是"])
    if isinstance(field, django_forms.ChoiceField):
        return st.one_of(st.sampled_from([value for value, _ in field.choices]), TEXT)
    return TEXT


def form_data(form_class, branch):
    fields = form_class(branch=branch).fields
    return st.fixed_dictionaries({name: strategy_for(field) for name, field in fields.items()})


def allowed(usual: tuple[int, ...], *values) -> tuple[int, ...]:
    """The answers a request may get: the usual ones, and the site's Chinese 400 page when a
    field's name or value holds a NUL character, which no form may store (reports.middleware refuses it first)."""
    texts = [str(v) for value in values for v in ([*value, *value.values()] if isinstance(value, dict) else [value])]
    return usual + (400,) if any("\x00" in text for text in texts) else usual


def assert_all_valid(model):
    for record in model.objects.all():
        record.full_clean()


@pytest.mark.parametrize("slug", sorted(LEDGERS))
def test_record_forms_never_fail(client, cast, slug):
    ledger = LEDGERS[slug]
    client.login(username="alice", password=PASSWORD)
    url = reverse("reports:record_add", args=["school", slug])

    @RUNS
    @given(data=form_data(ledger.form_class, cast.school))
    def post(data):
        response = client.post(url, data)
        assert response.status_code in allowed((200, 302), data), (response.status_code, data)

    post()
    assert_all_valid(ledger.model)


def test_ledger_filters_never_fail(client, cast):
    client.login(username="alice", password=PASSWORD)

    @RUNS
    @given(params=st.fixed_dictionaries({k: QUERY_TEXT for k in ("year", "month", "start", "end", "choice", "q", "sort", "page")}))
    def get(params):
        for slug in LEDGERS:
            assert client.get(reverse("reports:ledger", args=["school", slug]), params).status_code in allowed((200,), params)

    get()


@override_settings(DOCUMENT_SAVES_PER_MINUTE=100_000)  # every example saves; the limit has its own tests
def test_document_editor_never_fails(client, cast):
    report = services.create_plan(branch=cast.school, year=datetime.date.today().year, user=None)
    document = Document.from_dict(report.current_revision().content)
    keys = [f"p:{p.key}" for p in document.all_paragraphs()][:3] + [f"h:{s.key}" for s in document.all_sections()][:2]
    keys += [f"e:{e.key}" for s in document.sections for e in s.schedule][:2]
    keys += [f"c:{i.key}" for _, i in document.schedule_items()][:2]
    client.login(username="alice", password=PASSWORD)
    url = reverse("reports:document_edit", args=["school", report.pk])

    @RUNS
    @given(
        fields=st.fixed_dictionaries({k: TEXT for k in ["title", "signature", *keys]}),
        date=DATE,
        action=st.one_of(st.sampled_from(["save", "add_section", "add_entry", "up:themes", "remove_item:nope", "resolve:1"]), TEXT),
    )
    def post(fields, date, action):
        revision = Revision.objects.get(report=report)
        response = client.post(url, {**fields, "date": date, "action": action, "revision": revision.number, "version": revision.version})
        assert response.status_code in allowed((200, 302, 409), fields, date, action), response.status_code

    post()
    stored = Document.from_dict(Revision.objects.get(report=report).content)
    assert stored.title and len(stored.title) <= 200
    assert all(len(p.text) <= 5000 for p in stored.all_paragraphs())


def test_the_other_forms_never_fail(client, cast):
    report = services.create_summary(branch=cast.school, year=datetime.date.today().year - 1, user=None)
    client.login(username="carol", password=PASSWORD)

    @RUNS
    @given(text=TEXT, number=NUMBER, other=TEXT)
    def post(text, number, other):
        client.force_login(cast.carol)  # each example from its own sign-in, whatever the last one did
        posts = [
            (reverse("reports:document_create", args=["school"]), {"kind": other, "year": number}),
            (reverse("reports:document_return", args=["school", report.pk]), {"comment": text, f"c:{other[:40]}": text}),
            (reverse("reports:document_reopen", args=["school", report.pk]), {"reason": text}),
            (reverse("reports:document_submit", args=["school", report.pk]), {}),
            (reverse("reports:branch_info", args=["school"]), {"workforce": number, "unit_kind": other, "party_organisation": text}),
        ]
        for url, data in posts:
            assert client.post(url, data).status_code in allowed((200, 302), data)
        oscar_posts = {"plan_month": number, "plan_day": other, "summary_month": text, "summary_day": number}
        client.force_login(cast.oscar)
        assert client.post(reverse("reports:set_deadlines", args=["county"]), oscar_posts).status_code in allowed((302,), oscar_posts)
        board_params = {"year": number[:300], "plan_state": text[:300], "overdue": other[:300], "page": number[:300]}
        assert client.get(reverse("reports:board", args=["county"]), board_params).status_code in allowed((200,), board_params)
        totals_params = {"year": number[:300], "scope": text[:300]}
        assert client.get(reverse("reports:totals", args=["county"]), totals_params).status_code in allowed((200,), totals_params)
        client.force_login(cast.carol)
        login_data = {"username": text, "password": other}
        assert client.post(reverse("login"), login_data).status_code in allowed((200, 302, 429), login_data)

    post()
    Branch.objects.get(code="school").full_clean()
