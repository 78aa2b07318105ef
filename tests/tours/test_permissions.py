"""Panoramas and tours in the admin: a producer account works on its own only; editors on every one.

Two producers, A and B, each with an image in its own collection, a panorama and a tour.
Everything goes through the admin over HTTP, as a person would.
"""

import io

import pytest
from django.core.files.images import ImageFile
from django.test import Client
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from accounts.roles import producer_collection
from tours.models import Panorama, Tour

pytestmark = pytest.mark.django_db

PANORAMAS = "wagtailsnippets_tours_panorama"
TOURS = "wagtailsnippets_tours_tour"
PANORAMA_CHOOSER = "wagtailsnippetchoosers_tours_panorama"
TOUR_CHOOSER = "wagtailsnippetchoosers_tours_tour"


def refused(response) -> bool:
    """Wagtail answers a forbidden admin action with 403, or by sending the user home with an error."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == reverse("wagtailadmin_home"))


def modal(response) -> str:
    """A chooser answers with its HTML inside JSON (its search results, with plain HTML)."""
    assert response.status_code == 200
    if response["Content-Type"].startswith("application/json"):
        return response.json()["html"]
    return response.content.decode()


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def equirectangular(title: str, collection) -> object:
    buffer = io.BytesIO()
    Image.new("RGB", (2400, 1200), (30, 110, 60)).save(buffer, "JPEG")
    collection = collection or Collection.get_first_root_node()
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name="canh-360.jpg"), collection=collection
    )


def panorama_form(image, title="Sân phơi", producer=None):
    data = {
        "title": title,
        "image": image.pk,
        "caption": "",
        "credit": "",
        "initial_yaw": 0,
        "initial_pitch": 0,
        "initial_zoom": 50,
    }
    if producer is not None:
        data["producer"] = producer.pk
    return data


def tour_form(title, *panoramas, producer=None):
    scenes = [
        ("scene", {"key": f"canh-{index}", "title": f"Cảnh {index}", "panorama": pano.pk, "hotspots": {"count": 0}})
        for index, pano in enumerate(panoramas)
    ]
    data = {"title": title, "intro": "", "scenes": streamfield(scenes)}
    if producer is not None:
        data["producer"] = producer.pk
    return nested_form_data(data)


def scene_errors(response) -> dict:
    """The errors the tour form shows on each scene's fields, by scene index."""
    [error] = response.context["form"].errors.as_data()["scenes"]
    return {
        index: {name: list(field_error.messages) for name, field_error in scene.block_errors.items()}
        for index, scene in error.block_errors.items()
    }


class Estate:
    def __init__(self, producer, product, image, panorama, tour):
        self.producer = producer
        self.product = product
        self.image = image
        self.panorama = panorama
        self.tour = tour


@pytest.fixture
def estates(make_producer, make_product, editorial_site):
    result = {}
    for key, name, scene in (("a", "HTX Bơ núi lửa", "Vườn bơ"), ("b", "HTX Miến dong", "Xưởng miến bí mật")):
        producer = make_producer(title=name)
        product = make_product(producer=producer, title=f"Sản phẩm của {name}")
        image = equirectangular(f"Ảnh {scene}", producer_collection(producer))
        panorama = Panorama.objects.create(title=scene, image=image, producer=producer)
        tour = Tour.objects.create(
            title=f"Tham quan {name}",
            producer=producer,
            scenes=[
                {"type": "scene", "value": {"key": "dau", "title": scene, "panorama": panorama.pk, "hotspots": []}}
            ],
        )
        result[key] = Estate(producer, product, image, panorama, tour)
    return result


@pytest.fixture
def editors_panorama(estates):
    image = equirectangular("Ảnh toàn cảnh của tỉnh", None)
    return Panorama.objects.create(title="Toàn cảnh do ban biên tập quản lý", image=image)


@pytest.fixture
def producer_a(make_user, estates):
    return logged_in(make_user("producer", producer=estates["a"].producer))


def test_a_producer_lists_only_its_own_panoramas_and_tours(producer_a, estates, editors_panorama):
    a, b = estates["a"], estates["b"]
    panoramas = producer_a.get(reverse(f"{PANORAMAS}:list"))
    assert panoramas.status_code == 200
    html = panoramas.content.decode()
    assert a.panorama.title in html and b.panorama.title not in html and editors_panorama.title not in html
    assert reverse(f"{PANORAMAS}:edit", args=[a.panorama.pk]) in html
    assert reverse(f"{PANORAMAS}:delete", args=[a.panorama.pk]) not in html  # producers never delete
    assert b.panorama.title not in producer_a.get(reverse(f"{PANORAMAS}:list"), {"q": "bí mật"}).content.decode()

    tours = producer_a.get(reverse(f"{TOURS}:list")).content.decode()
    assert a.tour.title in tours and b.tour.title not in tours


