"""The fixed skeleton of the page tree: Home → Products, Producers, and each app's section.

Created by ``manage.py setup_site`` (and by ``load_demo``), idempotently: an
existing tree is found, never duplicated. The catalogue makes its own two sections;
the apps above it add theirs (stories: ``/cau-chuyen/``) through ``ocop_site_sections``.
"""

from dataclasses import dataclass, field

from django.db import transaction
from wagtail.models import Page, Site

from core import extension_points

from .models import HomePage, ProducerIndexPage, ProductIndexPage


@dataclass
class SiteTree:
    home: HomePage
    products: ProductIndexPage
    producers: ProducerIndexPage
    # The other apps' sections by name, also readable as attributes (``tree.stories``).
    sections: dict[str, Page] = field(default_factory=dict)

    def __getattr__(self, name):
        sections = self.__dict__.get("sections", {})
        if name in sections:
            return sections[name]
        raise AttributeError(name)

    def all_sections(self) -> list[Page]:
        return [self.products, self.producers, *self.sections.values()]


HOME_DEFAULTS = {
    "title": "Sản phẩm OCOP Việt Nam",
    "slug": "home",
    "tagline": "Mỗi xã một sản phẩm – tinh hoa từ làng quê Việt",
    "intro": (
        "Tra cứu hơn 15.000 sản phẩm OCOP đạt 3 đến 5 sao của 34 tỉnh, thành phố: "
        "nguồn gốc, hạng sao, chứng nhận, nơi bán và câu chuyện của người làm ra sản phẩm."
    ),
    "seo_title": "Cổng sản phẩm OCOP Việt Nam – Mỗi xã một sản phẩm",
}


@transaction.atomic
def ensure_site_tree(hostname: str = "localhost", port: int = 80) -> SiteTree:
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's initial migration creates a placeholder "Welcome" page at the
        # home slug; it has no content, so it makes way for the real home page.
        for placeholder in root.get_children().filter(slug="home"):
            if placeholder.specific_class is Page:
                placeholder.delete()
        home = root.add_child(instance=HomePage(**HOME_DEFAULTS))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=hostname, port=port, root_page=home, is_default_site=True, site_name="OCOP Việt Nam"
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = site.site_name or "OCOP Việt Nam"
        site.save()

    products = ProductIndexPage.objects.child_of(home).first() or home.add_child(
        instance=ProductIndexPage(
            title="Sản phẩm OCOP",
            slug="san-pham",
            show_in_menus=True,
            intro="Lọc theo vùng, tỉnh, nhóm sản phẩm và hạng sao.",
        )
    )
    producers = ProducerIndexPage.objects.child_of(home).first() or home.add_child(
        instance=ProducerIndexPage(
            title="Chủ thể OCOP",
            slug="chu-the",
            show_in_menus=True,
            intro="Hợp tác xã, doanh nghiệp, hộ kinh doanh và tổ hợp tác làm ra sản phẩm OCOP.",
        )
    )
    return SiteTree(home=home, products=products, producers=producers, sections=extension_points.site_sections(home))
