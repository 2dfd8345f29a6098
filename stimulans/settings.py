"""Settings for development, demo and tests.

Production deployments use ``stimulans.settings_production``, which imports this module and
tightens it. The database is chosen with ``DATABASE_URL``; the default is a SQLite file in the
project directory.
"""

import json
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from stimulans.lib.client_ip import parse_networks

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = Path(os.environ.get("STIMULANS_HOME", BASE_DIR.parent))

SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-never-used-in-production-0123")
DEBUG = os.environ.get("DEBUG", "1") == "1"
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

# Demo accounts may be created by `stimulans demo` only where this is true.
ALLOW_DEMO_ACCOUNTS = True

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "simple_history",
    "django_tables2",
    "django_filters",
    "django_htmx",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "django_tasks",
    "django_tasks.backends.database",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "djangosaml2",
    "stimulans.core",
    "stimulans.mail",
    "stimulans.jobs",
    "stimulans.accounts",
    "stimulans.organisations",
    "stimulans.funds",
    "stimulans.reporting",
    "stimulans.plans",
    "stimulans.support",
    "stimulans.evaluation",
    "stimulans.analysis",
    "stimulans.coding",
    "stimulans.api",
    "stimulans.opendata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "stimulans.lib.middleware.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "stimulans.lib.middleware.CleanInputMiddleware",
    "stimulans.lib.middleware.SwedishByDefaultMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "stimulans.accounts.middleware.IdleSessionMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "stimulans.accounts.second_factor.SecondFactorMiddleware",
    "djangosaml2.middleware.SamlSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "stimulans.lib.middleware.PrivateNoStoreMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "stimulans.urls"
WSGI_APPLICATION = "stimulans.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "stimulans.core.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{PROJECT_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while a report is being saved; every transaction begins IMMEDIATE
    # (takes the write lock first), so concurrent writers wait up to the busy timeout rather
    # than fail. Django's own backend: a custom one queueing writers on a file lock was
    # measured (benchmarks/loadtest/run.py --db sqlite --users 50 --scenarios saves baseline)
    # and met the throughput target no better than this.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": float(os.environ.get("SQLITE_BUSY_TIMEOUT", "20")),
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Sessions are read from a cache on disk that every worker process shares, and written through
# to the database (cached_db): a logged-in request then reads no session row. Logging out
# removes the session from both, for every worker at once. Measured in docs/performance.md.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_CACHE_ALIAS = "sessions"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "sessions": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("SESSION_CACHE_DIR", str(PROJECT_DIR / "var" / "sessions")),
        "OPTIONS": {"MAX_ENTRIES": 50000},
    },
    # Background jobs' progress, written by `stimulans worker` and read by every web worker.
    "progress": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("PROGRESS_CACHE_DIR", str(PROJECT_DIR / "var" / "progress")),
    },
}

# Long work (web imports, documents, reminders, allocations) runs as background tasks, stored in
# the database and run by `stimulans worker` (stimulans/jobs).
TASKS = {"default": {"BACKEND": "django_tasks.backends.database.DatabaseBackend"}}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "stimulans.accounts.backends.UserBackend",
    "stimulans.accounts.oidc.ProviderBackend",
    "stimulans.accounts.saml.SamlBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Accounts (README "Accounts and sign-in"): invitation links expire after INVITATION_DAYS;
