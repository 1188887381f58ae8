"""A three-level area for federation tests: a city federation over two county federations and a
union of its own, each county over grassroots unions, with known records in every union."""
import datetime
from decimal import Decimal

from reports.choices import BranchKind, RoleKind, Sector
from reports.documents import services

from .conftest import make_branch, make_user
from .records import make_activity, make_meeting, make_member, make_payment
from .reviews import approve

YEAR = datetime.date.today().year - 1


class Area:
    def __init__(self):
        self.city = make_branch("city", kind=BranchKind.FEDERATION, sector=Sector.GOVERNMENT, name="示范市总工会")
        self.east = make_branch("east", parent=self.city, kind=BranchKind.FEDERATION, name="东城区总工会")
        self.west = make_branch("west", parent=self.city, kind=BranchKind.FEDERATION, name="西城区总工会")
        self.u1 = make_branch("u1", parent=self.east, workforce=40, founded_on=datetime.date(YEAR, 3, 1))
        self.u2 = make_branch("u2", parent=self.east, sector=Sector.ENTERPRISE, workforce=60)
        self.u3 = make_branch("u3", parent=self.west, sector=Sector.HOSPITAL, workforce=30)
        self.u4 = make_branch("u4", parent=self.city, workforce=20)
        self.unions = [self.u1, self.u2, self.u3, self.u4]
        self.city_officer = make_user("city-officer", branch=self.city, kind=RoleKind.OFFICER)
        self.east_officer = make_user("east-officer", branch=self.east, kind=RoleKind.OFFICER)
        self.east_chair = make_user("east-chair", branch=self.east, kind=RoleKind.CHAIR)
        self.people = {}
        # Known records: union index i gets i+1 activities of 10*(i+1) participants each, one
        # payment of headcount 5*(i+1) and 100*(i+1) 元, i+2 members (one female), a congress.
        self.expected = {}
        for i, union in enumerate(self.unions):
            n = i + 1
            for k in range(n):
                make_activity(union, datetime.date(YEAR, 4, 1 + k), title=f"{union.code}活动{k}", participants=10 * n)
            make_payment(union, datetime.date(YEAR, 5, 1), headcount=5 * n, cash=Decimal(100 * n))
            for k in range(n + 1):
                make_member(union, f"{union.code}会员{k}", gender="female" if k == 0 else "male")
            make_meeting(union, datetime.date(YEAR, 3, 2), proposals_received=n * 2, proposals_accepted=n)
            self.expected[union.code] = {
                "activities": n, "participants": 10 * n * n, "headcount": 5 * n, "amount": Decimal(100 * n),
                "members": n + 1, "female": 1, "received": 2 * n, "accepted": n, "workforce": union.workforce,
            }
            secretary = make_user(f"{union.code}-sec", branch=union, kind=RoleKind.SECRETARY)
            chair = make_user(f"{union.code}-chair", branch=union, kind=RoleKind.CHAIR)
            self.people[union.code] = (secretary, chair)

    def approve_summary(self, union):
        secretary, chair = self.people[union.code]
        report = services.create_summary(branch=union, year=YEAR, user=None)
        return approve(report, secretary=secretary, chair=chair)

    def expected_sum(self, codes, key):
        return sum(self.expected[c][key] for c in codes)
