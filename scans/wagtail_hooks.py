"""Scan codes in the admin: a product's own code is made automatically; batches and items by hand,
by editors for every product and by a producer account for its own (see ``code_admin``)."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import (
    code_admin,
    extensions,  # noqa: F401  (what scans add to the catalogue's pages, roles, dashboard, periodic work)
)
from .models import NfcTag, ScanCode
from .permissions import scan_code_policy


class ScanCodeViewSet(SnippetViewSet):
    model = ScanCode
    icon = "code"
    menu_label = "Mã quét QR/NFC"
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["code", "product", "kind", "lot", "serial", "retired_at", code_admin.label_sheet_column()]
    list_filter = ["kind"]
    search_fields = ["code", "lot", "serial"]
    edit_handler = ObjectList(
        [
            FieldPanel("product"),
            FieldPanel("kind"),
            FieldPanel("lot"),
            FieldPanel("serial"),
            FieldPanel("note"),
            FieldPanel("retired_at"),
        ],
        base_form_class=code_admin.ScanCodeForm,
    )
    index_view_class = code_admin.IndexView
    add_view_class = code_admin.CreateView
    copy_view_class = code_admin.CopyView
    edit_view_class = code_admin.EditView
    delete_view_class = code_admin.DeleteView
    history_view_class = code_admin.HistoryView
    usage_view_class = code_admin.UsageView
    inspect_view_class = code_admin.InspectView
    chooser_viewset_class = code_admin.ScanCodeChooserViewSet

    def get_queryset(self, request):
        return code_admin.reachable_codes(request.user).select_related("product")


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

# After Wagtail's own snippet delete action (order 0), so that this one replaces it for codes.
hooks.register("register_bulk_action", code_admin.ScanCodeDeleteBulkAction, order=1)


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
        return scan_code_policy().user_has_permission(request.user, "view")


@hooks.register("register_admin_menu_item")
def register_analytics_menu_item():
    from django.urls import reverse

    return AnalyticsMenuItem("Lượt quét mã", reverse("scan_analytics"), icon_name="view", order=270)
