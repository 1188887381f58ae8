"""python manage.py restore INPUT.zip  (into a freshly migrated, empty database)"""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reports.backup import RestoreError, restore_backup


class Command(BaseCommand):
    help = "把 backup 生成的备份恢复到新建的空数据库，并核对每张表的行数和定稿文件的 SHA-256。"

    def add_arguments(self, parser):
        parser.add_argument("input", help="备份文件路径")

    def handle(self, *args, input, **options):
        try:
            manifest = restore_backup(Path(input))
        except RestoreError as error:
            raise CommandError(str(error)) from None
        rows = sum(manifest["tables"].values())
        self.stdout.write(f"已恢复：{len(manifest['tables'])} 张表，共 {rows} 行，行数和定稿文件的 SHA-256 均已核对一致。")
