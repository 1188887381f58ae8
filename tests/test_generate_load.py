"""generate_load fills a federation tree fast, and its approved totals match the records."""
import io
from dataclasses import asdict

import pytest
from django.core.management import CommandError, call_command

from reports.federation.totals import live_area_totals, rolled_up_totals
from reports.models import Activity, Branch, Member, Revision

YEAR = 2024


def test_a_small_load(db):
    out = io.StringIO()
    call_command("generate_load", "--unions", "30", "--records-per-union", "40", "--year", str(YEAR), stdout=out)
    assert "已生成：30 个基层工会，1200 条记录" in out.getvalue()
    root = Branch.objects.get(code="load")
    assert Branch.objects.subtree_of(root).filter(kind="grassroots").count() == 30
    assert Member.objects.count() == 30 * 12 and Activity.objects.count() == 30 * 12
    assert Revision.objects.approved().exists()
    rolled, live = asdict(rolled_up_totals(root, YEAR)), asdict(live_area_totals(root, YEAR, approved_only=True))
    rolled.pop("federation"), live.pop("federation")
    assert rolled == live


def test_refuses_a_root_code_in_use(db):
    call_command("generate_load", "--unions", "2", "--records-per-union", "5", stdout=io.StringIO())
    with pytest.raises(CommandError, match="已存在"):
        call_command("generate_load", "--unions", "2", "--records-per-union", "5")
