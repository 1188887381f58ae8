"""Response headers that keep personal data out of caches and confine what a page may run.

Both middlewares sit after whitenoise in MIDDLEWARE: whitenoise answers static files itself,
before the rest of the chain, so static files keep their long-lived cache headers and every
response these middlewares see comes from a view.
"""
import base64
import hashlib

from django.shortcuts import render
from django.utils.cache import add_never_cache_headers


def _policy(directives: dict[str, str]) -> str:
    return "; ".join(f"{name} {sources}" for name, sources in directives.items())


def _style_hash(style: str) -> str:
    """The source that lets exactly this one style attribute through (with 'unsafe-hashes')."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(style.encode()).digest()).decode() + "'"


# Pages load only the project's own scripts, styles, fonts and images (Bootstrap and Chart.js are
# vendored), never inline code: a script that slipped into a page through user input cannot run.
# data: images are Bootstrap's inline SVG icons (the navbar toggler, the close button).
PAGE_DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
CONTENT_SECURITY_POLICY = _policy(PAGE_DIRECTIVES)

# The admin is the same but for one style attribute: django-simple-history's history pages put
# style="border-top: 0" on their paginator. Its hash admits that attribute and nothing else.
ADMIN_CONTENT_SECURITY_POLICY = _policy({
    **PAGE_DIRECTIVES,
    "style-src": f"'self' 'unsafe-hashes' {_style_hash('border-top: 0')}",
})


class NoStoreMiddleware:
    """Every page, download and JSON answer names members, payments or reports: no browser or
    proxy may keep a copy (a shared office computer, the browser's back button after logout)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        add_never_cache_headers(response)
        return response


class ContentSecurityPolicyMiddleware:
    """The policy on every HTML page, the admin's on the admin's. Downloads (PDF, DOCX, XLSX) are
    not documents a browser runs scripts in, and a policy on a PDF can stop the browser's own PDF
    viewer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            response.setdefault("Content-Security-Policy", policy_for(request))
        return response


def policy_for(request) -> str:
    match = getattr(request, "resolver_match", None)
    if match is not None and "admin" in match.namespaces:
        return ADMIN_CONTENT_SECURITY_POLICY
    return CONTENT_SECURITY_POLICY


class MethodNotAllowedPageMiddleware:
    """Django's require_POST and require_safe answer a wrong method with an empty 405, which a
    browser shows as a blank page: render the Chinese error page in its place (the Allow header
    stays)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not response.content:
            page = render(request, "405.html", status=405)
            page["Allow"] = response.get("Allow", "")
            return page
        return response


NUL_REFUSED = "提交的内容里有无法保存的控制字符（空字符），内容没有保存。请删除从别处粘贴来的特殊字符后再提交一次。"


def carries_nul(request) -> bool:
    """Whether the address, the query string or a form field (name or value) holds a NUL
    character. Uploaded files are read by their own checks: only their names count here."""
    if "\x00" in request.path:
        return True
    parts = [request.GET] if request.method in ("GET", "HEAD") else [request.GET, request.POST]
    for data in parts:
        for name, values in data.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                return True
    return any("\x00" in upload.name for upload in request.FILES.values()) if request.FILES else False


class NulCharacterMiddleware:
    """PostgreSQL cannot store a NUL character in text or jsonb (it fails the query, a 500), and
    SQLite would keep it and send it back to the browser: a request carrying one is refused with
    the Chinese 400 page before any view or lookup sees it, so every form is covered, the login
    and its failure records included."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if carries_nul(request):
            return render(request, "400.html", {"message": NUL_REFUSED}, status=400)
        return self.get_response(request)
