"""Login throttling: django-axes locks an account after repeated failed logins."""
from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """Axes' lockout check on every login that comes through a request (the login page, the
    admin). Authentication without a request (a management shell, the test client's login())
    has no address or form to throttle and is left to the next backend."""

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
