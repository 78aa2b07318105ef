"""The editors' admin for subscriptions: list, add, edit, delete, and each one's delivery history.

Rights are Django model permissions on ``Subscription``, which only the editors' role is given
(``extensions.webhook_roles``); a producer account has none and sees nothing of it.
"""

from django import forms
from django.utils import formats, timezone
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from .addresses import RefusedAddress, check_receiver_url
from .event_types import EVENT_CHOICES
from .models import Subscription

HISTORY_ROWS = 50
# What an editor reads on a subscription's page (the viewset would otherwise show every field).
INSPECT_FIELDS = [
    "url",
    "description",
    "event_type_labels",
    "active",
    "secret",
    "created_at",
    "disabled_at",
    "disabled_reason",
]


class SubscriptionForm(WagtailAdminModelForm):
    event_types = forms.MultipleChoiceField(
        label="Loại sự kiện", choices=EVENT_CHOICES, widget=forms.CheckboxSelectMultiple
    )

    def clean_url(self):
        url = self.cleaned_data["url"]
        try:
            check_receiver_url(url)
        except RefusedAddress as refusal:
            raise forms.ValidationError(str(refusal)) from None
        return url

    def save(self, commit=True):
        subscription = super().save(commit=False)
        if subscription.active:  # switched back on by an editor: a fresh start
            subscription.failing_since = subscription.disabled_at = None
            subscription.disabled_reason = ""
        if commit:
            subscription.save()
        return subscription


class SubscriptionInspectView(InspectView):
    template_name = "webhooks/admin/subscription_inspect.html"
    fields = INSPECT_FIELDS

    def get_field_label(self, field_name, field):
        if field_name == "event_type_labels":
            return "Loại sự kiện"
        return super().get_field_label(field_name, field)

    # Read by an editor, not a developer: Vietnamese words and Vietnam's time, never Python's values.
    def get_event_type_labels_display_value(self):
        return self.object.event_type_labels

    def get_active_display_value(self):
        return "Có" if self.object.active else "Không (đã tắt)"

    def get_created_at_display_value(self):
        return formats.date_format(timezone.localtime(self.object.created_at), "d/m/Y H:i")

    def get_disabled_at_display_value(self):
        if self.object.disabled_at is None:
            return "—"
        return formats.date_format(timezone.localtime(self.object.disabled_at), "d/m/Y H:i")

    def get_disabled_reason_display_value(self):
        return self.object.disabled_reason or "—"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["deliveries"] = self.object.deliveries.select_related("event")[:HISTORY_ROWS]
        return context


class SubscriptionViewSet(ModelViewSet):
    model = Subscription
    name = "webhook_subscriptions"
    url_prefix = "webhooks"
    icon = "link"
    menu_label = "Webhook"
    add_to_settings_menu = True
    inspect_view_enabled = True
    inspect_view_class = SubscriptionInspectView
    inspect_view_fields = INSPECT_FIELDS
    list_display = [
        "url",
        "description",
        Column("event_type_labels", label="Loại sự kiện"),
        BooleanColumn("active", label="Đang hoạt động"),
        DateColumn("disabled_at", label="Tự động tắt"),
    ]
    list_filter = ["active"]
    edit_handler = ObjectList(
        [FieldPanel("url"), FieldPanel("description"), FieldPanel("event_types"), FieldPanel("active")],
        base_form_class=SubscriptionForm,
    )


subscription_viewset = SubscriptionViewSet()
