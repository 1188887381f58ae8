"""Demo data: 示范县总工会 with three grassroots unions, their people and their records.

The records cover the whole previous calendar year and the start of the current one, so that
every document (annual summary, half-year summary, plan) has something true to say. The events,
amounts and wording follow the reference summaries in shared/reference. Loading is idempotent:
each row is looked up by its natural key first and never updated, so a second run, or a run after
a secretary edited the demo rows, changes nothing.
"""
from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from .choices import (
    ActivityCategory,
    BranchKind,
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
    RoleKind,
    Sector,
    UnitKind,
    WelfareReason,
)
from .models import Activity, Branch, Honor, Meeting, Member, Role, WelfarePayment
from .models.records import honor_kind_from_title

DEMO_PASSWORD = "unionreports"

# The kinds of rows load_demo counts, in the order the command reports them.
COUNT_KINDS = ("branches", "users", "roles", "members", "activities", "payments", "honors", "meetings", "reports")

# Unions whose previous-year summary the demo has already approved, with what their secretary wrote
# in place of the drafted 存在问题 and 下一年工作打算, so the federation's board and totals show real
# figures. The waterworks union is left for trying the review path by hand.
APPROVED_SUMMARIES = {
    "school": (
        "一是工会干部均为兼职，教学任务重，研究工会工作的时间不足；二是教工之家的活动场地偏小，"
        "部分活动只能借用教室开展；三是青年教师参与文体活动的积极性还有待提高。",
        "新的一年，学校工会将围绕学校教育教学中心工作，开好六届四次教职工代表大会，"
        "继续做好送温暖和金秋助学工作，办好教职工趣味运动会和读书月活动，加强教工之家建设。",
    ),
    "bureau": (
        "一是机关干部下乡任务多，集中组织活动难度较大；二是工会经费使用的精细化管理还需加强；"
        "三是对困难职工的常态化帮扶还需进一步完善。",
        "新的一年，机关工会将继续深化政务公开，开好职工代表大会，做好困难职工帮扶和节日慰问，"
        "组织好干部职工健步走、读书分享等活动，加强工会经费审查监督。",
    ),
}

# Short aliases keep the record tables below readable.
A = ActivityCategory
R = WelfareReason
F = FundSource
L = HonorLevel
K = MeetingKind
E = EmploymentType
P = Participation
O = FestivalOccasion
FEMALE, MALE = Gender.FEMALE, Gender.MALE
RETIRED = MemberStatus.RETIRED
INDIVIDUAL = RecipientKind.INDIVIDUAL


# --- Specs: plain data, dates given as (month, day) within the year they belong to -----------


class MemberSpec(NamedTuple):
    name: str
    gender: str
    age: int
    department: str
    position: str = ""
    employment: str = E.ESTABLISHED
    joined: int = 10  # years before the current year; 1 is the previous year
    status: str = MemberStatus.ACTIVE
    hardship: tuple[str, int, int, int] | None = None  # reason, years ago, month, day
    notes: str = ""


class FillerGroup(NamedTuple):
    """Ordinary members of one department, generated with deterministic names."""

    department: str
    count: int
    female_share: float
    positions: tuple[str, ...]


class ActivitySpec(NamedTuple):
    month: int
    day: int
    category: str
    title: str
    place: str
    participants: int
    cost: str
    description: str
    result: str = ""
    partners: str = ""  # the partner of a joint activity, or the organiser of one the union attended
    days: int = 1
    participation: str = P.ORGANISED


class PaymentSpec(NamedTuple):
    month: int
    day: int
    reason: str
    member: str = ""  # a member's name, or blank for a group described by recipients
    recipients: str = ""
    headcount: int = 1
    cash: str = "0"
    goods: str = "0"
    fund: str = F.UNION_FUNDS
    notes: str = ""
    occasion: str = ""  # for 节日慰问; blank where the date tells the festival


class HonorSpec(NamedTuple):
    month: int
    day: int
    title: str
    level: str
    awarding_body: str
    recipients: str
    recipient_kind: str = RecipientKind.COLLECTIVE
    kind: str = ""  # blank: as the title suggests (奖 → 奖项/名次)
    activity: str = ""  # the title of the same year's activity it was won at


class MeetingSpec(NamedTuple):
    month: int
    day: int
    kind: str
    attendees: int
    topics: str
    session: str = ""
    received: int = 0
    accepted: int = 0


class YearRecords(NamedTuple):
    activities: tuple[ActivitySpec, ...] = ()
    payments: tuple[PaymentSpec, ...] = ()
    honors: tuple[HonorSpec, ...] = ()
    meetings: tuple[MeetingSpec, ...] = ()


@dataclass(frozen=True)
class BranchSpec:
    code: str
    name: str
    short_name: str
    kind: str
    sector: str
    workforce: int
    founded: tuple[int, int, int]  # years ago, month, day
    address: str
    phone: str
    unit_kind: str = ""
    party_organisation: str = ""


@dataclass(frozen=True)
class UnionSpec:
    branch: BranchSpec
    seed: int
    members: tuple[MemberSpec, ...]
    fillers: tuple[FillerGroup, ...]
    employment_mix: tuple[tuple[str, int], ...]  # employment type and weight, for fillers
    last_year: YearRecords
    this_year: YearRecords


class UserSpec(NamedTuple):
    username: str
    last_name: str
    first_name: str
    branch: str = ""  # branch code; blank for the superuser
    role: str = ""


# --- The organisation --------------------------------------------------------------------------

COUNTY = BranchSpec(
    code="county",
    name="示范县总工会",
    short_name="县总工会",
    kind=BranchKind.FEDERATION,
    sector=Sector.GOVERNMENT,
    workforce=0,
    founded=(70, 5, 1),
    address="示范县人民路1号",
    phone="0578-6012351",
    unit_kind=UnitKind.GOVERNMENT,
)

USERS = (
    UserSpec("school-secretary", "陈", "静", "school", RoleKind.SECRETARY),
    UserSpec("school-chair", "王", "丽", "school", RoleKind.CHAIR),
    UserSpec("waterworks-secretary", "刘", "芳", "waterworks", RoleKind.SECRETARY),
    UserSpec("waterworks-chair", "朱", "建华", "waterworks", RoleKind.CHAIR),
    UserSpec("bureau-secretary", "李", "娜", "bureau", RoleKind.SECRETARY),
    UserSpec("bureau-chair", "张", "国强", "bureau", RoleKind.CHAIR),
    UserSpec("county-officer", "孙", "晓梅", "county", RoleKind.OFFICER),
    UserSpec("county-chair", "周", "卫东", "county", RoleKind.CHAIR),
    UserSpec("admin", "赵", "磊"),
)

# --- Name pools for generated members ----------------------------------------------------------

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵"
)
FEMALE_GIVEN = (
    "丽", "静", "敏", "燕", "艳", "芳", "娟", "霞", "婷", "萍", "颖", "倩", "琳", "慧", "洁",
    "雪梅", "晓燕", "丽华", "秀英", "玉兰", "海燕", "春梅", "佳怡", "思雨", "欣然", "梦瑶",
    "雅琴", "红梅", "美玲", "桂芳", "淑珍", "晓红", "文静", "丽娟", "晓琳", "春燕", "雨晴",
    "婉清", "佳琪", "秋菊", "玉梅", "彩霞", "丽萍", "晓丽", "亚楠", "露", "蕾", "璐", "莉",
)
MALE_GIVEN = (
    "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华",
    "建国", "志强", "海波", "文博", "浩然", "宇航", "俊杰", "立新", "建军", "永刚", "晓东",
    "振华", "春雷", "洪涛", "德明", "国平", "建新", "志刚", "文涛", "子豪", "一鸣", "天宇",
    "卫国", "金龙", "红军", "新民", "成", "亮", "健", "峰", "波", "凯", "浩", "宁",
)
MOBILE_PREFIXES = ("139", "138", "137", "135", "136", "158", "159", "186", "187", "189", "133", "177")


# --- 示范县实验小学 -----------------------------------------------------------------------------

