"""``manage.py load_demo``: the seed articles' products, idempotently, with demo accounts."""

import io
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from django.http import HttpRequest
from django.test import override_settings
from wagtail.images import get_image_model

from catalogue.gtin import normalise_gtin
from catalogue.models import (
    CertificateStatus,
    ProducerPage,
    ProductGalleryImage,
    ProductMarketplaceLink,
    ProductPage,
)
from demo.content.accounts import ACCOUNTS, EDITORS, PRODUCERS, REVIEWERS
from demo.content.data import COLLECTION_NAME, IMAGE_CREDIT
from stories.models import AuthenticityReviewTaskState, StoryPage, VerificationEvidence
from tours.models import Model3D
from tours.validation import check_model3d

DAK_NONG_FOUR_STARS = {
    "Bơ núi lửa Krông Nô": "HTX Nông nghiệp dịch vụ bơ núi lửa Krông Nô",
    "Bưởi Sang's Farm": "HTX Nông nghiệp thương mại, dịch vụ Sang's Farm",
    "Cam sành núi lửa": "HTX Nông lâm nghiệp hữu cơ Quảng Phú",
    "Quýt đường núi lửa": "HTX Nông lâm nghiệp hữu cơ Quảng Phú",
    "Hạt điều rang muối": "Công ty TNHH Hồng Đức",
    "Gạo ST24 Krông Nô": "HTX sản xuất lúa gạo Buôn Chóah",
    "Cà phê bột Đắk Đam": "HTX Nông nghiệp Công Bằng Thuận An",
}
USERNAMES = [spec.username for spec in ACCOUNTS]


def run_demo(**kwargs) -> str:
    out = io.StringIO()
    call_command("load_demo", force=True, image_width=160, stdout=out, **kwargs)
    return out.getvalue()


def passwords_in(output: str) -> dict[str, str]:
    found = {}
    for username in USERNAMES:
        match = re.search(rf"^\s+{username}\s+(\S+)\s", output, re.MULTILINE)
        if match:
            found[username] = match.group(1)
    return found


def log_in(client, username: str, password: str) -> bool:
    """``client.login`` with a request: the login lockout (django-axes) refuses to check a
    password without one, since it counts failures per address too."""
    return client.login(request=HttpRequest(), username=username, password=password)


