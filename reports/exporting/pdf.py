"""A snapshot as a PDF laid out after GB/T 9704, with WeasyPrint.

The renderer reads only the project's own stylesheets: the HTML is rendered from a Django
template (so whatever a user typed is escaped text, never markup), and the URL fetcher refuses
every address except files under the project's static/css/ folder. Nothing is fetched from the
network or from anywhere else on the file system.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .snapshot import DocumentSnapshot

STYLESHEETS = ("official.css", "official_pdf.css")


def _assets_dir() -> Path:
    return (Path(settings.BASE_DIR) / "static" / "css").resolve()


class ProjectAssetsOnly(URLFetcher):
    """Serves the project's own stylesheets; refuses every other URL (network, file, data)."""

    def fetch(self, url, headers=None):
        parsed = urlparse(url)
        if parsed.scheme == "file":
            path = Path(unquote(parsed.path)).resolve()
            if path.parent == _assets_dir() and path.name in STYLESHEETS:
                return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": "text/css"})
        raise ValueError(f"refused by unionreports: {url[:80]}")


def render_pdf(snapshot: DocumentSnapshot) -> bytes:
    fetcher = ProjectAssetsOnly()
    html = render_to_string("documents/pdf.html", {"snapshot": snapshot})
    stylesheets = [CSS(url=(_assets_dir() / name).as_uri(), url_fetcher=fetcher) for name in STYLESHEETS]
    document = HTML(string=html, base_url=None, url_fetcher=fetcher)
    return document.write_pdf(stylesheets=stylesheets, pdf_identifier=b"unionreports", uncompressed_pdf=False)