SCHOOL = UnionSpec(
    branch=BranchSpec(
        code="school",
        name="示范县实验小学工会委员会",
        short_name="示范县实验小学工会",
        kind=BranchKind.GRASSROOTS,
        sector=Sector.SCHOOL,
        workforce=45,
        founded=(40, 9, 10),
        address="示范县文昌路18号",
        phone="0578-6023145",
        unit_kind=UnitKind.SCHOOL,
        party_organisation="中共示范县实验小学支部委员会",
    ),
    seed=1101,
    members=(
        MemberSpec("王丽", FEMALE, 52, "校长室", "副校长、工会主席", joined=30),
        MemberSpec("陈静", FEMALE, 38, "三年级组", "语文教师、工会干事", joined=15),
        MemberSpec("方晓琳", FEMALE, 45, "六年级组", "年级组长", joined=23),
        MemberSpec("李慧敏", FEMALE, 41, "一年级组", "班主任", joined=19),
        MemberSpec(
            "刘淑华", FEMALE, 47, "四年级组", "数学教师", joined=25,
            hardship=("丈夫患尿毒症长期透析，家庭负担重", 3, 3, 12),
        ),
        MemberSpec(
            "何秀英", FEMALE, 44, "音体美教研组", "音乐教师", joined=21,
            hardship=("本人患乳腺癌，治疗费用负担重", 1, 7, 18),
        ),
        MemberSpec("黄志强", MALE, 48, "总务处", "总务主任", joined=26),
        MemberSpec("徐美玲", FEMALE, 36, "五年级组", "班主任", joined=13),
        MemberSpec("郭立新", MALE, 50, "教导处", "教导主任", joined=28),
        MemberSpec("赵文博", MALE, 26, "音体美教研组", "体育教师", E.CONTRACT, joined=1),
        MemberSpec("林晓燕", FEMALE, 29, "二年级组", "英语教师", joined=6),
        MemberSpec("吴海燕", FEMALE, 57, "五年级组", "课后服务教师", E.REHIRED_RETIREE, joined=35),
        MemberSpec("孙玉兰", FEMALE, 63, "离退休教师", joined=40, status=RETIRED),
        MemberSpec("钱德明", MALE, 64, "离退休教师", joined=42, status=RETIRED),
        MemberSpec("马军", MALE, 45, "总务处", "门卫", E.DISPATCHED, joined=1),
        MemberSpec("朱桂芳", FEMALE, 52, "总务处", "食堂炊事员", E.TEMPORARY, joined=1),
    ),
    fillers=(
        FillerGroup("一年级组", 4, 0.85, ("班主任", "班主任", "语文教师", "数学教师")),
        FillerGroup("二年级组", 4, 0.85, ("班主任", "班主任", "语文教师", "数学教师")),
        FillerGroup("三年级组", 3, 0.85, ("班主任", "语文教师", "数学教师")),
        FillerGroup("四年级组", 3, 0.8, ("班主任", "语文教师", "数学教师")),
        FillerGroup("五年级组", 3, 0.8, ("班主任", "语文教师", "数学教师")),
        FillerGroup("六年级组", 3, 0.75, ("班主任", "语文教师", "数学教师")),
        FillerGroup("音体美教研组", 3, 0.6, ("美术教师", "音乐教师", "体育教师")),
        FillerGroup("教导处", 1, 0.7, ("教务员",)),
        FillerGroup("总务处", 1, 0.6, ("会计",)),
    ),
    employment_mix=((E.ESTABLISHED, 88), (E.CONTRACT, 12)),
    last_year=YearRecords(
        activities=(
            ActivitySpec(
                1, 12, A.FESTIVAL, "“迎新春”教职工联欢会", "学校多功能厅", 56, "3860",
                "工会组织全体在职教职工和部分退休教师欢聚一堂，各年级组自编自演小品、合唱、诗朗诵等节目12个，"
                "穿插趣味游戏和抽奖。",
                "增进了教职工之间的交流，营造了团结和谐的校园氛围。",
            ),
            ActivitySpec(
                2, 20, A.POLITICAL_STUDY, "新学期师德师风专题学习会", "学校会议室", 45, "0",
                "组织全体教职工学习《新时代中小学教师职业行为十项准则》，各年级组结合身边案例开展讨论，"
                "每人签订师德承诺书。",
                "教职工依法执教、廉洁从教的意识进一步增强。",
            ),
            ActivitySpec(
                3, 5, A.VOLUNTEER, "“学雷锋”志愿服务进社区", "示范县城东社区", 18, "320",
                "青年教师志愿者走进城东社区，为留守儿童开展课业辅导和安全知识宣讲，为孤寡老人打扫卫生。",
                "受到社区居民的好评。",
                partners="城东社区居民委员会",
                participation=P.JOINT,
            ),
            ActivitySpec(
                3, 8, A.FESTIVAL, "庆“三八”女教职工趣味运动会", "学校操场", 38, "2400",
                "设持球平衡竞走、夹球接力、跳绳、踢毽子四个项目，全体女教职工和部分退休女教师参加。",
                "活动结束后为每位女教职工发放了节日慰问品。",
            ),
            ActivitySpec(
                3, 22, A.TRAINING, "“青蓝工程”师徒结对启动会", "学校报告厅", 24, "600",
                "工会协同教导处组织12对新老教师签订师徒结对协议，明确一学年内听课、评课和公开课任务。",
                "青年教师较快熟悉了教学常规，业务水平稳步提升。",
            ),
            ActivitySpec(
                4, 14, A.SPORTS, "教职工气排球联谊赛", "学校体育馆", 32, "1200",
                "与示范县第二小学工会联合举办气排球联谊赛，两校各组四支队伍进行循环比赛。",
                "加强了兄弟学校之间的交流。",
                partners="示范县第二小学工会",
                participation=P.JOINT,
            ),
            ActivitySpec(
                4, 23, A.CULTURE, "“书香校园”教职工读书月", "学校图书室", 45, "2650",
                "以“读经典书，做高尚人”为主题，为每位教职工赠送教育类书籍一本，举办读书心得交流会，"
                "共收到读书笔记45篇。",
                "评选出优秀读书笔记10篇，工会对作者给予了奖励。",
                days=31,
            ),
            ActivitySpec(
                4, 28, A.SPORTS, "庆“五一”教职工拔河比赛", "学校操场", 48, "900",
                "以年级组为单位组成六支代表队，采用淘汰赛制进行比赛。",
                "五年级组代表队获得第一名。",
            ),
            ActivitySpec(
                5, 16, A.WOMEN, "女教职工妇女病普查", "示范县妇幼保健院", 35, "7000",
                "组织女教职工进行妇科病和乳腺病普查，应查36人，实查35人，普查率97.2%。",
                "对查出问题的2名女教职工进行了跟踪随访。",
                partners="示范县妇幼保健院",
            ),
            ActivitySpec(
                5, 30, A.FAMILY, "“快乐六一”教职工亲子游园活动", "学校操场", 62, "1800",
                "邀请教职工子女参加猜谜语、套圈、亲子绘画等游园项目，为每名职工子女准备了节日礼物。",
                "28名教职工子女和家长一起度过了快乐的节日。",
            ),
            ActivitySpec(
                6, 14, A.VOLUNTEER, "教职工无偿献血", "示范县中心血站流动采血车", 14, "0",
                "结合世界献血者日，14名教职工参加无偿献血，献血量共计4200毫升。",
                partners="示范县中心血站",
                participation=P.JOINT,
            ),
            ActivitySpec(
                6, 20, A.DEMOCRATIC, "校务公开：公示绩效工资分配及评优评先结果", "学校校务公开栏", 45, "0",
                "通过校务公开栏和教职工大会，公开本学期绩效工资分配明细、评优评先名单和食堂收支情况，"
                "公示期五个工作日。",
                "公示期间未收到异议，教职工的知情权和监督权得到保障。",
            ),
            ActivitySpec(
                6, 28, A.CULTURE, "庆“七一”教职工歌咏比赛", "学校报告厅", 44, "1500",
                "各年级组以合唱形式参赛，演唱《没有共产党就没有新中国》《歌唱祖国》等曲目。",
                "评出一等奖1个、二等奖2个、三等奖3个。",
            ),
            ActivitySpec(
                7, 8, A.VISIT_REST, "优秀教职工暑期疗休养", "浙江省安吉县", 12, "21600",
                "组织年度考核优秀的12名教职工赴安吉开展为期五天的疗休养，参观余村并游览中国竹子博览园。",
                "教职工在紧张的教学工作之余得到了休整。",
                days=5,
            ),
            ActivitySpec(
                8, 21, A.TRAINING, "暑期师德培训", "学校报告厅", 45, "3200",
                "邀请示范市教育学院专家作专题讲座三场，开展师德案例研讨和新课标解读。",
                "全体教职工参加培训并提交了学习心得。",
                partners="示范市教育学院",
                days=4,
            ),
            ActivitySpec(
                9, 3, A.WORKERS_HOME, "“教工之家”阅览室和健身室改造", "学校综合楼三楼", 0, "18500",
                "改造教工阅览室和健身室，添置跑步机2台、乒乓球台1张和图书300余册。",
                "教职工课余有了读书和健身的固定场所。",
            ),
            ActivitySpec(
                9, 9, A.FESTIVAL, "庆祝教师节暨优秀教师表彰大会", "学校报告厅", 52, "4500",
                "表彰年度优秀教师、优秀班主任和教坛新秀共15人，为从教满三十年的教师颁发纪念证书。",
            ),
            ActivitySpec(
                9, 26, A.FESTIVAL, "“迎中秋、庆国庆”教职工游艺活动", "学校多功能厅", 46, "2300",
                "设置猜灯谜、投壶、定点投篮等游艺项目，教职工凭积分兑换月饼等奖品。",
            ),
            ActivitySpec(
                10, 11, A.SOCIAL, "重阳节退休教师座谈会", "学校会议室", 22, "1600",
                "邀请退休教师回校座谈，通报学校一年来的发展情况，听取老同志的意见和建议。",
            ),
            ActivitySpec(
                10, 17, A.SPORTS, "教职工秋季趣味运动会", "学校操场", 45, "2800",
                "设立定跳远、袋鼠跳、托球跑、十人十一足等八个项目，全体教职工参加。",
            ),
            ActivitySpec(
                11, 6, A.CULTURE, "教职工书画摄影作品展", "学校文化长廊", 28, "1500",
                "共展出教职工书法、国画和摄影作品62件，作品反映校园生活和示范县的山水风光。",
                days=10,
            ),
            ActivitySpec(
                11, 14, A.SPORTS, "参加全县教职工篮球赛", "示范县体育馆", 12, "1600",
                "学校组队参加示范县教育体育局工会举办的全县教职工篮球赛小学组比赛。",
                "获得小学组第二名。",
                partners="示范县教育体育局工会",
                days=3,
                participation=P.ATTENDED,
            ),
            ActivitySpec(
                11, 28, A.TRAINING, "教师信息技术应用能力提升培训", "学校微机室", 40, "0",
                "分两批组织教职工学习智慧课堂平台和课件制作，每人完成一节信息化教学设计。",
            ),
            ActivitySpec(
                12, 5, A.UNION_BUILDING, "工会委员和工会小组长业务培训", "示范县总工会培训室", 8, "0",
                "工会委员和各年级组工会小组长参加县总工会组织的业务培训，学习《工会法》和"
                "《基层工会经费收支管理办法》。",
                "参训人员系统掌握了工会经费收支和会员发展的基本要求。",
                partners="示范县总工会",
                participation=P.ATTENDED,
            ),
            ActivitySpec(
                12, 12, A.HEALTH_CHECK, "教职工年度健康体检", "示范县人民医院体检中心", 43, "25800",
                "组织在职教职工进行年度健康体检，女教职工增加妇科检查项目，人均标准600元。",
                "对体检中发现的问题及时提醒本人复查。",
                partners="示范县人民医院",
            ),
            ActivitySpec(
                12, 28, A.SPORTS, "迎元旦教职工跳绳踢毽比赛", "学校体育馆", 41, "800",
                "设一分钟跳绳、集体长绳和踢毽子三个项目。",
            ),
        ),
        payments=(
            PaymentSpec(
                1, 20, R.FESTIVAL, recipients="困难职工、离退休教师和在职教职工", headcount=68,
                cash="13600", goods="4080", notes="春节慰问，在职教职工每人200元，另送米、油等慰问品。",
                occasion=O.SPRING_FESTIVAL,
            ),
            PaymentSpec(
                1, 22, R.HARDSHIP, member="刘淑华", cash="2000", fund=F.HIGHER_UNION,
                notes="春节送温暖，县总工会困难职工帮扶资金。",
            ),
            PaymentSpec(
                1, 22, R.RETIREE, recipients="离退休教师", headcount=21, cash="4200",
                notes="春节走访慰问离退休教师。",
            ),
            PaymentSpec(
                3, 8, R.FESTIVAL, recipients="全体女教职工", headcount=36, goods="3600", notes="“三八”节慰问品。",
                occasion=O.WOMENS_DAY,
            ),
            PaymentSpec(3, 26, R.SICKNESS, member="黄志强", cash="500", goods="200", notes="腰椎间盘突出住院手术。"),
            PaymentSpec(4, 15, R.WEDDING, member="赵文博", cash="500", notes="新婚祝贺。"),
            PaymentSpec(5, 10, R.SICKNESS, member="徐美玲", cash="300", goods="200", notes="急性阑尾炎住院。"),
            PaymentSpec(
                5, 31, R.FESTIVAL, recipients="教职工14周岁以下子女", headcount=28, goods="1400",
                notes="“六一”儿童节慰问。", occasion=O.OTHER,
            ),
            PaymentSpec(6, 18, R.BIRTH, member="林晓燕", cash="500", goods="300", notes="生育一女。"),
            PaymentSpec(
                7, 10, R.SUMMER_COOLING, recipients="全体在职教职工", headcount=45, goods="2250",
                fund=F.ADMINISTRATION, notes="发放绿豆、白糖和防暑降温药品。",
            ),
            PaymentSpec(7, 20, R.SICKNESS, member="何秀英", cash="800", goods="300", notes="住院手术期间工会委员到医院看望。"),
            PaymentSpec(
                8, 12, R.SERIOUS_ILLNESS, member="何秀英", cash="5000", fund=F.HIGHER_UNION,
                notes="确诊乳腺癌住院手术，申请县总工会大病救助。",
            ),
            PaymentSpec(
                9, 20, R.SERIOUS_ILLNESS, member="何秀英", cash="10000", fund=F.RELIEF_APPLIED,
                notes="工会代为向县慈善总会申请慈善救助，救助金直接拨付本人。",
            ),
            PaymentSpec(
                8, 20, R.SCHOOL_AID, recipients="当年考入大学的教职工子女", headcount=4, cash="4000",
                notes="金秋助学，每人1000元。",
            ),
            PaymentSpec(
                9, 8, R.FESTIVAL, recipients="全体在职教职工", headcount=45, goods="9000",
                fund=F.ADMINISTRATION, notes="教师节慰问，学校行政经费。", occasion=O.TEACHERS_DAY,
            ),
            PaymentSpec(
                9, 25, R.FESTIVAL, recipients="在职和离退休教职工", headcount=66, cash="9900", goods="3960",
                notes="中秋、国庆慰问。", occasion=O.MID_AUTUMN,
            ),
            PaymentSpec(
                10, 11, R.RETIREE, recipients="离退休教师", headcount=22, cash="2200", goods="1320",
                notes="重阳节慰问。",
            ),
            PaymentSpec(10, 30, R.BEREAVEMENT, member="郭立新", cash="800", notes="其父病故。"),
            PaymentSpec(11, 18, R.SICKNESS, member="孙玉兰", cash="300", goods="200", notes="退休教师住院，工会委员上门看望。"),
            PaymentSpec(
                12, 2, R.MUTUAL_INSURANCE, recipients="全体在职会员", headcount=39, cash="2340",
                notes="参加县职工医疗互助保障计划，每人60元。",
            ),
            PaymentSpec(
                12, 22, R.HARDSHIP, member="何秀英", cash="8600", fund=F.DONATION,
                notes="全校教职工爱心捐款，工会代收后全部转交本人，用于后续化疗。",
            ),
            PaymentSpec(12, 26, R.HARDSHIP, member="刘淑华", cash="1000", notes="年终困难补助。"),
        ),
        honors=(
            HonorSpec(3, 6, "三八红旗手", L.COUNTY, "示范县妇女联合会", "陈静", INDIVIDUAL),
            HonorSpec(4, 28, "模范职工之家", L.COUNTY, "示范县总工会", "示范县实验小学工会委员会"),
            HonorSpec(4, 29, "示范县五一劳动奖章", L.COUNTY, "示范县总工会", "方晓琳", INDIVIDUAL),
            HonorSpec(9, 8, "优秀班主任", L.MUNICIPAL, "示范市教育局", "李慧敏", INDIVIDUAL),
            HonorSpec(
                11, 16, "全县教职工篮球赛小学组第二名", L.SYSTEM, "示范县教育体育局工会", "示范县实验小学教职工篮球队",
                kind=HonorKind.PRIZE, activity="参加全县教职工篮球赛",
            ),
            HonorSpec(12, 18, "工会工作先进集体", L.SYSTEM, "示范县教育体育局工会", "示范县实验小学工会委员会"),
        ),
        meetings=(
            MeetingSpec(1, 8, K.COMMITTEE, 7, "总结上年度工会工作，研究春节慰问对象和标准。"),
            MeetingSpec(2, 22, K.WOMEN_COMMITTEE, 5, "研究“三八”节活动方案和女教职工妇女病普查安排。"),
            MeetingSpec(
                3, 15, K.STAFF_CONGRESS, 41,
                "听取和审议校长工作报告、学校财务工作报告和工会工作报告，审议通过《示范县实验小学"
                "教职工绩效工资分配方案（修订稿）》。",
                session="六届三次", received=26, accepted=9,
            ),
            MeetingSpec(6, 18, K.COMMITTEE, 7, "研究暑期疗休养人员名单和金秋助学对象。"),
            MeetingSpec(9, 2, K.COMMITTEE, 7, "研究教师节表彰和国庆节活动安排。"),
            MeetingSpec(12, 24, K.AUDIT_COMMITTEE, 3, "审查本年度工会经费收支情况，形成经费审查报告提交会员大会。"),
        ),
    ),
    this_year=YearRecords(
        activities=(
            ActivitySpec(
                1, 10, A.FESTIVAL, "“迎新春”教职工联欢会", "学校多功能厅", 54, "3600",
                "各年级组表演节目11个，退休教师代表应邀参加，现场为教职工送上新春祝福。",
            ),
            ActivitySpec(
                2, 24, A.POLITICAL_STUDY, "新学期工作布置暨师德学习会", "学校会议室", 44, "0",
                "传达上级工会全委会精神，部署本学期工会工作，组织学习师德规范。",
            ),
            ActivitySpec(
                3, 8, A.FESTIVAL, "庆“三八”女教职工健步走", "示范县滨河绿道", 36, "1800",
                "女教职工沿滨河绿道健步走5公里，沿途设置知识问答点。",
            ),
            ActivitySpec(
                3, 12, A.VOLUNTEER, "“3·12”义务植树", "示范县城北生态公园", 20, "400",
                "青年教师和党员教师在城北生态公园栽植桂花树苗40株。",
            ),
        ),
        payments=(
            PaymentSpec(
                1, 16, R.FESTIVAL, recipients="困难职工、离退休教师和在职教职工", headcount=70,
                cash="14000", goods="4200", notes="春节慰问。", occasion=O.SPRING_FESTIVAL,
            ),
            PaymentSpec(1, 18, R.HARDSHIP, member="何秀英", cash="2000", fund=F.HIGHER_UNION, notes="春节送温暖。"),
            PaymentSpec(2, 26, R.SICKNESS, member="黄志强", cash="500", notes="复查住院。"),
        ),
        meetings=(MeetingSpec(1, 6, K.COMMITTEE, 7, "研究本年度工会工作计划和春节慰问方案。"),),
    ),
)


