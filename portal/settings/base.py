"""Settings shared by every environment; safe for production by default.

No DEBUG, no default secret key: ``dev.py`` loosens, ``test.py`` speeds up,
``production.py`` adds the HTTPS hardening. Every environment variable is read
here, once, with its default (see the README's table).
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_float, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# --- Environment -----------------------------------------------------------
SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
REDIS_URL = env_str("REDIS_URL")
# Redis down must not take the site down (core/cache.py): seconds to connect and to answer,
# then seconds each process treats the cache as absent after a failure before trying again.
REDIS_TIMEOUT = env_float("REDIS_TIMEOUT", 0.25)
REDIS_RETRY_AFTER = env_float("REDIS_RETRY_AFTER", 10.0)
# The NFC tags' keys are derived from this (32 hex characters); empty: NFC taps are not verified.
NFC_MASTER_KEY = env_str("NFC_MASTER_KEY")
# Scans per client and minute: counted up to the first rate, refused (429) beyond the second.
SCAN_COUNT_RATE = env_str("SCAN_COUNT_RATE", "30/m")
SCAN_BLOCK_RATE = env_str("SCAN_BLOCK_RATE", "300/m")
# How many proxies in front of the site append to X-Forwarded-For (core/client_address.py):
# 0, no proxy: REMOTE_ADDR only, the header is ignored. For the scan limits and the login lockout.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured(f"TRUSTED_PROXY_COUNT must be 0 or more, got {TRUSTED_PROXY_COUNT}")
if env_str("RATELIMIT_IP_META_KEY"):
    # It took the leftmost X-Forwarded-For address, which the client writes: refuse it rather
    # than silently count every scan under the proxy's address.
    raise ImproperlyConfigured(
        "RATELIMIT_IP_META_KEY is gone: set TRUSTED_PROXY_COUNT to the number of proxies in front of the site."
    )
# Login lockout (django-axes): so many wrong passwords for one account, or from one address,
# within the cool-off, and that account or address may not sign in until the cool-off has passed.
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_COOLOFF_MINUTES = env_int("LOGIN_COOLOFF_MINUTES", 15)
for _name, _value in (("LOGIN_FAILURE_LIMIT", LOGIN_FAILURE_LIMIT), ("LOGIN_COOLOFF_MINUTES", LOGIN_COOLOFF_MINUTES)):
    if _value < 1:
        raise ImproperlyConfigured(f"{_name} must be 1 or more, got {_value}")
# Where scan counts wait in Redis before they are written to the database.
SCAN_BUFFER_KEY = env_str("SCAN_BUFFER_KEY", "ocop:scans")
# How long a rendered public page (the QR showcase) is kept; 0 turns the page cache off.
# On by default only with Redis: every worker must share the cache that invalidates it.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 3600 if REDIS_URL else 0)
# The largest 3D model (GLB/glTF) an editor or producer may upload; phones download it whole.
MODEL3D_MAX_BYTES = env_int("MODEL3D_MAX_BYTES", 15 * 1024 * 1024)
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
ELASTICSEARCH_INDEX_PREFIX = env_str("ELASTICSEARCH_INDEX_PREFIX", "ocop-")
# A search that takes longer than this is answered by the database engine instead.
ELASTICSEARCH_TIMEOUT = env_float("ELASTICSEARCH_TIMEOUT", 0.5)
ELASTICSEARCH_INDEX_TIMEOUT = env_float("ELASTICSEARCH_INDEX_TIMEOUT", 30.0)
# After a failure, how long searches skip Elasticsearch before trying it again.
ELASTICSEARCH_RETRY_AFTER = env_int("ELASTICSEARCH_RETRY_AFTER", 30)
# Make each index change searchable before the request ends (tests; a busy site leaves it off).
ELASTICSEARCH_WAIT_FOR_REFRESH = env_bool("ELASTICSEARCH_WAIT_FOR_REFRESH", False)
SITE_BASE_URL = env_str("SITE_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Reviewers' evidence files: outside MEDIA_ROOT, so no URL serves them; only a
# permission-checked admin view reads them.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media")))
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
DB_CONN_MAX_AGE = env_int("DB_CONN_MAX_AGE", 60)
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")

# --- Applications ----------------------------------------------------------
INSTALLED_APPS = [
    "accounts",  # first: registers the page permission policy before anyone asks for it
    "core",
    "regions",
    "images",
    "catalogue",
    "stories",
    "search",
    "scans",
    "tours",
    "writes",  # token writes through Wagtail's v3 API, held to the admin's rules
    "wagtail.api.v2",
    "wagtail.api.v3",
    "ninja",  # serves its Swagger UI from our static files, not a CDN (/api/v3-preview/docs/)
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages shrink 4–8× (product page 16 kB → 4 kB): what matters on slow mobile data.
    # CSRF tokens are masked per response, which defeats BREACH-style guessing.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.ProducerAdminBoundaryMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Turns a refused login (too many wrong passwords) into the lockout page.
    "axes.middleware.AxesMiddleware",
    # Last, so that it knows who is signed in; a cached page skips only what follows it: the view.
    "core.page_cache.PageCacheMiddleware",
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
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.site_navigation",
            ],
        },
    },
]

DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=DB_CONN_MAX_AGE)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.PortalRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "ocop",
            "OPTIONS": {"socket_connect_timeout": REDIS_TIMEOUT, "socket_timeout": REDIS_TIMEOUT},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "ocop-portal",
        }
    }

# django-axes first: it refuses a locked-out account or address before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Login lockout (django-axes; docs/operations.md → login lockout) -----------------------
# Every login through django.contrib.auth's authenticate() — the Wagtail admin, the login form
# of the private pages (/_util/login/), the Django admin — counts. Failures are kept in the
# database (no Redis needed), one row per account, address and browser, and forgotten after
# the cool-off.
AXES_ENABLED = True
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_COOLOFF_MINUTES)
# Either is enough to lock: the account (whatever the address: a spread-out guesser) or the
# address (whatever the account: one guesser trying many accounts).
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# A successful login clears that account's failures (accounts/lockout.py), not its address's:
# axes' own reset would let a guesser wipe them by signing in to an account of its own.
AXES_RESET_ON_SUCCESS = False
# The same address the scan limits use: REMOTE_ADDR, or X-Forwarded-For per TRUSTED_PROXY_COUNT.
AXES_CLIENT_IP_CALLABLE = "core.client_address.client_address"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
AXES_COOLOFF_MESSAGE = "Tài khoản tạm bị khóa vì nhập sai mật khẩu quá nhiều lần. Xin thử lại sau."
# No log of every successful login with its address: the failures are all the lockout needs.
AXES_DISABLE_ACCESS_LOG = True

# --- Language: Vietnamese first ---------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Static and media ---------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "private": {
        "BACKEND": "core.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
}
FILE_UPLOAD_PERMISSIONS = 0o644

# --- Wagtail ------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Cổng sản phẩm OCOP Việt Nam"
# No avatars from Gravatar: the admin would send a hash of each account's e-mail to an outside
# service with every page (and the image fails where there is no internet). Initials instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
# Stories publish the revision their reviewer approved, not whatever was saved last.
WAGTAIL_FINISH_WORKFLOW_ACTION = "stories.review.workflow.publish_reviewed_revision"
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
WAGTAILIMAGES_IMAGE_MODEL = "media.PortalImage"
# A truncated or corrupt upload is a form error (images/forms.py), not a 500.
WAGTAILIMAGES_IMAGE_FORM_BASE = "images.forms.PortalImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "jpg", "jpeg", "png"]
# Every download goes through Django's view, which checks the collection's view
# restriction (a producer's collection is for its accounts and the editorial desk);
# the front server must not serve MEDIA_ROOT/documents/ itself.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_I18N_ENABLED = False
# ASCII slugs: short, shareable URLs that survive Zalo/SMS ("bo-nui-lua-krong-no").
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILAPI_BASE_URL = SITE_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
# An API token (Wagtail's APIToken, made in the admin) stops working this many days after it was made.
API_TOKEN_MAX_AGE_DAYS = 365
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}

# --- Security defaults (tightened further in production.py) -------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
SESSION_COOKIE_HTTPONLY = True
# Sessions in the database, never in the cache: signing in to the admin keeps working while Redis is down.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # The immediate task backend logs every search-index/reference-index task at INFO.
        "django_tasks": {"level": "WARNING"},
        # Page actions are already in Wagtail's own audit log (in the database).
        "wagtail": {"level": "WARNING"},
    },
}
