"""Settings, read from the environment (django-environ).

Without any environment the app runs for development: SQLite in ``var/``, e-mail on the
console, Celery tasks run in-process. With ``DEBUG`` off it refuses to start without a real
``SECRET_KEY`` and passes ``manage.py check --deploy``.
"""

import sys
from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE as CSP_NONE
from csp.constants import SELF as CSP_SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
# A developer's .env (made by `make` with DEBUG=1) fills in what the environment leaves out.
environ.Env.read_env(BASE_DIR / ".env")
TESTING = "pytest" in sys.modules

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
if not SECRET_KEY:
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured("Set SECRET_KEY: DEBUG is off and no secret key is given.")
    SECRET_KEY = "insecure-development-key-only-for-debug-and-tests"  # noqa: S105
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_fsm",
    "health_check",
    # What every app shares (see the README's layout), then the domain apps in the order of
    # a library's life in the scheme.
    "kbregeling.accounts",
    "kbregeling.workflow",
    "kbregeling.mail",
    "kbregeling.web",
    "kbregeling.health",
    "kbregeling.accesslog",
    "kbregeling.privacy",
    "kbregeling.conversation",
    "kbregeling.letters",
    "kbregeling.api",
    "kbregeling.statements",
    "axes",
    # Login, reauthentication and the second factor (TOTP and recovery codes): "Second factor".
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # The open API (kbregeling.api): Django REST framework, its OpenAPI schema and the
    # schema's documentation page served from the sidecar's static files (no CDN).
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "aanmelding",
    "licenties",
    "rapportage",
]

