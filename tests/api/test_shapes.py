"""Every answer has the shape the OpenAPI document publishes, and carries what a front-end needs."""

import pytest

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def test_a_product_list_and_a_product_conform_to_the_published_schema(client, conforms, catalogue_content):
    listing = conforms("/api/v1/products/", client.get("/api/v1/products/"))
    assert {item["title"] for item in listing["results"]} == {
        "Cà phê bột Đắk Đam",
        "Mật ong rừng U Minh",
        "Bánh tráng Tây Ninh",
    }
    coffee = catalogue_content["coffee"]
    conforms("/api/v1/products/{product_id}", client.get(f"/api/v1/products/{coffee.pk}"))


def test_a_product_carries_everything_a_front_end_needs_with_absolute_urls(client, catalogue_content):
    coffee = catalogue_content["coffee"]
    data = client.get(f"/api/v1/products/{coffee.pk}").json()
    assert data["url"] == f"{BASE}/san-pham/{coffee.slug}/"
    code = coffee.scan_codes.get().code
    assert data["scan_url"] == f"{BASE}/q/{code}"
    assert data["qr"] == {"svg": f"{BASE}/q/{code}/qr.svg", "png": f"{BASE}/q/{code}/qr.png"}
    assert data["gtin"] == "08934567890120"
    assert data["gs1_digital_link"] == f"{BASE}/01/08934567890120"
    assert data["category"]["group"]["slug"] == "thuc-pham"
    assert data["producer"]["id"] == catalogue_content["producer"].pk
    assert data["producer"]["type"] == "cooperative"
    assert data["producer"]["province"]["code"] == "68"
    assert data["origin"]["province"]["name"] == "Lâm Đồng"
    assert data["origin"]["region"]["slug"] == "tay-nguyen"
    assert data["rating"] == {
        "stars": 4,
        "score": 75,
        "score_parts": {"production": 30, "marketing": 20, "quality": 25},
        "level": "Cấp tỉnh",
        "decision_number": coffee.decision_number,
        "recognised_on": coffee.recognised_on.isoformat(),
        "expires_on": coffee.expires_on.isoformat(),
        "revoked_on": None,
        "recognised": True,
        "status": "valid",
        "status_label": "Còn hiệu lực",
        "revocation_reason": "",
    }
    assert data["certifications"] == [{"slug": "vietgap", "name": "VietGAP"}]
    assert data["shops"] == [
        {"kind": "marketplace", "name": "Shopee", "slug": "shopee", "url": f"https://shopee.vn/{coffee.slug}"}
    ]
    assert data["image"]["renditions"]["small"]["url"].startswith(f"{BASE}/media/")
    assert data["image"]["renditions"]["small"]["width"] == 400
    assert data["gallery"][0]["caption"] == "Ảnh 0"
    story = catalogue_content["story"]
    assert data["stories"] == [
        {
            "id": story.pk,
            "title": story.title,
            "url": f"{BASE}{story.url}",
            "verification": data["stories"][0]["verification"],
        }
    ]
    assert data["stories"][0]["verification"]["methods"][0]["method"] == "site_visit"


def test_a_description_is_blocks_with_sanitised_html_and_plain_text(client, catalogue_content):
    data = client.get(f"/api/v1/products/{catalogue_content['coffee'].pk}").json()
    kinds = [block["type"] for block in data["description"]]
    assert kinds == ["paragraph", "image", "quote"]
    paragraph = data["description"][0]["value"]
    assert paragraph["html"] == '<p>Thu hái <b>quả chín</b> <a href="https://example.vn/x">xem</a>.</p>'
    assert "onclick" not in paragraph["html"]
    assert paragraph["text"] == "Thu hái quả chín xem."
    image = data["description"][1]["value"]
    assert image["caption"] == "Vườn" and image["image"]["renditions"]["large"]["url"].startswith(BASE)
    assert data["description"][2]["value"] == {"text": "Chỉ hái quả chín.", "speaker": "Chị Hoa"}


def test_expired_and_revoked_certificates_are_shown_as_they_are(client, catalogue_content):
    expired = client.get(f"/api/v1/products/{catalogue_content['expired'].pk}").json()["rating"]
    assert (expired["status"], expired["status_label"], expired["recognised"]) == ("expired", "Hết hiệu lực", False)
    revoked = client.get(f"/api/v1/products/{catalogue_content['revoked'].pk}").json()["rating"]
    assert (revoked["status"], revoked["status_label"]) == ("revoked", "Đã bị thu hồi")
    assert revoked["revocation_reason"] == "Vi phạm ghi nhãn."


def test_producers_conform_and_name_their_public_products_and_stories(client, conforms, catalogue_content):
    conforms("/api/v1/producers/", client.get("/api/v1/producers/"))
    producer = catalogue_content["producer"]
    data = conforms("/api/v1/producers/{producer_id}", client.get(f"/api/v1/producers/{producer.pk}"))
    assert data["legal_name"] == "Hợp tác xã Nông nghiệp Đắk Đam"
    assert data["address"]["province"]["slug"] == "lam-dong"
    assert data["address"]["ward"] == {"code": "24688", "name": "Xã Krông Nô"}
    assert data["products"] == [
        {
            "id": catalogue_content["coffee"].pk,
            "title": "Cà phê bột Đắk Đam",
            "url": f"{BASE}{catalogue_content['coffee'].url}",
            "stars": 4,
        }
    ]
    assert [story["id"] for story in data["stories"]] == [catalogue_content["story"].pk]
    # An internal link in rich text becomes the page's absolute address.
    assert data["intro"]["html"] == f'<p>Hợp tác xã <a href="{BASE}{producer.url}">trồng cà phê</a>.</p>'


def test_stories_conform_and_carry_their_verification_record(client, conforms, catalogue_content):
    conforms("/api/v1/stories/", client.get("/api/v1/stories/"))
    story = catalogue_content["story"]
    data = conforms("/api/v1/stories/{story_id}", client.get(f"/api/v1/stories/{story.pk}"))
    assert data["producer"]["id"] == catalogue_content["producer"].pk
    assert data["products"] == [
        {
            "id": catalogue_content["coffee"].pk,
            "title": "Cà phê bột Đắk Đam",
            "url": f"{BASE}{catalogue_content['coffee'].url}",
        }
    ]
    assert [block["type"] for block in data["body"]] == ["paragraph", "milestones"]
    assert data["body"][0]["value"]["text"] == "Câu chuyện của hợp tác xã."
    assert data["verification"]["verified_by"] == "Ban biên tập Cổng OCOP"
    assert data["verification"]["methods"][0]["checked_on_display"] == "10/03/2025"


def test_regions_name_provinces_wards_on_request_and_where_former_provinces_went(client, conforms, db):
    data = conforms("/api/v1/regions/", client.get("/api/v1/regions/"))
    assert len(data["regions"]) == 6
    provinces = [province for region in data["regions"] for province in region["provinces"]]
    assert len(provinces) == 34
    assert "wards" not in provinces[0]
    dak_nong = next(former for former in data["former_provinces"] if former["slug"] == "dak-nong")
    assert dak_nong["successor"]["slug"] == "lam-dong"
    with_wards = conforms("/api/v1/regions/", client.get("/api/v1/regions/", {"include": "wards", "province": "68"}))
    (lam_dong,) = [province for region in with_wards["regions"] for province in region["provinces"]]
    assert lam_dong["short_name"] == "Lâm Đồng"
    assert "Xã Krông Nô" in [ward["name"] for ward in lam_dong["wards"]]
    assert "Đắk Nông" in [former["short_name"] for former in lam_dong["former_provinces"]]
