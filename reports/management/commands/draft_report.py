"""python manage.py draft_report --branch CODE --year YEAR --kind plan|summary [--half first]"""
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from reports.choices import ReportKind, ReportPeriod
from reports.documents import services
from reports.models import Branch, Report


class Command(BaseCommand):
    help = "起草工作计划或工作总结；总结已存在时按台账记录刷新数据（与页面上的“刷新数据”相同）。"

    def add_arguments(self, parser):
        parser.add_argument("--branch", required=True, help="工会组织代码，例如 school")
        parser.add_argument("--year", required=True, type=int, help="年度，例如 2025")
        parser.add_argument("--kind", required=True, choices=["plan", "summary"], help="plan（工作计划）或 summary（工作总结）")
        parser.add_argument("--half", choices=["first"], help="first：上半年工作总结")
        parser.add_argument("--from-previous", action="store_true", help="工作计划：复制上一年的计划")

    def handle(self, *args, branch, year, kind, half, from_previous, **options):
        try:
            union = Branch.objects.get(code=branch)
        except Branch.DoesNotExist:
            raise CommandError(f"没有代码为“{branch}”的工会组织。") from None
        if half and kind != "summary":
            raise CommandError("只有工作总结可以按上半年起草。")
        period = ReportPeriod.FIRST_HALF if half else ReportPeriod.YEAR
        existing = Report.objects.filter(branch=union, kind=kind, year=year, period=period).first()
        try:
            if existing is None:
                if kind == ReportKind.SUMMARY:
                    report = services.create_summary(branch=union, year=year, half=bool(half), user=None)
                else:
                    report = services.create_plan(branch=union, year=year, from_previous=from_previous, user=None)
                self.stdout.write(f"已起草：{report.branch.name}{report.label}")
            elif kind == ReportKind.SUMMARY:
                outcome = services.refresh_figures(report=existing, user=None)
                report = existing
                self.stdout.write(f"{report.branch.name}{report.label}已存在，{outcome.message}")
            else:
                report = existing
                self.stdout.write(f"{report.branch.name}{report.label}已存在，未作改动。")
        except services.ReportError as error:
            raise CommandError(str(error)) from None
        path = reverse("reports:document", args=[union.code, report.pk])
        self.stdout.write(f"查看和编辑：http://127.0.0.1:8000{path}")
