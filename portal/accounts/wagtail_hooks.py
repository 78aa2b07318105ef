"""Admin wiring: editors link accounts to producers; choosers show a producer only its own pages."""

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
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
