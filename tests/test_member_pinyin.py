"""Members are listed in pinyin order (as a Chinese register is read) on every database, and the
member picker carries each name's pinyin and initials for its search box."""
import re

from django.urls import reverse

from reports.forms.records import WelfarePaymentForm
from reports.models import Member
from reports.pinyin import initials, sort_key
from reports.workbook import import_workbook

from .conftest import PASSWORD
from .records import make_member
from .workbooks import sheet, workbook

# In code-point order 张 (U+5F20) comes before 李 (U+674E) and 王 (U+738B); in pinyin it is last.
NAMES = ["张三", "王丽", "李娜", "梁山", "曾小贤", "阿明", "吕雪"]
PINYIN_ORDER = ["阿明", "李娜", "梁山", "吕雪", "王丽", "曾小贤", "张三"]


def test_the_key_orders_syllable_by_syllable_and_reads_surnames_as_names():
    assert sorted(NAMES, key=sort_key) == PINYIN_ORDER
    assert initials("曾小贤") == "zxx" and initials("张三") == "zs"


def test_the_database_orders_by_the_stored_key(cast):
    for name in NAMES:
        make_member(cast.school, name)
    assert list(Member.objects.filter(branch=cast.school).order_by("sort_key").values_list("name", flat=True)) == PINYIN_ORDER


def test_a_renamed_member_moves(cast):
    member = make_member(cast.school, "张三")
    member.name = "阿三"
    member.save(update_fields=["name"])
    assert Member.objects.get(pk=member.pk).sort_key == sort_key("阿三")


def test_imported_members_get_their_key(cast):
    rows = [{"姓名": name, "性别": "女"} for name in NAMES]
    import_workbook(cast.school, workbook(sheet("会员", *rows)), actor=None)
    assert list(Member.objects.filter(branch=cast.school).order_by("sort_key").values_list("name", flat=True)) == PINYIN_ORDER


def test_the_picker_lists_members_in_pinyin_order_with_search_words(cast):
    for name in NAMES:
        make_member(cast.school, name)
    html = str(WelfarePaymentForm(branch=cast.school)["member"])
    assert "data-member-picker" in html
    assert re.findall(r'data-search="(\S+) ', html) == PINYIN_ORDER
    assert 'data-search="张三 zhangsan zs"' in html


def test_the_register_sorts_by_name_in_pinyin(client, cast):
    for name in NAMES:
        make_member(cast.school, name)
    assert client.login(username="alice", password=PASSWORD)
    page = client.get(reverse("reports:ledger", args=["school", "members"]) + "?sort=sort_key").content.decode()
    positions = [page.index(f'data-label="姓名">{name}</td>') for name in PINYIN_ORDER]
    assert positions == sorted(positions)


def test_the_admin_picks_members_with_the_same_picker(client, cast):
    for name in NAMES:
        make_member(cast.school, name)
    client.force_login(cast.sam)
    page = client.get(reverse("admin:reports_welfarepayment_add")).content.decode()
    assert "js/member_picker.js" in page
    assert re.findall(r'data-search="(\S+) ', page) == PINYIN_ORDER