MIDDLEWARE = [
    # First: the API-Version header on every answer under /api/v1/ (kbregeling.api), also
    # those that a middleware below gives itself (a redirect, a 400, a lockout).
    "kbregeling.api.middleware.ApiVersionMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Headers (see the "Headers" block): before WhiteNoise, so static files get them too.
    "csp.middleware.CSPMiddleware",
    "kbregeling.web.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before any view or CSRF check reads the body; after authentication, so the 400 page
    # renders like any other.
    "kbregeling.web.middleware.RequestSizeLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Reviewers, the coordinator and superusers reach nothing before their second factor.
    "kbregeling.accounts.middleware.SecondFactorMiddleware",
    # After authentication and messages: it logs out with a message.
    "kbregeling.web.middleware.IdleTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last: turns a locked-out login into the Dutch lockout page (see "Lockout").
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kbregeling.urls"
WSGI_APPLICATION = "kbregeling.wsgi.application"

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
                "kbregeling.accounts.context_processors.roles",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# A worker keeps its database connection between requests (checked before reuse) rather than
# opening one per request, which on PostgreSQL cost more than most pages' queries.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.Gebruiker"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Collected static files exist in production only; development and tests use the finders.
STATIC_ROOT = None if DEBUG or TESTING else env("STATIC_ROOT", default=str(VAR_DIR / "staticfiles"))
WHITENOISE_USE_FINDERS = DEBUG or TESTING
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded plans and agreements are private: never under a public URL, only served by a view
# that checks who is asking.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private")))
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
MAX_UPLOAD_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Production sends real mail: without EMAIL_URL (or a broker, below) the web, the worker and
# beat refuse to start (kbregeling/mail/checks.py), rather than print mail on a console nobody
# reads. Building the image (collectstatic) needs neither. Development and tests print or keep it.
EMAIL_URL_GIVEN = bool(env("EMAIL_URL", default=""))
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# A mail server that accepts and never answers must not hold a worker for good.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Digisterker-regeling KB <noreply@kb.nl>")
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
MAIL_MAX_ATTEMPTS = env.int("MAIL_MAX_ATTEMPTS", default=10)
# /health/ fails when the heartbeat (every minute) or the oldest unsent mail is older than this.
HEALTH_HEARTBEAT_MINUTES = env.int("HEALTH_HEARTBEAT_MINUTES", default=3)
HEALTH_OUTBOX_MINUTES = env.int("HEALTH_OUTBOX_MINUTES", default=30)
# The outbox retries an unsent mail after 5, 10, 20, ... minutes, at most this long apart.
MAIL_RETRY_MAX_MINUTES = env.int("MAIL_RETRY_MAX_MINUTES", default=60)

# Production hands mail and reminders to a worker: without a broker they would run inside the
# request (and a slow mail server would hold the page), so it refuses to start (see above).
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
# A dead or hung broker must never hold a request: a publish gives up after a few seconds,
# without retrying, and the outbox sends the mail later (kbregeling.mail.outbox).
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "max_retries": 0,
    "socket_timeout": 2,
    "socket_connect_timeout": 2,
}
CELERY_TASK_PUBLISH_RETRY = False
# The worker waits out a broker outage and reconnects, however long it lasts.
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
# A task never runs for ever: a hung mail server or PDF is cut off.
CELERY_TASK_SOFT_TIME_LIMIT = 60
CELERY_TASK_TIME_LIMIT = 90
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BEAT_SCHEDULE = {
    "unsent-mail": {
        "task": "kbregeling.mail.tasks.retry_unsent_mail",
        "schedule": crontab(minute="*/5"),
    },
    "failed-mail-digest-daily": {
        "task": "kbregeling.mail.tasks.report_failed_mail",
        "schedule": crontab(hour=8, minute=0),
    },
    "heartbeat": {
        "task": "kbregeling.health.tasks.heartbeat",
        "schedule": crontab(),  # every minute: proves that beat and a worker both run
    },
    "licence-states-daily": {
        "task": "licenties.tasks.update_licence_states",
        "schedule": crontab(hour=0, minute=15),
    },
    "report-reminders-daily": {
        "task": "rapportage.tasks.daily_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    "message-digest-daily": {
        "task": "kbregeling.conversation.tasks.send_daily_digests",
        "schedule": crontab(hour=7, minute=30),
    },
    "retention-daily": {
        "task": "kbregeling.privacy.tasks.apply_retention",
        "schedule": crontab(hour=3, minute=30),
    },
}
# Year reports open this long before a licence year ends and are due this long after it.
RAPPORTAGE_OPENS_WEEKS_BEFORE = env.int("RAPPORTAGE_OPENS_WEEKS_BEFORE", default=8)
RAPPORTAGE_DUE_WEEKS_AFTER = env.int("RAPPORTAGE_DUE_WEEKS_AFTER", default=4)
HERINNERING_DAYS_BEFORE_DEADLINE = env.int("HERINNERING_DAYS_BEFORE_DEADLINE", default=14)
HERINNERING_OVERDUE_INTERVAL_DAYS = env.int("HERINNERING_OVERDUE_INTERVAL_DAYS", default=14)
HERINNERING_DIGEST_WEEKDAY = env.int("HERINNERING_DIGEST_WEEKDAY", default=0)  # Monday
# Decision letters (kbregeling.letters): the sender's letterhead (lines split by ";"), the
# contact named in each letter, and the objection clause KB applies to its decisions (on by
# default; its text has the placeholders {period} ("zes weken"), {weeks} and {address}).
DECISION_LETTER_SENDER = env(
    "DECISION_LETTER_SENDER",
    default="Koninklijke Bibliotheek; Prins Willem-Alexanderhof 5; 2595 BE Den Haag",
)
DECISION_LETTER_CONTACT = env(
    "DECISION_LETTER_CONTACT",
    default="de coördinator van de Digisterker-regeling, digisterker@kb.nl",
)
DECISION_LETTER_OBJECTION = env.bool("DECISION_LETTER_OBJECTION", default=True)
DECISION_LETTER_OBJECTION_WEEKS = env.int("DECISION_LETTER_OBJECTION_WEEKS", default=6)
DECISION_LETTER_OBJECTION_ADDRESS = env(
    "DECISION_LETTER_OBJECTION_ADDRESS",
    default=(
        "Koninklijke Bibliotheek, t.a.v. de juridische afdeling, Postbus 90407, 2509 LK Den Haag"
    ),
)
DECISION_LETTER_OBJECTION_TEXT = env(
    "DECISION_LETTER_OBJECTION_TEXT",
    default=(
        "Bent u het niet eens met dit besluit? Dan kunt u binnen {period} na de dag van "
        "verzending van deze brief bezwaar maken. Stuur uw bezwaarschrift naar {address}. "
        "Vermeld in uw bezwaarschrift uw naam en adres, de datum, het kenmerk van deze brief "
        "en waarom u het niet eens bent met het besluit, en onderteken het."
    ),
)
# The access log (kbregeling.accesslog) keeps every entry this many months, then a daily task
# removes it.
ACCESS_LOG_MONTHS = env.int("ACCESS_LOG_MONTHS", default=12)
# Privacy (AVG, kbregeling.privacy): the daily retention task anonymises people deactivated
# this many months ago, empties the text of finished e-mail this old and removes interest
# requests declined this long ago; /privacy/ prints these periods and ACCESS_LOG_MONTHS.
RETENTION_DEACTIVATED_MONTHS = env.int("RETENTION_DEACTIVATED_MONTHS", default=24)
RETENTION_MAIL_BODY_MONTHS = env.int("RETENTION_MAIL_BODY_MONTHS", default=12)
RETENTION_DECLINED_INTEREST_MONTHS = env.int("RETENTION_DECLINED_INTEREST_MONTHS", default=6)
# The accessibility statement (/toegankelijkheid/, kbregeling.statements) names this address
# for reporting a problem with the website's accessibility.
ACCESSIBILITY_CONTACT = env("ACCESSIBILITY_CONTACT", default="digisterker@kb.nl")
# Behind a TLS-terminating proxy that sets X-Forwarded-* (said so with TLS_PROXY=1), Django
# trusts its scheme and host (production, below) and the access log takes the client's address
# from the first entry of X-Forwarded-For: that proxy must set the header, never pass it on.
TLS_PROXY = env.bool("TLS_PROXY", default=False)

SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not TESTING)
    # Only behind a TLS-terminating proxy that sets these headers: trusted when said so.
    if TLS_PROXY:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
        USE_X_FORWARDED_HOST = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not TESTING)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# Headers ------------------------------------------------------------------------------------
# Security headers and sessions (kbregeling/web/middleware.py). The same policy runs in
# development, so a page that needs an inline script or style breaks there first.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [CSP_SELF],
        "script-src": [CSP_SELF],
        "style-src": [CSP_SELF],
        "img-src": [CSP_SELF, "data:"],  # Bootstrap draws its icons as data: SVG
        "object-src": [CSP_NONE],
        "base-uri": [CSP_SELF],
        "form-action": [CSP_SELF],
        "frame-ancestors": [CSP_NONE],
    },
}
# Powerful browser features nobody here needs, off for every page (an empty list: nobody).
PERMISSIONS_POLICY = {
    feature: []
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics")
}
# A post's form fields are limited by DATA_UPLOAD_MAX_MEMORY_SIZE and its file by
# MAX_UPLOAD_SIZE: a file somewhat too large gets the size beside the field and keeps what was
# typed. A body over this (by default 100 MB) is refused before it is read, with the Dutch
# 400 page, so nobody can fill the disk with one upload.
MAX_REQUEST_BODY_SIZE = env.int("MAX_REQUEST_BODY_MB", default=100) * 1024 * 1024
# Idle session timeout: reviewers, the coordinator and administrators are logged out sooner
# than library staff. The page warns a few minutes before.
SESSION_IDLE_MINUTES_REVIEWERS = env.int("SESSION_IDLE_MINUTES_REVIEWERS", default=30)
SESSION_IDLE_MINUTES_LIBRARY = env.int("SESSION_IDLE_MINUTES_LIBRARY", default=120)
# --------------------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # WeasyPrint and fontTools chatter about every font and style at INFO.
        "weasyprint": {"level": env("WEASYPRINT_LOG_LEVEL", default="WARNING")},
        "fontTools": {"level": "WARNING"},
    },
}


# Lockout (django-axes) --------------------------------------------------------------------
# Failed logins are counted per account and, separately, per address, on every login form
# (the admin's too); at the limit that account or address is locked for a while, the right
# password included. The message never says whether the account exists. An administrator
# unlocks in the Django admin (Axes: access attempts, delete) or with
# `manage.py axes_reset_username NAME`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # kbregeling.accesslog keeps the one access log
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "kbregeling.accesslog.log.client_ip"
AXES_VERBOSE = False
# A password-reset mail goes to one address at most this often an hour (no mail bombing).
PASSWORD_RESET_MAILS_PER_HOUR = env.int("PASSWORD_RESET_MAILS_PER_HOUR", default=3)