def test_a_producer_adds_a_panorama_from_its_own_collection_and_owns_it(producer_a, estates):
    a, b = estates["a"], estates["b"]
    add = reverse(f"{PANORAMAS}:add")
    page = producer_a.get(add)
    assert page.status_code == 200
    assert "producer" not in page.context["form"].fields  # the owner is not offered: it is always A

    own_image = equirectangular("Ảnh nhà sơ chế", producer_collection(a.producer))
    response = producer_a.post(add, panorama_form(own_image, title="Nhà sơ chế", producer=b.producer))
    assert response.status_code == 302
    panorama = Panorama.objects.get(title="Nhà sơ chế")
    assert panorama.producer_id == a.producer.pk and panorama.image_id == own_image.pk
    assert "Đã thêm “Nhà sơ chế”." in producer_a.get(response.url).content.decode()


def test_a_producer_cannot_make_a_panorama_of_another_producers_image(producer_a, estates):
    before = Panorama.objects.count()
    response = producer_a.post(reverse(f"{PANORAMAS}:add"), panorama_form(estates["b"].image, title="Ảnh mượn"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Chưa thêm được" in html and "Bạn chỉ có thể chọn ảnh trong thư mục ảnh của chủ thể mình." in html
    assert Panorama.objects.count() == before and not Panorama.objects.filter(title="Ảnh mượn").exists()

    # Nor swap it into its own panorama.
    own = estates["a"].panorama
    response = producer_a.post(reverse(f"{PANORAMAS}:edit", args=[own.pk]), panorama_form(estates["b"].image))
    assert response.status_code == 200
    own.refresh_from_db()
    assert own.image_id == estates["a"].image.pk
    # The image chooser offers no other producer's image either.
    chooser = modal(producer_a.get(reverse("wagtailimages_chooser:choose")))
    assert estates["a"].image.title in chooser and estates["b"].image.title not in chooser


def test_a_producer_edits_its_own_panorama_and_tour(producer_a, estates):
    a = estates["a"]
    edit = reverse(f"{PANORAMAS}:edit", args=[a.panorama.pk])
    assert producer_a.get(edit).status_code == 200
    assert producer_a.post(edit, panorama_form(a.image, title="Vườn bơ mùa thu hoạch")).status_code == 302
    a.panorama.refresh_from_db()
    assert a.panorama.title == "Vườn bơ mùa thu hoạch" and a.panorama.producer_id == a.producer.pk

    edit = reverse(f"{TOURS}:edit", args=[a.tour.pk])
    assert producer_a.get(edit).status_code == 200
    response = producer_a.post(edit, tour_form("Một ngày ở vườn bơ", a.panorama))
    assert response.status_code == 302
    a.tour.refresh_from_db()
    assert a.tour.title == "Một ngày ở vườn bơ" and a.tour.producer_id == a.producer.pk


@pytest.mark.parametrize("view", ["edit", "delete", "history", "usage", "copy"])  # no inspect view is enabled
@pytest.mark.parametrize("kind", ["panorama", "tour"])
def test_another_producers_panoramas_and_tours_cannot_be_reached_by_url(producer_a, estates, view, kind):
    b = estates["b"]
    item, url_name = (b.panorama, PANORAMAS) if kind == "panorama" else (b.tour, TOURS)
    url = reverse(f"{url_name}:{view}", args=[item.pk])
    response = producer_a.get(url)
    assert response.status_code == 404, f"{view} of B's {kind}: {response.status_code}"
    assert item.title not in response.content.decode()
    data = panorama_form(estates["a"].image, title="Chiếm") if kind == "panorama" else tour_form("Chiếm")
    assert producer_a.post(url, data).status_code == 404
    item.refresh_from_db()
    assert item.title != "Chiếm" and item.producer_id == b.producer.pk
    assert not Panorama.objects.filter(title="Chiếm").exists() and not Tour.objects.filter(title="Chiếm").exists()


def test_a_producer_deletes_neither_its_own_nor_anyone_elses(producer_a, estates):
    a, b = estates["a"], estates["b"]
    for url_name, item in ((PANORAMAS, a.panorama), (TOURS, a.tour)):
        delete = reverse(f"{url_name}:delete", args=[item.pk])
        assert refused(producer_a.get(delete)) and refused(producer_a.post(delete))
        assert type(item).objects.filter(pk=item.pk).exists()
    for model, item in (("panorama", b.panorama), ("tour", b.tour)):
        bulk = reverse("wagtail_bulk_action", args=["tours", model, "delete"])
        assert producer_a.get(bulk + f"?id={item.pk}").status_code == 404
        assert item.title not in producer_a.get(bulk + "?id=all").content.decode()
        producer_a.post(bulk + f"?id={item.pk}")
        assert type(item).objects.filter(pk=item.pk).exists()


def test_the_choosers_offer_a_producer_only_its_own(producer_a, estates, editors_panorama):
    a, b = estates["a"], estates["b"]
    chooser = modal(producer_a.get(reverse(f"{PANORAMA_CHOOSER}:choose")))
    assert a.panorama.title in chooser and b.panorama.title not in chooser and editors_panorama.title not in chooser
    results = modal(producer_a.get(reverse(f"{PANORAMA_CHOOSER}:choose_results"), {"q": "bí mật"}))
    assert b.panorama.title not in results
    assert producer_a.get(reverse(f"{PANORAMA_CHOOSER}:chosen", args=[b.panorama.pk])).status_code == 404
    assert producer_a.get(reverse(f"{PANORAMA_CHOOSER}:chosen", args=[a.panorama.pk])).status_code == 200

    tours = modal(producer_a.get(reverse(f"{TOUR_CHOOSER}:choose")))
    assert a.tour.title in tours and b.tour.title not in tours
    assert producer_a.get(reverse(f"{TOUR_CHOOSER}:chosen", args=[b.tour.pk])).status_code == 404


def test_a_producer_cannot_build_a_tour_from_another_producers_panorama(producer_a, estates, editors_panorama):
    a, b = estates["a"], estates["b"]
    add = reverse(f"{TOURS}:add")
    assert "producer" not in producer_a.get(add).context["form"].fields

    for stolen in (b.panorama, editors_panorama):
        before = Tour.objects.count()
        response = producer_a.post(add, tour_form("Chuyến mượn cảnh", a.panorama, stolen))
        assert response.status_code == 200
        assert "Chưa thêm được" in response.content.decode()
        assert scene_errors(response) == {1: {"panorama": ["Bạn chỉ có thể chọn ảnh 360° của chủ thể mình."]}}
        assert Tour.objects.count() == before

    response = producer_a.post(add, tour_form("Chuyến của chúng tôi", a.panorama, producer=b.producer))
    assert response.status_code == 302
    assert Tour.objects.get(title="Chuyến của chúng tôi").producer_id == a.producer.pk

    # Nor slip one into its existing tour.
    response = producer_a.post(reverse(f"{TOURS}:edit", args=[a.tour.pk]), tour_form("Chiếm cảnh", b.panorama))
    assert response.status_code == 200
    a.tour.refresh_from_db()
    assert a.tour.title != "Chiếm cảnh" and a.tour.scenes[0].value["panorama"].pk == a.panorama.pk


def test_a_producer_keeps_the_editors_panorama_an_editor_put_in_its_tour(producer_a, estates, editors_panorama):
    a = estates["a"]
    a.tour.scenes = [
        {"type": "scene", "value": {"key": "toan-canh", "title": "Toàn cảnh", "panorama": editors_panorama.pk}}
    ]
    a.tour.save()
    response = producer_a.post(
        reverse(f"{TOURS}:edit", args=[a.tour.pk]), tour_form("Đổi tên thôi", editors_panorama, a.panorama)
    )
    assert response.status_code == 302
    a.tour.refresh_from_db()
    assert a.tour.title == "Đổi tên thôi"


def product_form(product, tour):
    return nested_form_data(
        {
            "title": product.title,
            "slug": product.slug,
            "summary": product.summary,
            "origin_legacy_address": "",
            "origin_province": product.origin_province_id,
            "origin_ward": "",
            "geographical_indication": "",
            "gtin": "",
            "marketplace_links": inline_formset([]),
            "gallery_images": inline_formset([]),
            "tour": tour.pk,
            "body": streamfield([]),
        }
    )


def test_a_producer_shows_only_its_own_tours_on_its_pages(producer_a, estates):
    a, b = estates["a"], estates["b"]
    for page in (a.product, a.producer):
        form = producer_a.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).context["form"]
        assert list(form.fields["tour"].queryset) == [a.tour]

    edit = reverse("wagtailadmin_pages:edit", args=[a.product.pk])
    response = producer_a.post(edit, product_form(a.product, b.tour))
    assert response.status_code == 200
    assert "Bạn chỉ có thể chọn chuyến tham quan ảo của chủ thể mình." in response.content.decode()
    a.product.refresh_from_db()
    assert a.product.get_latest_revision_as_object().tour_id is None

    assert producer_a.post(edit, product_form(a.product, a.tour)).status_code == 302
    a.product.refresh_from_db()
    assert a.product.get_latest_revision_as_object().tour_id == a.tour.pk


def test_editors_manage_every_panorama_and_tour(make_user, estates, editors_panorama):
    editor = logged_in(make_user("editor"))
    a, b = estates["a"], estates["b"]
    html = editor.get(reverse(f"{PANORAMAS}:list")).content.decode()
    assert all(title in html for title in (a.panorama.title, b.panorama.title, editors_panorama.title))

    # An editor chooses any owner, or none, and any image.
    add = reverse(f"{PANORAMAS}:add")
    assert "producer" in editor.get(add).context["form"].fields
    assert (
        editor.post(add, panorama_form(b.image, title="Xưởng miến, góc khác", producer=b.producer)).status_code == 302
    )
    assert Panorama.objects.get(title="Xưởng miến, góc khác").producer_id == b.producer.pk
    assert editor.post(add, panorama_form(a.image, title="Của ban biên tập")).status_code == 302
    assert Panorama.objects.get(title="Của ban biên tập").producer_id is None

    add = reverse(f"{TOURS}:add")
    response = editor.post(add, tour_form("Tham quan liên tỉnh", a.panorama, b.panorama, editors_panorama))
    assert response.status_code == 302
    assert Tour.objects.get(title="Tham quan liên tỉnh").producer_id is None

    for url_name, item in ((PANORAMAS, b.panorama), (TOURS, b.tour)):
        for view in ("edit", "history", "usage", "copy"):
            assert editor.get(reverse(f"{url_name}:{view}", args=[item.pk])).status_code == 200, view
    chooser = modal(editor.get(reverse(f"{PANORAMA_CHOOSER}:choose")))
    assert b.panorama.title in chooser and editors_panorama.title in chooser

    form = editor.get(reverse("wagtailadmin_pages:edit", args=[a.product.pk])).context["form"]
    assert {a.tour, b.tour} <= set(form.fields["tour"].queryset)

    delete = reverse(f"{TOURS}:delete", args=[b.tour.pk])
    assert editor.post(delete).status_code == 302
    assert not Tour.objects.filter(pk=b.tour.pk).exists()


def test_an_account_taken_out_of_its_producer_keeps_no_rights_on_tours(make_user, estates):
    from django.contrib.auth.models import Group

    from accounts.models import ProducerAccount
    from accounts.roles import PRODUCERS

    user = make_user("producer", producer=estates["a"].producer)
    ProducerAccount.objects.filter(user=user).delete()
    user.groups.add(Group.objects.get(name=PRODUCERS))
    client = logged_in(user)
    assert refused(client.get(reverse(f"{PANORAMAS}:list")))
    assert client.get(reverse(f"{TOURS}:edit", args=[estates["b"].tour.pk])).status_code == 404
    assert estates["b"].panorama.title not in modal(client.get(reverse(f"{PANORAMA_CHOOSER}:choose")))


def story_with_tour(tour, slug="mot-ngay-o-htx"):
    return nested_form_data(
        {
            "title": "Một ngày ở hợp tác xã",
            "slug": slug,
            "standfirst": "Đi cùng xã viên từ vườn tới nhà sơ chế.",
            "author_name": "",
            "cover_image": "",
            "body": streamfield([("tour", {"tour": tour.pk})]),
            "product_links": inline_formset([]),
        }
    )


def test_a_producer_tells_its_story_with_its_own_tour_only(producer_a, estates, editorial_site):
    from stories.models import StoryPage

    a, b = estates["a"], estates["b"]
    add = reverse("wagtailadmin_pages:add", args=("stories", "storypage", editorial_site.stories.pk))
    response = producer_a.post(add, story_with_tour(b.tour))
    assert response.status_code == 200
    [error] = response.context["form"].errors.as_data()["body"]
    assert error.block_errors[0].block_errors["tour"].messages == [
        "Bạn chỉ có thể chọn chuyến tham quan ảo của chủ thể mình."
    ]
    assert not StoryPage.objects.filter(slug="mot-ngay-o-htx").exists()

    assert producer_a.post(add, story_with_tour(a.tour)).status_code == 302
    story = StoryPage.objects.get(slug="mot-ngay-o-htx")
    assert story.body[0].value["tour"] == a.tour
