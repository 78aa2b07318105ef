"""The snippet chooser every snippet admin uses: its "create" URL refuses, it never crashes.

Wagtail routes ``…/choose/<app>/<model>/create/`` for every snippet chooser, but a snippet
chooser has no creation form unless one is given; a request to that URL then fails on
``None.is_valid()`` (a 500). None of the portal's choosers creates items (each is added in its
own admin, with its owner and checks), so the URL answers 400 and says where to add one.
"""

from django.http import HttpResponseBadRequest
from wagtail.snippets.views import chooser, snippets

NO_CREATION = "Không thể thêm mục mới từ hộp chọn này: hãy thêm nó trong trang quản trị của nó rồi chọn lại."


class CreateView(chooser.SnippetCreateView):
    def get(self, request):
        if self.get_creation_form_class() is None:
            return HttpResponseBadRequest(NO_CREATION, content_type="text/plain; charset=utf-8")
        return super().get(request)

    def post(self, request):
        if self.get_creation_form_class() is None:
            return HttpResponseBadRequest(NO_CREATION, content_type="text/plain; charset=utf-8")
        return super().post(request)


class SnippetChooserViewSet(chooser.SnippetChooserViewSet):
    create_view_class = CreateView


class SnippetViewSet(snippets.SnippetViewSet):
    """Wagtail's snippet admin with the chooser above: the base of every snippet admin here."""

    chooser_viewset_class = SnippetChooserViewSet
