from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Panorama, Tour


class PanoramaViewSet(SnippetViewSet):
    model = Panorama
    icon = "globe"
    menu_label = "Ảnh 360°"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["title", "caption", "created_at"]
    search_fields = ["title", "caption"]


register_snippet(PanoramaViewSet)


class TourViewSet(SnippetViewSet):
    model = Tour
    icon = "site"
    menu_label = "Tham quan ảo"
    add_to_admin_menu = True
    menu_order = 251
    list_display = ["title", "created_at"]
    search_fields = ["title"]


register_snippet(TourViewSet)
