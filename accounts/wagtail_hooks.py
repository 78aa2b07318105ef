"""Admin wiring: editors link accounts to producers; choosers show a producer only its own pages."""

import datetime

from django.db.models import Sum
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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


SCAN_DAYS = 7


class ProducerDashboardPanel(Component):
    """A producer account's home in the admin: its pages and where each story stands."""

    name = "producer_pages"
    template_name = "accounts/producer_dashboard_panel.html"
    order = 50

    def __init__(self, producer):
        self.producer = producer

    def get_context_data(self, parent_context=None):
        from catalogue.models import ProductPage
        from scans import counting
        from scans.models import ScanCode, ScanDay
        from stories.models import StoryIndexPage, StoryPage

        stories = list(StoryPage.objects.filter(producer=self.producer).order_by("-latest_revision_created_at"))
        products = list(ProductPage.objects.filter(producer=self.producer).order_by("title"))
        counting.flush()  # a scan made a minute ago shows at once, not after the next periodic flush
        since = timezone.localdate() - datetime.timedelta(days=SCAN_DAYS)
        scans = dict(
            ScanDay.objects.filter(code__product__producer=self.producer, day__gt=since)
            .values_list("code__product_id")
            .annotate(total=Sum("count"))
        )
        for product in products:
            product.label_code = ScanCode.for_product(product).code
            product.recent_scans = scans.get(product.pk, 0)
        for story in stories:
            story.review_status = review_status(story)
        return {
            "producer": self.producer,
            "products": products,
            "stories": stories,
            "stories_index": StoryIndexPage.objects.first(),
            "scan_days": SCAN_DAYS,
        }


def review_status(story) -> dict:
    """Where a story stands, in the producer's words, with the reviewer's comment when sent back."""
    state = story.current_workflow_state
    if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
        return {"code": "needs_changes", "label": "Cần sửa", "comment": state.current_task_state.comment}
    if state is not None:
        return {"code": "in_review", "label": "Đang chờ thẩm định", "comment": ""}
    if story.live and story.has_unpublished_changes:
        return {"code": "live_with_draft", "label": "Đã xác minh · có bản sửa chưa gửi", "comment": ""}
    if story.live:
        return {"code": "live", "label": "Đã xác minh, đang hiển thị", "comment": ""}
    return {"code": "draft", "label": "Bản nháp, chưa gửi", "comment": ""}


@hooks.register("construct_homepage_panels")
def add_producer_panel(request, panels):
    account = ProducerAccount.objects.filter(user_id=request.user.pk).select_related("producer").first()
    if account is not None and not request.user.is_superuser:
        panels.insert(0, ProducerDashboardPanel(account.producer))


@hooks.register("construct_reports_menu")
def hide_reports_from_producers(request, menu_items):
    if producer_id_for(request.user) is not None:
        menu_items.clear()
