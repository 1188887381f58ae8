"""The fixed vocabularies of union work, with the Chinese names users see and Excel cells hold."""
from django.db import models


class BranchKind(models.TextChoices):
    FEDERATION = "federation", "总工会"
    GRASSROOTS = "grassroots", "基层工会"
    SUBUNIT = "subunit", "分工会/工会小组"


class Sector(models.TextChoices):
    GOVERNMENT = "government", "机关"
    SCHOOL = "school", "学校"
    HOSPITAL = "hospital", "医院"
    ENTERPRISE = "enterprise", "企业"
    INSTITUTION = "institution", "事业单位"
    COMMUNITY = "community", "街道社区"
    OTHER = "other", "其他"


class UnitKind(models.TextChoices):
    """The kind of unit as it calls itself; finer than Sector (a kindergarten is a 学校 by sector
    but says 本园, not 本校)."""

    SCHOOL = "school", "学校"
    KINDERGARTEN = "kindergarten", "幼儿园"
    HOSPITAL = "hospital", "医院"
    COMPANY = "company", "公司/企业"
    GOVERNMENT = "government", "机关"
    INSTITUTION = "institution", "事业单位"
    COMMUNITY = "community", "街道社区"
    OTHER = "other", "其他"


class RoleKind(models.TextChoices):
    SECRETARY = "secretary", "工会干事/秘书"
    CHAIR = "chair", "工会主席"
    OFFICER = "officer", "上级工会工作人员"


class Gender(models.TextChoices):
    MALE = "male", "男"
    FEMALE = "female", "女"


class EmploymentType(models.TextChoices):
    ESTABLISHED = "established", "在编"
    CONTRACT = "contract", "合同制"
    DISPATCHED = "dispatched", "劳务派遣"
    TEMPORARY = "temporary", "临时聘用"
    INTERNAL_RETIRED = "internal_retired", "内退在岗"
    REHIRED_RETIREE = "rehired_retiree", "离退休返聘"
    OTHER = "other", "其他"


class MemberStatus(models.TextChoices):
    ACTIVE = "active", "在册"
    RETIRED = "retired", "退休"
    TRANSFERRED = "transferred", "调离"
    WITHDRAWN = "withdrawn", "退会"


class ActivityCategory(models.TextChoices):
    POLITICAL_STUDY = "political_study", "思想政治与理论学习"
    TRAINING = "training", "职工教育培训"
    COMPETITION = "competition", "劳动和技能竞赛"
    CULTURE = "culture", "文艺活动"
    SPORTS = "sports", "体育活动"
    FESTIVAL = "festival", "节日庆祝活动"
    SOCIAL = "social", "联谊座谈"
    VISIT_REST = "visit_rest", "参观考察与疗休养"
    FAMILY = "family", "亲子与职工子女活动"
    WOMEN = "women", "女职工工作"
    HEALTH_CHECK = "health_check", "健康体检"
    DEMOCRATIC = "democratic", "民主管理"
    SAFETY = "safety", "劳动保护与安全生产"
    VOLUNTEER = "volunteer", "志愿服务与爱心公益"
    WORKERS_HOME = "workers_home", "职工之家建设"
    UNION_BUILDING = "union_building", "工会自身建设"
    OTHER = "other", "其他"


class Participation(models.TextChoices):
    """How the union took part in an activity: its own event, a joint one, or someone else's."""

    ORGANISED = "organised", "主办"
    JOINT = "joint", "联合举办/协办"
    ATTENDED = "attended", "组织参加"


class WelfareReason(models.TextChoices):
    FESTIVAL = "festival", "节日慰问"
    BIRTHDAY = "birthday", "生日慰问"
    SICKNESS = "sickness", "生病住院慰问"
    SERIOUS_ILLNESS = "serious_illness", "大病救助"
    HARDSHIP = "hardship", "困难职工帮扶"
    BEREAVEMENT = "bereavement", "丧葬慰问"
    WEDDING = "wedding", "结婚祝贺"
    BIRTH = "birth", "生育慰问"
    WORK_INJURY = "work_injury", "工伤慰问"
    MODEL_WORKER = "model_worker", "劳模慰问"
    RETIREE = "retiree", "离退休职工慰问"
    SCHOOL_AID = "school_aid", "金秋助学"
    SUMMER_COOLING = "summer_cooling", "夏送清凉"
    MUTUAL_INSURANCE = "mutual_insurance", "互助保障"
    OTHER = "other", "其他"


