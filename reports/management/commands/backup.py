"""python manage.py backup OUTPUT.zip"""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reports.backup import verify_archive, write_backup


class Command(BaseCommand):
    help = "把整个数据库备份为一个 zip 文件（含每张表的行数和定稿文件的 SHA-256 清单）。"

    def add_arguments(self, parser):
        parser.add_argument("output", help="备份文件路径，例如 backup-2025-01-06.zip")

    def handle(self, *args, output, **options):
        path = Path(output)
        if path.exists():
            raise CommandError(f"文件 {path} 已存在，不会覆盖。请换一个文件名。")
        try:
            manifest = write_backup(path)
        except OSError as error:
            path.unlink(missing_ok=True)
            raise CommandError(f"无法写入 {path}：{error.strerror}") from None
        problems = verify_archive(path)
        if problems:
            # A backup that would not restore is worse than none: nobody should keep it by mistake.
            path.unlink(missing_ok=True)
            raise CommandError("备份写完后核对不一致，已删除这个备份文件，请重新备份：" + "；".join(problems[:10]))
        rows = sum(manifest["tables"].values())
        self.stdout.write(f"已备份到 {path}：{len(manifest['tables'])} 张表，共 {rows} 行，定稿文件 {len(manifest['frozen_files'])} 份；写完后已核对一致。")
