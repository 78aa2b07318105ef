"""The panorama and tour admin's pieces: a producer account works on its own only.

Mirrors ``scans.code_admin``: Wagtail's generic views check model permissions; these add the
per-item answer of ``tours.permissions.ProducerOwnedPermissionPolicy`` wherever a panorama or
tour is listed, opened by URL, chosen or bulk-deleted, and limit the forms to what the
account may use: its own images, its own panoramas, its own tours.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_list_or_404
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.permissions import policy_registry
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views import chooser, snippets

from accounts.models import producer_id_for

from .models import Model3D, Panorama, Tour
from .permissions import reachable
from .validation import model3d_max_bytes

NOT_YOUR_IMAGE = "Bạn chỉ có thể chọn ảnh trong thư mục ảnh của chủ thể mình."
NOT_YOUR_PANORAMA = "Bạn chỉ có thể chọn ảnh 360° của chủ thể mình."
NOT_YOUR_TOUR = "Bạn chỉ có thể chọn chuyến tham quan ảo của chủ thể mình."
NOT_YOUR_MODEL3D = "Bạn chỉ có thể chọn mô hình 3D của chủ thể mình."


# --- the forms ---------------------------------------------------------------------------------------


class ProducerOwnedForm(WagtailAdminModelForm):
    """For a producer account the owner is its own producer: set, not offered."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.producer_id = producer_id_for(for_user)
        if self.producer_id is None:
            return
        self.fields.pop("producer", None)
        if self.instance.pk is None:
            self.instance.producer_id = self.producer_id


class PanoramaForm(ProducerOwnedForm):
    """The image is one the account may choose (its own collection, for a producer account)."""

    image_field = "image"

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        image = self.fields.get(self.image_field)
        if image is None or for_user is None:
            return
        from wagtail.images import get_image_model

        images = policy_registry.get_by_type(get_image_model())
        choosable = images.instances_user_has_any_permission_for(for_user, ["choose"])
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


class TourForm(ProducerOwnedForm):
    """Every scene's panorama is one the account may see: the chooser offers no other, and a
    posted id of another producer's panorama is refused here."""

    def clean(self):
        cleaned_data = super().clean()
        scenes = cleaned_data.get("scenes")
        if self.producer_id is None or not scenes:
            return cleaned_data
        allowed = set(reachable(Panorama, self.for_user).values_list("pk", flat=True))
        if self.instance.pk is not None:  # what the tour already shows may stay
            stored = Tour.objects.filter(pk=self.instance.pk).first()
            allowed |= {pk for pk in _panorama_ids(stored.scenes)} if stored else set()
        errors = {}
        for index, child in enumerate(scenes):
            panorama = child.value.get("panorama")
            if panorama is not None and panorama.pk not in allowed:
                errors[index] = StructBlockValidationError({"panorama": ValidationError(NOT_YOUR_PANORAMA)})
        if errors:
            self.add_error("scenes", StreamBlockValidationError(block_errors=errors))
        return cleaned_data


def _panorama_ids(scenes):
    # The raw JSON, so that a panorama deleted since is simply not there.
    for child in scenes.raw_data:
        if child.get("type") == "scene" and child.get("value", {}).get("panorama"):
            yield child["value"]["panorama"]


class TourChoicePageForm(WagtailAdminPageForm):
    """Product and producer pages: a producer account shows only its own producer's tours (and,
    on a product page, 3D models)."""

    owned_choices = {"tour": NOT_YOUR_TOUR, "model3d": NOT_YOUR_MODEL3D}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        producer_id = producer_id_for(self.for_user)
        if producer_id is None:
            return
        for name, refusal in self.owned_choices.items():
            field = self.fields.get(name)
            if field is None:
                continue
            own = field.queryset.filter(producer_id=producer_id)
            current = getattr(self.instance, f"{name}_id", None)
            if self.instance.pk is not None and current is not None:
                # What the page already shows (an editor may have chosen it) may stay.
                own = own | field.queryset.filter(pk=current)
            field.queryset = own
            field.error_messages["invalid_choice"] = refusal


# --- the views --------------------------------------------------------------------------------------


class InReach:
    """Opening a panorama or tour by URL: 404 if the user may not see it at all (another
    producer's, or the editors'), 403 if it may see it but not do this (a producer deleting)."""

    instance_action = "view"

    def get_object(self, *args, **kwargs):
        # Looked up among the user's own before Wagtail looks it up among all of them.
        pk = unquote(str(self.kwargs[self.pk_url_kwarg]))
        if not reachable(self.model, self.request.user).filter(pk=pk).exists():
            raise Http404
        item = super().get_object(*args, **kwargs)
        policy = policy_registry.get_by_type(self.model)
        if not policy.user_has_permission_for_instance(self.request.user, self.instance_action, item):
            raise PermissionDenied
        return item


class Worded:
    """Wagtail's snippet views have no Vietnamese for these messages yet."""

    def get_success_message(self, instance=None):
        return self.success_message % {"object": instance or self.object}


class CreateView(Worded, snippets.CreateView):
    success_message = "Đã thêm “%(object)s”."
    error_message = "Chưa thêm được: hãy sửa các lỗi bên dưới."


class CopyView(InReach, snippets.CopyView):
    pass


class EditView(InReach, Worded, snippets.EditView):
    instance_action = "change"
    success_message = "Đã lưu “%(object)s”."
    error_message = "Chưa lưu được: hãy sửa các lỗi bên dưới."


class DeleteView(InReach, snippets.DeleteView):
    instance_action = "delete"
    success_message = "Đã xoá “%(object)s”."


class HistoryView(InReach, snippets.HistoryView):
    pass


class UsageView(InReach, snippets.UsageView):
    pass


class InspectView(InReach, snippets.InspectView):
    pass


# --- the chooser (a tour's scenes choose panoramas; pages choose tours) ------------------------------


class InReachChooser:
    def get_object_list(self):
        return super().get_object_list().filter(pk__in=reachable(self.model_class, self.request.user).values("pk"))


class ChooseView(InReachChooser, chooser.ChooseView):
    pass


class ChooseResultsView(InReachChooser, chooser.ChooseResultsView):
    pass


class ChosenView(chooser.SnippetChosenView):
    def get_object(self, pk):
        return reachable(self.model_class, self.request.user).get(pk=pk)


class ChosenMultipleView(chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return reachable(self.model_class, self.request.user).filter(pk__in=pks)


class OwnedChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView


# --- bulk delete: the selection, even "all", is the user's own only ---------------------------------


class OwnedDeleteBulkAction(DeleteBulkAction):
    models = [Panorama, Tour, Model3D]

    def get_queryset(self, model, object_ids):
        return get_list_or_404(reachable(model, self.request.user), pk__in=object_ids)

    def get_all_objects_in_listing_query(self, parent_id):
        return reachable(self.model, self.request.user).values_list("pk", flat=True)
