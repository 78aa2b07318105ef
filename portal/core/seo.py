"""What every public page tells search engines and link previews (Zalo, Facebook)."""

from django.utils.html import strip_tags
from django.utils.text import Truncator


class SeoMixin:
    """Page mixin: a meta description, an Open Graph image and schema.org JSON-LD.

    Subclasses override ``get_meta_description``, ``get_og_image`` and
    ``get_json_ld`` where they know better than the defaults.
    """

    og_type = "website"

    def get_meta_description(self) -> str:
        text = self.search_description or ""
        return Truncator(strip_tags(text).strip()).chars(160)

    def get_og_image(self):
        return None

    def get_json_ld(self, request=None) -> dict | None:
        return None
