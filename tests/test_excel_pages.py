"""The Excel pages: downloads for readers, uploads for editors, union import for superusers."""
from urllib.parse import quote

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reports.models import Activity, Branch

from .conftest import PASSWORD
from .workbooks import read_back, sheet, workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(buffer, name="台账.xlsx"):
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=XLSX)


def login(client, username):
    assert client.login(username=username, password=PASSWORD)


def good_activities():
    return workbook(sheet("活动", {"开始日期": "2024-05-01", "活动名称": "职工篮球赛", "类别": "体育活动", "参加人次": 30}))


def test_template_and_export_download_with_chinese_file_names(client, cast):
    login(client, "oscar")  # an officer may read, so may download
    response = client.get(reverse("reports:excel_template", args=["school"]))
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    assert f"filename*=UTF-8''{quote('工会台账导入模板.xlsx')}" in response["Content-Disposition"]
    assert read_back(response.content).sheetnames == ["说明", "会员", "活动", "帮扶慰问", "荣誉", "会议"]
    export = client.get(reverse("reports:excel_export", args=["school"]))
    assert quote(cast.school.short_name) in export["Content-Disposition"]


def test_secretary_uploads_a_workbook(client, cast):
    login(client, "alice")
    response = client.post(reverse("reports:excel", args=["school"]), {"file": upload(good_activities())}, follow=True)
    assert "导入完成：活动新增 1 条" in response.content.decode()
    assert Activity.objects.filter(branch=cast.school).count() == 1


def test_upload_with_errors_lists_them_and_saves_nothing(client, cast):
    login(client, "alice")
    bad = workbook(sheet("活动",
        {"开始日期": "2024-05-01", "活动名称": "好的一行", "类别": "体育活动"},
        {"开始日期": "明天", "活动名称": "坏的一行", "类别": "体育活动"},
    ))
    response = client.post(reverse("reports:excel", args=["school"]), {"file": upload(bad)})
    assert response.status_code == 200
    problems = response.context["problems"]
    assert [(p.sheet, p.row, p.column) for p in problems] == [("活动", 3, "开始日期")]
    assert "没有导入任何数据" in response.content.decode()
    assert not Activity.objects.exists()


def test_a_text_file_renamed_to_xlsx_is_refused_in_chinese(client, cast):
    login(client, "alice")
    fake = SimpleUploadedFile("台账.xlsx", "姓名,性别\n张三,男\n".encode(), content_type=XLSX)
    response = client.post(reverse("reports:excel", args=["school"]), {"file": fake})
    assert response.status_code == 200
    assert response.context["problems"] and "xlsx" in response.context["problems"][0].message


def test_officer_and_other_branches_cannot_upload(client, cast):
    login(client, "oscar")
    url = reverse("reports:excel", args=["school"])
    assert client.post(url, {"file": upload(good_activities())}).status_code == 403
    login(client, "bob")
    assert client.get(url).status_code == 404
    assert client.get(reverse("reports:excel_export", args=["school"])).status_code == 404
    assert client.post(url, {"file": upload(good_activities())}).status_code == 404
    assert not Activity.objects.exists()


def test_superuser_imports_unions_from_the_page(client, cast):
    login(client, "sam")
    book = workbook(sheet("工会组织", ["town", "示范县城关镇总工会", "城关镇总工会", "county", "总工会", "街道社区", 0]))
    response = client.post(reverse("reports:branches_import"), {"file": upload(book)}, follow=True)
    assert "新增工会组织 1 个" in response.content.decode()
    assert Branch.objects.get(code="town").path == "/county/town/"


def test_only_a_superuser_imports_unions(client, cast):
    url = reverse("reports:branches_import")
    assert client.get(url).status_code == 302  # anonymous: to the login page
    login(client, "oscar")
    assert client.get(url).status_code == 403


def test_a_user_with_several_branches_can_switch(client, cast):
    from reports.choices import RoleKind
    from reports.models import Role

    Role.objects.create(user=cast.alice, branch=cast.plant, kind=RoleKind.SECRETARY)
    login(client, "alice")
    page = client.get(reverse("reports:home")).content.decode()
    assert cast.school.name in page and cast.plant.name in page  # the chooser
    page = client.get(reverse("reports:branch_home", args=["school"])).content.decode()
    assert "切换工会" in page and reverse("reports:branch_home", args=["plant"]) in page
