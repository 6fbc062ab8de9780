"""Settings of the portal: one file, read from the environment (docs/design.md, Settings and the two commands).

With nothing set the portal runs *embedded*: SQLite file, eager Celery tasks, e-mail written to
files, plain HTTP, static files served by WhiteNoise from the source folders. Production sets DATABASE_URL,
REDIS_URL, SECRET_KEY, ALLOWED_HOSTS (and the e-mail variables), and `manage.py check --deploy` passes.
DEBUG is off in both unless asked for (DEBUG=1): users of `make run` see the Vietnamese error pages, not
Django's debug page (issue 17).
"""
import os
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DATABASE_URL = env("DATABASE_URL")
REDIS_URL = env("REDIS_URL")
EMBEDDED = not DATABASE_URL

DEBUG = env_bool("DEBUG", default=False)  # DEBUG=1 for a developer's debug pages
SECRET_KEY = env("SECRET_KEY") or (
    "embedded-only-not-secret-7c1f0c1e4b7d4c3f9a2e" if EMBEDDED else ""
)
if not SECRET_KEY:
    raise RuntimeError("SECRET_KEY phải được đặt khi chạy với DATABASE_URL (môi trường thật).")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if EMBEDDED else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "django_celery_beat",
    "auditlog",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "core",
    "orgs",
    "audit",
    "campaigns",
    "awards",
    "dossiers",
    "funds",
    "publication",
    "reports",
    "notifications",
    "documents",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.nulbytes.StripNulMiddleware",  # ?q=%00 was a 500 on PostgreSQL (issue 16)
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(): the session's second factor
    "core.middleware.NoStoreForSignedInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.middleware.IdleTimeoutMiddleware",  # an idle signed-in session ends (IDLE_TIMEOUT_MINUTES)
    "core.queue.DeferredWorkMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "portal.second_factor.SecondFactorMiddleware",  # the code (or enrolment) before any page
    "core.middleware.AuditlogMiddleware",  # the client address as core.clientip reads it
    "axes.middleware.AxesMiddleware",
    "audit.middleware.AuditRequestMiddleware",  # the request of the audit trail's events (address, who)
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

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
                "core.context_processors.portal",
            ],
            "builtins": ["core.templatetags.portal_tags"],
        },
    }
]

# --- database ---------------------------------------------------------------------------------
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env("SQLITE_PATH") or BASE_DIR / "var" / "portal.sqlite3",
            "OPTIONS": {"timeout": 20},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- auth -------------------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "core.backends.AccountBackend",
]
# The password policy, OWASP ASVS 4.0.3 L2 (core/passwords.py): 12 characters or more (PASSWORD_MIN_LENGTH), up to
# 128; not a common password nor mostly made of the user's names, the portal's or a province's name, years, runs.
# PASSWORD_EXTRA_WORDS: more words of the place that a password must not be made of (comma-separated).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "core.passwords.MinimumLengthValidator",
     "OPTIONS": {"min_length": int(env("PASSWORD_MIN_LENGTH", "12"))}},
    {"NAME": "core.passwords.MaximumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "core.passwords.ObviousPasswordValidator",
     "OPTIONS": {"words": env_list("PASSWORD_EXTRA_WORDS")}},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling (django-axes): lock a username+IP pair after 5 failures for 15 minutes.
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Password spraying: this many failures from one address within the cool-off, whatever the usernames, lock the
# address for every username (core.throttle.LoginThrottleHandler).
AXES_ADDRESS_FAILURE_LIMIT = int(env("AXES_ADDRESS_FAILURE_LIMIT", "30"))
AXES_HANDLER = "core.throttle.LoginThrottleHandler"
# The self-service password reset: requests from one address within the cool-off (each may send an e-mail),
# and how long the e-mailed link stays valid.
PASSWORD_RESET_LIMIT = int(env("PASSWORD_RESET_LIMIT", "5"))
PASSWORD_RESET_TIMEOUT = int(env("PASSWORD_RESET_HOURS", "1")) * 3600
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_USERNAME_FORM_FIELD = "username"
# The client address (core.clientip): behind N reverse proxies set PROXY_COUNT=N (AXES_PROXY_COUNT is read
# too, its former name) and TRUSTED_PROXIES to their addresses; the address is then the entry the outermost
# proxy wrote in X-Forwarded-For, believed only from a trusted proxy. With no proxy, REMOTE_ADDR is the client.
PROXY_COUNT = int(env("PROXY_COUNT", env("AXES_PROXY_COUNT", "0")))
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "127.0.0.1,::1")
AXES_CLIENT_IP_CALLABLE = "core.clientip.client_address"
# Second factor (django-otp, TOTP + recovery codes; portal/second_factor.py): which roles need it is set per province
# (orgs.SecondFactorPolicy); the system administrator always. Whether a session that needs none still needs none is
# checked again after this many seconds (a role granted or a province's policy changed meanwhile).
OTP_TOTP_ISSUER = "Cổng TĐKT"
SECOND_FACTOR_RECHECK_SECONDS = int(env("SECOND_FACTOR_RECHECK_SECONDS", "300"))

