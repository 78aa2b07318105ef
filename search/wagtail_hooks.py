"""Search in the admin: the synonyms editors add (Tìm kiếm → Từ đồng nghĩa); what search adds
to core (health, periodic work, roles) is in ``extensions``."""

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

from core.choosers import SnippetViewSet

from . import extensions  # noqa: F401  (what search adds to the health check, periodic work and roles)
from .models import SearchSynonym


class SearchSynonymViewSet(SnippetViewSet):
    """Editors only (the roles hook in ``extensions`` grants them; producers never see it)."""

    model = SearchSynonym
    icon = "search"
    menu_label = "Từ đồng nghĩa"
    menu_name = "search-synonyms"
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["terms", "note", "updated_at"]
    search_fields = ["terms", "note"]
    panels = [FieldPanel("terms"), FieldPanel("note")]


register_snippet(SearchSynonymViewSet)
