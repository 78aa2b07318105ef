"""The benchmark URLconf: a trivial baseline view in front of the real site.

The baseline lives here, not in ``portal/urls.py``, so production never serves it.
"""

from django.conf import settings
from django.http import HttpResponse
from django.urls import include, path, re_path
from django.views.decorators.http import require_GET
from django.views.static import serve


@require_GET
def trivial(request):
    """The cheapest Django response: the full middleware stack, no database, no template."""
    return HttpResponse(b"ok\n", content_type="text/plain")


urlpatterns = [path("bench/trivial/", trivial, name="bench_trivial")]
if getattr(settings, "BENCH_SERVE_MEDIA", False):
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}))
urlpatterns.append(path("", include("portal.urls")))
