"""The project's settings, unchanged, with the test-only pages of `tests.live_server_urls`."""
from unionreports.settings import *  # noqa: F401,F403

ROOT_URLCONF = "tests.live_server_urls"
