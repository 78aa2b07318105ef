"""A producer account puts only what it may choose into its own pages (issue 13, item 5): every
image, document and owner-scoped item, by a foreign key or a chooser at any depth of a StreamField,
is checked on the server when the form is posted — saved or previewed. Editors choose any.

Two producers, A and B, each with a product, an image in its own collection, a panorama, a tour and
a draft story; everything is posted through the admin, as a person would.
"""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from accounts.roles import producer_collection
from stories.models import StoryPage
from tests.accounts.test_owner_scoped_admin import NOT_YOUR_IMAGE, picture, refusals
from tours.models import Panorama, Tour

pytestmark = pytest.mark.django_db

NOT_YOUR_TOUR = "Bạn chỉ có thể chọn chuyến tham quan ảo của chủ thể mình."


class Estate:
    def __init__(self, producer, product, image, tour, story):
        self.producer, self.product, self.image, self.tour, self.story = producer, product, image, tour, story


@pytest.fixture
def estates(make_producer, make_product, make_story):
    return make_estates(make_producer, make_product, make_story)


def make_estates(make_producer, make_product, make_story) -> dict:
    result = {}
    for key, name in (("a", "HTX Bơ núi lửa"), ("b", "HTX Miến dong")):
        producer = make_producer(title=name)
        product = make_product(producer=producer, title=f"Sản phẩm của {name}")
        image = picture(f"Ảnh của {name}", producer_collection(producer))
        panorama = Panorama.objects.create(title=f"Toàn cảnh {name}", image=image, producer=producer)
        tour = Tour.objects.create(
            title=f"Tham quan {name}",
            producer=producer,
            scenes=[{"type": "scene", "value": {"key": "vuon", "title": "Vườn", "panorama": panorama.pk}}],
        )
        story = make_story(producer, products=[product])
        result[key] = Estate(producer, product, image, tour, story)
    return result


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def producer_a(make_user, estates):
    return logged_in(make_user("producer", producer=estates["a"].producer))


@pytest.fixture
def editor(make_user, estates):
    return logged_in(make_user("editor"))


def image_block(image, alt="Ảnh lấy từ thư viện"):
    """An ``ImageBlock``'s form data."""
    return {"image": image.pk, "decorative": "", "alt_text": alt}


def product_form(product, image=None, body=(), editor=False, gallery=()):
    """A product's form data; with ``editor``, the fields only an editor's form has."""
    rating = {
        "producer": product.producer_id,
        "category": product.category_id,
        "stars": product.stars,
        "score_production": product.score_production,
        "score_marketing": product.score_marketing,
        "score_quality": product.score_quality,
        "decision_number": product.decision_number,
        "recognised_on": product.recognised_on or "",
    }
    return nested_form_data(
        {
            **(rating if editor else {}),
            "title": product.title,
            "slug": product.slug,
            "summary": product.summary,
            "origin_legacy_address": "",
            "origin_province": product.origin_province_id,
            "origin_ward": "",
            "geographical_indication": "",
            "gtin": "",
            "image": image.pk if image else "",
            "marketplace_links": inline_formset([]),
            "gallery_images": inline_formset(
                [{"id": "", "image": image.pk, "caption": "", "ORDER": str(i)} for i, image in enumerate(gallery)]
            ),
            "tour": "",
            "model3d": "",
            "body": streamfield(list(body)),
        }
    )


def story_form(story=None, body=(), products=(), cover_image=None, title="Chuyện vườn bơ", producer=None):
    """A story's form data; ``producer`` is posted for editors (a producer account's form has no such field)."""
    stored = {link.product_id: link.pk for link in story.product_links.all()} if story else {}
    products = sorted(products, key=lambda product: product.pk not in stored)  # the stored rows first
    links = [
        {"id": stored.get(product.pk, ""), "product": product.pk, "ORDER": str(index)}
        for index, product in enumerate(products)
    ]
    return nested_form_data(
        {
            "producer": producer.pk if producer else (story.producer_id if story else ""),
            "title": story.title if story else title,
            "slug": story.slug if story else "chuyen-vuon-bo",
            "standfirst": "Từ mảnh vườn nhỏ đến sản phẩm OCOP.",
            "author_name": "",
            "cover_image": cover_image.pk if cover_image else "",
            "body": streamfield(list(body) or [("paragraph", rich_text("<p>Nội dung.</p>"))]),
            "product_links": inline_formset(links, initial=sum(1 for link in links if link["id"])),
        }
    )


