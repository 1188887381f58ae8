"""How a unit calls itself: the kind guessed from its name or sector, and the words for each kind."""
import pytest

from reports.choices import Sector, UnitKind
from reports.models import Branch
from reports.units import guess_unit_kind, words_for_unit

from .conftest import make_branch


@pytest.mark.parametrize(
    "name, sector, kind",
    [
        ("示范县实验幼儿园工会委员会", Sector.SCHOOL, UnitKind.KINDERGARTEN),
        ("示范县实验小学工会委员会", Sector.SCHOOL, UnitKind.SCHOOL),
        ("示范县城关镇卫生院工会", Sector.INSTITUTION, UnitKind.HOSPITAL),
        ("示范县人民医院工会委员会", Sector.OTHER, UnitKind.HOSPITAL),
        ("示范县自来水公司工会委员会", Sector.ENTERPRISE, UnitKind.COMPANY),
        ("示范县第一纺织厂工会", Sector.OTHER, UnitKind.COMPANY),
        ("示范县住房和城乡建设局机关工会委员会", Sector.GOVERNMENT, UnitKind.GOVERNMENT),
        ("示范县气象台工会", Sector.INSTITUTION, UnitKind.INSTITUTION),
        ("示范县城东街道总工会", Sector.COMMUNITY, UnitKind.COMMUNITY),
        ("某某工会", Sector.OTHER, UnitKind.OTHER),
    ],
)
def test_the_kind_comes_from_the_name_then_the_sector(name, sector, kind):
    assert guess_unit_kind(name, sector) == kind


@pytest.mark.parametrize(
    "kind, name, words",
    [
        (UnitKind.SCHOOL, "示范县实验小学", ("本校", "教职工", "校党支部")),
        (UnitKind.KINDERGARTEN, "示范县实验幼儿园", ("本园", "教职工", "园党支部")),
        (UnitKind.HOSPITAL, "示范县人民医院", ("本院", "医务职工", "院党委")),
        (UnitKind.COMPANY, "示范县自来水公司", ("公司", "职工", "公司党委")),
        (UnitKind.GOVERNMENT, "示范县住房和城乡建设局", ("本局", "干部职工", "局党组")),
        (UnitKind.GOVERNMENT, "示范县人民政府办公室", ("机关", "干部职工", "机关党委")),
        (UnitKind.INSTITUTION, "示范县气象台", ("本单位", "职工", "单位党组织")),
        (UnitKind.COMMUNITY, "城东街道", ("本单位", "职工", "单位党组织")),
        (UnitKind.OTHER, "某某", ("本单位", "职工", "单位党组织")),
    ],
)
def test_each_kind_has_its_words(kind, name, words):
    found = words_for_unit(kind, name)
    assert (found.self_reference, found.staff, found.party_organisation) == words
    assert found.kind == kind


def test_a_new_branch_gets_its_kind_on_save_and_a_set_one_is_kept(db):
    kindergarten = make_branch("kg", name="示范县实验幼儿园工会委员会", sector=Sector.SCHOOL)
    assert kindergarten.unit_kind == UnitKind.KINDERGARTEN
    assert kindergarten.unit_words().self_reference == "本园"
    kept = make_branch("odd", name="示范县实验幼儿园工会", sector=Sector.SCHOOL, unit_kind=UnitKind.SCHOOL)
    assert Branch.objects.get(pk=kept.pk).unit_kind == UnitKind.SCHOOL


def test_a_named_party_organisation_replaces_the_default(db):
    branch = make_branch("hospital", name="示范县人民医院工会委员会", sector=Sector.HOSPITAL)
    assert branch.unit_words().party_organisation == "院党委"
    branch.party_organisation = "中共示范县人民医院委员会"
    assert branch.unit_words().party_organisation == "中共示范县人民医院委员会"


def test_a_row_written_without_the_kind_still_has_words(db):
    # Bulk loads (the load generator's COPY) bypass save(): the column is blank, the words are not.
    branch = make_branch("kg2", name="示范县第二幼儿园工会", sector=Sector.SCHOOL)
    Branch.objects.filter(pk=branch.pk).update(unit_kind="")
    branch.refresh_from_db()
    assert branch.resolved_unit_kind == UnitKind.KINDERGARTEN
    assert branch.unit_words().staff == "教职工"
