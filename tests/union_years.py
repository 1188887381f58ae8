"""Made-up but plausible union-years for the prose checks: every kind of activity, series of
numbered sessions, events with outcomes and prizes, events the union only took part in (some with
the prize it won there linked), joint events, welfare of every reason (some cash only, some goods
only) and money the union only collected or applied for, a 三八 gift and a 中秋 visit, hardship
members visited and not, titles and prizes, meetings; with one record of a kind or many, and with
or without a year before.

Deterministic: the same seed makes the same year.
"""
from __future__ import annotations

import datetime
import random
from decimal import Decimal

from reports.choices import ActivityCategory as C
from reports.choices import FestivalOccasion, FundSource, HonorKind, HonorLevel, MeetingKind, Participation, RecipientKind
from reports.choices import WelfareReason as R

from .records import make_activity, make_honor, make_meeting, make_member, make_payment

# (category, titles to pick from)
TITLES = {
    C.POLITICAL_STUDY: ["党的创新理论专题学习会", "《工会法》知识学习会", "“七一”主题党日学习活动", "作风建设专题学习"],
    C.TRAINING: ["岗位技能提升培训", "消防安全知识培训", "新入职职工岗前培训", "办公软件应用培训"],
    C.COMPETITION: ["职工岗位技能比武", "“安康杯”知识竞赛", "青年职工业务技能大赛", "合理化建议征集评比"],
    C.CULTURE: ["职工书画摄影展", "“迎新春”文艺汇演", "职工读书分享会", "红歌合唱比赛"],
    C.SPORTS: ["职工乒乓球比赛", "趣味运动会", "职工拔河比赛", "健步走活动", "羽毛球友谊赛", "跳绳比赛"],
    C.FESTIVAL: ["迎新春职工联欢会", "庆“三八”女职工座谈会", "端午节包粽子活动", "中秋游园活动"],
    C.SOCIAL: ["青年职工联谊会", "退休职工座谈会"],
    C.VISIT_REST: ["一线职工疗休养", "赴外地参观学习"],
    C.FAMILY: ["“六一”亲子游园活动", "职工子女暑期托管班"],
    C.WOMEN: ["女职工健康知识讲座", "女职工插花技艺培训"],
    C.HEALTH_CHECK: ["职工年度健康体检"],
    C.DEMOCRATIC: ["公示年度福利方案", "职工代表巡视"],
    C.SAFETY: ["劳动保护监督检查", "夏季高温作业专项检查"],
    C.VOLUNTEER: ["无偿献血活动", "“学雷锋”志愿服务", "慈善一日捐"],
    C.WORKERS_HOME: ["职工书屋图书更新", "职工健身室改造"],
    C.UNION_BUILDING: ["工会干部业务培训", "工会小组长工作交流会"],
    C.OTHER: ["工会会员日活动"],
}
PLACES = ["单位会议室", "职工活动中心", "体育馆", "报告厅", "市民广场", "县体育中心", ""]
RESULTS = [
    "获得团体第二名。",
    "本次活动共评出优秀作品12件。",
    "参训人员全部通过考核。其中3人被评为优秀学员。",
    "一线班组代表队获得第一名",
    "活动受到职工的普遍欢迎。",
    "查出隐患3处，已全部整改。",
    "获优秀组织奖。",
]
DESCRIPTIONS = ["设个人赛和团体赛两个项目。", "面向全体在职职工。", "邀请专家授课，并组织了现场答疑和讨论。", ""]
SESSION_MARKS = ["（第一期）", "（第二期）", "（第三期）", "（第四期）"]
OTHER_SERIES_MARKS = ["第1期", "第2期", "第3期"]
MEMBER_NAMES = ["王丽", "李强", "张敏", "刘洋", "陈静", "杨帆", "赵磊", "黄梅", "周杰", "吴芳", "徐亮", "孙莉"]


def _day(rng: random.Random, year: int, month: int | None = None) -> datetime.date:
    month = month or rng.randint(1, 12)
    return datetime.date(year, month, rng.randint(1, 28))


