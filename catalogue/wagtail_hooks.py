"""Admin for the programme's reference lists (groups, certifications, marketplaces)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.choosers import SnippetViewSet

from . import extensions  # noqa: F401  (what the catalogue grants the roles)
from .models import Certification, Marketplace, ProductCategory


class ProductCategoryViewSet(SnippetViewSet):
    model = ProductCategory
    icon = "folder-open-inverse"
    menu_label = "Nhóm sản phẩm"
    list_display = ["name", "parent", "name_en", "slug"]
    list_filter = ["parent"]
    search_fields = ["name", "name_en"]


class CertificationViewSet(SnippetViewSet):
    model = Certification
    icon = "tick-inverse"
    menu_label = "Chứng nhận"
    list_display = ["name", "description"]


class MarketplaceViewSet(SnippetViewSet):
    model = Marketplace
    icon = "link"
    menu_label = "Sàn thương mại điện tử"
    list_display = ["name", "domain"]


class CatalogueReferenceGroup(SnippetViewSetGroup):
    items = (ProductCategoryViewSet, CertificationViewSet, MarketplaceViewSet)
    menu_icon = "list-ul"
    menu_label = "Danh mục OCOP"
    menu_name = "ocop-reference"


register_snippet(CatalogueReferenceGroup)