# --- 示范县自来水公司 ---------------------------------------------------------------------------

WATERWORKS = UnionSpec(
    branch=BranchSpec(
        code="waterworks",
        name="示范县自来水公司工会委员会",
        short_name="示范县自来水公司工会",
        kind=BranchKind.GRASSROOTS,
        sector=Sector.ENTERPRISE,
        workforce=46,
        founded=(45, 4, 28),
        address="示范县滨河路126号",
        phone="0578-6035120",
        unit_kind=UnitKind.COMPANY,
        party_organisation="中共示范县自来水公司委员会",
    ),
    seed=2202,
    members=(
        MemberSpec("朱建华", MALE, 53, "综合办公室", "党支部副书记、工会主席", joined=31),
        MemberSpec("刘芳", FEMALE, 40, "综合办公室", "工会干事", E.CONTRACT, joined=16),
        MemberSpec("杨卫东", MALE, 51, "管网所", "维修班班长", joined=30, notes="示范市劳动模范。"),
        MemberSpec(
            "高永刚", MALE, 46, "制水车间", "制水工", E.CONTRACT, joined=24,
            hardship=("妻子无固定工作，女儿患先天性心脏病", 4, 2, 20),
        ),
        MemberSpec(
            "谢春梅", FEMALE, 49, "营业所", "抄表员", E.CONTRACT, joined=26,
            hardship=("离异独自抚养儿子，儿子就读大学", 2, 9, 5),
        ),
        MemberSpec("韩磊", MALE, 33, "管网所", "管道工", E.CONTRACT, joined=10),
        MemberSpec("曾海波", MALE, 42, "制水车间", "值班长", joined=20),
        MemberSpec("蒋德胜", MALE, 56, "制水车间", "泵站运行工", joined=35),
        MemberSpec("唐丽娟", FEMALE, 27, "水质检测中心", "化验员", E.CONTRACT, joined=4),
        MemberSpec("潘婷", FEMALE, 30, "营业所", "收费员", E.CONTRACT, joined=7),
        MemberSpec("彭小龙", MALE, 24, "管网所", "管道工", E.DISPATCHED, joined=1),
        MemberSpec("鲁建平", MALE, 44, "综合办公室", "驾驶员", E.DISPATCHED, joined=1),
        MemberSpec("袁小梅", FEMALE, 48, "综合办公室", "保洁员", E.TEMPORARY, joined=1),
        MemberSpec("邓振华", MALE, 61, "生产技术科", "技术顾问", E.REHIRED_RETIREE, joined=38),
        MemberSpec("宋国平", MALE, 62, "离退休职工", joined=40, status=RETIRED),
        MemberSpec("冯秀珍", FEMALE, 58, "离退休职工", joined=37, status=RETIRED),
    ),
    fillers=(
        FillerGroup("制水车间", 8, 0.2, ("制水工", "制水工", "泵站运行工", "加氯工")),
        FillerGroup("管网所", 7, 0.05, ("管道工", "维修工", "巡线员", "阀门工")),
        FillerGroup("营业所", 4, 0.6, ("抄表员", "收费员", "客服专员")),
        FillerGroup("财务科", 2, 0.8, ("会计", "出纳")),
        FillerGroup("水质检测中心", 2, 0.5, ("化验员",)),
        FillerGroup("生产技术科", 2, 0.3, ("技术员", "工程师")),
    ),
    employment_mix=((E.CONTRACT, 60), (E.ESTABLISHED, 32), (E.DISPATCHED, 8)),
    last_year=YearRecords(
        activities=(
            ActivitySpec(
                1, 16, A.FESTIVAL, "“迎新春”职工文艺汇演", "公司职工活动中心", 78, "5200",
                "各车间、所、科室编排节目15个，在职职工、退休职工和家属代表共78人参加。",
            ),
            ActivitySpec(
                2, 24, A.TRAINING, "《生活饮用水卫生标准》宣贯培训", "公司三楼会议室", 22, "800",
                "邀请县疾控中心专家讲解新版水质标准的指标变化，制水车间和水质检测中心职工参加。",
                "参训职工全部通过闭卷测试。",
                partners="示范县疾病预防控制中心",
            ),
            ActivitySpec(
                3, 8, A.FESTIVAL, "庆“三八”女职工健身活动", "公司大院", 17, "1500",
                "开展持球平衡竞走、跳绳等健身项目，各科室、营业所和制水车间女职工参加。",
            ),
            ActivitySpec(
                3, 12, A.VOLUNTEER, "“3·12”水源地义务植树", "龙泉水库水源保护区", 30, "1200",
                "组织职工在水源保护区栽植香樟、水杉等苗木260株。",
            ),
            ActivitySpec(
                3, 21, A.DEMOCRATIC, "厂务公开：公示年度生产经营目标和职工福利方案", "公司厂务公开栏", 46, "0",
                "将职代会审议通过的年度生产经营目标、职工福利方案和业务招待费使用情况在厂务公开栏公示。",
            ),
            ActivitySpec(
                4, 10, A.COMPETITION, "“安康杯”安全生产知识竞赛", "公司三楼会议室", 36, "1800",
                "以车间、所为单位组队参赛，内容涵盖《安全生产法》、有限空间作业和加氯间应急处置。",
                "制水车间代表队获得一等奖。",
                partners="示范县应急管理局",
                participation=P.JOINT,
            ),
            ActivitySpec(
                4, 26, A.CULTURE, "庆“五一”职工书画摄影展", "公司职工活动中心", 24, "2000",
                "先期组织摄影爱好者深入龙泉水库水源地、净水厂和加压泵站采风，共展出摄影、书法和绘画作品86件。",
                "评出一等奖3件、二等奖5件、三等奖8件。",
                days=5,
            ),
            ActivitySpec(
                4, 28, A.WORKERS_HOME, "净水厂、管网所职工文化活动室挂牌", "净水厂、管网所", 30, "12600",
                "在净水厂和管网所分别建成职工文化活动室，添置乒乓球台、图书和健身器材。",
                "一线职工有了就近开展文体活动的阵地。",
            ),
            ActivitySpec(
                4, 29, A.SPORTS, "庆“五一”职工拔河比赛", "净水厂篮球场", 40, "800",
                "制水车间、管网所、营业所和机关科室组成四支代表队参加比赛。",
                "管网所代表队获得第一名。",
            ),
            ActivitySpec(
                5, 22, A.COMPETITION, "供水管道安装工技能比武", "管网所实训场", 18, "6500",
                "比武分理论考试和PE管热熔连接、阀门更换实操两部分，18名管道工参赛。",
                "评出“技术能手”3名，第一名推荐参加全市供水行业职业技能竞赛。",
                partners="示范县人力资源和社会保障局",
                participation=P.JOINT,
            ),
            ActivitySpec(
                6, 26, A.COMPETITION, "参加全市供水行业职业技能竞赛", "示范市自来水有限公司实训基地", 3, "1800",
                "选派技能比武第一名韩磊等3名管道工参加示范市住房和城乡建设局举办的全市供水行业职业技能竞赛。",
                "韩磊获得管道工项目个人二等奖，被授予“技术能手”称号。",
                partners="示范市住房和城乡建设局",
                days=2,
                participation=P.ATTENDED,
            ),
            ActivitySpec(
                6, 12, A.SAFETY, "“安全生产月”劳动保护监督检查", "龙泉水库水源地、净水厂、城南加压泵站", 8, "0",
                "工会劳动保护监督检查员会同生产技术科对水源地、净水厂加氯间和加压泵站进行检查。",
                "查出安全隐患5处，已全部督促整改到位。",
            ),
            ActivitySpec(
                6, 16, A.VOLUNTEER, "无偿献血志愿活动", "示范县中心血站", 11, "0",
                "11名职工参加无偿献血，献血量共计3300毫升。",
            ),
            ActivitySpec(
                7, 10, A.TRAINING, "管道安装高空作业安全培训", "公司三楼会议室", 26, "1200",
                "对管网所和制水车间一线职工进行高空作业、有限空间作业安全培训并组织实操演练。",
                "26人全部取得培训合格证。",
                partners="示范县安全生产培训中心",
            ),
            ActivitySpec(
                7, 24, A.FAMILY, "职工子女“快乐暑假”夏令营", "示范县青少年综合实践基地", 24, "4800",
                "组织24名职工子女参加为期两天的夏令营，开展节水知识课堂、参观净水厂和拓展训练。",
                "职工子女了解了父母的工作，增强了节水意识。",
                days=2,
            ),
            ActivitySpec(
                8, 1, A.SOCIAL, "“八一”退役军人职工座谈会", "公司会议室", 9, "900",
                "邀请公司退役军人职工座谈，听取对安全生产和职工队伍建设的意见。",
            ),
            ActivitySpec(
                8, 5, A.VISIT_REST, "一线职工疗休养", "浙江省淳安县千岛湖", 10, "18000",
                "组织常年坚守一线的制水工、管道工10人参加为期五天的疗休养。",
                days=5,
            ),
            ActivitySpec(
                8, 20, A.TRAINING, "营销知识暨优质服务培训", "营业所", 12, "600",
                "针对营业所抄表员、收费员开展营销知识、智能水表使用和文明服务用语培训。",
            ),
            ActivitySpec(
                9, 12, A.COMPETITION, "水质化验员岗位练兵比武", "公司水质检测中心", 8, "1500",
                "比武项目包括浊度、余氯和菌落总数检测，8名化验员参加。",
            ),
            ActivitySpec(
                9, 27, A.FESTIVAL, "“迎中秋、庆国庆”职工游艺活动", "公司职工活动中心", 43, "2600",
                "设置猜灯谜、夹玻璃珠、飞镖等项目，职工凭积分兑换生活用品。",
            ),
            ActivitySpec(
                10, 8, A.CULTURE, "职工读书月活动", "公司职工书屋", 38, "2200",
                "依托公司“职工书屋”开展读书月活动，收到读书心得31篇，组织“送书下基层”到净水厂和加压泵站。",
                "评出优秀读书心得6篇，工会给予奖励。",
                days=24,
            ),
            ActivitySpec(
                10, 16, A.WOMEN, "女职工“两癌”筛查", "示范县妇幼保健院", 16, "4000",
                "组织女职工进行宫颈癌和乳腺癌筛查，应查17人，实查16人，筛查率94.1%。",
                partners="示范县妇幼保健院",
            ),
            ActivitySpec(
                10, 25, A.SPORTS, "职工趣味运动会", "净水厂篮球场", 42, "2400",
                "设托球跑、沙包掷准、十人十一足等七个项目，倒班职工利用轮休时间参加。",
            ),
            ActivitySpec(
                11, 7, A.HEALTH_CHECK, "职工年度健康体检", "示范县人民医院体检中心", 44, "30800",
                "在职职工全部参加体检，对接触消毒剂的加氯间职工增加职业健康检查项目。",
                partners="示范县人民医院",
            ),
            ActivitySpec(
                11, 20, A.POLITICAL_STUDY, "《工会法》专题学习会", "公司三楼会议室", 35, "0",
                "邀请县总工会法律工作部干部宣讲《工会法》，职工代表结合企业实际进行交流。",
            ),
            ActivitySpec(
                12, 10, A.UNION_BUILDING, "工会小组长培训暨工会工作交流会", "公司三楼会议室", 12, "600",
                "学习基层工会经费收支管理规定，各工会小组交流会员管理和困难职工帮扶经验。",
            ),
            ActivitySpec(
                12, 26, A.DEMOCRATIC, "厂务公开：公示年度工会经费收支和慰问金发放情况", "公司厂务公开栏", 46, "0",
                "公示全年工会经费收支、慰问金发放和疗休养人员名单，接受职工监督。",
            ),
        ),
        payments=(
            PaymentSpec(
                1, 15, R.FESTIVAL, recipients="困难职工、离退休职工和在职职工", headcount=74,
                cash="14800", goods="4440", notes="春节慰问。",
            ),
            PaymentSpec(
                1, 16, R.HARDSHIP, member="高永刚", cash="3000", fund=F.HIGHER_UNION,
                notes="春节送温暖，县总工会困难职工帮扶资金。",
            ),
            PaymentSpec(1, 16, R.HARDSHIP, member="谢春梅", cash="2000", notes="春节送温暖。"),
            PaymentSpec(
                1, 18, R.MODEL_WORKER, member="杨卫东", cash="1000", goods="300", fund=F.ADMINISTRATION,
                notes="春节慰问市级劳动模范。",
            ),
            PaymentSpec(
                3, 8, R.FESTIVAL, recipients="全体女职工", headcount=17, goods="1700", notes="“三八”节慰问品。",
                occasion=O.WOMENS_DAY,
            ),
            PaymentSpec(
                3, 28, R.WORK_INJURY, member="韩磊", cash="800", goods="300", fund=F.ADMINISTRATION,
                notes="抢修城北DN300供水管道时右手受伤。",
            ),
            PaymentSpec(4, 20, R.SICKNESS, member="曾海波", cash="800", notes="突发脑梗住院治疗。"),
            PaymentSpec(
                5, 15, R.SERIOUS_ILLNESS, member="曾海波", cash="5000", fund=F.HIGHER_UNION,
                notes="脑梗后续康复治疗费用高，申请县总工会大病救助。",
            ),
            PaymentSpec(5, 18, R.WEDDING, member="唐丽娟", cash="500", notes="新婚祝贺。"),
            PaymentSpec(6, 20, R.BIRTH, member="潘婷", cash="500", goods="300", notes="生育一子。"),
            PaymentSpec(
                7, 8, R.SUMMER_COOLING, recipients="制水、管网一线职工和劳务派遣人员", headcount=38, goods="3800",
                fund=F.ADMINISTRATION, notes="送去绿豆、白糖、毛巾和防暑药品。",
            ),
            PaymentSpec(7, 22, R.SICKNESS, member="蒋德胜", cash="500", notes="高血压住院。"),
            PaymentSpec(
                8, 15, R.SCHOOL_AID, recipients="当年考入大学的职工子女", headcount=5, cash="5000",
                notes="金秋助学，每人1000元。",
            ),
            PaymentSpec(
                8, 16, R.SCHOOL_AID, member="谢春梅", cash="2000", fund=F.HIGHER_UNION,
                notes="其子就读大学二年级，申请县总工会金秋助学。",
            ),
            PaymentSpec(
                9, 26, R.FESTIVAL, recipients="在职和退休职工", headcount=72, cash="14400",
                notes="中秋、国庆慰问。", occasion=O.MID_AUTUMN,
            ),
            PaymentSpec(10, 11, R.RETIREE, recipients="退休职工", headcount=26, cash="5200", notes="重阳节慰问。"),
            PaymentSpec(10, 30, R.BEREAVEMENT, member="蒋德胜", cash="800", notes="其母病故。"),
            PaymentSpec(
                11, 27, R.MUTUAL_INSURANCE, recipients="全体在职会员", headcount=41, cash="2460",
                notes="参加县职工医疗互助保障计划，每人60元。",
            ),
            PaymentSpec(
                12, 24, R.HARDSHIP, member="高永刚", cash="12600", fund=F.DONATION,
                notes="公司职工爱心捐款，工会代收代转，为其女儿心脏手术筹款。",
            ),
            PaymentSpec(12, 28, R.SICKNESS, member="宋国平", cash="500", notes="退休职工住院，工会上门看望。"),
        ),
        honors=(
            HonorSpec(4, 27, "示范县五一劳动奖章", L.COUNTY, "示范县总工会", "杨卫东", INDIVIDUAL),
            HonorSpec(5, 30, "先进职工之家", L.MUNICIPAL, "示范市总工会", "示范县自来水公司工会委员会"),
            HonorSpec(
                6, 27, "全市供水行业职业技能竞赛管道工项目二等奖", L.MUNICIPAL, "示范市住房和城乡建设局", "韩磊",
                INDIVIDUAL, activity="参加全市供水行业职业技能竞赛",
            ),
            HonorSpec(7, 10, "技术能手", L.SYSTEM, "示范市住房和城乡建设局", "韩磊", INDIVIDUAL),
            HonorSpec(11, 26, "职工书屋示范点", L.COUNTY, "示范县总工会", "示范县自来水公司工会委员会"),
            HonorSpec(12, 15, "“安康杯”竞赛优胜单位", L.PROVINCIAL, "省总工会、省应急管理厅", "示范县自来水公司"),
        ),
        meetings=(
            MeetingSpec(1, 10, K.COMMITTEE, 7, "总结上年度工会工作，研究春节送温暖对象和职代会筹备工作。"),
            MeetingSpec(
                2, 27, K.WORKERS_CONGRESS, 42,
                "听取和审议总经理工作报告、财务预决算报告和业务招待费使用情况报告，审议通过"
                "《职工劳动保护用品发放办法》和集体合同续签草案。",
                session="三届四次", received=32, accepted=12,
            ),
            MeetingSpec(3, 4, K.WOMEN_COMMITTEE, 5, "研究“三八”节活动安排，检查《女职工权益保护专项集体合同》履约情况。"),
            MeetingSpec(7, 3, K.COMMITTEE, 7, "研究夏送清凉物资采购和一线职工疗休养名单。"),
            MeetingSpec(10, 9, K.COMMITTEE, 7, "研究职工体检方案、金秋助学结果和年终慰问安排。"),
            MeetingSpec(12, 23, K.AUDIT_COMMITTEE, 3, "审查本年度工会经费收支和固定资产管理情况。"),
        ),
    ),
    this_year=YearRecords(
        activities=(
            ActivitySpec(
                1, 14, A.FESTIVAL, "“迎新春”职工团拜会", "公司职工活动中心", 60, "3000",
                "公司领导和工会委员向全体职工和退休职工代表拜年，通报上一年度供水生产情况。",
            ),
            ActivitySpec(
                2, 20, A.SAFETY, "节后复工安全生产检查", "净水厂、城南加压泵站", 6, "0",
                "工会劳动保护监督检查员对节后复工的制水、加压设施进行安全检查。",
                "查出隐患2处，当场督促整改。",
            ),
            ActivitySpec(
                3, 8, A.FESTIVAL, "庆“三八”女职工插花体验活动", "公司职工活动中心", 17, "1700",
                "邀请县插花艺术协会老师现场指导，女职工每人完成插花作品一件。",
            ),
            ActivitySpec(
                3, 22, A.VOLUNTEER, "“世界水日”节水宣传进社区", "示范县人民广场", 20, "800",
                "职工志愿者设点发放节水宣传资料，现场解答居民用水报装和水质问题。",
                partners="示范县水利局",
            ),
        ),
        payments=(
            PaymentSpec(
                1, 16, R.FESTIVAL, recipients="困难职工、离退休职工和在职职工", headcount=72,
                cash="14400", goods="4320", notes="春节慰问。",
            ),
            PaymentSpec(1, 17, R.HARDSHIP, member="高永刚", cash="2000", fund=F.HIGHER_UNION, notes="春节送温暖。"),
            PaymentSpec(2, 25, R.SICKNESS, member="曾海波", cash="500", notes="康复治疗住院。"),
        ),
        meetings=(MeetingSpec(1, 9, K.COMMITTEE, 7, "研究本年度工会工作要点和职代会筹备工作。"),),
    ),
)


