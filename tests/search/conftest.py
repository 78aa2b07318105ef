"""The small national catalogue the search tests share, indexed on the engine under test."""

import pytest
from wagtail.models import PageViewRestriction, Workflow

from catalogue.models import Certification, ProducerType, ProductCategory
from regions.models import Province


class Catalogue:
    pass


@pytest.fixture
def catalogue(search_engine, make_producer, make_product, make_story, review_story, rebuild_index, site_tree):
    """A small national catalogue: Lâm Đồng (ex-Đắk Nông), Thái Nguyên (ex-Bắc Kạn) and Hà Nội."""
    lam_dong, thai_nguyen, ha_noi = (Province.objects.get(slug=s) for s in ("lam-dong", "thai-nguyen", "ha-noi"))
    c = Catalogue()
    c.avocado_coop = make_producer(
        title="HTX Nông nghiệp dịch vụ bơ núi lửa Krông Nô",
        legacy_address="Xã Đắk Drô, Huyện Krông Nô, Tỉnh Đắk Nông",
        producer_type=ProducerType.COOPERATIVE,
    )
    c.coffee_coop = make_producer(title="HTX Công Bằng Thuận An", producer_type=ProducerType.COOPERATIVE)
    c.tai_hoan = make_producer(
        title="HTX Tài Hoan",
        producer_type=ProducerType.ENTERPRISE,
        province=thai_nguyen,
        ward=thai_nguyen.wards.first(),
        latitude=22.27,
        longitude=105.87,
        legacy_address="Xã Côn Minh, Huyện Na Rì, Tỉnh Bắc Kạn",
    )
    c.tea_house = make_producer(
        title="Hộ kinh doanh trà sen Tây Hồ",
        producer_type=ProducerType.HOUSEHOLD,
        province=ha_noi,
        ward=ha_noi.wards.first(),
        latitude=21.06,
        longitude=105.82,
    )
    fruit = ProductCategory.objects.get(slug="nong-san-tuoi-song")
    coffee = ProductCategory.objects.get(slug="ca-phe-ca-cao")
    processed = ProductCategory.objects.get(slug="thuc-pham-che-bien")
    tea = ProductCategory.objects.get(slug="che-tra")
    c.avocado = make_product(
        title="Bơ núi lửa Krông Nô", producer=c.avocado_coop, category=fruit, summary="Bơ sáp trên đất đỏ bazan."
    )
    c.coffee = make_product(title="Cà phê bột Đắk Đam", producer=c.coffee_coop, category=coffee)
    c.coffee.certifications.add(Certification.objects.get(slug="vietgap"))
    c.coffee.save()  # a parental M2M is written when the page is saved
    c.noodles = make_product(
        title="Miến dong Tài Hoan",
        producer=c.tai_hoan,
        category=processed,
        origin_province=thai_nguyen,
        stars=5,
        score_production=38,
        score_marketing=24,
        score_quality=30,
    )
    c.tea = make_product(
        title="Trà sen Tây Hồ",
        producer=c.tea_house,
        category=tea,
        origin_province=ha_noi,
        stars=3,
        score_production=25,
        score_marketing=15,
        score_quality=20,
    )
    # What must never be found.
    c.draft = make_product(title="Bơ nháp chưa công bố", producer=c.avocado_coop, category=fruit, live=False)
    c.private = make_product(title="Bơ riêng tư có mật khẩu", producer=c.avocado_coop, category=fruit)
    PageViewRestriction.objects.create(page=c.private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    c.story = make_story(c.avocado_coop, products=[c.avocado], title="Bơ núi lửa: mười năm giữ vườn")
    review_story(c.story)
    c.waiting_story = make_story(c.avocado_coop, title="Bơ núi lửa: câu chuyện chờ thẩm định")
    Workflow.objects.get(name="Thẩm định câu chuyện").start(c.waiting_story, None)
    rebuild_index()
    return c
