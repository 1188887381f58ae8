"""Downloads from the document page and export_report from the command line."""
import io
from urllib.parse import quote

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from .conftest import PASSWORD
from .exports import YEAR, known_summary


@pytest.fixture
def summary(cast):
    return known_summary(cast.school)


@pytest.mark.parametrize("fmt, content_type, magic", [
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK"),
    ("pdf", "application/pdf", b"%PDF"),
])
def test_reader_downloads_with_a_chinese_file_name(client, summary, fmt, content_type, magic):
    client.login(username="oscar", password=PASSWORD)
    response = client.get(reverse(f"reports:document_{fmt}", args=["school", summary.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response.content.startswith(magic)
    expected = quote(f"school工会{YEAR}年工作总结（草稿）.{fmt}")
    assert f"filename*=UTF-8''{expected}" in response["Content-Disposition"]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_strangers_get_404_and_anonymous_the_login(client, summary, fmt):
    url = reverse(f"reports:document_{fmt}", args=["school", summary.pk])
    assert client.get(url).status_code == 302
    client.login(username="bob", password=PASSWORD)
    assert client.get(url).status_code == 404
    assert client.get(reverse(f"reports:document_{fmt}", args=["plant", summary.pk])).status_code == 404


def test_export_report_command_writes_the_file(summary, tmp_path):
    out = io.StringIO()
    target = tmp_path / "总结.pdf"
    call_command("export_report", "--branch", "school", "--year", str(YEAR), "--kind", "summary", "--format", "pdf", "--output", str(target), stdout=out)
    assert target.read_bytes().startswith(b"%PDF") and "已导出" in out.getvalue()
    target = tmp_path / "总结.docx"
    call_command("export_report", "--branch", "school", "--year", str(YEAR), "--kind", "summary", "--format", "docx", "--output", str(target), stdout=out)
    assert target.read_bytes().startswith(b"PK")


def test_export_report_command_refuses_in_chinese(summary, tmp_path):
    with pytest.raises(CommandError, match="没有找到"):
        call_command("export_report", "--branch", "school", "--year", str(YEAR - 5), "--kind", "summary", "--format", "pdf", "--output", str(tmp_path / "x.pdf"))
    with pytest.raises(CommandError, match="无法写入文件"):
        call_command("export_report", "--branch", "school", "--year", str(YEAR), "--kind", "summary", "--format", "pdf", "--output", str(tmp_path / "no" / "such" / "x.pdf"))
