"""Panoramas, tours and 3D models in the admin: editors manage every one; a producer account adds and edits
its own (see ``owner_admin`` and ``permissions``)."""

from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import (
    extensions,  # noqa: F401  (what tours add to the catalogue's pages and roles)
    owner_admin,
)
from .hotspot_picker import register_preview_urls  # noqa: F401  (the 360° pickers: views, scripts)
from .models import Model3D, Panorama, Tour
from .permissions import reachable


class ProducerOwnedViewSet(SnippetViewSet):
    """Every view, the chooser and the listing answer with the user's own items only."""

    form_class_base = owner_admin.ProducerOwnedForm
    add_view_class = owner_admin.CreateView
    copy_view_class = owner_admin.CopyView
    edit_view_class = owner_admin.EditView
    delete_view_class = owner_admin.DeleteView
    history_view_class = owner_admin.HistoryView
    usage_view_class = owner_admin.UsageView
    inspect_view_class = owner_admin.InspectView
    chooser_viewset_class = owner_admin.OwnedChooserViewSet

    def get_edit_handler(self):
        return ObjectList(self.model.panels, base_form_class=self.form_class_base).bind_to_model(self.model)

    def get_queryset(self, request):
        return reachable(self.model, request.user)


class PanoramaViewSet(ProducerOwnedViewSet):
    model = Panorama
    form_class_base = owner_admin.PanoramaForm
    icon = "globe"
    menu_label = "Ảnh 360°"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["title", "caption", "created_at"]
    search_fields = ["title", "caption"]


register_snippet(PanoramaViewSet)


class TourViewSet(ProducerOwnedViewSet):
    model = Tour
    form_class_base = owner_admin.TourForm
    icon = "site"
    menu_label = "Tham quan ảo"
    add_to_admin_menu = True
    menu_order = 251
    list_display = ["title", "created_at"]
    search_fields = ["title"]


register_snippet(TourViewSet)


class Model3DViewSet(ProducerOwnedViewSet):
    model = Model3D
    form_class_base = owner_admin.Model3DForm
    icon = "rotate"
    menu_label = "Mô hình 3D"
    add_to_admin_menu = True
    menu_order = 252
    list_display = ["title", "alt", "created_at"]
    search_fields = ["title", "alt"]


register_snippet(Model3DViewSet)

# After Wagtail's own snippet delete action (order 0), so that this one replaces it for these models.
hooks.register("register_bulk_action", owner_admin.OwnedDeleteBulkAction, order=1)
