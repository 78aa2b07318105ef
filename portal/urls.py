from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from accounts.page_passwords import authenticate_with_password
from api.urls import v1 as api_v1
from core import views as core_views
from core.sitemaps import SITEMAPS
from images import views as image_views
from opendata import views as opendata_views
from portal.api import api_router
from scans import gs1
from scans import views as scan_views
from search import views as search_views
from stories.feeds import VerifiedStoriesFeed
from writes.urls import api as token_api

urlpatterns = [
    # Before the /api/v1/ API: the open-data files are plain streaming views.
    path("api/v1/exports/", include("opendata.urls")),
    path("du-lieu-mo/", opendata_views.open_data_page, name="open_data"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Before Wagtail's own: a page's shared password is guessed no more often than a login's.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    # Renditions a page had no time to make: made here, one per request (images/views.py).
    path(
        "anh/<str:signature>/<int:image_id>/<str:filter_spec>/<str:filename>",
        image_views.on_demand,
        name=image_views.VIEW_NAME,
    ),
    path("q/<str:code>", scan_views.scan, name="scan"),
    path("q/<str:code>/", scan_views.scan),
    path("q/<str:code>/qr.svg", scan_views.qr_svg, name="scan_qr_svg"),
    path("q/<str:code>/qr.png", scan_views.qr_png, name="scan_qr_png"),
    # Anything else under /q/ (slashes, dots, stray bytes) is not a code either.
    re_path(r"^q/(?P<raw>.*)$", scan_views.not_a_code),
    path("01/<str:gtin>", gs1.resolve, name="gs1"),
    path("01/<str:gtin>/10/<str:lot>", gs1.resolve, name="gs1_lot"),
    path("01/<str:gtin>/10/<str:lot>/21/<str:serial>", gs1.resolve, name="gs1_serial"),
    path("01/<str:gtin>/21/<str:serial>", gs1.resolve, name="gs1_serial_only"),
    path(".well-known/gs1resolver", gs1.resolver_description, name="gs1_resolver"),
    path("api/search/", search_views.search_api, name="search_api"),
    path("api/search/suggest/", search_views.suggest_api, name="search_suggest"),
    path("tim-kiem/", search_views.search_page, name="search"),
    path("api/v1/", api_v1),
    path("api/v2/", api_router.urls),
    # Token writes (Wagtail's v3 preview), held to the admin's rules by the ``writes`` app.
    path("api/v3-preview/", token_api.urls),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("feeds/cau-chuyen.xml", VerifiedStoriesFeed(), name="stories_feed"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("healthz", core_views.healthz, name="healthz"),
    path("favicon.ico", core_views.favicon, name="favicon"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
