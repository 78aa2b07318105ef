"""A story tells about its own producer's products only (issue 13, item 6): a link to another
producer's product is refused on its row when the story is created or edited — never stored, never
a 500 — whoever posts it; the check reads the links posted, not those stored before."""

import pytest

from stories.models import StoryPage, StoryProduct
from tests.accounts.test_cross_producer_references import add_story, edit, latest, logged_in, make_estates, story_form

pytestmark = pytest.mark.django_db

NOT_THE_STORYS_PRODUCT = "Sản phẩm không thuộc chủ thể của câu chuyện."


@pytest.fixture
def estates(make_producer, make_product, make_story):
    return make_estates(make_producer, make_product, make_story)


@pytest.fixture
def producer_a(make_user, estates):
    return logged_in(make_user("producer", producer=estates["a"].producer))


@pytest.fixture
def editor(make_user, estates):
    return logged_in(make_user("editor"))


def row_errors(response) -> list[str]:
    assert response.status_code == 200
    formset = response.context["form"].formsets["product_links"]
    return [message for form in formset.forms for message in form.errors.get("product", [])]


def linked(story) -> set:
    return {link.product_id for link in latest(story).product_links.all()}


def test_a_producer_cannot_create_a_story_about_another_producers_product(producer_a, estates, editorial_site):
    a, b = estates["a"], estates["b"]
    response = producer_a.post(add_story(editorial_site), story_form(products=[a.product, b.product]))
    assert row_errors(response) == [NOT_THE_STORYS_PRODUCT]
    assert not StoryPage.objects.filter(slug="chuyen-vuon-bo").exists()

    assert producer_a.post(add_story(editorial_site), story_form(products=[a.product])).status_code == 302
    story = StoryPage.objects.get(slug="chuyen-vuon-bo")
    assert story.producer_id == a.producer.pk and linked(story) == {a.product.pk}


def test_a_producer_cannot_add_another_producers_product_to_its_story(producer_a, estates):
    a, b = estates["a"], estates["b"]
    response = producer_a.post(edit(a.story), story_form(a.story, products=[a.product, b.product]))
    assert row_errors(response) == [NOT_THE_STORYS_PRODUCT]
    assert linked(a.story) == {a.product.pk}
    assert not StoryProduct.objects.filter(product=b.product, story=a.story).exists()


def test_a_story_stored_with_another_producers_product_answers_a_form_error_not_a_500(producer_a, estates):
    a, b = estates["a"], estates["b"]
    StoryProduct.objects.create(story=a.story, product=b.product)  # as the old check let it be stored
    a.story.save_revision(clean=False)

    response = producer_a.post(edit(a.story), story_form(a.story, products=[a.product, b.product]))
    assert row_errors(response) == [NOT_THE_STORYS_PRODUCT]

    # Taking the link out saves: the check reads the links posted, not those stored.
    response = producer_a.post(edit(a.story), story_form(a.story, products=[a.product]) | _deleted(a.story, b))
    assert response.status_code == 302, row_errors(response)
    assert linked(a.story) == {a.product.pk}


def _deleted(story, estate) -> dict:
    """The posted row of the stored link to ``estate``'s product, marked deleted (after the kept rows)."""
    link = StoryProduct.objects.get(story=story, product=estate.product)
    index = StoryProduct.objects.filter(story=story).count() - 1
    return {
        f"product_links-{index}-id": link.pk,
        f"product_links-{index}-product": estate.product.pk,
        f"product_links-{index}-ORDER": str(index),
        f"product_links-{index}-DELETE": "on",
        "product_links-TOTAL_FORMS": str(index + 1),
        "product_links-INITIAL_FORMS": str(index + 1),
    }


def test_an_editor_links_the_storys_producers_products_only(editor, estates):
    a, b = estates["a"], estates["b"]
    response = editor.post(edit(a.story), story_form(a.story, products=[a.product, b.product]))
    assert row_errors(response) == [NOT_THE_STORYS_PRODUCT]
    # Moving the story to B with A's product is refused on the row too.
    response = editor.post(edit(a.story), story_form(a.story, products=[a.product], producer=b.producer))
    assert row_errors(response) == [NOT_THE_STORYS_PRODUCT]

    response = editor.post(edit(a.story), story_form(a.story, products=[a.product]))
    assert response.status_code == 302, row_errors(response)
    assert linked(a.story) == {a.product.pk}
