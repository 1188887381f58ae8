"""The test cast, defined once (after healthchecks' BaseTestCase).

A federation `county` over two grassroots unions, `school` and `plant`; a second federation
`other` with its own union `clinic`. Alice is school's secretary, Carol school's chair; Bob is
plant's secretary and Dora plant's chair (the sibling union); Oscar is county's officer; Olga is
the officer of the other federation; Sam is the superuser.
"""
import datetime

import pytest
from django.contrib.auth import get_user_model

from reports.choices import BranchKind, RoleKind, Sector
from reports.models import Branch, Role

PASSWORD = "correct-horse-battery"
# When the cast's unions came into the system: long before any year a test reports on, so every
# plan and summary is expected of them unless a test says otherwise.
IN_THE_SYSTEM_SINCE = datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)


def pytest_configure(config):
    from django.conf import settings

    # Real hashing costs ~0.3 s per user; the cast creates nine users per test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_collection_modifyitems(config, items):
    from django.conf import settings

    on_postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    skip_marker, reason = ("sqlite", "runs in the SQLite half of `make test`") if on_postgres else ("postgres", "needs PostgreSQL: run `make test`")
    skip = pytest.mark.skip(reason=reason)
    for item in items:
        if item.get_closest_marker(skip_marker):
            item.add_marker(skip)


def make_branch(code, *, parent=None, kind=BranchKind.GRASSROOTS, sector=Sector.SCHOOL, **extra):
    extra.setdefault("name", f"{code}工会委员会")
    extra.setdefault("short_name", f"{code}工会")
    extra.setdefault("created_at", IN_THE_SYSTEM_SINCE)
    return Branch.objects.create(code=code, parent=parent, kind=kind, sector=sector, **extra)


def make_user(username, *, branch=None, kind=None, **extra):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, **extra)
    if branch is not None:
        Role.objects.create(user=user, branch=branch, kind=kind)
    return user


class Cast:
    def __init__(self):
        self.county = make_branch("county", kind=BranchKind.FEDERATION, sector=Sector.GOVERNMENT)
        self.school = make_branch("school", parent=self.county, workforce=50)
        self.plant = make_branch("plant", parent=self.county, sector=Sector.ENTERPRISE)
        self.other = make_branch("other", kind=BranchKind.FEDERATION, sector=Sector.GOVERNMENT)
        self.clinic = make_branch("clinic", parent=self.other, sector=Sector.HOSPITAL)
        self.alice = make_user("alice", branch=self.school, kind=RoleKind.SECRETARY)
        self.carol = make_user("carol", branch=self.school, kind=RoleKind.CHAIR)
        self.bob = make_user("bob", branch=self.plant, kind=RoleKind.SECRETARY)
        self.dora = make_user("dora", branch=self.plant, kind=RoleKind.CHAIR)
        self.oscar = make_user("oscar", branch=self.county, kind=RoleKind.OFFICER)
        self.olga = make_user("olga", branch=self.other, kind=RoleKind.OFFICER)
        self.sam = get_user_model().objects.create_superuser("sam", password=PASSWORD)
        self.nobody = make_user("nobody")


@pytest.fixture
def cast(db):
    return Cast()


@pytest.fixture
def today():
    from django.utils import timezone

    return timezone.localdate()


@pytest.fixture
def last_year(today):
    return today.year - 1


def a_date(year, month=3, day=8):
    return datetime.date(year, month, day)


from .browser import browser, page  # noqa: E402,F401  (fixtures for browser tests)
