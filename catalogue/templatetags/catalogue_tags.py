"""Template helpers that need the catalogue (core's tags must not import it)."""

from django import template

from catalogue.models import ProductIndexPage
from core.visibility import public_pages

register = template.Library()


@register.simple_tag
def product_index_page():
    """The live, public product listing page (for links from 404 pages, search and the footer)."""
    return public_pages(ProductIndexPage.objects).first()
