"""python manage.py generate_load --unions N --records-per-union M [--year YEAR] [--root CODE]"""
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from reports.loadgen import generate_load


class Command(BaseCommand):
    help = "为压力测试生成一个大的工会组织树和台账记录（PostgreSQL 用 COPY 批量写入）。"

    def add_arguments(self, parser):
        parser.add_argument("--unions", type=int, required=True, help="基层工会数量")
        parser.add_argument("--records-per-union", type=int, required=True, help="每个工会的记录数（会员、活动、帮扶、荣誉、会议合计）")
        parser.add_argument("--year", type=int, default=timezone.localdate().year - 1, help="记录所属年度，默认上一年")
        parser.add_argument("--root", default="load", help="根总工会的代码，默认 load")
        parser.add_argument("--approved-share", type=float, default=0.6, help="工作总结已审核通过的工会比例，默认 0.6")

    def handle(self, *args, unions, records_per_union, year, root, approved_share, **options):
        if unions < 1 or records_per_union < 0 or not 0 <= approved_share <= 1:
            raise CommandError("工会数量至少为 1，记录数不能为负，通过比例应在 0 到 1 之间。")
        started = time.perf_counter()
        try:
            written = generate_load(unions=unions, records_per_union=records_per_union, year=year, root_code=root,
                                    approved_share=approved_share)
        except ValueError as error:
            raise CommandError(str(error)) from None
        seconds = time.perf_counter() - started
        records = sum(written[k] for k in ("members", "activities", "payments", "honors", "meetings"))
        self.stdout.write(
            f"已生成：{written['unions']} 个基层工会，{records} 条记录，{written['approved_summaries']} 份已通过的总结，"
            f"区域统计 {written['area_figures']} 行；用时 {seconds:.1f} 秒（{records / max(seconds, 0.001):.0f} 条/秒）。"
        )
