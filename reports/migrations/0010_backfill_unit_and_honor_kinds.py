"""Give rows saved before 0008 the kinds they most likely have.

Branches: the unit kind from the name (幼儿园, 医院/卫生院, 公司/厂...), else from the sector.
Honors: 奖项/名次 when the title names a prize or a place (contains 奖 but not 奖章, 第几名, 名次),
荣誉称号 otherwise (the column's default). The rules are copied here rather than imported, so this
migration keeps doing what it did when the application's own guesses change.
"""
import re

from django.db import migrations

NAME_HINTS = (
    ("幼儿园", "kindergarten"),
    ("学校", "school"),
    ("小学", "school"),
    ("中学", "school"),
    ("学院", "school"),
    ("大学", "school"),
    ("医院", "hospital"),
    ("卫生院", "hospital"),
    ("公司", "company"),
    ("厂", "company"),
    ("街道", "community"),
    ("社区", "community"),
)
SECTOR_KINDS = {
    "government": "government",
    "school": "school",
    "hospital": "hospital",
    "enterprise": "company",
    "institution": "institution",
    "community": "community",
    "other": "other",
}
PRIZE_TITLE = re.compile(r"奖(?!章)|第[一二三四五六七八九十]+名|名次")


def unit_kind(name, sector):
    for hint, kind in NAME_HINTS:
        if hint in name:
            return kind
    return SECTOR_KINDS.get(sector, "other")


def backfill(apps, schema_editor):
    Branch = apps.get_model("reports", "Branch")
    Honor = apps.get_model("reports", "Honor")
    for branch in Branch.objects.filter(unit_kind="").only("pk", "name", "sector"):
        Branch.objects.filter(pk=branch.pk).update(unit_kind=unit_kind(branch.name, branch.sector))
    prizes = [honor.pk for honor in Honor.objects.only("pk", "title") if PRIZE_TITLE.search(honor.title)]
    Honor.objects.filter(pk__in=prizes).update(kind="prize")


class Migration(migrations.Migration):
    dependencies = [("reports", "0009_records_fields")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
