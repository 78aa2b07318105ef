"""The home page: featured products and ways to browse the catalogue."""

from django.core.cache import cache
from django.db import models
from django.db.models import Count
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from core import extension_points
from core.seo import SeoMixin
from core.visibility import public_pages


class HomePage(SeoMixin, Page):
    """The portal's front page ("Trang chủ")."""

    tagline = models.CharField("khẩu hiệu", max_length=200, blank=True)
    intro = models.TextField("giới thiệu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("tagline"), FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "trang chủ"

    def get_context(self, request, *args, **kwargs):
        from regions.models import EconomicRegion

        from .products import ProductIndexPage, ProductPage, attach_public_producers
        from .taxonomy import ProductCategory

        context = super().get_context(request, *args, **kwargs)
        # No descendant_of(self): the page tree only allows products under the one
        # products index below the one home page, and a path LIKE scan over 15,000
        # pages costs ten times the rest of the query.
        products = public_pages(ProductPage.objects)
        context["product_index"] = public_pages(ProductIndexPage.objects).first()
        context["featured_products"] = attach_public_producers(
            products.filter(featured=True)
            .select_related("origin_province", "image", "category")
            .prefetch_related("image__renditions")
            .order_by("-stars", "title")[:8]
        )
        by_region, by_group, by_stars = cache.get_or_set(CATALOGUE_COUNTS_KEY, lambda: _catalogue_counts(products), 300)
        context["regions"] = [
            _with_count(region, by_region.get(region.pk, 0)) for region in EconomicRegion.objects.all()
        ]
        context["groups"] = [
            _with_count(group, by_group.get(group.pk, 0))
            for group in ProductCategory.objects.filter(parent__isnull=True)
        ]
        context["star_counts"] = by_stars
        context["product_count"] = sum(context["star_counts"].values())
        context.update(extension_points.page_context(self, request))
        return context

    def describe(self) -> str:
        return (
            "Cổng sản phẩm OCOP Việt Nam: tra cứu sản phẩm Mỗi xã một sản phẩm 3–5 sao theo vùng, tỉnh, "
            "nhóm sản phẩm; câu chuyện chủ thể đã được thẩm định."
        )

    def get_json_ld(self, request=None) -> dict:
        return {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": self.get_site().site_name if self.get_site() else self.title,
            "url": self.get_full_url(request),
            "inLanguage": "vi",
        }


# Counts only (never content), so a few minutes' staleness is harmless and saves
# three aggregate queries over the whole catalogue on every home page view.
CATALOGUE_COUNTS_KEY = "home:catalogue-counts"


def _catalogue_counts(products) -> tuple[dict, dict, dict]:
    counts = products.order_by()
    by_region = dict(counts.values_list("origin_province__region").annotate(n=Count("pk")))
    by_group: dict = {}
    for group_id, subgroup_count in counts.values_list("category__parent").annotate(n=Count("pk")):
        by_group[group_id] = by_group.get(group_id, 0) + subgroup_count
    by_stars = dict(counts.values_list("stars").annotate(n=Count("pk")))
    return by_region, by_group, by_stars


def _with_count(item, count: int):
    item.product_count = count
    return item
