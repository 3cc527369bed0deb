"""Django settings of the Matchfair web platform.

Every setting an operator may change is read from a ``MATCHFAIR_*`` environment
variable here, next to its default, and documented in ``docs/web.md``. Nothing
else needs editing to run Matchfair on SQLite (the default) or PostgreSQL.
"""

import os
from pathlib import Path

import dj_database_url

from matchfair.web.home import matchfair_home, secret_key_file
from matchfair.web.security.settings_helpers import https_settings, secret_key, trusted_proxy

PACKAGE_DIR = Path(__file__).resolve().parent

# Where the SQLite database and the secret key live (default ~/.matchfair).
MATCHFAIR_HOME = matchfair_home()

# PostgreSQL (or any database Django supports) as one URL; unset means SQLite in MATCHFAIR_HOME.
DATABASE_URL = os.environ.get("MATCHFAIR_DATABASE_URL", "")

SECRET_KEY_FILE = secret_key_file()

# From MATCHFAIR_SECRET_KEY; unset, a key generated once and kept in MATCHFAIR_HOME/secret-key.
SECRET_KEY = secret_key()
# Never on in production: only MATCHFAIR_DEBUG=1 turns it on.
DEBUG = os.environ.get("MATCHFAIR_DEBUG", "") == "1"
ALLOWED_HOSTS = os.environ.get("MATCHFAIR_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")

# Online meeting rooms: {room} is replaced by a stable name per meeting (Jitsi Meet by default).
MATCHFAIR_ONLINE_ROOM_URL = os.environ.get(
    "MATCHFAIR_ONLINE_ROOM_URL", "https://meet.jit.si/matchfair-{room}"
)
# The address people reach the site at, for links in emails sent outside a request
# (an agenda changed after publication). Default: `matchfair serve` on this machine.
MATCHFAIR_SITE_URL = os.environ.get("MATCHFAIR_SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "matchfair.web.accounts",
    "matchfair.web.events",
    "matchfair.web.outbox",
    "matchfair.web.directory",
    "matchfair.web.meetings",
    "matchfair.web.outcomes",
    "matchfair.web.notify",
    "matchfair.web.eventday",
    "matchfair.web.talk",
    "matchfair.web.reports",
    "matchfair.web.jobs",
    "ninja",
    "matchfair.web.access",
    "matchfair.web.api",
    "matchfair.web.audit",
    "matchfair.web.security",
    "matchfair.web.portal",
    "matchfair.web.exports",
    "matchfair.web.orga",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "matchfair.web.security.request_size.RequestSizeMiddleware",
    "matchfair.web.security.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "matchfair.web.engine_language.EngineLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "matchfair.web.security.login_limits.LoginRateLimitMiddleware",
    "matchfair.web.audit.actor.AuditActorMiddleware",
    "matchfair.web.api.idempotency.IdempotencyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "matchfair.web.exchange.middleware.StoredDataErrorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "matchfair.web.urls"
WSGI_APPLICATION = "matchfair.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "matchfair.web.notify.context.unread_notifications",
                "matchfair.web.jobs.context.job_worker",
            ],
        },
    },
]