def make_members(branch, rng: random.Random, year: int):
    members = []
    for i, name in enumerate(MEMBER_NAMES):
        members.append(make_member(
            branch, f"{name}{branch.code[:2]}", gender="female" if i % 2 else "male",
            is_hardship=i in (1, 4, 7), joined_on=datetime.date(year - 3, 3, 1),
        ))
    return members


def make_activities(branch, rng: random.Random, year: int, *, many: bool):
    """One activity of each kind, or several with series, outcomes and events taken part in."""
    for category, titles in TITLES.items():
        count = rng.randint(min(2, len(titles)), len(titles)) if many else 1
        for title in rng.sample(titles, min(count, len(titles))):
            result = rng.choice(RESULTS) if many and rng.random() < 0.35 else ""
            make_activity(
                branch, _day(rng, year), title, category=category, place=rng.choice(PLACES),
                participants=rng.randint(5, 60), cost=Decimal(rng.randint(0, 40) * 100),
                description=rng.choice(DESCRIPTIONS), result=result,
            )
    if not many:
        return
    # A numbered series, a series of one title held three times, and one numbered 第1期.
    for i, mark in enumerate(SESSION_MARKS[:3]):
        make_activity(branch, datetime.date(year, 3 + i, 12), f"班组长安全培训班{mark}", category=C.TRAINING,
                      participants=30 + i, result="26人全部取得培训合格证。" if i == 1 else "")
    for month in (4, 6, 9):
        make_activity(branch, datetime.date(year, month, 20), "职工篮球联赛", category=C.SPORTS, participants=24)
    for i, mark in enumerate(OTHER_SERIES_MARKS):
        make_activity(branch, datetime.date(year, 5 + i, 8), f"“劳模工匠进班组”宣讲{mark}", category=C.POLITICAL_STUDY,
                      participants=18)
    # Events the union took part in: as the record says, and (an old imported row) by its title.
    ball = make_activity(branch, datetime.date(year, 11, 14), "参加全县职工篮球赛", category=C.SPORTS, participants=12,
                         partners="县总工会", participation=Participation.ATTENDED)
    make_honor(branch, datetime.date(year, 11, 16), "全县职工篮球赛团体第三名", kind=HonorKind.PRIZE, activity=ball,
               level=HonorLevel.COUNTY, awarding_body="县总工会", recipients=f"{branch.name}篮球队")
    choir = make_activity(branch, datetime.date(year, 5, 2), "全市职工合唱比赛", category=C.CULTURE, participants=40,
                          partners="示范市总工会", participation=Participation.ATTENDED,
                          result="本次活动我单位合唱团获得金奖。")
    make_honor(branch, datetime.date(year, 5, 2), "全市职工合唱比赛金奖", kind=HonorKind.PRIZE, activity=choir,
               level=HonorLevel.MUNICIPAL, awarding_body="示范市总工会")
    skills = make_activity(branch, datetime.date(year, 7, 3), "组队参加全市职工技能大赛", category=C.COMPETITION,
                           participants=6, result="两名选手获得“技术能手”称号。")
    make_honor(branch, datetime.date(year, 7, 5), "全市职工技能大赛焊工项目个人三等奖", kind=HonorKind.PRIZE,
               activity=skills, level=HonorLevel.MUNICIPAL, awarding_body="示范市总工会",
               recipient_kind=RecipientKind.INDIVIDUAL, recipients="李明")
    make_activity(branch, datetime.date(year, 6, 18), "职工子女书法兴趣班", category=C.FAMILY, participants=16,
                  partners="县青少年宫", participation=Participation.JOINT)
    # A multi-day course and a large event.
    make_activity(branch, datetime.date(year, 8, 21), "暑期业务培训", category=C.TRAINING, participants=45,
                  end_date=datetime.date(year, 8, 24))
    make_activity(branch, datetime.date(year, 10, 1), "首届职工运动会", category=C.SPORTS, participants=150,
                  cost=Decimal("9000"))


