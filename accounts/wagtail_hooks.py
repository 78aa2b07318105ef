"""Admin wiring: editors link accounts to producers; choosers show a producer only its own pages."""

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet

from core.choosers import SnippetViewSet
from core.extension_points import PRODUCER_DASHBOARD

from .models import ProducerAccount, producer_id_for
from .permissions import visible_page_ids
from .roles import link_producer_account


class ProducerAccountForm(WagtailAdminModelForm):
    def save(self, commit=True):
        account = super().save(commit=False)
        if commit:
            # The link comes with the rights: the producer's collection and group.
            account = link_producer_account(account.user, account.producer)
        return account


class ProducerAccountViewSet(SnippetViewSet):
    model = ProducerAccount
    icon = "user"
    menu_label = "Tài khoản chủ thể"
    list_display = ["user", "producer", "created_at"]
    edit_handler = ObjectList([FieldPanel("user"), FieldPanel("producer")], base_form_class=ProducerAccountForm)


register_snippet(ProducerAccountViewSet)


@hooks.register("construct_page_chooser_queryset")
def show_producers_only_their_pages(pages, request):
    producer_id = producer_id_for(request.user)
    if producer_id is None:
        return pages
    return pages.filter(pk__in=visible_page_ids(producer_id))


class ProducerDashboardPanel(Component):
    """A producer account's home in the admin: its page, then what each app adds (``ocop_producer_dashboard``:
    its stories and where each stands, its products with their labels and scans)."""

    name = "producer_pages"
    template_name = "accounts/producer_dashboard_panel.html"
    order = 50

    def __init__(self, producer, request):
        self.producer = producer
        self.request = request

    def get_context_data(self, parent_context=None):
        sections = [
            section
            for contribute in hooks.get_hooks(PRODUCER_DASHBOARD)
            for section in contribute(self.producer, self.request) or ()
        ]
        return {"producer": self.producer, "sections": sorted(sections, key=lambda section: section.order)}


@hooks.register("construct_homepage_panels")
def add_producer_panel(request, panels):
    account = ProducerAccount.objects.filter(user_id=request.user.pk).select_related("producer").first()
    if account is not None and not request.user.is_superuser:
        panels.insert(0, ProducerDashboardPanel(account.producer, request))


@hooks.register("construct_reports_menu")
def hide_reports_from_producers(request, menu_items):
    if producer_id_for(request.user) is not None:
        menu_items.clear()


@hooks.register("construct_admin_api", order=100)  # after Wagtail's own images and documents endpoints
def scope_media_in_admin_api(router):
    from .media import ScopedDocumentsAdminAPIViewSet, ScopedImagesAdminAPIViewSet

    router.register_endpoint("images", ScopedImagesAdminAPIViewSet)
    router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)
