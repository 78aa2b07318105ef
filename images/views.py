"""Renditions made on demand: ``/anh/<signature>/<image id>/<filter spec>/<file name>``.

When a page has spent its rendition budget (``images.budget``) it links the rest of its images
here, and each is made in its own small request, then redirected to the rendition's file, so
browsers and CDNs cache the file where it lives; the redirect itself may be cached for an hour.

This is Wagtail's dynamic serve view (``ServeView``, ``action="redirect"``) with the budget
lifted. What it serves is bounded by the signature: an HMAC of the image id and the filter spec
under ``SECRET_KEY``, so only this server can make such a URL, and it makes them only for the
images and sizes of pages it rendered to someone allowed to see them. Guessing another image id
or asking for another size (a huge ``width-10000`` to keep a worker busy) fails the signature:
403. An unknown image is a 404, a stored file that is missing or cannot be decoded a 410, a
filter spec Wagtail cannot parse a 400 — never a 500.
"""

from django.urls import reverse
from wagtail.images.utils import generate_signature
from wagtail.images.views.serve import ServeView

from . import budget

VIEW_NAME = "images_on_demand"


def on_demand_url(image, filter_spec: str) -> str:
    signature = generate_signature(image.pk, filter_spec)
    # The file name only tells a person what the image is; the view ignores it.
    return reverse(VIEW_NAME, args=(signature, image.pk, filter_spec, image.filename))


class OnDemandRenditionView(ServeView):
    action = "redirect"

    def get(self, request, *args, **kwargs):
        with budget.unbounded():  # making the rendition is this request's whole job
            return super().get(request, *args, **kwargs)


on_demand = OnDemandRenditionView.as_view()