def make_welfare(branch, rng: random.Random, year: int, members, *, festivals_in_march_only: bool):
    make_payment(branch, datetime.date(year, 3, 7), reason=R.FESTIVAL, recipients="全体女职工", headcount=20,
                 cash=Decimal(0), goods_value=Decimal("2000"), occasion=FestivalOccasion.WOMENS_DAY)
    if not festivals_in_march_only:
        make_payment(branch, datetime.date(year, 1, 20), reason=R.FESTIVAL, recipients="困难职工和在职职工",
                     headcount=60, cash=Decimal("12000"), goods_value=Decimal("3000"))
        make_payment(branch, datetime.date(year, 9, 20), reason=R.FESTIVAL, recipients="在职和退休职工",
                     headcount=58, cash=Decimal("11600"), goods_value=Decimal(0), occasion=FestivalOccasion.MID_AUTUMN)
    make_payment(branch, _day(rng, year), reason=R.SICKNESS, member=members[0], cash=Decimal("500"),
                 goods_value=Decimal(0))
    make_payment(branch, _day(rng, year), reason=R.SICKNESS, member=members[2], cash=Decimal("300"),
                 goods_value=Decimal(0), fund_source=FundSource.HIGHER_UNION)
    make_payment(branch, _day(rng, year, 7), reason=R.SUMMER_COOLING, recipients="一线职工", headcount=30,
                 cash=Decimal(0), goods_value=Decimal("1800"), fund_source=FundSource.ADMINISTRATION)
    make_payment(branch, _day(rng, year), reason=R.HARDSHIP, member=members[1], cash=Decimal("2000"))
    make_payment(branch, _day(rng, year), reason=R.RETIREE, recipients="退休职工", headcount=12,
                 cash=Decimal("2400"), goods_value=Decimal("600"))
    make_payment(branch, _day(rng, year, 11), reason=R.MUTUAL_INSURANCE, recipients="全体在职会员", headcount=40,
                 cash=Decimal("2400"))
    make_payment(branch, _day(rng, year), reason=R.BIRTH, member=members[3], cash=Decimal("500"),
                 goods_value=Decimal("300"))
    # Money the union did not pay: staff donations it handed over, relief it applied for.
    make_payment(branch, _day(rng, year), reason=R.SERIOUS_ILLNESS, member=members[6], cash=Decimal("6830"),
                 fund_source=FundSource.DONATION, notes="职工爱心捐款，工会代收代转。")
    make_payment(branch, _day(rng, year), reason=R.HARDSHIP, member=members[8], cash=Decimal("5170"),
                 fund_source=FundSource.RELIEF_APPLIED)
    make_payment(branch, _day(rng, year), reason=R.SERIOUS_ILLNESS, member=members[10], cash=Decimal("3260"),
                 goods_value=Decimal("410"), fund_source=FundSource.RELIEF_APPLIED)


def make_honors_and_meetings(branch, rng: random.Random, year: int, members):
    make_honor(branch, _day(rng, year), "模范职工之家", level=HonorLevel.COUNTY, awarding_body="县总工会")
    make_honor(branch, _day(rng, year), "先进工作者", level=HonorLevel.MUNICIPAL, awarding_body="示范市人民政府",
               recipient_kind=RecipientKind.INDIVIDUAL, recipients=members[5].name)
    make_honor(branch, _day(rng, year), "全县职工运动会优秀组织奖", level=HonorLevel.COUNTY, awarding_body="县总工会",
               kind=HonorKind.PRIZE)
    make_meeting(branch, datetime.date(year, 3, 15), kind=MeetingKind.WORKERS_CONGRESS, session="三届二次",
                 attendees=40, proposals_received=20, proposals_accepted=8, topics="听取和审议工作报告")
    for month in (2, 6, 9):
        make_meeting(branch, datetime.date(year, month, 10), kind=MeetingKind.COMMITTEE)


def make_union_year(branch, year: int, *, seed: int, many: bool, previous: bool):
    rng = random.Random(seed)
    members = make_members(branch, rng, year)
    make_activities(branch, rng, year, many=many)
    make_welfare(branch, rng, year, members, festivals_in_march_only=not many)
    make_honors_and_meetings(branch, rng, year, members)
    if previous:
        before = random.Random(seed + 1)
        make_activities(branch, before, year - 1, many=many)
        make_welfare(branch, before, year - 1, members, festivals_in_march_only=False)
    return branch
