"""Settings for unionreports.

Everything that differs between machines comes from environment variables. The defaults are
safe for a single machine: SQLite inside the project, DEBUG off, only loopback hosts, and a
secret key generated once and kept in var/secret_key (never committed).
"""
import secrets
from datetime import timedelta
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()


def _local_secret_key() -> str:
    """A per-machine key, created on first use, so a fresh clone never runs on a known key."""
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = env.str("SECRET_KEY", default="") or _local_secret_key()
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Django's admin on our own site class: every list refuses absurd filters (reports/admin_site.py).
    "reports.admin_site.UnionAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    # django-axes under a Chinese name in the admin (its app config names no verbose_name).
    "reports.admin_site.LoginGuardConfig",
    "simple_history",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After whitenoise, which answers static files itself: those stay cacheable.
    "reports.middleware.NoStoreMiddleware",
    "reports.middleware.ContentSecurityPolicyMiddleware",
    # Inside the policy's middleware, so the page it renders for an empty 405 gets the policy too.
    "reports.middleware.MethodNotAllowedPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before anything reads the form (the views, django-axes' failure records): a NUL character
    # cannot be stored, and the page it answers with knows who is signed in.
    "reports.middleware.NulCharacterMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # After the others, as django-axes requires.
    "axes.middleware.AxesMiddleware",
    # Last: it calls the view itself, after every other middleware's process_view (the CSRF check).
    "unionreports.middleware.AtomicWritesMiddleware",
]

ROOT_URLCONF = "unionreports.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "reports.context_processors.current_branch",
                "reports.context_processors.unread_notifications",
            ],
        },
    },
]

WSGI_APPLICATION = "unionreports.wsgi.application"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# Each POST (PUT, PATCH, DELETE) is one transaction, given by unionreports.middleware rather than
# ATOMIC_REQUESTS, so that pages which only read never hold SQLite's write lock.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default serves a small office from runserver's threads. WAL: readers and the
    # one writer do not block each other (synchronous=NORMAL is safe with WAL: a power cut may lose
    # the last commits, never the file). IMMEDIATE: a transaction takes the write lock at BEGIN and
    # waits there up to `timeout` seconds; a DEFERRED one starts as a reader and, when it then
    # needs to write while another transaction writes, fails at once with "database is locked"
    # (SQLite does not wait on a lock upgrade, which could deadlock).
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    })
# Keep database connections open between requests (gunicorn workers are long-lived processes).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "reports.auth.MinimumLengthValidator"},  # Django's, with a Chinese message
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "reports.auth.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Repeated failed logins lock the account (by username, whatever the address) for a while.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username"]
# Not by address as well: a union office reaches us through one NAT address (and every request
# through the reverse proxy's), so locking an address would lock a whole office out.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
# The Chinese lockout page (and the in-page sign-in's JSON), saying how long the lock lasts.
AXES_LOCKOUT_CALLABLE = "reports.auth.lockout_response"
AXES_VERBOSE = False

# Each save of a report's text is kept in its history: a user may save this often per minute.
DOCUMENT_SAVES_PER_MINUTE = env.int("DOCUMENT_SAVES_PER_MINUTE", default=30)

# Sessions end after this much idle time: every request pushes the expiry on.
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_MINUTES", default=30) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# A form sent with a stale token: a Chinese page that says why (reports/views/errors.py).
CSRF_FAILURE_VIEW = "reports.views.errors.csrf_failure"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "reports:home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
# Chinese for the admin strings that Django, django-axes and django-simple-history leave in English.
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=str(VAR_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# One machine runs without collectstatic; production collects and whitenoise serves STATIC_ROOT.
WHITENOISE_USE_FINDERS = env.bool("WHITENOISE_USE_FINDERS", default=True)

FILE_UPLOAD_HANDLERS = [
    "reports.uploads.SizeLimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))

# Behind an HTTPS reverse proxy (HTTPS=true): redirect to HTTPS, secure cookies, HSTS, and trust the
# proxy's X-Forwarded-Proto header. Off by default so that one machine works on plain http.
HTTPS = env.bool("HTTPS", default=False)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Mail: notifications (review steps, 催报) are also mailed to users with an address. Without
# EMAIL_HOST the mails are printed on the console (one machine, no mail server); with it they go
# through that SMTP server. The tests use Django's in-memory backend.
EMAIL_HOST = env.str("EMAIL_HOST", default="")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
# A mail server that does not answer must not hold the page that sent the mail for minutes.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="unionreports@localhost")
# The address mails link back to (the app's own address as users reach it).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# Whitenoise warns on every request when STATIC_ROOT is missing; on one machine it may be empty.
Path(STATIC_ROOT).mkdir(parents=True, exist_ok=True)
