"""How a unit calls itself, its staff and the party organisation that leads its union.

A union's report speaks in its unit's own words: a primary school says 本校 and 教职工, a
kindergarten 本园, a hospital 本院 and 医务职工, a bureau 本局 and 干部职工. The kind of unit
(UnitKind) is kept on the branch; when it was never set it is guessed from the name, then the sector.
"""
from __future__ import annotations

from dataclasses import dataclass

from .choices import Sector, UnitKind

# Words in a unit's name that give its kind away, checked in this order: a 医院 school's union
# (a nursing school) is a school, so the more specific words come first.
NAME_HINTS: tuple[tuple[str, str], ...] = (
    ("幼儿园", UnitKind.KINDERGARTEN),
    ("学校", UnitKind.SCHOOL),
    ("小学", UnitKind.SCHOOL),
    ("中学", UnitKind.SCHOOL),
    ("学院", UnitKind.SCHOOL),
    ("大学", UnitKind.SCHOOL),
    ("医院", UnitKind.HOSPITAL),
    ("卫生院", UnitKind.HOSPITAL),
    ("公司", UnitKind.COMPANY),
    ("厂", UnitKind.COMPANY),
    ("街道", UnitKind.COMMUNITY),
    ("社区", UnitKind.COMMUNITY),
)

SECTOR_KINDS: dict[str, str] = {
    Sector.GOVERNMENT: UnitKind.GOVERNMENT,
    Sector.SCHOOL: UnitKind.SCHOOL,
    Sector.HOSPITAL: UnitKind.HOSPITAL,
    Sector.ENTERPRISE: UnitKind.COMPANY,
    Sector.INSTITUTION: UnitKind.INSTITUTION,
    Sector.COMMUNITY: UnitKind.COMMUNITY,
    Sector.OTHER: UnitKind.OTHER,
}


def guess_unit_kind(name: str, sector: str) -> str:
    """The kind of unit a name says it is (幼儿园, 医院, 公司...), else the one its sector implies."""
    for hint, kind in NAME_HINTS:
        if hint in name:
            return kind
    return SECTOR_KINDS.get(sector, UnitKind.OTHER)


@dataclass(frozen=True)
class UnitWords:
    kind: str  # a UnitKind value
    self_reference: str  # how the unit names itself in its own report: 本校, 本园, 本院, 公司...
    staff: str  # the staff noun: 教职工, 医务职工, 职工, 干部职工
    party_organisation: str  # the leading party organisation when the branch names none


# Per kind: self-reference, staff noun, party organisation.
WORDS: dict[str, tuple[str, str, str]] = {
    UnitKind.SCHOOL: ("本校", "教职工", "校党支部"),
    UnitKind.KINDERGARTEN: ("本园", "教职工", "园党支部"),
    UnitKind.HOSPITAL: ("本院", "医务职工", "院党委"),
    UnitKind.COMPANY: ("公司", "职工", "公司党委"),
    UnitKind.GOVERNMENT: ("机关", "干部职工", "机关党委"),
    UnitKind.INSTITUTION: ("本单位", "职工", "单位党组织"),
    UnitKind.COMMUNITY: ("本单位", "职工", "单位党组织"),
    UnitKind.OTHER: ("本单位", "职工", "单位党组织"),
}


def words_for_unit(kind: str, name: str = "") -> UnitWords:
    """The vocabulary of a kind of unit. A 局's organs call themselves 本局, led by the 局党组."""
    self_reference, staff, party = WORDS.get(kind, WORDS[UnitKind.OTHER])
    if kind == UnitKind.GOVERNMENT and "局" in name:
        self_reference, party = "本局", "局党组"
    return UnitWords(kind, self_reference, staff, party)
