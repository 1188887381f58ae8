"""python manage.py rebuild_area_figures [--year YEAR]"""
from django.core.management.base import BaseCommand, CommandError

from reports.federation.rollup import MissingFrozenFigures, rebuild_figures


class Command(BaseCommand):
    help = "根据各工会年度总结审核通过时保存的统计数字，重新生成各级总工会的审核通过数据汇总（区域统计），用于新装系统或核对。"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="只重算这一年；不填则重算所有有已通过总结的年度")

    def handle(self, *args, year, **options):
        try:
            rows = rebuild_figures(year)
        except MissingFrozenFigures as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"已重新计算区域统计，共写入 {rows} 行。")
