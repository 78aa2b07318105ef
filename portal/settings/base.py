"""Settings shared by every environment; safe for production by default.

No DEBUG, no default secret key: ``dev.py`` loosens, ``test.py`` speeds up,
``production.py`` adds the HTTPS hardening. Every environment variable is read
here, once, with its default (see the README's table).
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE, WASM_UNSAFE_EVAL
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
# Seconds of image-rendition making one request may spend; beyond it the page links the
# missing renditions to the on-demand view, which makes each in its own request (images/budget.py).
RENDITION_BUDGET_SECONDS = env_float("RENDITION_BUDGET_SECONDS", 1.0)
if RENDITION_BUDGET_SECONDS < 0:
    raise ImproperlyConfigured(f"RENDITION_BUDGET_SECONDS must be 0 or more, got {RENDITION_BUDGET_SECONDS}")
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
# Webhook receivers on loopback, private, link-local or reserved addresses are refused unless
# this is on (tests, `make run` and the demo): otherwise a subscription could make the portal
# POST into its own network.
WEBHOOKS_ALLOW_PRIVATE = env_bool("WEBHOOKS_ALLOW_PRIVATE", False)
# The public read API (/api/v1/, api/): origins whose pages may call /api/ from a browser (CORS),
# how long a CDN or browser may keep an answer, and requests per client address and per API
# token ("120/m", "1000/5m", as the scan rates); beyond them a JSON 429 with Retry-After.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", [])
API_CACHE_SECONDS = env_int("API_CACHE_SECONDS", 60)
API_RATE_LIMIT = env_str("API_RATE_LIMIT", "120/m")
API_TOKEN_RATE_LIMIT = env_str("API_TOKEN_RATE_LIMIT", "600/m")

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
    "opendata",
    "webhooks",
    "django_tasks_db",
    "api",
    "writes",  # token writes through Wagtail's v3 API, held to the admin's rules
    "wagtail.api.v2",
    "wagtail.api.v3",
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
    "csp",  # its system checks flag settings in django-csp 3's retired format
    # django-ninja's templates and static files: the docs of /api/v1/ and /api/v3-preview/ serve
    # Swagger UI from here, not a CDN.
    "ninja",
    "corsheaders",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so that every response carries them, static files too (an SVG opened alone).
    "core.security_headers.PermissionsPolicyMiddleware",
    "core.security_headers.ContentSecurityPolicyMiddleware",
    # Before anything that may answer (whitenoise, CommonMiddleware): CORS headers on /api/ only.
    "corsheaders.middleware.CorsMiddleware",
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
    # A request makes missing image renditions for at most RENDITION_BUDGET_SECONDS.
    "images.budget.RenditionBudgetMiddleware",
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
# Where uploads are served from: a path on this site, or an absolute URL (a CDN or S3 bucket),
# whose origin the Content-Security-Policy then allows for images, videos and fetched files.
MEDIA_URL = env_str("MEDIA_URL", "/media/")
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
# …and read back in the same format: Django's Vietnamese locale names no input formats, so the
# defaults (month first) would read 05/03/2026 as 3 May and refuse 16/05/2026. ISO is still accepted.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
# A locale's own input formats beat these settings: English's (month first) are replaced with them
# in portal/formats/en/, since the admin speaks English to a browser that asks for it.
FORMAT_MODULE_PATH = ["portal.formats"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- CORS (django-cors-headers): only the API, only the origins listed --------------------
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After", "Link"]
CORS_PREFLIGHT_MAX_AGE = 86400

REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}

# --- Background tasks (django-tasks; docs/operations.md → background worker) ---------------
# A task is a row in the database until `manage.py db_worker` runs it: `make run` starts one next
# to the web server, production runs one or more on their own machines. Wagtail's own small tasks
# (its admin search index and reference index updates) go there too instead of slowing a save.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# The database backend the portal's deferred work is sent to (webhook deliveries and their
# retries, which need `run_after`): the one the worker serves. Tests name a second one.
WORKER_TASK_BACKEND = "default"
# /healthz says the worker is degraded once a task ready to run has waited longer than this.
WORKER_STALE_SECONDS = 300

# --- Security defaults (tightened further in production.py) -------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
SESSION_COOKIE_HTTPONLY = True
# Sessions in the database, never in the cache: signing in to the admin keeps working while Redis is down.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Content-Security-Policy and Permissions-Policy (core/security_headers.py) ----------------
# docs/security.md explains each allowance; tests/core/test_security_headers.py and every browser
# test (tests/browser/conftest.py fails on any violation) hold them.
_media = urlsplit(MEDIA_URL)
# An absolute MEDIA_URL (a CDN, an S3 bucket) is another origin: images, videos, panoramas and
# 3D models are loaded from it.
MEDIA_ORIGINS = [f"{_media.scheme}://{_media.netloc}"] if _media.scheme and _media.netloc else []
# The story video players a reader may start (stories/blocks.py: video_player_url).
VIDEO_PLAYER_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
# @google/model-viewer 4.4.0's shadow-root <style> (package-lock.json).
MODEL_VIEWER_STYLE_HASH = "'sha256-PXtZZkJMMyc18o/DN1ZEFOJ2qEGq95IQbVaJFMOXOb0='"

# The public site, the API, scans and their 404s: nothing inline but an element that carries
# this request's nonce (none does today: cached pages must not carry one, core/page_cache.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # Our own files only; the 360° viewer and <model-viewer> are bundles in static/dist, loaded
        # with import() from the same origin. No 'unsafe-eval': neither bundle needs it. Only
        # WebAssembly may be compiled: three.js's meshopt decoder, in <model-viewer>, compiles its
        # decoder when the bundle loads ('wasm-unsafe-eval' allows that and no JavaScript eval).
        "script-src": [SELF, NONCE, WASM_UNSAFE_EVAL],
        # Our stylesheets, and the one <style> element <model-viewer> writes into its shadow root
        # (its hash; a new version of @google/model-viewer may change it: the browser tests then
        # fail and Chromium's message gives the new hash).
        "style-src": [SELF, NONCE, MODEL_VIEWER_STYLE_HASH],
        # data: and blob: — the viewers make pictures in memory (Photo Sphere Viewer loads each
        # panorama's texture from a blob: URL; three.js decodes a model's embedded textures).
        "img-src": [SELF, "data:", "blob:", *MEDIA_ORIGINS],
        "media-src": [SELF, *MEDIA_ORIGINS],
        # Live search (/api/search/), the viewers' fetches of panoramas and .glb models.
        "connect-src": [SELF, *MEDIA_ORIGINS],
        "font-src": [SELF],
        "manifest-src": [SELF],
        # A story's video, once the reader presses play (static/js/story-video.js).
        "frame-src": VIDEO_PLAYER_ORIGINS,
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # No one frames the public site (clickjacking); the admin's previews get the PREVIEW policy.
        "frame-ancestors": [NONE],
    }
}
# The Wagtail admin (and Django's): Wagtail 8 still writes inline <script> elements that cannot
# carry a nonce (inline panels, date and time pickers: wagtail/wagtail#1288) and style attributes
# throughout, so inline scripts and styles are allowed there — and no nonce is sent, because a
# nonce would make browsers ignore 'unsafe-inline'. Still no 'unsafe-eval', no other origin's
# script, no plugins, and only the admin frames itself (the live preview, block previews).
CSP_ADMIN_PATH_PREFIXES = ["/admin/", "/django-admin/"]
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE, WASM_UNSAFE_EVAL],
        "style-src": [SELF, UNSAFE_INLINE],
        "frame-src": [SELF, *VIDEO_PLAYER_ORIGINS],
        "frame-ancestors": [SELF],
    }
}
# A page the admin previews (in its side panel, a workflow's review): the public policy, framed
# by the admin.
CONTENT_SECURITY_POLICY_PREVIEW = {
    "DIRECTIVES": {**CONTENT_SECURITY_POLICY["DIRECTIVES"], "frame-ancestors": [SELF]},
}
# A 500: templates/500.html stands alone (its CSS inline, no script, nothing else loaded) so
# that it shows whatever broke.
CONTENT_SECURITY_POLICY_ERROR = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "style-src": [UNSAFE_INLINE],
        "img-src": [SELF],
        "base-uri": [NONE],
        "form-action": [NONE],
        "frame-ancestors": [SELF],
    }
}

# Which browser features the portal's pages (and what they embed) may use: an empty list denies
# the feature to everyone, so a script that got in cannot use it either.
PERMISSIONS_POLICY = {
    # Photo Sphere Viewer's gyroscope mode turns the 360° tour as the phone turns.
    "accelerometer": ["self"],
    "gyroscope": ["self"],
    "magnetometer": ["self"],
    # The tour's fullscreen button; a story's video player.
    "fullscreen": ["self", *VIDEO_PLAYER_ORIGINS],
    # A story's video starts when the reader presses play, and may be watched picture-in-picture.
    "autoplay": ["self", *VIDEO_PLAYER_ORIGINS],
    "picture-in-picture": ["self", *VIDEO_PLAYER_ORIGINS],
    "encrypted-media": VIDEO_PLAYER_ORIGINS,
    # The product page's share button (navigator.share) and its "copy link" button. (Chromium on
    # Linux has no Web Share and warns that it does not know the feature; phones do.)
    "web-share": ["self"],
    "clipboard-write": ["self"],
    # <model-viewer>'s AR (WebXR) on phones that can.
    "xr-spatial-tracking": ["self"],
    # Search's "near me" asks for the visitor's position (static/js/search.js).
    "geolocation": ["self"],
    # Nothing on the portal uses these. Only features Chromium knows: it warns about any other.
    "camera": [],
    "microphone": [],
    "display-capture": [],
    "payment": [],
    "usb": [],
    "serial": [],
    "hid": [],
    "midi": [],
    "idle-detection": [],
    "screen-wake-lock": [],
    "clipboard-read": [],
    "browsing-topics": [],
}

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