# --- 示范县住房和城乡建设局机关 -----------------------------------------------------------------

BUREAU = UnionSpec(
    branch=BranchSpec(
        code="bureau",
        name="示范县住房和城乡建设局机关工会委员会",
        short_name="示范县住房和城乡建设局机关工会",
        kind=BranchKind.GRASSROOTS,
        sector=Sector.GOVERNMENT,
        workforce=44,
        founded=(30, 6, 18),
        address="示范县建设路56号",
        phone="0578-6041286",
        unit_kind=UnitKind.GOVERNMENT,
        party_organisation="中共示范县住房和城乡建设局机关委员会",
    ),
    seed=3303,
    members=(
        MemberSpec("张国强", MALE, 54, "机关党委", "机关党委副书记、工会主席", joined=30),
        MemberSpec("李娜", FEMALE, 35, "办公室", "工会干事", joined=12),
        MemberSpec(
            "罗红梅", FEMALE, 46, "财务审计科", "会计", joined=24,
            hardship=("丈夫因病去世，独自抚养两个子女", 3, 4, 8),
        ),
        MemberSpec(
            "万桂英", FEMALE, 52, "办公室", "保洁员", E.DISPATCHED, joined=6,
            hardship=("本人患类风湿性关节炎，收入较低", 1, 7, 20),
        ),
        MemberSpec("曹建军", MALE, 57, "村镇建设科", "科长", joined=34),
        MemberSpec("钟立平", MALE, 49, "城市建设科", "副科长", joined=26),
        MemberSpec("沈思雨", FEMALE, 27, "城乡规划科", "科员", joined=1),
        MemberSpec("苏浩然", MALE, 25, "房地产市场监管科", "科员", joined=1),
        MemberSpec("叶佳怡", FEMALE, 31, "人事科", "科员", joined=8),
        MemberSpec("汪永福", MALE, 58, "建筑业管理科", "一级主任科员", joined=36),
        MemberSpec("侯建平", MALE, 45, "办公室", "驾驶员", E.DISPATCHED, joined=5),
        MemberSpec("田秀兰", FEMALE, 50, "办公室", "食堂炊事员", E.TEMPORARY, joined=1),
        MemberSpec("孔令华", MALE, 62, "建筑业管理科", "质量安全监督顾问", E.REHIRED_RETIREE, joined=38),
        MemberSpec("夏德明", MALE, 66, "离退休干部", joined=42, status=RETIRED),
        MemberSpec("龚玉珍", FEMALE, 60, "离退休干部", joined=36, status=RETIRED),
    ),
    fillers=(
        FillerGroup("办公室", 2, 0.5, ("科员", "副主任")),
        FillerGroup("人事科", 2, 0.5, ("科员", "副科长")),
        FillerGroup("财务审计科", 2, 0.7, ("会计", "出纳")),
        FillerGroup("建筑业管理科", 4, 0.3, ("科员", "科员", "副科长", "四级主任科员")),
        FillerGroup("城乡规划科", 3, 0.5, ("科员", "科员", "四级主任科员")),
        FillerGroup("村镇建设科", 3, 0.4, ("科员", "科员", "副科长")),
        FillerGroup("房地产市场监管科", 3, 0.5, ("科员", "科员", "副科长")),
        FillerGroup("城市建设科", 3, 0.3, ("科员", "科员", "四级主任科员")),
        FillerGroup("法规科", 2, 0.5, ("科员", "科长")),
        FillerGroup("住房保障科", 1, 0.6, ("科员",)),
    ),
    employment_mix=((E.ESTABLISHED, 88), (E.CONTRACT, 12)),
    last_year=YearRecords(
        activities=(
            ActivitySpec(
                1, 16, A.FESTIVAL, "迎新春机关干部职工联欢会", "局机关四楼会议室", 50, "2600",
                "各科室表演节目10个，邀请离退休干部代表参加，局领导向干部职工致新春祝福。",
            ),
            ActivitySpec(
                2, 28, A.POLITICAL_STUDY, "机关干部职工政治理论学习暨作风建设动员会", "局机关四楼会议室", 44, "0",
                "组织机关干部职工集中学习，部署作风建设年活动，各科室负责人作表态发言。",
            ),
            ActivitySpec(
                3, 8, A.WOMEN, "庆“三八”女职工插花技艺讲座", "局机关职工之家", 20, "1600",
                "邀请县插花艺术协会老师讲解插花基本技法，女职工现场动手制作作品。",
            ),
            ActivitySpec(
                3, 12, A.VOLUNTEER, "“3·12”义务植树", "示范县城北生态公园", 36, "400",
                "机关干部职工在城北生态公园栽植香樟、银杏树苗80株。",
            ),
            ActivitySpec(
                4, 18, A.SPORTS, "机关干部职工乒乓球比赛", "局机关职工之家", 24, "900",
                "设男子单打、女子单打和混合双打三个项目，采用小组循环加淘汰赛制。",
            ),
            ActivitySpec(
                4, 26, A.CULTURE, "参加全县“五一”职工歌咏比赛", "示范县文化馆", 32, "3000",
                "组织32名干部职工排练合唱《我和我的祖国》《在希望的田野上》参加全县比赛。",
                "获得二等奖，局机关工会获优秀组织奖。",
                partners="示范县总工会",
                participation=P.ATTENDED,
            ),
            ActivitySpec(
                5, 10, A.DEMOCRATIC, "政务公开：公开年度部门预算和“三公”经费", "局门户网站及政务公开栏", 44, "0",
                "在局门户网站和政务公开栏公开年度部门预算、“三公”经费预算和重点工作任务分解。",
            ),
            ActivitySpec(
                5, 21, A.TRAINING, "建筑施工安全监管业务培训", "局机关四楼会议室", 30, "1200",
                "邀请省建设工程质量安全协会专家讲解危大工程安全监管和安全生产标准化考评。",
                partners="示范县建设工程质量安全监督站",
            ),
            ActivitySpec(
                5, 28, A.VOLUNTEER, "机关干部职工无偿献血", "示范县中心血站", 8, "0",
                "8名干部职工参加无偿献血，献血量共计2400毫升。",
            ),
            ActivitySpec(
                6, 6, A.VOLUNTEER, "“慈善一日捐”活动", "局机关", 46, "0",
                "机关干部职工踊跃捐款，共募集善款9600元，全部交县慈善总会用于救助困难群众。",
            ),
            ActivitySpec(
                6, 18, A.WOMEN, "女职工健康知识讲座", "局机关四楼会议室", 21, "500",
                "邀请县妇幼保健院医师讲解乳腺疾病预防和更年期保健知识。",
                partners="示范县妇幼保健院",
            ),
            ActivitySpec(
                6, 28, A.POLITICAL_STUDY, "庆“七一”参观县革命历史纪念馆", "示范县革命历史纪念馆", 38, "0",
                "组织机关干部职工参观县革命历史纪念馆，重温入党誓词。",
            ),
            ActivitySpec(
                7, 19, A.FAMILY, "职工子女暑期夏令营", "示范县青少年综合实践基地", 18, "3600",
                "组织18名职工子女参加为期两天的夏令营，开展参观规划展示馆、手工制作和拓展训练。",
                days=2,
            ),
            ActivitySpec(
                8, 8, A.SPORTS, "“全民健身日”职工健步走", "示范县滨河绿道", 40, "500",
                "机关干部职工沿滨河绿道健步走6公里。",
            ),
            ActivitySpec(
                8, 25, A.VISIT_REST, "赴外县考察学习城市更新和老旧小区改造", "江苏省常州市金坛区", 15, "9800",
                "组织业务科室骨干15人赴金坛区考察老旧小区改造、海绵城市建设和物业管理经验。",
                "形成考察报告一份，提出改进本县老旧小区改造工作的建议五条。",
                days=3,
            ),
            ActivitySpec(
                9, 15, A.SAFETY, "建筑工地劳动保护和农民工工资支付专项检查", "县城在建工地", 8, "0",
                "工会委员随质量安全检查组对县城12个在建工地的劳动保护和农民工工资支付情况进行检查。",
                "发现问题4个，已下发限期整改通知。",
                partners="示范县人力资源和社会保障局",
            ),
            ActivitySpec(
                9, 22, A.FESTIVAL, "“我们的节日·中秋”职工猜灯谜活动", "局机关大院", 45, "1200",
                "悬挂灯谜300余条，干部职工猜中灯谜可兑换小礼品。",
            ),
            ActivitySpec(
                10, 10, A.SOCIAL, "重阳节离退休干部座谈会", "局机关四楼会议室", 18, "2200",
                "通报一年来住房和城乡建设工作情况，听取离退休干部的意见和建议。",
            ),
            ActivitySpec(
                10, 24, A.SPORTS, "机关干部职工拔河比赛", "局机关大院", 40, "800",
                "以科室联合组队，共组成五支代表队参赛。",
                "建筑业管理科和城乡规划科联队获得第一名。",
            ),
            ActivitySpec(
                11, 6, A.HEALTH_CHECK, "干部职工年度健康体检", "示范县人民医院体检中心", 44, "26400",
                "组织在职干部职工进行年度健康体检，女职工增加妇科和乳腺检查项目。",
                partners="示范县人民医院",
            ),
            ActivitySpec(
                11, 15, A.TRAINING, "公文写作与政务信息培训", "局机关四楼会议室", 32, "600",
                "邀请县委办公室同志讲授公文写作规范和政务信息报送要求。",
            ),
            ActivitySpec(
                11, 28, A.COMPETITION, "住建系统业务知识竞赛", "局机关四楼会议室", 30, "2000",
                "以科室和下属单位为单位组成六支队伍，竞赛内容涵盖建筑市场、房地产和城乡规划法规。",
                "城乡规划科代表队获得一等奖。",
            ),
            ActivitySpec(
                12, 4, A.UNION_BUILDING, "参加县总工会基层工会干部培训班", "示范县总工会培训中心", 3, "0",
                "工会主席、工会干事和经审委员参加为期三天的基层工会干部培训。",
                "系统学习了《工会法》和基层工会经费管理规定，工会干部履职能力进一步提高。",
                partners="示范县总工会",
                days=3,
                participation=P.ATTENDED,
            ),
            ActivitySpec(
                12, 15, A.WORKERS_HOME, "机关“职工之家”健身活动室添置器材", "局机关职工之家", 0, "8600",
                "为职工之家添置动感单车2台、乒乓球台1张和羽毛球器材。",
            ),
            ActivitySpec(
                12, 26, A.SPORTS, "迎新年机关职工跳绳比赛", "局机关大院", 38, "600",
                "设一分钟单人跳绳和集体跳长绳两个项目。",
            ),
        ),
        payments=(
            PaymentSpec(
                1, 21, R.FESTIVAL, recipients="困难职工、离退休干部和在职职工", headcount=66,
                cash="13200", goods="3960", notes="春节慰问。",
            ),
            PaymentSpec(
                1, 22, R.HARDSHIP, member="罗红梅", cash="2000", fund=F.HIGHER_UNION,
                notes="春节送温暖，县总工会困难职工帮扶资金。",
            ),
            PaymentSpec(
                1, 23, R.RETIREE, recipients="离退休干部", headcount=20, cash="4000",
                notes="春节走访慰问离退休干部。",
            ),
            PaymentSpec(3, 8, R.FESTIVAL, recipients="全体女职工", headcount=21, goods="2100", notes="“三八”节慰问品。"),
            PaymentSpec(3, 30, R.SICKNESS, member="曹建军", cash="500", goods="200", notes="胆囊手术住院。"),
            PaymentSpec(4, 18, R.WEDDING, member="沈思雨", cash="500", notes="新婚祝贺。"),
            PaymentSpec(5, 27, R.SICKNESS, member="钟立平", cash="500", notes="腰椎骨折住院。"),
            PaymentSpec(
                5, 31, R.FESTIVAL, recipients="职工14周岁以下子女", headcount=18, goods="900",
                notes="“六一”儿童节慰问。", occasion=O.OTHER,
            ),
            PaymentSpec(6, 10, R.BIRTH, member="叶佳怡", cash="500", goods="300", notes="生育一子。"),
            PaymentSpec(
                7, 12, R.SUMMER_COOLING, recipients="全体在职干部职工和外业检查人员", headcount=46, goods="2760",
                fund=F.ADMINISTRATION, notes="发放绿豆、白糖、藿香正气水等防暑降温物品。",
            ),
            PaymentSpec(
                7, 26, R.SERIOUS_ILLNESS, member="万桂英", cash="3000", fund=F.HIGHER_UNION,
                notes="类风湿性关节炎住院治疗，申请县总工会大病救助。",
            ),
            PaymentSpec(
                9, 12, R.HARDSHIP, member="万桂英", cash="3000", fund=F.RELIEF_APPLIED,
                notes="工会协助向县慈善总会申请困难职工慈善救助。",
            ),
            PaymentSpec(
                8, 18, R.SCHOOL_AID, recipients="当年考入大学的职工子女", headcount=3, cash="3000",
                notes="金秋助学，每人1000元。",
            ),
            PaymentSpec(
                8, 19, R.SCHOOL_AID, member="罗红梅", cash="2000", fund=F.HIGHER_UNION,
                notes="其子考入省内高校，申请县总工会金秋助学。",
            ),
            PaymentSpec(
                9, 25, R.FESTIVAL, recipients="在职和离退休干部职工", headcount=68, cash="13600",
                notes="中秋、国庆慰问。", occasion=O.MID_AUTUMN,
            ),
            PaymentSpec(
                10, 10, R.RETIREE, recipients="离退休干部", headcount=22, cash="4400", goods="1100",
                notes="重阳节慰问。",
            ),
            PaymentSpec(10, 22, R.BEREAVEMENT, member="汪永福", cash="800", notes="其母病故。"),
            PaymentSpec(11, 12, R.SICKNESS, member="夏德明", cash="500", notes="退休干部住院，工会上门看望。"),
            PaymentSpec(
                12, 5, R.MUTUAL_INSURANCE, recipients="全体在职会员", headcount=38, cash="2280",
                notes="参加县职工医疗互助保障计划，每人60元。",
            ),
            PaymentSpec(12, 26, R.HARDSHIP, member="罗红梅", cash="1000", notes="年终困难补助。"),
            PaymentSpec(12, 26, R.HARDSHIP, member="万桂英", cash="1000", notes="年终困难补助。"),
        ),
        honors=(
            HonorSpec(3, 5, "三八红旗手", L.MUNICIPAL, "示范市妇女联合会", "李娜", INDIVIDUAL),
            HonorSpec(4, 28, "模范职工之家", L.COUNTY, "示范县总工会", "示范县住房和城乡建设局机关工会委员会"),
            HonorSpec(
                5, 6, "全县职工“五一”歌咏比赛优秀组织奖", L.COUNTY, "示范县总工会",
                "示范县住房和城乡建设局机关工会委员会", activity="参加全县“五一”职工歌咏比赛",
            ),
            HonorSpec(
                12, 20, "全民健身活动先进单位", L.COUNTY, "示范县总工会、示范县文化广电体育和旅游局",
                "示范县住房和城乡建设局",
            ),
        ),
        meetings=(
            MeetingSpec(1, 9, K.COMMITTEE, 7, "总结上年度工会工作，研究春节慰问方案和职工代表大会筹备工作。"),
            MeetingSpec(3, 1, K.WOMEN_COMMITTEE, 4, "研究“三八”节活动和女职工健康讲座安排。"),
            MeetingSpec(
                3, 3, K.WORKERS_CONGRESS, 40,
                "听取和审议局年度工作报告和机关财务预算执行情况报告，审议通过《机关干部职工考勤和休假管理办法》。",
                session="四届二次", received=15, accepted=6,
            ),
            MeetingSpec(8, 29, K.COMMITTEE, 7, "研究金秋助学对象、中秋国庆慰问和职工体检安排。"),
            MeetingSpec(12, 22, K.AUDIT_COMMITTEE, 3, "审查本年度工会经费收支和慰问金发放情况。"),
        ),
    ),
    this_year=YearRecords(
        activities=(
            ActivitySpec(
                1, 15, A.FESTIVAL, "迎新春机关干部职工联欢会", "局机关四楼会议室", 48, "2500",
                "各科室表演节目9个，现场开展猜谜和抽奖活动。",
            ),
            ActivitySpec(
                2, 26, A.POLITICAL_STUDY, "节后收心暨作风纪律教育会", "局机关四楼会议室", 44, "0",
                "通报节日期间作风纪律检查情况，组织学习中央八项规定及其实施细则精神。",
            ),
            ActivitySpec(
                3, 8, A.WOMEN, "庆“三八”女职工健步走", "示范县滨河绿道", 20, "1000",
                "女职工沿滨河绿道健步走5公里，工会为参加者准备了节日慰问品。",
            ),
            ActivitySpec(
                3, 12, A.VOLUNTEER, "“3·12”义务植树", "示范县城北生态公园", 34, "400",
                "机关干部职工在城北生态公园补植银杏、红叶石楠苗木70株。",
            ),
        ),
        payments=(
            PaymentSpec(
                1, 17, R.FESTIVAL, recipients="困难职工、离退休干部和在职职工", headcount=67,
                cash="13400", goods="4020", notes="春节慰问。",
            ),
            PaymentSpec(1, 18, R.HARDSHIP, member="罗红梅", cash="2000", fund=F.HIGHER_UNION, notes="春节送温暖。"),
            PaymentSpec(2, 18, R.SICKNESS, member="钟立平", cash="500", notes="术后复查住院。"),
        ),
        meetings=(MeetingSpec(1, 8, K.COMMITTEE, 7, "研究本年度工会工作要点和春节慰问方案。"),),
    ),
)

