"""Factories for catalogue pages: realistic defaults, any field overridable."""

import datetime

import factory
import wagtail_factories

from catalogue.models import ProducerPage, ProducerType, ProductCategory, ProductPage
from core.text import vietnamese_slug
from regions.models import Province, Ward


class ProducerPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProducerPage

    title = factory.Sequence(lambda n: f"HTX Nông nghiệp số {n}")
    slug = factory.LazyAttribute(lambda o: vietnamese_slug(o.title))
    legal_name = factory.LazyAttribute(lambda o: f"Hợp tác xã {o.title}")
    producer_type = ProducerType.COOPERATIVE
    province = factory.LazyFunction(lambda: Province.objects.get(code="68"))
    ward = factory.LazyFunction(lambda: Ward.objects.get(code="24688"))
    latitude = 12.4378
    longitude = 107.827


class ProductPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProductPage

    title = factory.Sequence(lambda n: f"Cà phê bột số {n}")
    slug = factory.LazyAttribute(lambda o: vietnamese_slug(o.title))
    producer = None  # pass one: ``make_product`` in conftest does
    category = factory.LazyFunction(lambda: ProductCategory.objects.get(slug="ca-phe-ca-cao"))
    origin_province = factory.LazyFunction(lambda: Province.objects.get(code="68"))
    stars = 4
    score_production = 30
    score_marketing = 20
    score_quality = 25
    decision_number = factory.Sequence(lambda n: f"{1000 + n}/QĐ-UBND")
    recognised_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=200))


def story_body(text: str = "Câu chuyện của hợp tác xã.", milestones=((2019, "Thành lập hợp tác xã", ""),)) -> list:
    """A StreamField body in the raw JSON shape, as the admin would post it."""
    return [
        {"type": "paragraph", "value": f"<p>{text}</p>"},
        {
            "type": "milestones",
            "value": {
                "heading": "Chặng đường",
                "milestones": [
                    {"year": year, "title": title, "text": "", "stars": stars} for year, title, stars in milestones
                ],
            },
        },
    ]
