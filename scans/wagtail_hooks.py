"""Scan codes in the admin: a product's own code is made automatically; batches and items by hand,
by editors for every product and by a producer account for its own products (the owner-scoped
admin of ``accounts.owned``; ``ScansConfig.ready`` declares the code owner-scoped)."""

from django import forms
from django.urls import path, reverse
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet

from accounts.owned import admin as owned
from accounts.owned import policy_for
from accounts.owned.forms import OwnerScopedModelForm
from core.choosers import SnippetViewSet

from . import extensions  # noqa: F401  (what scans add to the catalogue's pages, roles, dashboard, periodic work)
from .models import CodeKind, NfcTag, ScanCode

PRINT_LABELS = "In tem nhãn"


def label_sheet_url(code: ScanCode) -> str:
    return reverse("scan_labels", args=[code.code])


def label_sheet_column() -> TitleColumn:
    return TitleColumn(
        "label_sheet",
        label="Tem nhãn",
        accessor=lambda code: "—" if code.retired_at else PRINT_LABELS,
        get_url=lambda code: None if code.retired_at else label_sheet_url(code),
    )


class ScanCodeForm(OwnerScopedModelForm):
    """For a producer account: a plain list of its own products, and no product codes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.producer_id is None:
            return
        from catalogue.models import ProductPage

        product = self.fields["product"]
        # A few products at most: a select is simpler than the page chooser, and offers nothing else.
        own_products = ProductPage.objects.filter(producer_id=self.producer_id).order_by("title")
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


class Saved(owned.Worded):
    """After adding or editing a code, the next step is usually to print its labels."""

    def get_success_buttons(self):
        return [*super().get_success_buttons(), messages.button(label_sheet_url(self.object), PRINT_LABELS)]


class CreateView(Saved, owned.CreateView):
    success_message = "Đã thêm mã quét %(object)s."
    error_message = "Chưa thêm được mã quét: hãy sửa các lỗi bên dưới."


class CopyView(Saved, owned.CopyView):
    pass


class EditView(Saved, owned.EditView):
    success_message = "Đã lưu mã quét %(object)s."
    error_message = "Chưa lưu được mã quét: hãy sửa các lỗi bên dưới."

    @cached_property
    def header_more_buttons(self):
        return [
            Button(PRINT_LABELS, url=label_sheet_url(self.object), icon_name="doc-full", priority=5),
            *super().header_more_buttons,
        ]


class DeleteView(owned.DeleteView):
    success_message = "Đã xoá mã quét %(object)s."


class ScanCodeViewSet(owned.OwnerScopedSnippetViewSet):
    model = ScanCode
    icon = "code"
    menu_label = "Mã quét QR/NFC"
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["code", "product", "kind", "lot", "serial", "retired_at", label_sheet_column()]
    list_filter = ["kind"]
    search_fields = ["code", "lot", "serial"]
    panels = [
        FieldPanel("product"),
        FieldPanel("kind"),
        FieldPanel("lot"),
        FieldPanel("serial"),
        FieldPanel("note"),
        FieldPanel("retired_at"),
    ]
    form_class_base = ScanCodeForm
    add_view_class = CreateView
    copy_view_class = CopyView
    edit_view_class = EditView
    delete_view_class = DeleteView

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("product")


register_snippet(ScanCodeViewSet)


class NfcTagViewSet(SnippetViewSet):
    model = NfcTag
    icon = "lock"
    menu_label = "Thẻ NFC"
    add_to_admin_menu = False
    list_display = ["uid", "code", "last_counter", "created_at"]
    search_fields = ["uid"]
    panels = [FieldPanel("uid"), FieldPanel("code")]


register_snippet(NfcTagViewSet)


@hooks.register("register_admin_urls")
def register_label_urls():
    from .analytics import analytics
    from .labels import label_sheet

    return [
        path("scans/labels/<str:code>/", label_sheet, name="scan_labels"),
        path("scans/analytics/", analytics, name="scan_analytics"),
    ]


class AnalyticsMenuItem(MenuItem):
    def is_shown(self, request):
        # Whoever may see codes sees their figures: a producer its own, editors everyone's.
        return policy_for(ScanCode).user_has_permission(request.user, "view")


@hooks.register("register_admin_menu_item")
def register_analytics_menu_item():
    return AnalyticsMenuItem("Lượt quét mã", reverse("scan_analytics"), icon_name="view", order=270)