UNIONS = (SCHOOL, WATERWORKS, BUREAU)


# --- Loading -------------------------------------------------------------------------------------


def load_demo(*, today: datetime.date | None = None) -> dict[str, int]:
    """Create whatever demo rows are missing; return how many rows of each kind were created."""
    loader = _Loader(today or timezone.localdate())
    with transaction.atomic():
        loader.run()
    return dict(loader.counts)


def demo_logins() -> list[tuple[str, str, str]]:
    """(username, role, branch) for each demo account, as the command prints them."""
    names = {spec.code: spec.short_name for spec in (COUNTY, *(u.branch for u in UNIONS))}
    return [
        (
            user.username,
            RoleKind(user.role).label if user.role else "超级管理员",
            names[user.branch] if user.branch else "全部工会组织",
        )
        for user in USERS
    ]


def members_of(union: UnionSpec) -> list[MemberSpec]:
    """The union's named members followed by its generated ones; the same list on every run."""
    rng = random.Random(union.seed)
    taken = {m.name for m in union.members}
    generated = []
    for group in union.fillers:
        # An exact share per department, so the union's gender mix does not hang on the dice.
        women = round(group.count * group.female_share)
        for index in range(group.count):
            gender = FEMALE if index < women else MALE
            name = _unused_name(rng, gender, taken)
            person = _person_rng(union, name)
            age = person.randint(24, 56)
            generated.append(
                MemberSpec(
                    name,
                    gender,
                    age,
                    group.department,
                    person.choice(group.positions),
                    _weighted_choice(person, union.employment_mix),
                    joined=person.randint(2, age - 22),
                )
            )
    return [*union.members, *generated]


