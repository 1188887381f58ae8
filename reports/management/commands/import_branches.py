"""`manage.py import_branches FILE.xlsx`: create or update the union tree from a 工会组织 sheet."""
from django.core.management.base import BaseCommand

from reports.workbook import WorkbookRejected, import_branches

from .import_workbook import open_file, rejected_error


class Command(BaseCommand):
    help = "从 Excel 工作簿的“工会组织”表按代码新增或更新工会组织；有任何问题则一个也不导入。"

    def add_arguments(self, parser):
        parser.add_argument("file", help=".xlsx 文件路径。")

    def handle(self, *args, **options):
        with open_file(options["file"]) as fileobj:
            try:
                result = import_branches(fileobj, actor=None)
            except WorkbookRejected as rejected:
                raise rejected_error(self, rejected) from None
        for sheet, created in result.created.items():
            updated, skipped = result.updated.get(sheet, 0), result.skipped.get(sheet, 0)
            self.stdout.write(f"{sheet}：新增 {created} 个，更新 {updated} 个，没有变化的 {skipped} 个")