def counts() -> dict[str, int]:
    return {
        "products": ProductPage.objects.count(),
        "producers": ProducerPage.objects.count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
        "links": ProductMarketplaceLink.objects.count(),
        "gallery": ProductGalleryImage.objects.count(),
        "revisions": sum(page.revisions.count() for page in ProductPage.objects.all()),
        "stories": StoryPage.objects.count(),
        "reviews": AuthenticityReviewTaskState.objects.count(),
        "evidence": VerificationEvidence.objects.count(),
        "models3d": Model3D.objects.count(),
    }


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker):
    """Load the demo once for this module, inside a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        with pytest.MonkeyPatch.context() as mp:
            mp.delenv("DEMO_PASSWORD", raising=False)
            output = run_demo()
        yield output
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_load_demo_twice_creates_nothing_new_and_changes_passwords(demo_output, monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    first_output = demo_output
    first = counts()
    second_output = run_demo()

    assert counts() == first
    assert first["products"] >= 16 and first["producers"] >= 12
    first_passwords, second_passwords = passwords_in(first_output), passwords_in(second_output)
    assert set(first_passwords) == set(USERNAMES)
    assert all(len(p) >= 12 for p in first_passwords.values())
    assert all(first_passwords[u] != second_passwords[u] for u in USERNAMES)
    assert "http://127.0.0.1:8000/admin/" in second_output


@pytest.mark.django_db
def test_demo_loads_the_seed_products_with_their_producers(demo_output):
    for title, producer in DAK_NONG_FOUR_STARS.items():
        product = ProductPage.objects.get(title=title)
        assert product.live and product.stars == 4 and 70 <= product.score <= 89
        assert product.producer.title == producer
        assert product.origin_province.short_name == "Lâm Đồng"
        assert product.certificate_status() == CertificateStatus.VALID
        assert product.revisions.exists()

    avocado = ProducerPage.objects.get(slug="htx-bo-nui-lua-krong-no")
    assert avocado.legacy_address == "Xã Đắk Drô, Huyện Krông Nô, Tỉnh Đắk Nông"
    assert avocado.province.short_name == "Lâm Đồng"
    assert avocado.ward is not None and avocado.ward.province_id == avocado.province_id
    assert avocado.latitude is not None and avocado.longitude is not None

    noodles = ProductPage.objects.get(title="Miến dong Tài Hoan")
    assert noodles.live
    assert noodles.origin_province.short_name == "Thái Nguyên"
    assert "Bắc Kạn" in noodles.producer.legacy_address

    live = ProductPage.objects.live()
    assert live.filter(stars=5).exists() and live.filter(stars=3).count() >= 3
    statuses = {p.certificate_status() for p in live}
    assert {CertificateStatus.EXPIRED, CertificateStatus.REVOKED} <= statuses
    assert len({p.producer.producer_type for p in live}) == 4
    assert live.filter(featured=True).exists()


@pytest.mark.django_db
def test_demo_draft_product_never_reaches_the_public(demo_output, client):
    draft = ProductPage.objects.get(slug="bo-say-deo-krong-no")
    assert not draft.live
    assert client.get(draft.url or "/san-pham/bo-say-deo-krong-no/").status_code == 404
    listing = client.get("/san-pham/")
    assert listing.status_code == 200
    assert draft.title not in listing.content.decode()


@pytest.mark.django_db
def test_demo_details_are_valid(demo_output, client):
    for product in ProductPage.objects.live():
        product.full_clean()  # stars match scores, dates are consistent
        assert product.image is not None and product.summary and product.body
        if product.gtin:
            assert product.gtin == normalise_gtin(product.gtin) and product.gtin[1:4] == "893"
        for link in product.marketplace_links.select_related("marketplace"):
            assert link.url.startswith("https://") and link.marketplace.accepts_url(link.url)
            assert urlsplit(link.url).hostname
    demo_images = get_image_model().objects.filter(collection__name=COLLECTION_NAME)
    assert demo_images.count() == get_image_model().objects.count()
    image = demo_images.first()
    assert image.credit == IMAGE_CREDIT and image.description and image.width == 160
    assert client.get(ProductPage.objects.get(slug="mien-dong-tai-hoan").url).status_code == 200


@pytest.mark.django_db
def test_demo_accounts_log_in_to_the_admin(demo_output, client):
    passwords = passwords_in(demo_output)
    groups = {"bientap": EDITORS, "thamdinh": REVIEWERS, "chuthe": PRODUCERS}
    for username, group in groups.items():
        user = get_user_model().objects.get(username=username)
        assert user.groups.filter(name=group).exists()
        assert log_in(client, username=username, password=passwords[username])
        assert client.get("/admin/").status_code == 200
        client.logout()
    assert log_in(client, username="admin", password=passwords["admin"])
    assert "Krông Nô" in get_user_model().objects.get(username="chuthe").get_full_name()


@pytest.mark.django_db
def test_demo_roles_editor_manages_producer_edits_its_own_reviewer_reviews(demo_output, client):
    tai_hoan = ProductPage.objects.get(slug="mien-dong-tai-hoan")
    avocado = ProductPage.objects.get(slug="bo-nui-lua-krong-no")
    users = {u.username: u for u in get_user_model().objects.filter(username__in=USERNAMES)}
    editor, reviewer, producer = (tai_hoan.permissions_for_user(users[n]) for n in ("bientap", "thamdinh", "chuthe"))
    assert editor.can_edit() and editor.can_publish()
    assert tai_hoan.get_parent().permissions_for_user(users["bientap"]).can_add_subpage()
    assert not reviewer.can_edit() and not reviewer.can_publish()
    assert not producer.can_edit()
    own = avocado.permissions_for_user(users["chuthe"])
    assert own.can_edit() and not own.can_publish() and not own.can_unpublish()
    assert users["chuthe"].producer_account.producer.slug == "htx-bo-nui-lua-krong-no"

    log_in(client, username="bientap", password=passwords_in(demo_output)["bientap"])
    assert client.get(f"/admin/pages/{tai_hoan.get_parent().pk}/").status_code == 200
    assert client.get("/admin/images/").status_code == 200


@pytest.mark.django_db
def test_demo_stories_stand_at_each_stage_of_the_review(demo_output, client):
    stories = {story.slug: story for story in StoryPage.objects.all()}
    live = [story for story in stories.values() if story.live]
    assert len(live) == 3
    for story in live:
        assert story.verification is not None and story.verification.status == "approved"
        assert story.verification.workflow_evidence.exists()
        text = " ".join(client.get(story.url).content.decode().split())
        assert "Đã xác minh bởi" in text
    avocado = stories["bo-nui-lua-krong-no-trai-ngot-tu-dat-do-bazan"]
    assert avocado.producer.slug == "htx-bo-nui-lua-krong-no" and avocado.live
    tai_hoan = stories["mien-dong-tai-hoan-tu-na-ri-toi-cong-hoa-sec"]
    assert tai_hoan.live and "Miến dong Tài Hoan" in client.get(tai_hoan.url).content.decode()

    hidden = [story for story in stories.values() if not story.live]
    statuses = sorted(story.current_workflow_state.status for story in hidden)
    assert statuses == ["in_progress", "needs_changes"]
    for story in hidden:
        assert client.get(f"/cau-chuyen/{story.slug}/").status_code == 404

    # The demo producer can open its own story in the admin; the demo reviewer sees the queue.
    passwords = passwords_in(demo_output)
    log_in(client, username="chuthe", password=passwords["chuthe"])
    assert client.get(f"/admin/pages/{avocado.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{tai_hoan.pk}/edit/").status_code == 302
    client.logout()
    log_in(client, username="thamdinh", password=passwords["thamdinh"])
    assert "Câu chuyện chờ thẩm định" in client.get("/admin/").content.decode()


def test_demo_producer_and_avocado_pages_have_a_two_scene_tour_with_hotspots(demo_output, client, settings):
    from catalogue.models import ProducerPage

    # The demo is loaded in a transaction that never commits, so the renditions its publishing
    # enqueues are never made; with room to make them all inline both answers link the same files.
    settings.RENDITION_BUDGET_SECONDS = 600

    producer = ProducerPage.objects.get(slug="htx-bo-nui-lua-krong-no")
    tour = client.get(f"/api/v2/pages/{producer.pk}/").json()["tour_data"]
    assert [scene["key"] for scene in tour["scenes"]] == ["vuon-bo", "nha-so-che"]
    orchard, room = tour["scenes"]
    assert {"scene", "info", "product"} <= {hotspot["kind"] for hotspot in orchard["hotspots"]}
    assert any(hotspot.get("scene") == "vuon-bo" for hotspot in room["hotspots"])  # and back again
    assert orchard["panorama"]["sources"][-1]["width"] == 2 * orchard["panorama"]["sources"][-1]["height"]
    assert "Tham quan 360°" in client.get(producer.url).content.decode()

    avocado = ProductPage.objects.get(slug="bo-nui-lua-krong-no")  # where a scan of its label lands
    assert client.get(f"/api/v2/pages/{avocado.pk}/").json()["tour_data"] == tour
    assert "Tham quan 360°" in client.get(avocado.url).content.decode()


def test_demo_avocado_has_a_generated_3d_model_that_passes_the_upload_checks(demo_output, client):
    avocado = ProductPage.objects.get(slug="bo-nui-lua-krong-no")
    model = avocado.model3d
    assert model is not None and model.producer.slug == "htx-bo-nui-lua-krong-no"
    with model.file.open("rb") as file:
        assert check_model3d(file) == {"format": "glb", "size": model.file_size}
    assert model.poster.collection.name == COLLECTION_NAME and model.alt
    data = client.get(f"/api/v2/pages/{avocado.pk}/").json()["model3d_data"]
    assert data["url"].endswith(".glb") and data["poster"]["width"] == 960 and data["poster"]["height"] == 720
    html = client.get(avocado.url).content.decode()
    assert '<section class="model3d' in html and "data-model3d-open" in html

    # The producer account sees it among its own models.
    log_in(client, username="chuthe", password=passwords_in(demo_output)["chuthe"])
    assert model.title in client.get("/admin/snippets/tours/model3d/").content.decode()


@pytest.mark.django_db
def test_demo_password_from_env_and_a_real_admin_is_left_alone(demo_output, client, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-pass-for-tests")
    owner = get_user_model().objects.get(username="admin")
    owner.email = "owner@example.org"  # an account the owner made, not the demo's
    owner.set_password("the-owner-s-own-password")
    owner.save()

    output = run_demo()

    assert passwords_in(output)["bientap"] == "demo-pass-for-tests"
    assert log_in(client, username="bientap", password="demo-pass-for-tests")
    assert log_in(client, username="admin", password="the-owner-s-own-password")
    assert not log_in(client, username="admin", password="demo-pass-for-tests")


@override_settings(DEBUG=False)
def test_load_demo_refuses_to_run_without_debug_unless_forced():
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo", stdout=io.StringIO())
