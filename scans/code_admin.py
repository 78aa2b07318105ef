"""The scan code admin's pieces: a producer account works on its own products' codes only.

Wagtail's generic views check model permissions; these add the per-code answer of
``scans.permissions.ScanCodePermissionPolicy`` wherever a code is listed, opened by
URL, chosen or bulk-deleted, and limit the form to the account's own products.
"""

from django import forms
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_list_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.widgets.button import Button
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views import chooser, snippets

from accounts.models import producer_id_for

from .models import CodeKind, ScanCode
from .permissions import scan_code_policy

PRINT_LABELS = "In tem nhãn"


def label_sheet_url(code: ScanCode) -> str:
    return reverse("scan_labels", args=[code.code])


def reachable_codes(user):
    """Every code this user may at least see."""
    return scan_code_policy().instances_user_has_any_permission_for(user, ["view", "change", "delete"])


# --- the form ---------------------------------------------------------------------------------------


class ScanCodeForm(WagtailAdminModelForm):
    """For a producer account: a plain list of its own products, and no product codes."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        producer_id = producer_id_for(for_user)
        if producer_id is None:
            return
        from catalogue.models import ProductPage

        product = self.fields["product"]
        # A few products at most: a select is simpler than the page chooser, and offers nothing else.
        own_products = ProductPage.objects.filter(producer_id=producer_id).order_by("title")
        product.widget = forms.Select()
        product.queryset = own_products
        if self.instance.pk is None and own_products.count() == 1:
            self.initial["product"] = own_products.get().pk
        product.error_messages["invalid_choice"] = "Bạn chỉ có thể chọn sản phẩm của chủ thể mình."
        product.help_text = "Sản phẩm của chủ thể bạn."

        kind = self.fields["kind"]
        kind.choices = [choice for choice in CodeKind.choices if choice[0] != CodeKind.PRODUCT]
        kind.error_messages["invalid_choice"] = (
            "Mã của sản phẩm được tạo tự động; hãy chọn mã lô hàng hoặc mã từng sản phẩm."
        )
        if self.instance.pk is None:
            self.initial["kind"] = CodeKind.BATCH


# --- the views --------------------------------------------------------------------------------------


class CodeInReach:
    """Opening a code by URL: 404 if the user may not see it at all (another producer's),
    403 if it may see it but not do this (a producer deleting, or editing a product code)."""

    instance_action = "view"

    def get_object(self, *args, **kwargs):
        # Looked up among the user's codes before Wagtail looks it up among all of them.
        pk = unquote(str(self.kwargs[self.pk_url_kwarg]))
        if not reachable_codes(self.request.user).filter(pk=pk).exists():
            raise Http404
        code = super().get_object(*args, **kwargs)
        if not scan_code_policy().user_has_permission_for_instance(self.request.user, self.instance_action, code):
            raise PermissionDenied
        return code


class Saved:
    """After adding or editing a code, the next step is usually to print its labels."""

    def get_success_message(self, instance=None):
        # Wagtail's snippet views word this themselves, and have no Vietnamese for it yet.
        return self.success_message % {"object": instance or self.object}

    def get_success_buttons(self):
        return [*super().get_success_buttons(), messages.button(label_sheet_url(self.object), PRINT_LABELS)]


class IndexView(snippets.IndexView):
    @cached_property
    def _answers(self) -> dict:
        return {}  # a row asks for its edit link more than once

    def _may(self, action: str, code: ScanCode) -> bool:
        if (action, code.pk) not in self._answers:
            self._answers[action, code.pk] = scan_code_policy().user_has_permission_for_instance(
                self.request.user, action, code
            )
        return self._answers[action, code.pk]

    # Wagtail asks the model permission only; a producer may see a product code but not edit it.
    def get_edit_url(self, instance):
        if self._may("change", instance):
            return super().get_edit_url(instance)

    def get_delete_url(self, instance):
        if self._may("delete", instance):
            return super().get_delete_url(instance)


class CreateView(Saved, snippets.CreateView):
    success_message = "Đã thêm mã quét %(object)s."
    error_message = "Chưa thêm được mã quét: hãy sửa các lỗi bên dưới."


class CopyView(CodeInReach, Saved, snippets.CopyView):
    pass


class EditView(CodeInReach, Saved, snippets.EditView):
    instance_action = "change"
    success_message = "Đã lưu mã quét %(object)s."
    error_message = "Chưa lưu được mã quét: hãy sửa các lỗi bên dưới."

    @cached_property
    def header_more_buttons(self):
        return [
            Button(PRINT_LABELS, url=label_sheet_url(self.object), icon_name="doc-full", priority=5),
            *super().header_more_buttons,
        ]


class DeleteView(CodeInReach, snippets.DeleteView):
    instance_action = "delete"
    success_message = "Đã xoá mã quét %(object)s."


class HistoryView(CodeInReach, snippets.HistoryView):
    pass


class UsageView(CodeInReach, snippets.UsageView):
    pass


class InspectView(CodeInReach, snippets.InspectView):
    pass


def label_sheet_column() -> TitleColumn:
    return TitleColumn(
        "label_sheet",
        label="Tem nhãn",
        accessor=lambda code: "—" if code.retired_at else PRINT_LABELS,
        get_url=lambda code: None if code.retired_at else label_sheet_url(code),
    )


# --- the chooser (other snippets' forms choose codes with it) ----------------------------------------


class InReachChooser:
    def get_object_list(self):
        return super().get_object_list().filter(pk__in=reachable_codes(self.request.user).values("pk"))


class ChooseView(InReachChooser, chooser.ChooseView):
    pass


class ChooseResultsView(InReachChooser, chooser.ChooseResultsView):
    pass


class ChosenView(chooser.SnippetChosenView):
    def get_object(self, pk):
        return reachable_codes(self.request.user).get(pk=pk)


class ChosenMultipleView(chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return reachable_codes(self.request.user).filter(pk__in=pks)


class ScanCodeChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView


# --- bulk delete: the selection, even "all", is the user's codes only ------------------------------


class ScanCodeDeleteBulkAction(DeleteBulkAction):
    models = [ScanCode]

    def get_queryset(self, model, object_ids):
        return get_list_or_404(reachable_codes(self.request.user), pk__in=object_ids)

    def get_all_objects_in_listing_query(self, parent_id):
        return reachable_codes(self.request.user).values_list("pk", flat=True)
