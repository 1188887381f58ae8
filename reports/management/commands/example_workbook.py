"""python manage.py example_workbook OUTPUT.xlsx"""
from pathlib import Path

from django.core.management.base import BaseCommand

from reports.workbook.example import example_workbook


class Command(BaseCommand):
    help = "写出填好几行示例数据的记录表（fixtures/example-records.xlsx 即由此生成）。"

    def add_arguments(self, parser):
        parser.add_argument("output", help="输出文件路径，例如 fixtures/example-records.xlsx")

    def handle(self, *args, output, **options):
        Path(output).write_bytes(example_workbook())
        self.stdout.write(f"已写出示例记录表：{output}")
