"""Editors manage scan codes (a product's own code is made automatically; batches and items by hand)."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import NfcTag, ScanCode


class ScanCodeViewSet(SnippetViewSet):
    model = ScanCode
    icon = "code"
    menu_label = "Mã quét QR/NFC"
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["code", "product", "kind", "lot", "serial", "retired_at"]
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
        from portal.accounts.models import producer_id_for

        user = request.user
        return producer_id_for(user) is not None or user.is_superuser or user.has_perm("scans.view_scancode")


@hooks.register("register_admin_menu_item")
def register_analytics_menu_item():
    from django.urls import reverse

    return AnalyticsMenuItem("Lượt quét mã", reverse("scan_analytics"), icon_name="view", order=270)