class FundSource(models.TextChoices):
    """Whose money a welfare payment was. The stored values of the first four never change: rows
    and workbooks from before the list grew keep their meaning."""

    UNION_FUNDS = "union_funds", "工会经费"
    ADMINISTRATION = "administration", "行政拨款/单位经费"
    HIGHER_UNION = "higher_union", "上级工会补助"
    DONATION = "donation", "职工捐款（代收代转）"
    RELIEF_APPLIED = "relief_applied", "代为申请救助"
    OTHER = "other", "其他"

    @classmethod
    def paid_by_union(cls) -> frozenset[str]:
        """The sources whose money the union itself paid out.

        Its own funds, the administration's allocation and an upper union's subsidy all pass
        through the union's accounts and are spent by its decision, so a summary may say the union
        paid them. Staff donations the union only collected and handed over, and relief it applied
        for on a member's behalf (a charity, a fund's 大病救助), are money it obtained for members,
        not money it spent; counting them as the union's payments would overstate its spending.
        "其他" is unknown and so is not claimed either.
        """
        return frozenset({cls.UNION_FUNDS, cls.ADMINISTRATION, cls.HIGHER_UNION})


class FestivalOccasion(models.TextChoices):
    """Which festival a 节日慰问 was for."""

    NEW_YEAR = "new_year", "元旦"
    SPRING_FESTIVAL = "spring_festival", "春节"
    WOMENS_DAY = "womens_day", "三八"
    LABOUR_DAY = "labour_day", "五一"
    DRAGON_BOAT = "dragon_boat", "端午"
    TEACHERS_DAY = "teachers_day", "教师节"
    MID_AUTUMN = "mid_autumn", "中秋"
    NATIONAL_DAY = "national_day", "国庆"
    DOUBLE_NINTH = "double_ninth", "重阳"
    OTHER = "other", "其他"


class HonorLevel(models.TextChoices):
    NATIONAL = "national", "国家级"
    PROVINCIAL = "provincial", "省级"
    MUNICIPAL = "municipal", "市级"
    COUNTY = "county", "县（区）级"
    SYSTEM = "system", "系统（行业）级"
    INTERNAL = "internal", "本单位"


class HonorKind(models.TextChoices):
    """A title conferred on someone, or a prize or place won at an event."""

    TITLE = "title", "荣誉称号"
    PRIZE = "prize", "奖项/名次"


class RecipientKind(models.TextChoices):
    COLLECTIVE = "collective", "集体"
    INDIVIDUAL = "individual", "个人"


class MeetingKind(models.TextChoices):
    MEMBERS_CONGRESS = "members_congress", "会员（代表）大会"
    WORKERS_CONGRESS = "workers_congress", "职工代表大会"
    STAFF_CONGRESS = "staff_congress", "教职工代表大会"
    COMMITTEE = "committee", "工会委员会会议"
    AUDIT_COMMITTEE = "audit_committee", "经费审查委员会会议"
    WOMEN_COMMITTEE = "women_committee", "女职工委员会会议"
    OTHER = "other", "其他"

    @classmethod
    def congresses(cls) -> frozenset[str]:
        """The congresses (会员、职工、教职工代表大会), told apart from the union's committee meetings:
        summaries and plans tell them on their own and count the proposals they received."""
        return frozenset({cls.MEMBERS_CONGRESS, cls.WORKERS_CONGRESS, cls.STAFF_CONGRESS})


class PlanStatus(models.TextChoices):
    """How far a record (or the secretary's own note) took an item of the year's plan."""

    DONE = "done", "已完成"
    IN_PROGRESS = "in_progress", "正在推进"


class ReportKind(models.TextChoices):
    PLAN = "plan", "工作计划"
    SUMMARY = "summary", "工作总结"


class ReportPeriod(models.TextChoices):
    YEAR = "year", "全年"
    FIRST_HALF = "first_half", "上半年"


class ReportState(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "待审核"
    APPROVED = "approved", "已通过"
    RETURNED = "returned", "退回修改"

    @classmethod
    def editable(cls) -> frozenset[str]:
        """The states in which the union still works on the text: it may be saved, submitted and
        its review comments resolved, and on the reporting board it counts as not handed in."""
        return frozenset({cls.DRAFT, cls.RETURNED})


class NotificationKind(models.TextChoices):
    SUBMITTED = "submitted", "报告待审核"
    RETURNED = "returned", "报告退回修改"
    APPROVED = "approved", "报告已通过"
    REOPENED = "reopened", "报告重新打开"
    WITHDRAWN = "withdrawn", "报告已撤回"
    REMINDER = "reminder", "催报"
