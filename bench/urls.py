"""The benchmark URLconf: a trivial baseline view in front of the real site.

The baseline lives here, not in ``portal/urls.py``, so production never serves it.
"""

from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.http import require_GET


@require_GET
def trivial(request):
    """The cheapest Django response: the full middleware stack, no database, no template."""
    return HttpResponse(b"ok\n", content_type="text/plain")


urlpatterns = [
    path("bench/trivial/", trivial, name="bench_trivial"),
    path("", include("portal.urls")),
]
