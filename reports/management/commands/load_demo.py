"""`manage.py load_demo`: load the demo county, its unions, accounts and records (safe to rerun)."""
import unicodedata

from django.core.management.base import BaseCommand

from reports.demo import DEMO_PASSWORD, demo_logins, load_demo

# How each count reads in the report: the kind of row and its measure word.
COUNT_LABELS = {
    "branches": ("工会组织", "个"),
    "users": ("用户", "个"),
    "roles": ("角色", "个"),
    "members": ("会员", "名"),
    "activities": ("活动", "项"),
    "payments": ("帮扶慰问", "笔"),
    "honors": ("荣誉", "项"),
    "meetings": ("会议", "次"),
    "reports": ("已审核通过的工作总结", "份"),
}


def display_width(text: str) -> int:
    """Columns the text takes in a terminal: Chinese characters are two wide."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int) -> str:
    return text + " " * max(width - display_width(text), 0)


class Command(BaseCommand):
    help = (
        "载入演示数据：示范县总工会、三个基层工会、演示账号，以及上一年度和本年度至今的台账记录。"
        "可重复运行，已有的数据不会被修改。"
    )

    def handle(self, *args, **options):
        counts = load_demo()
        if any(counts.values()):
            self.stdout.write(self.style.SUCCESS("已载入演示数据，新建："))
            for kind, (label, unit) in COUNT_LABELS.items():
                if counts.get(kind):
                    self.stdout.write(f"  {label} {counts[kind]} {unit}")
        else:
            self.stdout.write("演示数据已是最新，无需改动。")
        self.write_logins()

    def write_logins(self):
        rows = [("用户名", "角色", "工会组织"), *demo_logins()]
        widths = [max(display_width(row[i]) for row in rows) + 2 for i in range(2)]
        self.stdout.write("")
        self.stdout.write(f"演示账号（密码均为 {DEMO_PASSWORD}）：")
        for username, role, branch in rows:
            self.stdout.write(f"  {pad(username, widths[0])}{pad(role, widths[1])}{branch}")