# --- i18n -------------------------------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["portal.formats"]
USE_THOUSAND_SEPARATOR = False  # numbers such as years and ids print plainly; money uses |tien
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- static and media -------------------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT") or BASE_DIR / "var" / "staticfiles")
# Embedded (`make run`, DEBUG off): WhiteNoise serves the static files straight from the source folders, no
# collectstatic; runserver serves them itself only with DEBUG on or --insecure.
WHITENOISE_USE_FINDERS = env_bool("WHITENOISE_USE_FINDERS", default=EMBEDDED or DEBUG)
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT") or BASE_DIR / "var" / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("STATICFILES_MANIFEST", default=not DEBUG and not EMBEDDED and "pytest" not in sys.modules)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- forms ------------------------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- e-mail -----------------------------------------------------------------------------------
EMAIL_HOST = env("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(env("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = env("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "emails"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Cổng thi đua – khen thưởng <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Celery -----------------------------------------------------------------------------------
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_WORKER_MAX_TASKS_PER_CHILD = 50
# a new worker process loads WeasyPrint, the font and the stylesheet before it reports up (core.pdf.warm_up,
# ~1 s, more on a cold host): the default 4 s would kill and respawn it in a loop on a slow machine
CELERY_WORKER_PROC_ALIVE_TIMEOUT = 30
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# A broker host that does not answer is given up after a few seconds (core.queue.publish); the saved action
# stands and the sweep (dossiers.tasks.sweep_pending) queues its work again.
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": int(env("BROKER_CONNECT_TIMEOUT", "3"))}
# Rows still pending this long after they were asked for are queued again by the sweep; a render or an export
# "in progress" for longer than SWEEP_STUCK_MINUTES was cut off (a worker killed) and is done again.
SWEEP_AFTER_MINUTES = int(env("SWEEP_AFTER_MINUTES", "10"))
SWEEP_STUCK_MINUTES = int(env("SWEEP_STUCK_MINUTES", "15"))

# --- security ---------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 10  # a working day
# A signed-in session idle this long is ended (core.middleware.IdleTimeoutMiddleware; ASVS 3.3.2); the age above
# stays its absolute lifetime.
IDLE_TIMEOUT_MINUTES = int(env("IDLE_TIMEOUT_MINUTES", "30"))
# Production is served over HTTPS (behind a proxy that sets X-Forwarded-Proto); HTTPS=0 turns
# this off for a plain-HTTP test server (CI's browser tests).
HTTPS = env_bool("HTTPS", default=not DEBUG and not EMBEDDED)
if HTTPS:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    if not SECURE_HSTS_PRELOAD:
        # Intranet host names cannot be on the browsers' preload list; HSTS itself is on.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]
    if env_bool("BEHIND_PROXY", True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}

# --- logging ----------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO" if not (DEBUG or EMBEDDED) else "WARNING")},
    "loggers": {"django.request": {"level": "ERROR"},
                "weasyprint.progress": {"level": "WARNING"}},  # no "Step 1…" lines per render
}

# --- the portal -------------------------------------------------------------------------------
PORTAL_NAME = env("PORTAL_NAME", "Cổng thi đua – khen thưởng")
# The address links in e-mails and QR codes point to (the portal as users reach it, no trailing slash).
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
PEOPLE_IMPORT_MAX_BYTES = 5 * 1024 * 1024
PEOPLE_IMPORT_MAX_ROWS = 5000  # rows read from an imported file, blank ones and the header included
# An imported .xlsx is checked before anything is inflated (core.xlsx.check_archive): all its members inflated
# together, the ratio of each member (of 256 KB or more) and of the whole, how many members it has.
XLSX_MAX_INFLATED_BYTES = int(env("XLSX_MAX_INFLATED_BYTES", str(50 * 1024 * 1024)))
XLSX_MAX_RATIO = int(env("XLSX_MAX_RATIO", "100"))
XLSX_MAX_MEMBERS = int(env("XLSX_MAX_MEMBERS", "500"))
# A longer file (rows read, blank ones too) or a larger one (inflated) is read by the worker, with a progress
# page (core.imports); a shorter one in the request.
IMPORT_INLINE_MAX_ROWS = int(env("IMPORT_INLINE_MAX_ROWS", "500"))
IMPORT_INLINE_MAX_BYTES = int(env("IMPORT_INLINE_MAX_BYTES", str(1024 * 1024)))
DOSSIER_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024  # one scan or evidence file of a dossier
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"
