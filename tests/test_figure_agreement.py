"""Every registered figure states the same numbers wherever it is read: the home page, a drafted
summary's facts (for the figures drafts carry), the roll-up kept on approval and the live totals, for a union, the county
federation above it and the city federation above that. The tests iterate over the registry, so a
figure added to reports.figures.REGISTRY is covered without touching this module."""
import datetime
import random
from collections import defaultdict
from dataclasses import fields
from decimal import Decimal

import pytest
from django.urls import reverse

from reports import figures
from reports.choices import (
    ActivityCategory,
    FundSource,
    Gender,
    HonorLevel,
    MeetingKind,
    MemberStatus,
    WelfareReason,
)
from reports.documents.facts import gather_summary_facts
from reports.federation.totals import live_area_totals, rolled_up_totals

from .federations import YEAR, Area
from .records import make_activity, make_honor, make_meeting, make_member, make_payment

REGISTERED = list(figures.REGISTRY.values())


def generate_records(union, seed: int) -> None:
    """A varied year of records (and a few outside it), the same for the same seed."""
    rng = random.Random(seed)
    for k in range(12):
        day = datetime.date(YEAR + rng.choice([0, 0, 0, -1]), rng.randint(1, 12), rng.randint(1, 28))
        make_activity(union, day, title=f"{union.code}生成活动{k}", category=rng.choice(ActivityCategory.values),
                      participants=rng.randint(0, 200))
        make_payment(union, day, reason=rng.choice(WelfareReason.values), fund_source=rng.choice(FundSource.values),
                     headcount=rng.randint(1, 9), cash=Decimal(rng.randint(0, 90000)) / 100,
                     goods_value=Decimal(rng.randint(0, 30000)) / 100)
        make_honor(union, day, title=f"{union.code}生成荣誉{k}", level=rng.choice(HonorLevel.values))
        received = rng.randint(0, 12)
        make_meeting(union, day, kind=rng.choice(MeetingKind.values), proposals_received=received,
                     proposals_accepted=rng.randint(0, received))
        hardship = rng.random() < 0.3
        make_member(union, f"{union.code}生成会员{k}", gender=rng.choice(Gender.values),
                    status=rng.choice(MemberStatus.values), joined_on=day, is_hardship=hardship,
                    hardship_reason="因病致困" if hardship else "")


@pytest.fixture
def area(db):
    area = Area()
    for seed, union in enumerate(area.unions):
        generate_records(union, seed)
    # u3 (under the west county) stays unapproved: no approved figure may include it.
    area.approved = [area.u1, area.u2, area.u4]
    for union in area.approved:
        area.approve_summary(union)
    return area


def home_page(client, area, branch) -> dict:
    client.force_login(area.city_officer)
    response = client.get(reverse("reports:branch_home", args=[branch.code]), {"year": YEAR})
    assert response.status_code == 200
    return response.context


def values_by_group(figure, stated) -> dict[str, dict]:
    """A statement back as measure values by group value, so that several can be added up."""
    if not figure.group_by:
        return {"": {m.name: getattr(stated, m.name) for m in figure.measures}}
    return {getattr(row, fields(row)[0].name): {m.name: getattr(row, m.name) for m in figure.measures} for row in stated.rows}


def added(figure, statements):
    total = defaultdict(lambda: {m.name: m.zero for m in figure.measures})
    for stated in statements:
        for group, values in values_by_group(figure, stated).items():
            for name, value in values.items():
                total[group][name] += value
    return figures.statement(figure, total)


# Approving summaries drafts and renders them: one area serves every figure of a test.


def test_a_union_states_each_figure_alike_everywhere(client, area):
    union = area.u1
    facts, page = gather_summary_facts(union, YEAR), home_page(client, area, union)
    rolled_up, live = rolled_up_totals(union, YEAR), live_area_totals(union, YEAR, approved_only=True)
    for figure in REGISTERED:
        shown = page[figure.reads_as]
        if figure.in_drafts:
            assert getattr(facts, figure.reads_as) == shown, figure.name
        assert getattr(rolled_up, figure.reads_as) == shown, figure.name
        assert getattr(live, figure.reads_as) == shown, figure.name


def test_a_federation_states_the_sum_of_its_approved_unions(client, area):
    for federation in (area.east, area.city):
        counted = [u for u in area.approved if u.path.startswith(federation.path)]
        pages = [home_page(client, area, u) for u in counted]
        facts = [gather_summary_facts(u, YEAR) for u in counted]
        rolled_up, live = rolled_up_totals(federation, YEAR), live_area_totals(federation, YEAR, approved_only=True)
        for figure in REGISTERED:
            shown = added(figure, [page[figure.reads_as] for page in pages])
            where = f"{federation.code}: {figure.name}"
            assert any(any(v.values()) for v in values_by_group(figure, shown).values()), f"{where} counts nothing"
            if figure.in_drafts:
                assert added(figure, [getattr(f, figure.reads_as) for f in facts]) == shown, where
            assert getattr(rolled_up, figure.reads_as) == shown, where
            assert getattr(live, figure.reads_as) == shown, where
