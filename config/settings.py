"""Fineprint settings: one module, driven by environment variables.

Every variable is read through a strict helper that fails loudly on a bad value, so a
typo in production configuration stops the process instead of silently changing behaviour.
The defaults are for development on SQLite; production sets the variables documented in
the README.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    lowered = raw.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105 - DEBUG only

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://localhost:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "axes",
    "django_tasks_db",
    "policies",
    "summaries",
    "reviews",
    "pages",
    "watch",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Compresses HTML and JSON. BREACH needs a secret in a compressed body beside reflected
    # input: the only ones in our pages are the CSRF token, masked afresh in every response,
    # and the CSP nonce, random per response; the admin is never compressed (see below).
    "pages.compression.PublicGZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Before the public cache, so views of cached pages and 304s are counted too.
    "pages.view_counts.ViewCountMiddleware",
    # After CSRF and CSP: a cached page is served with this request's token and nonce.
    "pages.public_cache.PublicCacheMiddleware",
    # Last, so a locked-out login never reaches the view.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

DEFAULT_SQLITE = f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
# Health checks: a connection the database dropped (restart, failover, idle timeout) is
# replaced at the start of the next request instead of failing it with a 500.
DATABASES = {
    "default": dj_database_url.parse(env_str("DATABASE_URL", DEFAULT_SQLITE), conn_max_age=60, conn_health_checks=True)
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE takes the write lock when a transaction starts, so two writers queue
        # on the busy timeout instead of one failing with "database is locked" on upgrade.
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;",
    }
    # A file (not memory) so that child processes in the concurrency tests share it; one per
    # test run, so two runs in the same checkout never write into each other's database.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / f"test-db-{os.getpid()}.sqlite3")}


def cache_from_url(url: str) -> dict[str, object]:
    """`locmem://`, `dummy://` or `redis://HOST:PORT/DB` (Django's built-in Redis backend)."""
    if url.startswith(("redis://", "rediss://", "unix://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if url.startswith("locmem://"):
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": url[9:] or "fineprint"}
    if url.startswith("dummy://"):
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    raise ImproperlyConfigured(f"CACHE_URL must start with locmem://, dummy:// or redis://, got {url!r}")


def caches_from_url(url: str) -> dict[str, dict[str, object]]:
    """One setting, CACHE_URL, for every cache: rendered pages ("default"), the per-address rate
    limits ("ratelimit") and the card-page view counters ("counters"). The two counting caches
    take a key prefix of their own in the same Redis; without Redis they count in process
    memory (a dummy cache could not count), the counters never culled, since a counter dropped
    to make room would lose views."""
    default = cache_from_url(url)
    if default["BACKEND"].endswith("RedisCache"):
        return {
            "default": default,
            "ratelimit": {**default, "KEY_PREFIX": "fp-rl"},
            "counters": {**default, "KEY_PREFIX": "fp-views"},
        }
    local = "django.core.cache.backends.locmem.LocMemCache"
    return {
        "default": default,
        "ratelimit": {"BACKEND": local, "LOCATION": "ratelimit"},
        "counters": {"BACKEND": local, "LOCATION": "counters", "OPTIONS": {"MAX_ENTRIES": 10**9}},
    }


CACHES = caches_from_url(env_str("CACHE_URL", "locmem://"))
# Rendered public pages, API responses and feeds (pages/public_cache.py); a change to the
# archive invalidates them at once, this only bounds how long an unused entry lingers.
PUBLIC_CACHE_ALIAS = "default"
PUBLIC_CACHE_SECONDS = env_int("PUBLIC_CACHE_SECONDS", 600)
# How long a process trusts its last reading of the archive's newest change (PUBLIC_STAMP_MS,
# milliseconds): how stale a public page may be after a change; it spares cached pages a query.
PUBLIC_STAMP_SECONDS = env_int("PUBLIC_STAMP_MS", 1000) / 1000

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "policies.login_cap.AccountCapBackend",
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lock by username *and* IP: an attacker guessing one account from one address is stopped,
# while the real admin logging in from elsewhere is not; the lock expires on its own.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60  # hours
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# Behind the reverse proxy the peer is always the proxy: count the client it names instead.
AXES_CLIENT_IP_CALLABLE = "config.client_ip.client_ip"
# Every address together may fail this often per account per hour; then the account refuses
# log-ins for the rest of the hour (a spread-out guessing attack, not one address).
ACCOUNT_FAILURES_PER_HOUR = env_int("ACCOUNT_FAILURES_PER_HOUR", 30)

# The reverse proxy's header naming the client ("X-Real-IP" in deploy/nginx.conf), believed
# only when the request comes from one of TRUSTED_PROXIES. Empty: REMOTE_ADDR is the client.
TRUSTED_PROXY_HEADER = (
    "HTTP_" + env_str("TRUSTED_PROXY_HEADER", "").upper().replace("-", "_")
    if env_str("TRUSTED_PROXY_HEADER", "")
    else ""
)
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "127.0.0.1,::1")
# Per-visitor budgets on the public pages that cost the most (django-ratelimit's rate syntax).
PUBLIC_RATE_LIMITS = {"diff": env_str("DIFF_RATE_LIMIT", "30/m"), "search": env_str("SEARCH_RATE_LIMIT", "120/m")}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "media/"
# Local mirrors of the Open Terms Archive repositories companies follow (`sync_ota`).
OTA_CHECKOUTS = Path(env_str("OTA_CHECKOUTS", str(BASE_DIR / "ota-checkouts")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Uploads above this are refused by the form; Django's own cap sits just above it so the
# form, not a bare 400, reports the error.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django.tasks.backends.immediate.ImmediateBackend"),
    }
}

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Visitors' "report a problem" (reviews), diff and search count requests per address in the
# "ratelimit" cache (RATELIMIT_USE_CACHE). It is the same Redis as the page cache when CACHE_URL
# names one, so every web process shares one count; otherwise each process counts on its own,
# which the deployment check (reviews.W001) warns about.
RATELIMIT_USE_CACHE = "ratelimit"
REPORT_RATE = env_str("REPORT_RATE", "5/h")

# Views of card pages for the review queue's "most viewed" (reviews/popularity.py): counted in
# the "counters" cache (see caches_from_url), moved into the database after a response at most
# every VIEW_FLUSH_SECONDS.
VIEW_COUNT_CACHE = "counters"
VIEW_FLUSH_SECONDS = env_int("VIEW_FLUSH_SECONDS", 60)

# Outbound fetching (issue 5). Loopback targets are refused unless a test turns this on.
FETCH_ALLOW_LOOPBACK_FOR_TESTS = False
FETCH_USER_AGENT = env_str("FETCH_USER_AGENT", "FineprintBot/1.0 (+https://fineprint.example/bot)")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO" if not DEBUG else "WARNING")},
}
