"""`manage.py import_workbook --branch CODE FILE.xlsx`: a branch's records from the five sheets."""
from typing import IO

from django.core.management.base import BaseCommand, CommandError

from reports.models import Branch
from reports.workbook import ImportResult, WorkbookRejected, import_workbook


class Command(BaseCommand):
    help = "从 Excel 工作簿（会员、活动、帮扶慰问、荣誉、会议五张表）导入一个工会的台账记录；有任何问题则一条也不导入。"

    def add_arguments(self, parser):
        parser.add_argument("--branch", required=True, help="工会组织代码，例如 school。")
        parser.add_argument("file", help=".xlsx 文件路径。")

    def handle(self, *args, **options):
        branch = Branch.objects.filter(code=options["branch"]).first()
        if branch is None:
            raise CommandError(f"没有代码为“{options['branch']}”的工会组织。")
        with open_file(options["file"]) as fileobj:
            try:
                result = import_workbook(branch, fileobj, actor=None)
            except WorkbookRejected as rejected:
                raise rejected_error(self, rejected) from None
        self.stdout.write(f"已导入{branch.display_name}：")
        for line in summary_lines(result):
            self.stdout.write(line)


def summary_lines(result: ImportResult) -> list[str]:
    lines = [
        f"{sheet}：新增 {created} 条，跳过 {result.skipped.get(sheet, 0)} 条已存在的记录"
        for sheet, created in result.created.items()
    ]
    return lines + ([result.examples_note()] if result.examples_note() else [])


def open_file(path: str) -> IO[bytes]:
    """The file named on the command line; also used by import_branches."""
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise CommandError(f"找不到文件：{path}") from None
    except OSError:  # a directory, no permission...
        raise CommandError(f"无法读取文件：{path}") from None


def rejected_error(command: BaseCommand, rejected: WorkbookRejected) -> CommandError:
    """Print every problem, one per line, to stderr; the error then ends the command (exit status 1)."""
    for problem in rejected.problems:
        command.stderr.write(str(problem))
    return CommandError(f"工作簿有 {len(rejected.problems)} 处问题，没有导入任何数据。")
