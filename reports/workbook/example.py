"""A records workbook filled with a few example rows: fixtures/example-records.xlsx.

The rows are unsaved records written by the exporter itself, so the example has the template's
exact headers, notes and drop-down lists, and changes with them when regenerated
(python manage.py example_workbook fixtures/example-records.xlsx). The dates are fixed, in one
past year, so that the file stays the same from one run to the next.
"""
from __future__ import annotations

import datetime
from decimal import Decimal

from ..choices import (
    ActivityCategory,
    EmploymentType,
    FestivalOccasion,
    FundSource,
    Gender,
    HonorKind,
    HonorLevel,
    MeetingKind,
    MemberStatus,
    Participation,
    RecipientKind,
    WelfareReason,
)
from ..models import Activity, Honor, Meeting, Member, WelfarePayment
from .exporter import workbook_of
from .schema import ACTIVITIES, HONORS, MEETINGS, MEMBERS, PAYMENTS

YEAR = 2025


def day(month: int, dom: int) -> datetime.date:
    return datetime.date(YEAR, month, dom)


def example_records() -> dict:
    """Two members, two activities, a festival visit and a hardship grant, an honor won at one of
    the activities and a 教代会: one row of each kind a secretary usually keeps."""
    wang = Member(
        name="王丽", gender=Gender.FEMALE, birth_date=datetime.date(1986, 4, 12), department="语文组",
        position="教研组长", employment_type=EmploymentType.ESTABLISHED, joined_on=datetime.date(2008, 9, 1),
        status=MemberStatus.ACTIVE, phone="13800000001",
    )
    zhang = Member(
        name="张强", gender=Gender.MALE, birth_date=datetime.date(1979, 11, 3), department="后勤处",
        employment_type=EmploymentType.CONTRACT, joined_on=datetime.date(2015, 3, 1), status=MemberStatus.ACTIVE,
        is_hardship=True, notes="爱人长期患病。",
    )
    womens_day = Activity(
        title="庆“三八”女职工趣味运动会", category=ActivityCategory.WOMEN, start_date=day(3, 7), participants=46,
        place="学校操场", cost=Decimal("1800.00"), participation=Participation.ORGANISED,
        description="设置托球跑、跳绳、拔河等项目。", result="增进了女教职工之间的交流。",
    )
    basketball = Activity(
        title="参加全县教职工篮球赛", category=ActivityCategory.SPORTS, start_date=day(11, 14), end_date=day(11, 16),
        participants=12, place="县体育馆", participation=Participation.ATTENDED,
    )
    return {
        MEMBERS: [wang, zhang],
        ACTIVITIES: [womens_day, basketball],
        PAYMENTS: [
            WelfarePayment(
                date=day(1, 20), reason=WelfareReason.FESTIVAL, occasion=FestivalOccasion.SPRING_FESTIVAL,
                recipients="全体会员", headcount=58, goods_value=Decimal("11600.00"), fund_source=FundSource.UNION_FUNDS,
            ),
            WelfarePayment(
                date=day(6, 5), reason=WelfareReason.HARDSHIP, member=zhang, headcount=1, cash=Decimal("2000.00"),
                fund_source=FundSource.UNION_FUNDS,
            ),
        ],
        HONORS: [
            Honor(
                date=day(11, 16), title="男子组第三名", kind=HonorKind.PRIZE, activity=basketball,
                level=HonorLevel.COUNTY, awarding_body="示范县总工会", recipient_kind=RecipientKind.COLLECTIVE,
                recipients="学校教职工篮球队",
            ),
        ],
        MEETINGS: [
            Meeting(
                date=day(2, 28), kind=MeetingKind.STAFF_CONGRESS, session="第五届第三次", attendees=52,
                proposals_received=9, proposals_accepted=6, topics="审议学校工作报告和绩效工资分配方案。",
            ),
        ],
    }


def example_workbook() -> bytes:
    return workbook_of(example_records())