# Second factor (django-allauth) -------------------------------------------------------------
# One login for the app and the admin: allauth's, with django-axes above counting the failed
# passwords. KB and Digisterker reviewers, the coordinator and superusers must use a second
# factor (an authenticator app, TOTP, with recovery codes): until they have one, every page
# leads to its set-up (kbregeling.accounts.middleware). Library staff may turn it on.
# Changing the password or the second factor asks for the password, and the code when a
# second factor is on, within REAUTHENTICATION_MINUTES.
ACCOUNT_ADAPTER = "kbregeling.accounts.adapters.AccountAdapter"
MFA_ADAPTER = "kbregeling.accounts.adapters.SecondFactorAdapter"
ACCOUNT_FORMS = {"login": "kbregeling.accounts.forms.LoginForm"}
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*", "password2*"]  # no sign-up: see the adapter
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_SESSION_REMEMBER = True  # the idle timeout ends a session, not the browser closing
ACCOUNT_LOGOUT_REDIRECT_URL = "login"
ACCOUNT_REAUTHENTICATION_TIMEOUT = 60 * env.int("REAUTHENTICATION_MINUTES", default=5)
# Wrong codes: at most 5 per account in 5 minutes (wrong passwords are axes' business).
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/300s/key",
    # The public interest page (aanmelding/views/interest.py): requests per client address.
    "interest_request": "5/h/ip",
}
MFA_FORMS = {
    "authenticate": "kbregeling.accounts.forms.SecondFactorLoginForm",
    "reauthenticate": "kbregeling.accounts.forms.SecondFactorConfirmForm",
    "activate_totp": "kbregeling.accounts.forms.SecondFactorSetUpForm",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# allauth would ask the password again even right after the login; confirm_identity asks for
# password and code unless both were given within REAUTHENTICATION_MINUTES.
MFA_REAUTHENTICATION_REQUIRED = False
MFA_TOTP_ISSUER = "KB Digisterker"
MFA_TOTP_TOLERANCE = 1  # also the code just before or after: a phone's clock drifts (RFC 6238)
MFA_RECOVERY_CODE_COUNT = 10
# The key the authenticator secrets are encrypted with (default: derived from SECRET_KEY).
SECOND_FACTOR_KEY = env("SECOND_FACTOR_KEY", default="")

# People (issue 10): an invitation link is valid this many days.
INVITATION_DAYS = env.int("INVITATION_DAYS", default=7)

# Rate limits and used one-time codes live in the cache: production shares one Redis cache
# between the gunicorn workers (CACHE_URL=redis://..., required: accounts.E001), the
# development default is in-process.
_cache_url = env("CACHE_URL", default="")
CACHE_URL_GIVEN = bool(_cache_url)
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _cache_url}
        if _cache_url
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# Every request reads its session: with the shared cache, from Redis (written through to the
# database, which keeps it), not a query. An in-process cache would keep a session alive in
# one worker after a logout in another, so without CACHE_URL sessions stay in the database.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if CACHE_URL_GIVEN
    else "django.contrib.sessions.backends.db"
)


# The open API (kbregeling.api, README "API") ---------------------------------------------
# JSON only (no browsable HTML), read-only, errors as Dutch application/problem+json. A
# token per organisation (Authorization: Bearer <key>) or the session of a person whom the
# endpoint's permission allows. Rate limits per token, per logged-in person and per client
# address for everyone else, counted in the shared cache (CACHES above).
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "kbregeling.api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["kbregeling.api.permissions.OrganisationOrRole"],
    "DEFAULT_THROTTLE_CLASSES": [
        "kbregeling.api.throttles.TokenThrottle",
        "kbregeling.api.throttles.UserThrottle",
        "kbregeling.api.throttles.AnonymousThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "token": env("API_RATE_TOKEN", default="1000/hour"),
        "user": env("API_RATE_USER", default="300/hour"),
        "anonymous": env("API_RATE_ANONYMOUS", default="60/minute"),
    },
    "DEFAULT_PAGINATION_CLASS": "kbregeling.api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "kbregeling.api.problems.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "kbregeling.api.schema.ApiSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Digisterker-regeling API",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # No validator badge: it would load an image from validator.swagger.io.
    "SWAGGER_UI_SETTINGS": {"deepLinking": False, "validatorUrl": None},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "kbregeling.api.schema.describe_api",
    ],
}
