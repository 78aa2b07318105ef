"""The snippet admin of an owner-scoped model: every view, the chooser and bulk delete answer
with the user's own items only.

Wagtail's generic views check model permissions; these add the per-item answer of the model's
``OwnerScopedPermissionPolicy`` wherever an item is listed, opened by URL, chosen or bulk-deleted.
An app subclasses ``OwnerScopedSnippetViewSet`` (panels, list columns, its own form and views).
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404
from django.shortcuts import get_list_or_404
from django.utils.functional import cached_property
from wagtail.admin.panels import ObjectList
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views import chooser, snippets

from core.choosers import SnippetChooserViewSet

from .forms import OwnerScopedModelForm
from .policy import policy_for, reachable
from .registry import owner_scope

# --- the views --------------------------------------------------------------------------------------


class InReach:
    """Opening an item by URL: 404 if the user may not see it at all (another producer's, or the
    editors'), 403 if it may see it but not do this (a producer deleting)."""

    instance_action = "view"

    def get_object(self, *args, **kwargs):
        # Looked up among the user's own before Wagtail looks it up among all of them.
        pk = unquote(str(self.kwargs[self.pk_url_kwarg]))
        if not reachable(self.model, self.request.user).filter(pk=pk).exists():
            raise Http404
        item = super().get_object(*args, **kwargs)
        if not policy_for(self.model).user_has_permission_for_instance(self.request.user, self.instance_action, item):
            raise PermissionDenied
        return item


class Worded:
    """Wagtail's snippet views have no Vietnamese for these messages yet."""

    def get_success_message(self, instance=None):
        return self.success_message % {"object": instance or self.object}


class IndexView(snippets.IndexView):
    @cached_property
    def _answers(self) -> dict:
        return {}  # a row asks for its edit link more than once

    def _may(self, action: str, item) -> bool:
        if (action, item.pk) not in self._answers:
            policy = policy_for(self.model)
            self._answers[action, item.pk] = policy.user_has_permission_for_instance(self.request.user, action, item)
        return self._answers[action, item.pk]

    # Wagtail asks the model permission only; a producer may see an item it may not edit.
    def get_edit_url(self, instance):
        if self._may("change", instance):
            return super().get_edit_url(instance)

    def get_delete_url(self, instance):
        if self._may("delete", instance):
            return super().get_delete_url(instance)


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


# --- the chooser (forms of other snippets and pages choose items with it) ---------------------------


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


class OwnerScopedChooserViewSet(SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView


# --- bulk delete: the selection, even "all", is the user's own only ---------------------------------


class OwnerScopedDeleteBulkAction(DeleteBulkAction):
    models = []  # one subclass per model, made by ``register_owner_scoped``

    def get_queryset(self, model, object_ids):
        return get_list_or_404(reachable(model, self.request.user), pk__in=object_ids)

    def get_all_objects_in_listing_query(self, parent_id):
        return reachable(self.model, self.request.user).values_list("pk", flat=True)


def delete_bulk_action_for(model) -> type[OwnerScopedDeleteBulkAction]:
    return type(f"{model.__name__}DeleteBulkAction", (OwnerScopedDeleteBulkAction,), {"models": [model]})


# --- the viewset ------------------------------------------------------------------------------------


class OwnerScopedSnippetViewSet(snippets.SnippetViewSet):
    """The snippet admin of a model declared with ``register_owner_scoped``. Panels come from the
    viewset's or the model's ``panels``; ``form_class_base`` is the form they build on."""

    form_class_base = OwnerScopedModelForm
    index_view_class = IndexView
    add_view_class = CreateView
    copy_view_class = CopyView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    usage_view_class = UsageView
    inspect_view_class = InspectView
    chooser_viewset_class = OwnerScopedChooserViewSet

    def on_register(self):
        if owner_scope(self.model) is None:
            raise ImproperlyConfigured(
                f"{self.model.__name__} is not owner-scoped: call register_owner_scoped in its AppConfig.ready."
            )
        super().on_register()

    def get_edit_handler(self):
        panels = self.panels if hasattr(self, "panels") else self.model.panels
        return ObjectList(panels, base_form_class=self.form_class_base).bind_to_model(self.model)

    def get_queryset(self, request):
        return reachable(self.model, request.user)
