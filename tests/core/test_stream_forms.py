"""A StreamField POST that lacks part of its form (``-count``, a type, an order) is a form error, never a 500."""

import pytest
from django.http import QueryDict
from django.urls import reverse
from wagtail import blocks

from catalogue.blocks import ProductDescriptionBlock
from core.blocks import INCOMPLETE, FormSafeStreamBlock
from stories.blocks import StoryBodyBlock
from tours.blocks import ScenesBlock
from tours.models import Tour

ROOT_BLOCKS = [ProductDescriptionBlock, StoryBodyBlock, ScenesBlock]


def form_data(**fields) -> QueryDict:
    data = QueryDict(mutable=True)
    data.update(fields)
    return data


@pytest.mark.parametrize(
    "fields",
    [
        {},  # no body-count: was a 500 (MultiValueDictKeyError)
        {"body-count": "dai"},  # was a 500 (ValueError)
        {"body-count": "1e40"},
        {"body-count": "1"},  # no body-0-deleted
        {"body-count": "1", "body-0-deleted": "", "body-0-type": "FIRST"},  # no order
        {"body-count": "1", "body-0-deleted": "", "body-0-type": "FIRST", "body-0-order": "x"},
    ],
    ids=["no-count", "count-words", "count-float", "no-deleted", "no-order", "order-words"],
)
@pytest.mark.parametrize("block_class", ROOT_BLOCKS, ids=lambda cls: cls.__name__)
def test_an_incomplete_stream_is_refused_by_clean(block_class, fields):
    block = block_class()
    first = next(iter(block.child_blocks))
    fields = {key: first if value == "FIRST" else value for key, value in fields.items()}
    value = block.value_from_datadict(form_data(**fields), {}, "body")
    with pytest.raises(blocks.StreamBlockValidationError) as refusal:
        block.clean(value)
    assert [error.message for error in refusal.value.non_block_errors.as_data()] == [INCOMPLETE]
    block.get_form_state(value)  # the form can be shown again with it


def test_a_list_inside_the_stream_without_its_count_is_refused():
    fields = {"body-count": "1", "body-0-deleted": "", "body-0-type": "scene", "body-0-order": "0"}
    fields |= {"body-0-value-key": "vuon-bo", "body-0-value-title": "Vườn bơ", "body-0-value-panorama": ""}
    value = ScenesBlock().value_from_datadict(form_data(**fields), {}, "body")  # no …-hotspots-count
    with pytest.raises(blocks.StreamBlockValidationError):
        ScenesBlock().clean(value)


def test_every_streamfield_uses_the_form_safe_root_block():
    from django.apps import apps
    from wagtail.fields import StreamField

    fields = [
        field
        for model in apps.get_models()
        if model.__module__.split(".")[0] in {"catalogue", "stories", "tours", "scans", "core", "accounts", "regions"}
        for field in model._meta.get_fields()
        if isinstance(field, StreamField)
    ]
    assert fields
    assert all(isinstance(field.stream_block, FormSafeStreamBlock) for field in fields)


def refused_for_incompleteness(form, field: str) -> bool:
    (error,) = form.errors.as_data()[field]
    return [item.message for item in error.non_block_errors.as_data()] == [INCOMPLETE]


@pytest.mark.django_db
def test_a_product_page_posted_without_its_body_count_comes_back_with_the_error(client, make_user, make_product):
    product = make_product()
    client.force_login(make_user("superuser"))
    edit = reverse("wagtailadmin_pages:edit", args=[product.pk])
    response = client.post(edit, {"title": product.title, "slug": product.slug})
    assert response.status_code == 200
    assert refused_for_incompleteness(response.context["form"], "body")


@pytest.mark.django_db
def test_a_tour_posted_without_its_scenes_count_comes_back_with_the_error(client, make_user, site_tree):
    tour = Tour.objects.create(title="Một ngày ở HTX Krông Nô", scenes=[])
    client.force_login(make_user("superuser"))
    response = client.post(reverse("wagtailsnippets_tours_tour:edit", args=[tour.pk]), {"title": tour.title})
    assert response.status_code == 200
    assert refused_for_incompleteness(response.context["form"], "scenes")
