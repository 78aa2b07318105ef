"""Editors see clear Vietnamese form errors in the Wagtail admin, and nothing half-saved."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from catalogue.models import ProductCategory, ProductPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model, site_tree):
    user = django_user_model.objects.create_superuser("quantri", "qt@example.vn", "mat-khau-thu-nghiem")
    client.force_login(user)
    return client


def product_form(producer, **overrides):
    data = {
        "title": "Cà phê bột Đắk Đam",
        "slug": "ca-phe-bot-dak-dam",
        "producer": producer.pk,
        "category": ProductCategory.objects.get(slug="ca-phe-ca-cao").pk,
        "stars": 4,
        "score_production": 30,
        "score_marketing": 20,
        "score_quality": 25,
        "decision_number": "1234/QĐ-UBND",
        "recognised_on": "2024-03-15",
        "marketplace_links": inline_formset([]),
        "gallery_images": inline_formset([]),
        "body": streamfield([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("catalogue", "productpage", parent.pk))


def test_editor_creates_a_product_through_the_admin(admin_client, site_tree, make_producer):
    producer = make_producer()
    response = admin_client.post(
        add_url(site_tree.products), product_form(producer, **{"action-publish": "action-publish"})
    )
    assert response.status_code == 302
    product = ProductPage.objects.get(slug="ca-phe-bot-dak-dam")
    assert product.live
    assert product.origin_province_id == producer.province_id
    assert str(product.expires_on) == "2027-03-15"


def test_stars_inconsistent_with_the_score_are_a_vietnamese_form_error(admin_client, site_tree, make_producer):
    response = admin_client.post(add_url(site_tree.products), product_form(make_producer(), stars=5))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Tổng điểm 75/100 tương ứng hạng 4 sao, không phải 5 sao" in content
    assert not ProductPage.objects.filter(slug="ca-phe-bot-dak-dam").exists()


def test_a_part_score_over_its_maximum_is_a_form_error(admin_client, site_tree, make_producer):
    response = admin_client.post(add_url(site_tree.products), product_form(make_producer(), score_marketing=30))
    assert response.status_code == 200
    assert "25" in response.context["form"].errors["score_marketing"][0]
    assert Page.objects.filter(slug="ca-phe-bot-dak-dam").count() == 0


def test_admin_speaks_vietnamese_by_default(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert 'lang="vi"' in response.content.decode()


def test_editors_manage_the_reference_lists_as_snippets(admin_client):
    for model in ("productcategory", "certification", "marketplace"):
        response = admin_client.get(reverse(f"wagtailsnippets_catalogue_{model}:list"))
        assert response.status_code == 200
    listing = admin_client.get(reverse("wagtailsnippets_catalogue_productcategory:list")).content.decode()
    assert "Dược liệu và sản phẩm từ dược liệu" in listing


def test_product_edit_page_loads_with_a_bounded_number_of_queries(
    admin_client, make_product, django_assert_max_num_queries
):
    product = make_product()
    with django_assert_max_num_queries(150):
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(product.pk,)))
    assert response.status_code == 200


def test_ward_chooser_finds_wards_typed_without_accents_within_a_province(admin_client):
    response = admin_client.get(
        reverse("wagtailsnippetchoosers_regions_ward:choose_results"), {"q": "krong no", "province": "68"}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Xã Krông Nô" in content
    assert "Phường Hoàn Kiếm" not in content
