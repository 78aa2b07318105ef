"""Webhooks in the admin: the subscriptions (editors only) and a dashboard notice of any switched off."""

from wagtail import hooks
from wagtail.admin.ui.components import Component

from . import extensions  # noqa: F401  (health check, periodic step, editors' rights)
from .models import Subscription
from .views import subscription_viewset


@hooks.register("register_admin_viewset")
def register_subscription_viewset():
    return subscription_viewset


class DisabledWebhooksPanel(Component):
    """On the dashboard of those who manage subscriptions: any switched off after a day of failures."""

    name = "disabled_webhooks"
    template_name = "webhooks/admin/disabled_panel.html"
    order = 50

    def __init__(self, subscriptions):
        self.subscriptions = subscriptions

    def get_context_data(self, parent_context=None):
        return {"subscriptions": self.subscriptions}


@hooks.register("construct_homepage_panels")
def add_disabled_webhooks_panel(request, panels):
    if not request.user.has_perm("webhooks.change_subscription"):
        return
    disabled = list(Subscription.objects.filter(active=False, disabled_at__isnull=False).order_by("-disabled_at")[:10])
    if disabled:
        panels.append(DisabledWebhooksPanel(disabled))
