"""Panoramas, tours and 3D models in the admin: editors manage every one; a producer account adds and edits
its own (the owner-scoped admin of ``accounts.owned``; ``ToursConfig.ready`` declares them owner-scoped).
A tour's scenes choose panoramas, and pages choose tours and 3D models, among the user's own only."""

from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet

from accounts.owned.admin import OwnerScopedSnippetViewSet
from accounts.owned.forms import OwnerScopedModelForm

from . import extensions  # noqa: F401  (what tours add to the catalogue's pages and roles)
from .hotspot_picker import register_preview_urls  # noqa: F401  (the 360° pickers: views, scripts)
from .models import Model3D, Panorama, Tour
from .validation import model3d_max_bytes

NOT_YOUR_IMAGE = "Bạn chỉ có thể chọn ảnh trong thư mục ảnh của chủ thể mình."


class PanoramaForm(OwnerScopedModelForm):
    """The image is one the account may choose (its own collection, for a producer account)."""

    image_field = "image"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        image = self.fields.get(self.image_field)
        if image is None:
            return
        if self.for_user is None:
            return
        from wagtail.images import get_image_model

        images = policy_registry.get_by_type(get_image_model())
        choosable = images.instances_user_has_any_permission_for(self.for_user, ["choose"])
        current = getattr(self.instance, f"{self.image_field}_id")
        if current is not None:  # kept as it is, even if chosen by an editor
            choosable = choosable | image.queryset.filter(pk=current)
        image.queryset = image.queryset.filter(pk__in=choosable.values("pk"))
        image.error_messages["invalid_choice"] = NOT_YOUR_IMAGE


class Model3DForm(PanoramaForm):
    """A 3D model: its poster is an image the account may choose, like a panorama's picture;
    the file itself is checked by ``Model3D.clean`` (content, size) before anything is saved."""

    image_field = "poster"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        file = self.fields.get("file")
        if file is not None:
            limit = model3d_max_bytes() / (1024 * 1024)
            file.help_text = f"{file.help_text} Tối đa {limit:.0f} MB."
            file.widget.attrs.setdefault("accept", ".glb,.gltf,model/gltf-binary,model/gltf+json")


class PanoramaViewSet(OwnerScopedSnippetViewSet):
    model = Panorama
    form_class_base = PanoramaForm
    icon = "globe"
    menu_label = "Ảnh 360°"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["title", "caption", "created_at"]
    search_fields = ["title", "caption"]


register_snippet(PanoramaViewSet)


class TourViewSet(OwnerScopedSnippetViewSet):
    model = Tour
    icon = "site"
    menu_label = "Tham quan ảo"
    add_to_admin_menu = True
    menu_order = 251
    list_display = ["title", "created_at"]
    search_fields = ["title"]


register_snippet(TourViewSet)


class Model3DViewSet(OwnerScopedSnippetViewSet):
    model = Model3D
    form_class_base = Model3DForm
    icon = "rotate"
    menu_label = "Mô hình 3D"
    add_to_admin_menu = True
    menu_order = 252
    list_display = ["title", "alt", "created_at"]
    search_fields = ["title", "alt"]


register_snippet(Model3DViewSet)
