"""What is still to be written before submitting: every place with its number of paragraphs, and
the total in paragraphs, so that “还有3段…：“存在的问题”1段、“工作打算”2段” adds up."""
import datetime

from django.urls import reverse

from reports.documents import services
from reports.documents.content import Document, Paragraph, Section

from .conftest import PASSWORD

YEAR = datetime.date.today().year - 1


def boilerplate(key, text="请结合实际填写。"):
    return Paragraph(key=key, text=text, drafted=text, placeholder=True)


def test_each_place_has_its_count_and_they_add_up():
    document = Document(kind="summary", title="工作总结", preamble=[], closing=[], signature="", date="", sections=[
        Section(key="problems", heading="存在的问题", paragraphs=[boilerplate("p1")]),
        Section(key="next", heading="工作打算", paragraphs=[boilerplate("n1"), boilerplate("n2"), Paragraph(key="n3", text="已写。")]),
    ])
    assert document.placeholders() == ["“存在的问题”1段", "“工作打算”2段"]
    assert document.placeholder_count() == 3


def test_the_page_counts_paragraphs_not_places(client, cast):
    report = services.create_summary(branch=cast.school, year=YEAR, user=None)
    document = Document.from_dict(report.current_revision().content)
    assert client.login(username="alice", password=PASSWORD)
    page = client.get(reverse("reports:document", args=["school", report.pk])).content.decode()
    assert f"还有{document.placeholder_count()}段需要您填写或修改：" in page
    for place in document.placeholders():
        assert place in page
