"""The session middleware of the site (see SessionTouchedOnceAMinuteMiddleware)."""
import time

from django.contrib.sessions.middleware import SessionMiddleware


class SessionTouchedOnceAMinuteMiddleware(SessionMiddleware):
    """Django's session middleware, except that a request which changes nothing in the session
    writes it at most once a minute, not on every request.

    The idle timeout (SESSION_COOKIE_AGE from the last write) needs the session rewritten while she
    works; SESSION_SAVE_EVERY_REQUEST did that with an UPDATE and a commit on every page, every
    download and every autosave. Touching it once a minute keeps the timeout to within a minute at
    a small fraction of the writes. A session the request never read (a health check) is left alone.
    """

    TOUCH_EVERY_SECONDS = 60
    TOUCHED_KEY = "_touched_at"

    def process_response(self, request, response):
        session = getattr(request, "session", None)
        if session is not None and session.accessed and not session.is_empty():
            now = int(time.time())
            touched = session.get(self.TOUCHED_KEY)
            if session.modified or not isinstance(touched, int) or now - touched >= self.TOUCH_EVERY_SECONDS:
                session[self.TOUCHED_KEY] = now  # marks it modified: the middleware saves it
        return super().process_response(request, response)
