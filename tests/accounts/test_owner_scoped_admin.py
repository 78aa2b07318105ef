"""Everything a producer account owns, through one matrix: each owner-scoped model (``accounts.owned``)
runs through the same cases, over HTTP, as a person would.

Two producers, A and B, each with a product, an image in its own collection, a panorama, and one
item of the model under test. Registering a new owner-scoped model adds it to every case here; it
fails until a ``Recipe`` says how to make one and fill in its form.
"""

import io
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import NoReverseMatch, reverse
from PIL import Image
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import nested_form_data, streamfield

from accounts.owned import owner_scope, owner_scoped_models, reachable
from accounts.owned.admin import InReach, OwnerScopedSnippetViewSet
from accounts.owned.forms import OwnedChoicesMixin
from accounts.roles import producer_collection
from scans.models import CodeKind, ScanCode
from tests.tours.test_models3d import glb
from tours.models import Model3D, Panorama, Tour

pytestmark = pytest.mark.django_db

NOT_YOUR_IMAGE = "Bạn chỉ có thể chọn ảnh trong thư mục ảnh của chủ thể mình."


def picture(title: str, collection):
    """A 2:1 photo: a panorama's picture, or a 3D model's poster."""
    buffer = io.BytesIO()
    Image.new("RGB", (2400, 1200), (30, 110, 60)).save(buffer, "JPEG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name="anh.jpg"), collection=collection)


class Estate:
    """One producer's things: the model under test's item is ``item``."""

    def __init__(self, key, producer, product, image, panorama):
        self.key, self.producer, self.product, self.image, self.panorama = key, producer, product, image, panorama
        self.item = None


# --- how to make each model, and fill in its form ---------------------------------------------------


@dataclass(frozen=True)
class Recipe:
    make: Callable[[Estate], object]  # an item the estate's producer owns
    form: Callable[..., dict]  # (estate, marker, producer=None): valid form data, ``marker`` findable
    marker_field: str  # the field that holds the marker
    stolen: Callable[[Estate, Estate], dict]  # (own, other's): form data choosing the other's thing
    refusal: str  # what the form says to the stolen choice
    finds_b: str  # a search term that finds B's item (and is not the text it is shown by)


def scan_code_form(estate, marker, producer=None, product=None):
    product = product or estate.product
    return {"product": product.pk, "kind": "batch", "lot": marker, "serial": "", "note": "", "retired_at": ""}


def panorama_form(estate, marker, producer=None, image=None):
    data = {
        "title": marker,
        "image": (image or estate.image).pk,
        "caption": "",
        "credit": "",
        "initial_yaw": 0,
        "initial_pitch": 0,
        "initial_zoom": 50,
    }
    return {**data, "producer": producer.pk} if producer else data


def tour_form(estate, marker, producer=None, panorama=None):
    scene = {"key": "canh", "title": "Cảnh", "panorama": (panorama or estate.panorama).pk, "hotspots": {"count": 0}}
    data = {"title": marker, "intro": "", "scenes": streamfield([("scene", scene)])}
    return nested_form_data({**data, "producer": producer.pk} if producer else data)


def model3d_form(estate, marker, producer=None, poster=None):
    data = {"title": marker, "poster": (poster or estate.image).pk, "alt": "Quả bơ", "credit": ""}
    data["file"] = SimpleUploadedFile("mo-hinh.glb", glb(), content_type="application/octet-stream")
    return {**data, "producer": producer.pk} if producer else data


RECIPES = {
    ScanCode: Recipe(
        make=lambda e: ScanCode.objects.create(product=e.product, kind=CodeKind.BATCH, lot=f"LO-{e.key.upper()}-01"),
        form=scan_code_form,
        marker_field="lot",
        stolen=lambda own, other: scan_code_form(own, "LO-CHIEM", product=other.product),
        refusal="Bạn chỉ có thể chọn sản phẩm của chủ thể mình.",
        finds_b="LO-B",
    ),
    Panorama: Recipe(
        make=lambda e: e.panorama,
        form=panorama_form,
        marker_field="title",
        stolen=lambda own, other: panorama_form(own, "Chiếm", image=other.image),
        refusal=NOT_YOUR_IMAGE,
        finds_b="Miến",
    ),
    Tour: Recipe(
        make=lambda e: Tour.objects.create(
            title=f"Tham quan {e.producer.title}",
            producer=e.producer,
            scenes=[{"type": "scene", "value": {"key": "vuon", "title": "Vườn", "panorama": e.panorama.pk}}],
        ),
        form=tour_form,
        marker_field="title",
        stolen=lambda own, other: tour_form(own, "Chiếm", panorama=other.panorama),
        refusal="Bạn chỉ có thể chọn ảnh 360° của chủ thể mình.",
        finds_b="Miến",
    ),
    Model3D: Recipe(
        make=lambda e: Model3D.objects.create(
            title=f"Mô hình của {e.producer.title}",
            alt="Một gói sản phẩm",
            poster=e.image,
            producer=e.producer,
            file=ContentFile(glb(), name="mo-hinh.glb"),
        ),
        form=model3d_form,
        marker_field="title",
        stolen=lambda own, other: model3d_form(own, "Chiếm", poster=other.image),
        refusal=NOT_YOUR_IMAGE,
        finds_b="Miến",
    ),
}

MODELS = owner_scoped_models()


def name_of(model) -> str:
    return model._meta.label


def recipe_for(model) -> Recipe:
    if model not in RECIPES:
        pytest.fail(f"{name_of(model)} is owner-scoped: add its Recipe to {__name__}.RECIPES")
    return RECIPES[model]


def url(model, view, *args, chooser=False) -> str:
    prefix = "wagtailsnippetchoosers" if chooser else "wagtailsnippets"
    return reverse(f"{prefix}_{model._meta.app_label}_{model._meta.model_name}:{view}", args=args)


def bulk_delete(model, ids) -> str:
    return reverse("wagtail_bulk_action", args=[model._meta.app_label, model._meta.model_name, "delete"]) + f"?id={ids}"


def owner_of(item) -> int | None:
    scope = owner_scope(item)
    return type(item)._default_manager.filter(pk=item.pk).values_list(scope.owner_path, flat=True).get()


def saved_with(model, marker: str):
    return model._default_manager.filter(**{RECIPES[model].marker_field: marker}).first()


def refusals(response) -> list[str]:
    """Every message of the form's errors, those on a StreamField's blocks too (shown by scripts)."""

    def walk(error):
        nested = getattr(error, "block_errors", None)
        if nested:
            for child in nested.values() if isinstance(nested, dict) else nested:
                yield from walk(child)
        else:
            yield from error.messages

    assert response.status_code == 200
    return [
        message for errors in response.context["form"].errors.as_data().values() for e in errors for message in walk(e)
    ]


def refused(response) -> bool:
    """Wagtail answers a forbidden admin action with 403, or by sending the user home with an error."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == reverse("wagtailadmin_home"))


def text(response) -> str:
    """A chooser answers with its HTML inside JSON."""
    if response["Content-Type"].startswith("application/json"):
        return response.json().get("html", "")
    return response.content.decode()


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture(params=MODELS, ids=name_of)
def model(request):
    recipe_for(request.param)
    return request.param


@pytest.fixture
def estates(model, make_producer, make_product, editorial_site):
    result = {}
    for key, name in (("a", "HTX Bơ núi lửa"), ("b", "HTX Miến dong")):
        producer = make_producer(title=name)
        product = make_product(producer=producer, title=f"Sản phẩm của {name}")
        image = picture(f"Ảnh của {name}", producer_collection(producer))
        panorama = Panorama.objects.create(title=f"Toàn cảnh {name}", image=image, producer=producer)
        estate = result[key] = Estate(key, producer, product, image, panorama)
        estate.item = RECIPES[model].make(estate)
    return result


@pytest.fixture
def producer_a(make_user, estates):
    return logged_in(make_user("producer", producer=estates["a"].producer))


# --- the registry -----------------------------------------------------------------------------------


def test_the_registry_holds_exactly_what_producer_accounts_own_today():
    assert set(MODELS) == {ScanCode, Panorama, Tour, Model3D}
    assert set(RECIPES) == set(MODELS)


def test_every_owner_scoped_model_has_the_owner_scoped_admin(model):
    viewset = model.snippet_viewset
    assert isinstance(viewset, OwnerScopedSnippetViewSet)
    # Wagtail shows no inspect view for these today; if one is switched on, it is scoped too.
    assert issubclass(viewset.inspect_view_class, InReach)


# --- a producer account: its own only ---------------------------------------------------------------


def test_a_producer_lists_only_its_own(producer_a, estates, model):
    a, b = estates["a"], estates["b"]
    response = producer_a.get(url(model, "list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert str(a.item) in html and str(b.item) not in html
    assert url(model, "edit", a.item.pk) in html and url(model, "edit", b.item.pk) not in html
    assert str(b.item) not in producer_a.get(url(model, "list"), {"q": RECIPES[model].finds_b}).content.decode()


@pytest.mark.parametrize("view", ["edit", "delete", "inspect", "history", "usage", "copy"])
def test_a_producer_cannot_open_another_producers_item(producer_a, estates, model, view):
    a, b = estates["a"], estates["b"]
    if view == "inspect" and not model.snippet_viewset.inspect_view_enabled:
        with pytest.raises(NoReverseMatch):
            url(model, view, b.item.pk)
        return
    target = url(model, view, b.item.pk)
    response = producer_a.get(target)
    assert response.status_code == 404, f"{view} of B's {name_of(model)}: {response.status_code}"
    assert str(b.item) not in response.content.decode()
    assert producer_a.post(target, RECIPES[model].form(a, "CHIEM")).status_code == 404
    assert model._default_manager.filter(pk=b.item.pk).exists() and owner_of(b.item) == b.producer.pk
    assert saved_with(model, "CHIEM") is None


def test_what_a_producer_adds_is_its_own(producer_a, estates, model):
    a, b = estates["a"], estates["b"]
    form = producer_a.get(url(model, "add")).context["form"]
    owner_field = owner_scope(model).owner_field
    assert owner_field is None or owner_field not in form.fields  # the owner is not offered: it is always A
    response = producer_a.post(url(model, "add"), RECIPES[model].form(a, "MOI-CUA-A", producer=b.producer))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assert owner_of(saved_with(model, "MOI-CUA-A")) == a.producer.pk


def test_a_producer_cannot_choose_another_producers_thing(producer_a, estates, model):
    a, b = estates["a"], estates["b"]
    recipe = RECIPES[model]
    before = model._default_manager.count()
    assert recipe.refusal in refusals(producer_a.post(url(model, "add"), recipe.stolen(a, b)))
    assert model._default_manager.count() == before

    # Nor swap it into its own item.
    assert recipe.refusal in refusals(producer_a.post(url(model, "edit", a.item.pk), recipe.stolen(a, b)))
    assert saved_with(model, "Chiếm") is None and saved_with(model, "LO-CHIEM") is None


def test_the_chooser_offers_a_producer_only_its_own(producer_a, estates, model):
    a, b = estates["a"], estates["b"]
    choose = text(producer_a.get(url(model, "choose", chooser=True)))
    assert str(a.item) in choose and str(b.item) not in choose
    results = text(producer_a.get(url(model, "choose_results", chooser=True), {"q": RECIPES[model].finds_b}))
    assert str(b.item) not in results
    assert producer_a.get(url(model, "chosen", b.item.pk, chooser=True)).status_code == 404
    assert producer_a.get(url(model, "chosen", a.item.pk, chooser=True)).status_code == 200


def test_bulk_delete_cannot_reach_another_producers_item(producer_a, estates, model):
    b = estates["b"]
    assert producer_a.get(bulk_delete(model, b.item.pk)).status_code == 404
    assert str(b.item) not in producer_a.get(bulk_delete(model, "all")).content.decode()
    producer_a.post(bulk_delete(model, b.item.pk))
    assert model._default_manager.filter(pk=b.item.pk).exists()


def test_a_producer_deletes_not_even_its_own(producer_a, estates, model):
    a = estates["a"]
    delete = url(model, "delete", a.item.pk)
    assert refused(producer_a.get(delete)) and refused(producer_a.post(delete))
    producer_a.post(bulk_delete(model, a.item.pk))
    assert model._default_manager.filter(pk=a.item.pk).exists()


# --- pages that choose an owner-scoped item -------------------------------------------------------


def owned_choices_on_pages() -> list[tuple]:
    """Every (page model, field, owner-scoped model) where a page chooses an owner-scoped item."""
    from django.apps import apps
    from wagtail.models import Page

    return [
        (page_model, field.name, field.related_model)
        for page_model in apps.get_models()
        if issubclass(page_model, Page)
        for field in page_model._meta.get_fields()
        if field.many_to_one and field.concrete and owner_scope(field.related_model) is not None
    ]


def test_pages_choose_tours_and_3d_models():
    from catalogue.models import ProducerPage, ProductPage

    pairs = {(page_model, name) for page_model, name, _ in owned_choices_on_pages()}
    assert {(ProductPage, "tour"), (ProductPage, "model3d"), (ProducerPage, "tour")} <= pairs


@pytest.mark.parametrize(
    ("page_model", "field", "model"),
    owned_choices_on_pages(),
    ids=lambda value: value if isinstance(value, str) else name_of(value),
    indirect=["model"],
)
def test_a_producers_page_offers_only_its_own_items(producer_a, estates, page_model, field, model):
    from catalogue.models import ProducerPage

    assert issubclass(page_model.get_edit_handler().get_form_class(), OwnedChoicesMixin)
    a = estates["a"]
    page = a.producer if page_model is ProducerPage else a.product
    assert isinstance(page, page_model)
    form = producer_a.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).context["form"]
    assert list(form.fields[field].queryset) == [a.item]
    assert form.fields[field].error_messages["invalid_choice"] == owner_scope(model).refusal


# --- editors: every one; a producers' role without an account: none --------------------------------


def test_an_editor_sees_and_edits_every_producers_items(make_user, estates, model):
    editor = logged_in(make_user("editor"))
    a, b = estates["a"], estates["b"]
    html = editor.get(url(model, "list")).content.decode()
    assert str(a.item) in html and str(b.item) in html
    assert str(b.item) in editor.get(url(model, "list"), {"q": RECIPES[model].finds_b}).content.decode()
    assert str(b.item) in text(editor.get(url(model, "choose", chooser=True)))
    for view in ("history", "usage", "copy"):
        assert editor.get(url(model, view, b.item.pk)).status_code == 200, view

    response = editor.post(
        url(model, "edit", b.item.pk), RECIPES[model].form(b, "SUA-BOI-BIEN-TAP", producer=b.producer)
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    edited = saved_with(model, "SUA-BOI-BIEN-TAP")
    assert edited is not None and edited.pk == b.item.pk and owner_of(edited) == b.producer.pk
    # And takes what producers may not: the other's things are on offer.
    assert editor.post(url(model, "add"), RECIPES[model].stolen(a, b)).status_code == 302


def test_a_producers_role_without_an_account_sees_none(make_user, estates, model):
    from django.contrib.auth.models import Group

    from accounts.models import ProducerAccount
    from accounts.roles import PRODUCERS

    user = make_user("producer", producer=estates["a"].producer)
    ProducerAccount.objects.filter(user=user).delete()
    user.groups.add(Group.objects.get(name=PRODUCERS))  # put back in the role's group by hand
    client = logged_in(user)
    assert refused(client.get(url(model, "list")))
    for estate in estates.values():
        assert client.get(url(model, "edit", estate.item.pk)).status_code == 404
        assert str(estate.item) not in text(client.get(url(model, "choose", chooser=True)))
        assert client.get(url(model, "chosen", estate.item.pk, chooser=True)).status_code == 404
    user = type(user).objects.get(pk=user.pk)  # no per-request caches
    assert not reachable(model, user).exists()