def _unused_name(rng: random.Random, gender: str, taken: set[str]) -> str:
    given = FEMALE_GIVEN if gender == FEMALE else MALE_GIVEN
    while True:
        name = rng.choice(SURNAMES) + rng.choice(given)
        if name not in taken:
            taken.add(name)
            return name


def _person_rng(union: UnionSpec, name: str) -> random.Random:
    # Seeded by name, so a person's birthday and phone do not depend on who is listed before them.
    return random.Random(f"{union.branch.code}/{name}")


def _weighted_choice(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    values, weights = zip(*weighted)
    return rng.choices(values, weights=weights)[0]


class _Loader:
    def __init__(self, today: datetime.date):
        self.today = today
        self.counts = dict.fromkeys(COUNT_KINDS, 0)

    def run(self) -> None:
        branches = {COUNTY.code: self.branch(COUNTY, parent=None)}
        for union in UNIONS:
            branches[union.branch.code] = self.branch(union.branch, parent=branches[COUNTY.code])
        for spec in USERS:
            self.user(spec, branches.get(spec.branch))
        for union in UNIONS:
            branch = branches[union.branch.code]
            members = {m.name: self.member(branch, union, m) for m in members_of(union)}
            self.records(branch, union.last_year, members, years_back=1)
            self.records(branch, union.this_year, members, years_back=0)
        for code, (problems, plans) in APPROVED_SUMMARIES.items():
            self.approved_summary(branches[code], problems, plans)

    def approved_summary(self, branch: Branch, problems: str, plans: str) -> None:
        """The previous year's summary, drafted, completed by the secretary and approved by the chair."""
        from .documents import approval, review, services
        from .documents.content import Document
        from .models import Report

        year = self.today.year - 1
        if Report.objects.summaries().annual().filter(branch=branch, year=year).exists():
            return
        users = {spec.role: get_user_model().objects.get(username=spec.username) for spec in USERS if spec.branch == branch.code}
        report = services.create_summary(branch=branch, year=year, user=users[RoleKind.SECRETARY])
        revision = report.current_revision()
        document = Document.from_dict(revision.content)
        problems_section = document.section("problems")
        problems_section.paragraphs = problems_section.paragraphs[:1]  # one rewritten paragraph
        problems_section.paragraphs[0].text = problems
        for paragraph in document.section("next_year").paragraphs:
            if paragraph.needs_filling:
                paragraph.text = plans
        services.save_document(revision=revision, document=document, expected_version=revision.version, user=None)
        review.submit_report(report=report, actor=users[RoleKind.SECRETARY])
        approval.approve_report(report=report, actor=users[RoleKind.CHAIR])
        self.counts["reports"] += 1

    # Dates --------------------------------------------------------------------------------------

    def date(self, years_back: int, month: int, day: int) -> datetime.date:
        """A date in the year `years_back` before today's, never after today."""
        return min(datetime.date(self.today.year - years_back, month, day), self.today)

    # Rows ---------------------------------------------------------------------------------------

    def ensure(self, kind: str, model, lookup: dict, /, **values):
        """The row with this natural key; created (after full_clean) only when there is none.

        The first three are positional-only, so that a model field may be called `kind` too."""
        found = model.objects.filter(**lookup).first()
        if found is not None:
            return found
        obj = model(**lookup, **values)
        obj.full_clean()
        obj.save()
        self.counts[kind] += 1
        return obj

    def branch(self, spec: BranchSpec, parent: Branch | None) -> Branch:
        found = Branch.objects.filter(code=spec.code).first()
        if found is not None:
            return found
        branch = Branch(
            code=spec.code,
            name=spec.name,
            short_name=spec.short_name,
            parent=parent,
            kind=spec.kind,
            sector=spec.sector,
            workforce=spec.workforce,
            founded_on=self.date(*spec.founded),
            address=spec.address,
            phone=spec.phone,
            unit_kind=spec.unit_kind,
            party_organisation=spec.party_organisation,
            # The demo unions have used the system since the previous year began (their records
            # start then), so that year's plan and summary are expected of them, older ones not.
            created_at=timezone.make_aware(datetime.datetime(self.today.year - 1, 1, 1)),
        )
        # full_clean requires the derived path; save() recomputes it the same way.
        branch.path = branch.computed_path()
        branch.full_clean()
        branch.save()
        self.counts["branches"] += 1
        return branch

    def user(self, spec: UserSpec, branch: Branch | None):
        User = get_user_model()
        user = User.objects.filter(username=spec.username).first()
        if user is None:
            names = {"last_name": spec.last_name, "first_name": spec.first_name}
            User(username=spec.username, **names).full_clean(exclude=["password"])
            if branch is None:
                user = User.objects.create_superuser(spec.username, password=DEMO_PASSWORD, **names)
            else:
                user = User.objects.create_user(spec.username, password=DEMO_PASSWORD, **names)
            self.counts["users"] += 1
        if branch is not None:
            self.ensure("roles", Role, {"user": user, "branch": branch, "kind": spec.role})
        return user

    def member(self, branch: Branch, union: UnionSpec, spec: MemberSpec) -> Member:
        person = _person_rng(union, spec.name)
        hardship = {}
        if spec.hardship:
            reason, years_back, month, day = spec.hardship
            hardship = {
                "is_hardship": True,
                "hardship_reason": reason,
                "hardship_since": self.date(years_back, month, day),
            }
        return self.ensure(
            "members",
            Member,
            {"branch": branch, "name": spec.name},
            gender=spec.gender,
            birth_date=self.date(spec.age, person.randint(1, 12), person.randint(1, 28)),
            department=spec.department,
            position=spec.position,
            employment_type=spec.employment,
            joined_on=self.date(spec.joined, person.randint(1, 12), person.randint(1, 28)),
            status=spec.status,
            phone=person.choice(MOBILE_PREFIXES) + f"{person.randrange(10**8):08d}",
            notes=spec.notes,
            **hardship,
        )

    def records(self, branch: Branch, records: YearRecords, members: dict, years_back: int) -> None:
        activities = {spec.title: self.activity(branch, spec, years_back) for spec in records.activities}
        for spec in records.payments:
            self.payment(branch, spec, members, years_back)
        for spec in records.honors:
            self.ensure(
                "honors",
                Honor,
                {"branch": branch, "title": spec.title, "date": self.date(years_back, spec.month, spec.day)},
                kind=spec.kind or honor_kind_from_title(spec.title),
                activity=activities[spec.activity] if spec.activity else None,
                level=spec.level,
                awarding_body=spec.awarding_body,
                recipient_kind=spec.recipient_kind,
                recipients=spec.recipients,
            )
        for spec in records.meetings:
            self.ensure(
                "meetings",
                Meeting,
                {"branch": branch, "kind": spec.kind, "date": self.date(years_back, spec.month, spec.day)},
                session=spec.session,
                attendees=spec.attendees,
                proposals_received=spec.received,
                proposals_accepted=spec.accepted,
                topics=spec.topics,
            )

    def activity(self, branch: Branch, spec: ActivitySpec, years_back: int) -> Activity:
        start = self.date(years_back, spec.month, spec.day)
        end = min(start + datetime.timedelta(days=spec.days - 1), self.today)
        return self.ensure(
            "activities",
            Activity,
            {"branch": branch, "title": spec.title, "start_date": start},
            category=spec.category,
            # A one-day activity leaves the end date blank, as the form asks.
            end_date=end if end > start else None,
            place=spec.place,
            participants=spec.participants,
            cost=Decimal(spec.cost),
            participation=spec.participation,
            partners=spec.partners,
            description=spec.description,
            result=spec.result,
        )

    def payment(self, branch: Branch, spec: PaymentSpec, members: dict, years_back: int) -> WelfarePayment:
        lookup = {
            "branch": branch,
            "date": self.date(years_back, spec.month, spec.day),
            "reason": spec.reason,
            "member": members[spec.member] if spec.member else None,
            "recipients": spec.recipients,
        }
        return self.ensure(
            "payments",
            WelfarePayment,
            lookup,
            headcount=spec.headcount,
            cash=Decimal(spec.cash),
            goods_value=Decimal(spec.goods),
            fund_source=spec.fund,
            occasion=spec.occasion,
            notes=spec.notes,
        )
