"""The home page: featured products and ways to browse the catalogue."""

from django.db import models
from django.db.models import Count, Q
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from portal.core.seo import SeoMixin


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
        from portal.regions.models import EconomicRegion

        from .products import ProductIndexPage, ProductPage
        from .taxonomy import ProductCategory

        context = super().get_context(request, *args, **kwargs)
        products = ProductPage.objects.live().public().descendant_of(self)
        context["product_index"] = ProductIndexPage.objects.live().public().descendant_of(self).first()
        context["featured_products"] = (
            products.filter(featured=True)
            .select_related("origin_province", "image", "producer", "category")
            .prefetch_related("image__renditions")
            .order_by("-stars", "title")[:8]
        )
        context["regions"] = EconomicRegion.objects.annotate(
            product_count=Count("provinces__products", filter=Q(provinces__products__in=products))
        )
        context["groups"] = ProductCategory.objects.filter(parent__isnull=True).annotate(
            product_count=Count("subgroups__products", filter=Q(subgroups__products__in=products))
        )
        star_rows = products.order_by().values("stars").annotate(n=Count("id"))
        context["star_counts"] = {row["stars"]: row["n"] for row in star_rows}
        context["product_count"] = sum(context["star_counts"].values())
        return context

    def get_meta_description(self) -> str:
        return self.search_description or (
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