# SITE_URL is the address links in mail from the command line start with.
INVITATION_DAYS = int(os.environ.get("INVITATION_DAYS", "14"))
SITE_URL = os.environ.get("SITE_URL", "http://localhost:8000")
# A session ends SESSION_COOKIE_AGE seconds after its last request (give or take
# SESSION_REFRESH_SECONDS: stimulans.accounts.middleware), and on a password change.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_IDLE_SECONDS", str(2 * 3600)))
SESSION_REFRESH_SECONDS = min(300, SESSION_COOKIE_AGE // 10)
# A second factor (TOTP, django-otp) is required for these roles and available to every user.
SECOND_FACTOR_REQUIRED_ROLES = ["national_admin", "analyst"]
OTP_TOTP_ISSUER = "Stimulans"
# Sign-in through the organisations' own OpenID Connect providers (stimulans.accounts.oidc):
# JSON, {"key": {"domains": [...], "issuer", "authorization_endpoint", "token_endpoint",
# "userinfo_endpoint", "jwks_endpoint", "client_id", "client_secret"}}; see README.
OIDC_PROVIDERS = json.loads(os.environ.get("OIDC_PROVIDERS", "{}"))
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc_callback"
OIDC_CREATE_USER = False
OIDC_RP_SCOPES = "openid email"
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10
LOGIN_REDIRECT_URL_FAILURE = "/konto/logga-in/?sso=fel"
# Sweden Connect (SAML 2.0, stimulans.accounts.saml): off while SAML_IDP_METADATA is unset.
SAML_IDP_METADATA = os.environ.get("SAML_IDP_METADATA", "")
SAML_KEY_FILE = os.environ.get("SAML_KEY_FILE", "")
SAML_CERT_FILE = os.environ.get("SAML_CERT_FILE", "")
SAML_ENTITY_ID = os.environ.get("SAML_ENTITY_ID", "")
SAML_CONFIG_LOADER = "stimulans.accounts.saml.config_loader"
SAML_ATTRIBUTE_MAPPING = {"mail": ("email",)}
SAML_DJANGO_USER_MAIN_ATTRIBUTE = "email"
SAML_CREATE_UNKNOWN_USER = False
SAML_SESSION_COOKIE_SAMESITE = "None"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

# Login throttling (django-axes, stimulans.accounts.throttle): five failures for a username
# (from any address) lock that username, thirty from one client address (over any usernames)
# lock that address, for 15 minutes.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
LOGIN_FAILURE_LIMITS = {"username": 5, "ip_address": 30}
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMITS["username"]
AXES_HANDLER = "stimulans.accounts.throttle.LoginThrottle"
AXES_COOLOFF_TIME = 0.25
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
# The client address is REMOTE_ADDR. Behind a reverse proxy, name it in TRUSTED_PROXIES
# (comma-separated addresses or CIDR ranges, e.g. "10.0.0.5" or "10.0.0.0/24"): only requests
# from those read the client from X-Forwarded-For (stimulans.lib.client_ip).
AXES_CLIENT_IP_CALLABLE = "stimulans.accounts.throttle.axes_client_ip"
TRUSTED_PROXIES = [p for p in os.environ.get("TRUSTED_PROXIES", "").split(",") if p.strip()]
parse_networks(TRUSTED_PROXIES)  # a bad entry stops the start, naming it

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Svenska")), ("en", _("Engelska"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = PROJECT_DIR / "staticfiles"
MEDIA_ROOT = PROJECT_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploads: imports are small tables; refuse anything larger than this.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES
# Files that CLI imports read (population, earlier reports, plans, weight tables): larger ones are
# refused before they are parsed.
MAX_IMPORT_BYTES = 20 * 1024 * 1024
# SCB's API (PxWebApi 2) that `stimulans fetch-population` asks; the product never does.
SCB_API_URL = os.environ.get("SCB_API_URL", "https://statistikdatabasen.scb.se/api/v2")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # The API's conventions (stimulans/api/conventions.py): problem details, pages.
    "EXCEPTION_HANDLER": "stimulans.api.conventions.exception_handler",
    "DEFAULT_PAGINATION_CLASS": "stimulans.api.conventions.Pagination",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Stimulans API",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI and its favicon from the product itself (drf-spectacular-sidecar), not a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Integrators authenticate with a token; the session (a logged-in browser on /api/docs/)
    # works too but is not part of the contract.
    "AUTHENTICATION_WHITELIST": ["rest_framework.authentication.TokenAuthentication"],
    "PREPROCESSING_HOOKS": ["stimulans.api.schema.versioned_paths_only"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "stimulans.api.schema.conventions",
    ],
}
# Paths that speak the language of Accept-Language (Swedish by default): the JSON APIs, for
# integrators' systems. Pages speak Swedish unless the user switches (SwedishByDefault…).
ACCEPT_LANGUAGE_PATHS = ("/api/", "/analys/api/")

# Content-Security-Policy (django-csp): everything from the product itself, no inline script
# or style, no framing. htmx's own indicator styles are turned off in base.html (htmx-config)
# and live in site.css instead. Images also as data: URIs (the empty favicon).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

DJANGO_TABLES2_TEMPLATE = "django_tables2/bootstrap5.html"

# E-mail (reminders) goes through an SMTP server given by the environment; see README.md.
# Messages wait in the outbox (mail.OutgoingMail) and are sent after the response:
# MAIL_DELIVERY "thread" (a background thread), "inline" (in the request) or "command" (only by
# `stimulans send-mail`). See stimulans/mail/outbox.py.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "0") == "1"
EMAIL_USE_SSL = os.environ.get("EMAIL_USE_SSL", "0") == "1"
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Stimulans <stimulans@localhost>")
MAIL_DELIVERY = os.environ.get("MAIL_DELIVERY", "thread")
MAIL_CLAIM_TIMEOUT = int(os.environ.get("MAIL_CLAIM_TIMEOUT", "900"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_USE_FINDERS = DEBUG