def edit(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def latest(page):
    return type(page).objects.get(pk=page.pk).get_latest_revision_as_object()


def add_story(site) -> str:
    return reverse("wagtailadmin_pages:add", args=("stories", "storypage", site.stories.pk))


# --- images: a foreign key, a block at any depth ------------------------------------------------------


def test_a_product_cover_image_from_another_producers_collection_is_refused(producer_a, estates):
    a, b = estates["a"], estates["b"]
    response = producer_a.post(edit(a.product), product_form(a.product, image=b.image))
    assert NOT_YOUR_IMAGE in refusals(response)
    assert latest(a.product).image_id != b.image.pk

    assert producer_a.post(edit(a.product), product_form(a.product, image=a.image)).status_code == 302
    assert latest(a.product).image_id == a.image.pk


def test_an_image_block_in_a_product_body_with_another_producers_image_is_refused(producer_a, estates):
    a, b = estates["a"], estates["b"]
    stolen = [("image", {"image": image_block(b.image), "caption": ""})]
    response = producer_a.post(edit(a.product), product_form(a.product, body=stolen))
    assert refusals(response) == [NOT_YOUR_IMAGE]
    assert not any(block.block_type == "image" for block in latest(a.product).body)

    own = [("image", {"image": image_block(a.image), "caption": ""})]
    assert producer_a.post(edit(a.product), product_form(a.product, body=own)).status_code == 302
    assert [block.value["image"].pk for block in latest(a.product).body] == [a.image.pk]


@pytest.mark.parametrize(
    "block",
    [
        lambda image: ("image", {"image": image_block(image), "caption": "", "credit": "", "wide": ""}),
        lambda image: ("video", {"url": "https://youtu.be/dQw4w9WgXcQ", "title": "Video", "poster": image.pk}),
        lambda image: ("scene", {"image": image.pk, "title": "Cảnh", "caption": ""}),
    ],
    ids=["image", "video-poster", "scene"],
)
def test_an_image_in_a_story_body_from_another_producer_is_refused(producer_a, estates, block):
    a, b = estates["a"], estates["b"]
    response = producer_a.post(edit(a.story), story_form(a.story, body=[block(b.image)], products=[a.product]))
    assert refusals(response) == [NOT_YOUR_IMAGE]
    assert b.image.pk not in {image.pk for image in _images_in(latest(a.story).body)}

    response = producer_a.post(edit(a.story), story_form(a.story, body=[block(a.image)], products=[a.product]))
    assert response.status_code == 302
    assert {image.pk for image in _images_in(latest(a.story).body)} == {a.image.pk}


def _images_in(body):
    """The images of the story's image, video and scene blocks."""
    shown = [block.value for block in body if block.block_type in ("image", "video", "scene")]
    return [value[key] for value in shown for key in ("image", "poster") if value.get(key) is not None]


def test_a_story_cover_image_from_another_producers_collection_is_refused(producer_a, estates):
    a, b = estates["a"], estates["b"]
    response = producer_a.post(edit(a.story), story_form(a.story, cover_image=b.image, products=[a.product]))
    assert NOT_YOUR_IMAGE in refusals(response)
    assert latest(a.story).cover_image_id is None


def test_a_tour_chapter_in_a_story_with_another_producers_tour_is_refused(producer_a, estates, editorial_site):
    a, b = estates["a"], estates["b"]
    response = producer_a.post(
        edit(a.story), story_form(a.story, body=[("tour", {"tour": b.tour.pk})], products=[a.product])
    )
    assert refusals(response) == [NOT_YOUR_TOUR]
    response = producer_a.post(add_story(editorial_site), story_form(body=[("tour", {"tour": b.tour.pk})]))
    assert refusals(response) == [NOT_YOUR_TOUR]
    assert not StoryPage.objects.filter(slug="chuyen-vuon-bo").exists()


def test_a_preview_never_renders_another_producers_image(producer_a, estates):
    a, b = estates["a"], estates["b"]
    preview = reverse("wagtailadmin_pages:preview_on_edit", args=[a.product.pk])
    marker = "Ảnh lấy trộm của HTX Miến dong"
    stolen = [("image", {"image": image_block(b.image, alt=marker), "caption": ""})]
    answer = producer_a.post(preview, product_form(a.product, body=stolen))
    assert answer.json()["is_valid"] is False
    assert marker not in producer_a.get(preview).content.decode()

    # The same preview with the account's own image renders it.
    own = [("image", {"image": image_block(a.image, alt="Ảnh vườn bơ của mình"), "caption": ""})]
    assert producer_a.post(preview, product_form(a.product, body=own)).json()["is_valid"] is True
    assert "Ảnh vườn bơ của mình" in producer_a.get(preview).content.decode()


def test_a_gallery_row_with_another_producers_image_is_refused(producer_a, estates):
    a, b = estates["a"], estates["b"]
    response = producer_a.post(edit(a.product), product_form(a.product, gallery=[a.image, b.image]))
    assert response.status_code == 200
    rows = response.context["form"].formsets["gallery_images"].forms
    assert [form.errors.get("image") for form in rows] == [None, [NOT_YOUR_IMAGE]]
    assert not latest(a.product).gallery_images.exists()

    assert producer_a.post(edit(a.product), product_form(a.product, gallery=[a.image])).status_code == 302
    assert [row.image_id for row in latest(a.product).gallery_images.all()] == [a.image.pk]


def test_choosers_are_found_and_refused_at_any_depth(estates):
    """Struct, list and stream blocks inside one another: each refusal sits on its own block."""
    from wagtail import blocks
    from wagtail.images.blocks import ImageChooserBlock
    from wagtail.snippets.blocks import SnippetChooserBlock

    from accounts.owned.forms import block_refusals, chosen_in_stream

    a, b = estates["a"], estates["b"]
    card = blocks.StructBlock([("photo", ImageChooserBlock()), ("tour", SnippetChooserBlock(Tour))])
    inner = blocks.StreamBlock([("cards", blocks.ListBlock(card))])
    outer = blocks.StreamBlock([("photo", ImageChooserBlock()), ("section", blocks.StructBlock([("parts", inner)]))])
    value = outer.to_python(
        [
            {"type": "photo", "value": a.image.pk},
            {
                "type": "section",
                "value": {
                    "parts": [
                        {
                            "type": "cards",
                            "value": [{"photo": a.image.pk, "tour": b.tour.pk}, {"photo": b.image.pk, "tour": None}],
                        }
                    ]
                },
            },
        ]
    )
    chosen = list(chosen_in_stream(value))
    deep = (("stream", 1), ("struct", "parts"), ("stream", 0))
    assert [(path, item.pk) for path, item in chosen] == [
        ((("stream", 0),), a.image.pk),
        ((*deep, ("list", 0), ("struct", "photo")), a.image.pk),
        ((*deep, ("list", 0), ("struct", "tour")), b.tour.pk),
        ((*deep, ("list", 1), ("struct", "photo")), b.image.pk),
    ]
    error = block_refusals([(path, "từ chối") for path, item in chosen[2:]])
    cards = error.block_errors[1].block_errors["parts"].block_errors[0]
    assert isinstance(cards, blocks.list_block.ListBlockValidationError)
    assert sorted(cards.block_errors) == [0, 1]
    assert list(cards.block_errors[0].block_errors) == ["tour"]
    assert cards.block_errors[1].block_errors["photo"].messages == ["từ chối"]


# --- editors: any ----------------------------------------------------------------------------------


def test_editors_still_choose_any_image_and_what_they_chose_stays(editor, producer_a, estates):
    a, b = estates["a"], estates["b"]
    body = [("image", {"image": image_block(b.image), "caption": ""})]
    response = editor.post(edit(a.product), product_form(a.product, image=b.image, body=body, editor=True))
    assert response.status_code == 302, refusals(response)
    product = latest(a.product)
    assert product.image_id == b.image.pk and [block.value["image"].pk for block in product.body] == [b.image.pk]

    # The producer saves its page again with what the editor chose.
    response = producer_a.post(edit(a.product), product_form(a.product, image=b.image, body=body))
    assert response.status_code == 302, refusals(response)


def test_editors_still_choose_any_tour_in_a_story(editor, estates):
    a, b = estates["a"], estates["b"]
    response = editor.post(
        edit(a.story), story_form(a.story, body=[("tour", {"tour": b.tour.pk})], products=[a.product])
    )
    assert response.status_code == 302, refusals(response)
    assert [block.value["tour"].pk for block in latest(a.story).body] == [b.tour.pk]
