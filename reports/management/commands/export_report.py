"""python manage.py export_report --branch CODE --year YEAR --kind plan|summary [--half first] --format docx|pdf --output PATH"""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reports.choices import ReportPeriod
from reports.documents.files import FORMATS, revision_file
from reports.models import Report


class Command(BaseCommand):
    help = "把工作计划或工作总结导出为 Word 或 PDF 文件（当前稿；审核通过后为通过的稿）。"

    def add_arguments(self, parser):
        parser.add_argument("--branch", required=True, help="工会组织代码，例如 school")
        parser.add_argument("--year", required=True, type=int, help="年度，例如 2025")
        parser.add_argument("--kind", required=True, choices=["plan", "summary"], help="plan 或 summary")
        parser.add_argument("--half", choices=["first"], help="first：上半年工作总结")
        parser.add_argument("--format", required=True, choices=sorted(FORMATS), dest="fmt", help="docx 或 pdf")
        parser.add_argument("--output", required=True, help="输出文件路径")

    def handle(self, *args, branch, year, kind, half, fmt, output, **options):
        period = ReportPeriod.FIRST_HALF if half else ReportPeriod.YEAR
        report = (
            Report.objects.select_related("branch")
            .filter(branch__code=branch, kind=kind, year=year, period=period)
            .first()
        )
        if report is None:
            raise CommandError(f"没有找到代码为“{branch}”的工会{year}年的这份报告，请先用 draft_report 起草。")
        _, _, content = revision_file(report, export_revision(report), fmt)
        path = Path(output)
        try:
            path.write_bytes(content)
        except OSError as error:
            raise CommandError(f"无法写入文件 {path}：{error.strerror}") from None
        self.stdout.write(f"已导出：{path}（{len(content) // 1024} KB）")


def export_revision(report):
    """The approved revision once one exists (its frozen files), else the current draft."""
    approved = report.revisions.approved().order_by("-number").first()
    return approved or report.current_revision()
