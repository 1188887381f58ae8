"""The app served the way `make run` serves it (`manage.py runserver`, threaded) on its own SQLite
file, and a browser-like HTTP client for it: cookies, the CSRF token, no redirect following."""
import http.cookiejar
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from .conftest import PASSWORD

PROJECT = Path(__file__).resolve().parent.parent
OFFICE_SIZE = 12


def create_office(size: int = OFFICE_SIZE) -> None:
    """A county federation with `size` unions, each with its own secretary `sec01`, `sec02`, …
    (run inside the server's database through `manage.py shell -c`)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from reports.choices import BranchKind, RoleKind, Sector
    from reports.models import Branch, Role

    county = Branch.objects.create(code="office", name="示范县总工会", kind=BranchKind.FEDERATION, sector=Sector.GOVERNMENT)
    hashed = make_password(PASSWORD)  # one slow hash for every user
    for number in range(1, size + 1):
        union = Branch.objects.create(code=f"unit{number:02}", name=f"第{number}工会委员会", parent=county, sector=Sector.SCHOOL)
        user = get_user_model().objects.create(username=f"sec{number:02}", password=hashed)
        Role.objects.create(user=user, branch=union, kind=RoleKind.SECRETARY)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _manage(env, *args, timeout=120):
    done = subprocess.run([sys.executable, "manage.py", *args], cwd=PROJECT, env=env, timeout=timeout, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"manage.py {args[0]} failed: {done.stderr}")


def _wait_until_up(base_url: str, server: subprocess.Popen, log: Path, deadline: float) -> None:
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"runserver exited: {log.read_text()}")
        try:
            urllib.request.urlopen(base_url + "/healthz", timeout=1).read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("runserver did not answer in time")


@contextmanager
def office_server(database: Path):
    """Migrate a fresh SQLite file, create the office's users and serve it; yield the base URL.

    The settings are the project's own, with a test-only slow reading page added to the URLs;
    the server's log is written beside the database."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "tests.live_server_settings",
        "PYTHONUNBUFFERED": "1",
    }
    _manage(env, "migrate", "--noinput")
    _manage(env, "shell", "-c", "from tests.live_server import create_office; create_office()")
    port = _free_port()
    # The server logs every request: to a file beside the database, as a pipe nobody reads fills up.
    log = database.with_suffix(".log")
    with log.open("w") as log_file:
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=PROJECT, env=env, stdout=log_file, stderr=subprocess.STDOUT,
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base_url, server, log, time.monotonic() + 30)
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=10)


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """One person's browser: its own cookies; a response is (status, body) and is never followed."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), _KeepRedirects())

    def get(self, path: str, timeout: float = 60) -> tuple[int, str]:
        return self._open(urllib.request.Request(self.base_url + path), timeout)

    def post(self, path: str, fields: dict, timeout: float = 60) -> tuple[int, str]:
        data = urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": self._csrf_token()}).encode()
        return self._open(urllib.request.Request(self.base_url + path, data=data), timeout)

    def log_in(self, username: str) -> int:
        status, page = self.get("/accounts/login/")
        assert status == 200 and 'name="csrfmiddlewaretoken"' in page, status
        status, _ = self.post("/accounts/login/", {"username": username, "password": PASSWORD})
        return status

    def _csrf_token(self) -> str:
        # The cookie holds the unmasked secret, which the form field accepts as is (it changes at login).
        return next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")

    def _open(self, request, timeout) -> tuple[int, str]:
        try:
            with self.opener.open(request, timeout=timeout) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")