if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": MATCHFAIR_HOME / "matchfair.sqlite3",
            # A job worker and the web process write to the same file: wait rather than fail,
            # up to MATCHFAIR_SQLITE_TIMEOUT seconds for another writer's lock.
            "OPTIONS": {
                "timeout": float(os.environ.get("MATCHFAIR_SQLITE_TIMEOUT", "20")),
                "transaction_mode": "IMMEDIATE",
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background jobs live in the database, so they survive a restart of the web process.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# The login limits (security/login_limits.py) see every password check first.
AUTHENTICATION_BACKENDS = [
    "matchfair.web.security.login_limits.LoginLimitBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "portal:login"
LOGIN_REDIRECT_URL = "portal:home"
LOGOUT_REDIRECT_URL = "portal:login"

# The outbox's worker sends through the SMTP server of MATCHFAIR_EMAIL_HOST; without one,
# mails are printed on the worker's console.
EMAIL_BACKEND = os.environ.get(
    "MATCHFAIR_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("MATCHFAIR_EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("MATCHFAIR_FROM_EMAIL", "matchfair@localhost")
# With MATCHFAIR_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend: the SMTP server.
EMAIL_HOST = os.environ.get("MATCHFAIR_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("MATCHFAIR_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("MATCHFAIR_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("MATCHFAIR_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("MATCHFAIR_EMAIL_TLS", "") == "1"
EMAIL_USE_SSL = os.environ.get("MATCHFAIR_EMAIL_SSL", "") == "1"
EMAIL_TIMEOUT = int(os.environ.get("MATCHFAIR_EMAIL_TIMEOUT", "30"))
# The mail outbox (docs/web.md, "Communications"): the largest body it queues, the
# retries of a mail the server did not take (first wait, doubling up to the ceiling,
# attempts before it fails), how long a mail may stay claimed by a worker that went
# silent, and the django-tasks backend whose worker delivers.
MATCHFAIR_MAIL_MAX_BODY_BYTES = int(os.environ.get("MATCHFAIR_MAIL_MAX_BODY_BYTES", "1000000"))
MATCHFAIR_MAIL_RETRY_SECONDS = int(os.environ.get("MATCHFAIR_MAIL_RETRY_SECONDS", "60"))
MATCHFAIR_MAIL_RETRY_MAX_SECONDS = int(os.environ.get("MATCHFAIR_MAIL_RETRY_MAX_SECONDS", "3600"))
MATCHFAIR_MAIL_MAX_ATTEMPTS = int(os.environ.get("MATCHFAIR_MAIL_MAX_ATTEMPTS", "10"))
MATCHFAIR_MAIL_CLAIM_TIMEOUT = int(os.environ.get("MATCHFAIR_MAIL_CLAIM_TIMEOUT", "600"))
MATCHFAIR_MAIL_TASK_BACKEND = "default"
# Set by `matchfair demo`: the folder (Maildir) its local SMTP sink writes to, read by the
# organizer's "Demo mailbox" page; empty when no sink runs.
MATCHFAIR_MAIL_SINK_DIR = os.environ.get("MATCHFAIR_MAIL_SINK_DIR", "")

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("zh-hans", "简体中文"), ("de", "Deutsch"), ("fr", "Français")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "static/"
# The project-wide stylesheet and scripts (the apps' own static folders are found anyway).
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# Serve the packaged static files straight from the app folders: no collectstatic step.
WHITENOISE_USE_FINDERS = True

# Uploaded spreadsheets are read in memory; larger files than this are refused.
DATA_UPLOAD_MAX_MEMORY_SIZE = 50 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 50 * 1024 * 1024
# What one uploaded spreadsheet may hold, checked while it is read (docs/web.md): data
# rows, header columns, characters per cell, and bytes unpacked (an .xlsx file's parts
# as inflated plus the text of its cells).
MATCHFAIR_UPLOAD_MAX_ROWS = int(os.environ.get("MATCHFAIR_UPLOAD_MAX_ROWS", "100000"))
MATCHFAIR_UPLOAD_MAX_COLUMNS = int(os.environ.get("MATCHFAIR_UPLOAD_MAX_COLUMNS", "100"))
MATCHFAIR_UPLOAD_MAX_CELL_CHARS = int(os.environ.get("MATCHFAIR_UPLOAD_MAX_CELL_CHARS", "10000"))
MATCHFAIR_UPLOAD_MAX_UNPACKED_BYTES = int(
    os.environ.get("MATCHFAIR_UPLOAD_MAX_UNPACKED_BYTES", str(128 * 2**20))
)

# The scheduler's time limit per run, in seconds (it stops earlier when it proves the optimum).
MATCHFAIR_SCHEDULE_SECONDS = float(os.environ.get("MATCHFAIR_SCHEDULE_SECONDS", "60"))
# A running job touches its row this often; one silent for MATCHFAIR_JOB_STALE_SECONDS
# belongs to a worker that died, and is marked failed.
MATCHFAIR_JOB_HEARTBEAT_SECONDS = float(os.environ.get("MATCHFAIR_JOB_HEARTBEAT_SECONDS", "10"))
MATCHFAIR_JOB_STALE_SECONDS = float(os.environ.get("MATCHFAIR_JOB_STALE_SECONDS", "60"))

# Sentence encoders for recommendations and search (auto, use, e5, use+e5, st:MODEL, fake).
MATCHFAIR_ENCODER = os.environ.get("MATCHFAIR_ENCODER", "auto")

# Security (docs/api.md): request size, login attempts, headers, HTTPS.
# Larger request bodies (uploads included) are refused with 413 before they are read.
MATCHFAIR_MAX_REQUEST_BYTES = int(os.environ.get("MATCHFAIR_MAX_REQUEST_BYTES", str(20 * 2**20)))
# Failed logins per account name, per known device (ten times as many per address)
# before each further attempt waits: first MATCHFAIR_LOGIN_DELAY_SECONDS after the last
# failure, doubling with each failure up to MATCHFAIR_LOGIN_MAX_DELAY_SECONDS. A count
# is forgotten after MATCHFAIR_LOGIN_WINDOW_SECONDS without a failure.
MATCHFAIR_LOGIN_ATTEMPTS = int(os.environ.get("MATCHFAIR_LOGIN_ATTEMPTS", "5"))
MATCHFAIR_LOGIN_DELAY_SECONDS = float(os.environ.get("MATCHFAIR_LOGIN_DELAY_SECONDS", "1"))
MATCHFAIR_LOGIN_MAX_DELAY_SECONDS = float(
    os.environ.get("MATCHFAIR_LOGIN_MAX_DELAY_SECONDS", "900")
)
MATCHFAIR_LOGIN_WINDOW_SECONDS = int(os.environ.get("MATCHFAIR_LOGIN_WINDOW_SECONDS", "86400"))
# Password-reset requests per client address, and reset mails per recipient, per hour.
MATCHFAIR_RESET_REQUESTS_PER_ADDRESS = int(
    os.environ.get("MATCHFAIR_RESET_REQUESTS_PER_ADDRESS", "5")
)
MATCHFAIR_RESET_MAILS_PER_RECIPIENT = int(
    os.environ.get("MATCHFAIR_RESET_MAILS_PER_RECIPIENT", "3")
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Behind a proxy that ends TLS, MATCHFAIR_HTTPS=1: secure cookies, redirect to https, HSTS.
globals().update(https_settings(os.environ.get("MATCHFAIR_HTTPS", "") == "1"))
# The reverse proxy whose X-Forwarded-Proto/-For `matchfair serve` believes (unset: none).
MATCHFAIR_TRUSTED_PROXY = trusted_proxy(os.environ.get("MATCHFAIR_TRUSTED_PROXY", ""))

# REST API (django-ninja): page sizes.
NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 500
