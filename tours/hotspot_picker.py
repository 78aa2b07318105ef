"""Placing hotspots, and a panorama's opening view, by looking at the panorama in the admin.

- Each hotspot of a tour's scene gets a button "Chọn vị trí trên ảnh 360°" beside its yaw and
  pitch: it opens a live Photo Sphere Viewer of the scene's panorama (whatever the scene's chooser
  holds now, saved or not) with the scene's other hotspots drawn in; a click in the picture fills
  in yaw and pitch. Wagtail draws StreamField forms in the browser, so the button is added by the
  hotspot block's own client-side definition (``HotspotBlockAdapter`` → ``tours/admin/hotspot-picker.js``),
  for hotspots on the page at load and those added later alike.
- The Panorama form gets "Chọn góc nhìn trên ảnh 360°", which sets the initial yaw, pitch and
  zoom from the view the editor turns to (``insert_editor_js`` → ``tours/admin/panorama-view-picker.js``).

Both load the viewer (``frontend/hotspot-picker.js``, bundled into ``static/dist``) only when the
button is pressed, and ask the two JSON views below for the picture: a producer account gets
only its own panoramas and images (404 otherwise), like everywhere else in the admin.
"""

import json

from django import forms
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail import hooks
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.telepath import register
from wagtail.blocks.struct_block import StructBlockAdapter
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

from accounts.models import producer_id_for
from accounts.owned import reachable
from accounts.owned.forms import stream_choice_ids

from .blocks import HotspotBlock
from .models import Panorama, Tour

PANORAMA_PREVIEW = "tours_panorama_preview"
IMAGE_PREVIEW = "tours_image_preview"
HOTSPOT_SCRIPT = "tours/admin/hotspot-picker.js"
PANORAMA_VIEW_SCRIPT = "tours/admin/panorama-view-picker.js"


# --- the pictures, as JSON ---------------------------------------------------------------------------


def previewable_panoramas(user):
    """The panoramas the user may see, and those shown in its own tours (an editor may have put one
    of the editors' there: the tour form lets a producer keep it, so it may aim at it too)."""
    own = reachable(Panorama, user)
    if producer_id_for(user) is None:
        return own
    shown = {pk for tour in reachable(Tour, user) for pk in stream_choice_ids(tour.scenes, Panorama)}
    return Panorama.objects.filter(Q(pk__in=own.values("pk")) | Q(pk__in=shown))


@require_GET
@never_cache
def panorama_preview(request, pk):
    """A panorama the user may see, as the public viewer gets it (``Panorama.as_json``)."""
    panorama = get_object_or_404(previewable_panoramas(request.user).select_related("image"), pk=pk)
    return JsonResponse(panorama.as_json())


def choosable_images(user):
    """Images the user may choose for a panorama, and those its own panoramas already show."""
    images = policy_registry.get_by_type(get_image_model())
    choosable = images.instances_user_has_any_permission_for(user, ["choose"])
    shown = reachable(Panorama, user).values("image_id")
    return get_image_model().objects.filter(Q(pk__in=choosable.values("pk")) | Q(pk__in=shown))


@require_GET
@never_cache
def image_preview(request, pk):
    """An image chosen on the Panorama form (perhaps not saved yet), at the viewer's sizes."""
    image = get_object_or_404(choosable_images(request.user), pk=pk)
    return JsonResponse({"id": image.pk, "title": image.title, "sources": Panorama(image=image).viewer_sources()})


@hooks.register("register_admin_urls")
def register_preview_urls():
    # Under the admin's URLs, so Wagtail's own check applies first: no admin access, no answer.
    return [
        path("tours/panorama/<int:pk>/preview.json", panorama_preview, name=PANORAMA_PREVIEW),
        path("tours/image/<int:pk>/preview.json", image_preview, name=IMAGE_PREVIEW),
    ]


def picker_config() -> dict:
    """What the scripts need: where the viewer is and where to ask for a picture (``{pk}``)."""
    return {
        "viewerJs": static("dist/hotspot-picker.js"),
        "viewerCss": static("dist/hotspot-picker.css"),
        "panoramaUrl": reverse(PANORAMA_PREVIEW, args=[0]).replace("/0/", "/{pk}/"),
        "imageUrl": reverse(IMAGE_PREVIEW, args=[0]).replace("/0/", "/{pk}/"),
    }


# --- the hotspot form: the block's client-side definition adds the button ----------------------------


class HotspotBlockAdapter(StructBlockAdapter):
    js_constructor = "tours.blocks.HotspotBlock"

    def js_args(self, block):
        name, children, meta = super().js_args(block)
        return [name, children, {**meta, "hotspotPicker": picker_config()}]

    @cached_property
    def media(self):
        media = super().media
        return forms.Media(js=[*media._js, versioned_static(HOTSPOT_SCRIPT)], css=media._css)


register(HotspotBlockAdapter(), HotspotBlock)


# --- the Panorama form: its opening view --------------------------------------------------------------


@hooks.register("insert_editor_js")
def panorama_view_picker_js():
    # On every admin form; the script does nothing where there is no panorama's initial view.
    return format_html(
        '<script src="{}" data-picker-config="{}" defer></script>',
        versioned_static(PANORAMA_VIEW_SCRIPT),
        json.dumps(picker_config()),
    )
