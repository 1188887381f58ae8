"""Hostile text renders as inert text: the PDF renderer fetches nothing and reads no local file."""
import http.server
import threading

import pytest

from reports.documents import services
from reports.documents.content import Document
from reports.documents.snapshot import snapshot_of
from reports.exporting.pdf import ProjectAssetsOnly, render_pdf

from .exports import known_summary, poppler


@pytest.fixture
def canary():
    """An HTTP server on loopback that counts every request it receives."""
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"canary")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


def hostile_texts(base):
    return [
        f'<img src="{base}/img.png"><script>fetch("{base}/script")</script>',
        f'<link rel="stylesheet" href="{base}/style.css"><link rel="attachment" href="file:///etc/passwd">',
        f"<style>@import url({base}/import.css); body {{ background: url(file:///etc/passwd) }}</style>",
        f'<iframe src="file:///etc/passwd"></iframe><object data="{base}/object"></object>',
        '<svg onload="alert(1)"><image href="file:///etc/passwd"/></svg>',
        f'<a href="javascript:alert(1)">链接</a> url({base}/bare) file:///etc/passwd',
    ]


def test_hostile_text_is_inert_in_the_pdf(cast, canary, tmp_path):
    base, hits = canary
    report = known_summary(cast.school)
    revision = report.current_revision()
    document = Document.from_dict(revision.content)
    texts = hostile_texts(base)
    for paragraph, text in zip(document.all_paragraphs(), texts):
        paragraph.text = text
    document.title = f'<h1 style="background:url({base}/title)">标题</h1>'
    services.save_document(revision=revision, document=document, expected_version=revision.version, user=None)

    pdf = render_pdf(snapshot_of(report))
    assert hits == []
    extracted = "".join(poppler("pdftotext", pdf, tmp_path).split())
    assert "root:x:0:0" not in extracted  # no local file's content
    assert "<script>fetch(" in extracted and "file:///etc/passwd" in extracted  # shown as text
    assert poppler("pdfdetach", pdf, tmp_path, "-list").strip() == "0 embedded files"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "http://127.0.0.1/", "https://example.org/x.css", "data:text/css,body{}"])
def test_the_fetcher_refuses_everything_but_project_stylesheets(url, settings):
    with pytest.raises(ValueError):
        ProjectAssetsOnly().fetch(url)
    stylesheet = (settings.BASE_DIR / "static" / "css" / "official.css").as_uri()
    assert b".official" in ProjectAssetsOnly().fetch(stylesheet).read()
    with pytest.raises(ValueError):
        ProjectAssetsOnly().fetch((settings.BASE_DIR / "static" / "css" / "app.css").as_uri())
    with pytest.raises(ValueError):
        ProjectAssetsOnly().fetch((settings.BASE_DIR / "static" / "css" / ".." / ".." / "manage.py").as_uri())
