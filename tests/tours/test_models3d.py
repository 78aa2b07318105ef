"""3D models: a GLB (or self-contained glTF) checked by its content, owned like panoramas, shown
behind a poster that loads nothing heavy until opened, and served in the API.

The files are built here byte by byte, so each refusal is the one the test means.
"""

import base64
import json
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from accounts.roles import producer_collection
from demo.content import models3d as demo_models
from tours.models import Model3D
from tours.validation import check_model3d

pytestmark = pytest.mark.django_db

MODELS = "wagtailsnippets_tours_model3d"
MODEL_CHOOSER = "wagtailsnippetchoosers_tours_model3d"
ROOT = Path(settings.BASE_DIR)
# A triangle: 3 positions (float32), then 3 indices (uint16, padded to 4 bytes).
TRIANGLE = struct.pack("<9f", 0, 0, 0, 1, 0, 0, 0, 1, 0) + struct.pack("<3H", 0, 1, 2) + b"\0\0"


def gltf_document(buffer_uri: str | None = None, version: str = "2.0") -> dict:
    buffer = {"byteLength": len(TRIANGLE)}
    if buffer_uri is not None:
        buffer["uri"] = buffer_uri
    return {
        "asset": {"version": version},
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0}],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0}, "indices": 1}]}],
        "accessors": [
            {"bufferView": 0, "componentType": 5126, "count": 3, "type": "VEC3", "min": [0, 0, 0], "max": [1, 1, 0]},
            {"bufferView": 1, "componentType": 5123, "count": 3, "type": "SCALAR"},
        ],
        "bufferViews": [
            {"buffer": 0, "byteOffset": 0, "byteLength": 36},
            {"buffer": 0, "byteOffset": 36, "byteLength": 6},
        ],
        "buffers": [buffer],
    }


def glb(
    document: dict | None = None,
    *,
    json_bytes: bytes | None = None,
    version: int = 2,
    magic: bytes = b"glTF",
    declared: int | None = None,
    first_chunk_type: int = 0x4E4F534A,
) -> bytes:
    """A GLB file, every part of which a test may get wrong on purpose."""
    if json_bytes is None:
        json_bytes = json.dumps(document or gltf_document()).encode()
    json_bytes += b" " * (-len(json_bytes) % 4)
    body = struct.pack("<II", len(json_bytes), first_chunk_type) + json_bytes
    body += struct.pack("<II", len(TRIANGLE), 0x004E4942) + TRIANGLE
    total = 12 + len(body)
    return struct.pack("<4sII", magic, version, total if declared is None else declared) + body


DEEP = b'{"asset": {"version": "2.0"}, "extras": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"


def refusal(data: bytes) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        check_model3d(ContentFile(data))
    return caught.value


# --- what is accepted, what is refused, and why ------------------------------------------------------


def test_a_glb_and_a_self_contained_gltf_are_accepted():
    data = glb()
    assert check_model3d(ContentFile(data)) == {"format": "glb", "size": len(data)}
    inline = "data:application/octet-stream;base64," + base64.b64encode(TRIANGLE).decode()
    text = json.dumps(gltf_document(buffer_uri=inline)).encode()
    assert check_model3d(ContentFile(text)) == {"format": "gltf", "size": len(text)}
    demo = demo_models.glb()  # the demo's own model passes the same checks
    assert check_model3d(ContentFile(demo))["format"] == "glb"


@pytest.mark.parametrize(
    ("data", "code", "words"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "not_gltf", "không phải là mô hình 3D GLB hay glTF"),
        (b"PK\x03\x04 a zip named .glb", "not_gltf", "không phải là mô hình 3D"),
        (b"", "not_gltf", "không phải là mô hình 3D"),
        (glb(magic=b"gltf"), "not_gltf", "không phải là mô hình 3D"),
        (glb(version=1), "wrong_version", "phiên bản 1 không được hỗ trợ"),
        (glb(gltf_document(version="1.0")), "wrong_version", "không phải glTF 2.0 (phiên bản ghi trong tệp: 1.0)"),
        (glb({"scenes": []}), "wrong_version", "không phải glTF 2.0"),
        (glb(declared=10_000), "length_mismatch", "phần đầu tệp ghi 10000 byte"),
        (glb()[:-7], "length_mismatch", "không trọn vẹn"),  # cut off on the way
        (glb() + b"\0\0\0\0", "length_mismatch", "không trọn vẹn"),  # something glued after it
        (glb()[:10], "truncated", "bị cắt cụt"),
        (glb(json_bytes=b'{"asset": {"version": "2.0"'), "bad_json", "không đọc được JSON"),
        (glb(json_bytes=b"[1, 2, 3]"), "bad_json", "không đúng cấu trúc glTF"),
        (glb(first_chunk_type=0x004E4942), "bad_json", "khối đầu tiên phải là phần mô tả JSON"),
        (b'{"asset": {"version": "2.0"}, "buffers": [', "bad_json", "Tệp glTF bị hỏng"),
        (json.dumps(gltf_document(buffer_uri="bo.bin")).encode(), "external_resources", "bo.bin"),
        (glb({**gltf_document(), "images": [{"uri": "vo-bo.png"}]}), "external_resources", "vo-bo.png"),
        # each of these was a 500 (a TypeError or a RecursionError) instead of a refusal
        (glb({**gltf_document(), "buffers": 5}), "bad_json", "“buffers” phải là một danh sách"),
        (glb({**gltf_document(), "images": True}), "bad_json", "“images” phải là một danh sách"),
        (json.dumps({**gltf_document(), "buffers": "bo.bin"}).encode(), "bad_json", "“buffers”"),
        (glb({**gltf_document(), "images": [None, 3]}), "bad_json", "“images”"),
        (glb(json_bytes=DEEP), "bad_json", "không đọc được JSON"),
        (DEEP, "bad_json", "Tệp glTF bị hỏng"),
    ],
    ids=[
        "png",
        "zip",
        "empty",
        "wrong-magic",
        "glb-version-1",
        "asset-version-1",
        "no-asset",
        "declared-longer",
        "truncated",
        "trailing-bytes",
        "header-only",
        "json-broken",
        "json-not-object",
        "bin-chunk-first",
        "gltf-broken",
        "gltf-external-buffer",
        "glb-external-image",
        "buffers-a-number",
        "images-a-boolean",
        "buffers-a-string",
        "images-not-objects",
        "glb-nested-too-deep",
        "gltf-nested-too-deep",
    ],
)
def test_each_bad_file_is_refused_with_its_own_reason(data, code, words):
    error = refusal(data)
    assert [item.code for item in error.error_list] == [code]
    assert words in error.messages[0]


def test_a_chunk_longer_than_the_file_is_refused():
    data = bytearray(glb())
    struct.pack_into("<I", data, 12, 10_000)  # the JSON chunk claims more than there is
    assert refusal(bytes(data)).error_list[0].code == "length_mismatch"


@override_settings(MODEL3D_MAX_BYTES=1000)
def test_a_file_over_the_size_limit_is_refused_before_it_is_read():
    data = glb(json_bytes=json.dumps({**gltf_document(), "extras": {"note": "x" * 2000}}).encode())
    error = refusal(data)
    assert error.error_list[0].code == "too_large"
    assert error.messages[0].startswith("Tệp quá lớn (3 KB): mô hình 3D tối đa 1 KB")
    assert check_model3d(ContentFile(glb()))["format"] == "glb"  # a small one still passes


def test_the_default_size_limit_is_15_mb(settings):
    from tours.validation import model3d_max_bytes

    del settings.MODEL3D_MAX_BYTES
    assert model3d_max_bytes() == 15 * 1024 * 1024


# --- the snippet --------------------------------------------------------------------------------------


def poster_image(title: str = "Ảnh đại diện quả bơ", collection=None):
    return get_image_model().objects.create(
        title=title,
        file=ContentFile(demo_models.poster(), name="poster.jpg"),
        collection=collection or Collection.get_first_root_node(),
    )


def test_clean_refuses_a_bad_upload_on_the_file_field_and_names_a_good_one_by_its_content():
    model = Model3D(title="Bơ", alt="Quả bơ", poster=poster_image(), file=ContentFile(b"\x89PNG....", name="bo.glb"))
    with pytest.raises(ValidationError) as caught:
        model.full_clean()
    assert list(caught.value.message_dict) == ["file"]
    assert not Model3D.objects.exists()

    model.file = ContentFile(glb(), name="anh-chup.png")  # a GLB whatever its name says
    model.full_clean()
    model.save()
    assert model.file.name.startswith("models3d/anh-chup") and model.file.name.endswith(".glb")
    assert model.file_size == len(glb())
    assert model.media_type == "model/gltf-binary"


# --- producers' own models only --------------------------------------------------------------------


class Estate:
    def __init__(self, producer, product, poster, model):
        self.producer, self.product, self.poster, self.model = producer, product, poster, model


@pytest.fixture
def estates(make_producer, make_product, editorial_site):
    result = {}
    for key, name, title in (("a", "HTX Bơ núi lửa", "Quả bơ"), ("b", "HTX Miến dong", "Gói miến bí mật")):
        producer = make_producer(title=name)
        product = make_product(producer=producer, title=f"Sản phẩm của {name}")
        poster = poster_image(f"Ảnh {title}", producer_collection(producer))
        model = Model3D.objects.create(
            title=title,
            alt=f"{title}, nhìn từ mọi phía",
            poster=poster,
            producer=producer,
            file=ContentFile(glb(), name="mo-hinh.glb"),
        )
        result[key] = Estate(producer, product, poster, model)
    return result


@pytest.fixture
def editors_model(estates):
    return Model3D.objects.create(
        title="Mô hình của ban biên tập",
        alt="Một hộp quà OCOP",
        poster=poster_image(),
        file=ContentFile(glb(), "x.glb"),
    )


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def producer_a(make_user, estates):
    return logged_in(make_user("producer", producer=estates["a"].producer))


def model_form(poster, data: bytes | None = None, name: str = "bo.glb", title: str = "Bơ Booth", **extra) -> dict:
    form = {"title": title, "poster": poster.pk, "alt": "Quả bơ Booth vỏ xanh", "credit": "", **extra}
    if data is not None:
        form["file"] = SimpleUploadedFile(name, data, content_type="application/octet-stream")
    return form


def modal(response) -> str:
    assert response.status_code == 200
    if response["Content-Type"].startswith("application/json"):
        return response.json()["html"]
    return response.content.decode()


def stored_models() -> set[str]:
    folder = Path(settings.MEDIA_ROOT) / "models3d"
    return {path.name for path in folder.iterdir()} if folder.exists() else set()


def test_a_producer_uploads_a_model_and_owns_it(producer_a, estates):
    a, b = estates["a"], estates["b"]
    add = reverse(f"{MODELS}:add")
    page = producer_a.get(add)
    assert page.status_code == 200
    assert "producer" not in page.context["form"].fields
    assert 'enctype="multipart/form-data"' in page.content.decode()
    assert "Tối đa 15 MB." in page.content.decode()

    data = glb()
    response = producer_a.post(add, model_form(a.poster, data, name="bo-booth.bin", producer=b.producer.pk))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    model = Model3D.objects.get(title="Bơ Booth")
    assert model.producer_id == a.producer.pk and model.poster_id == a.poster.pk
    assert model.file.name.endswith(".glb") and model.file_size == len(data)
    assert model.file.read() == data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "không phải là mô hình 3D GLB hay glTF"),
        (glb(version=1), "chỉ nhận glTF 2.0"),
        (glb()[:-7], "Tệp GLB không trọn vẹn"),
        (glb(json_bytes=b"{broken"), "không đọc được JSON"),
    ],
    ids=["not-glb", "version-1", "truncated", "broken-json"],
)
def test_a_refused_upload_shows_why_in_the_admin_and_saves_nothing(producer_a, estates, data, message):
    before = stored_models()
    response = producer_a.post(reverse(f"{MODELS}:add"), model_form(estates["a"].poster, data, title="Mô hình hỏng"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Chưa thêm được" in html and message in html
    assert not Model3D.objects.filter(title="Mô hình hỏng").exists()
    assert stored_models() == before  # not even the file


@override_settings(MODEL3D_MAX_BYTES=200)
def test_a_too_large_upload_is_refused_in_the_admin(producer_a, estates):
    response = producer_a.post(reverse(f"{MODELS}:add"), model_form(estates["a"].poster, glb(), title="Quá lớn"))
    assert response.status_code == 200
    assert "Tệp quá lớn" in response.content.decode()
    assert not Model3D.objects.filter(title="Quá lớn").exists()


def test_a_producer_cannot_use_another_producers_image_as_poster(producer_a, estates):
    response = producer_a.post(reverse(f"{MODELS}:add"), model_form(estates["b"].poster, glb(), title="Ảnh mượn"))
    assert response.status_code == 200
    assert "Bạn chỉ có thể chọn ảnh trong thư mục ảnh của chủ thể mình." in response.content.decode()
    assert not Model3D.objects.filter(title="Ảnh mượn").exists()


def test_a_producer_edits_its_own_model_and_keeps_the_file(producer_a, estates):
    a = estates["a"]
    edit = reverse(f"{MODELS}:edit", args=[a.model.pk])
    assert producer_a.get(edit).status_code == 200
    response = producer_a.post(edit, model_form(a.poster, title="Quả bơ chín"))  # no new file
    assert response.status_code == 302
    a.model.refresh_from_db()
    assert a.model.title == "Quả bơ chín" and a.model.producer_id == a.producer.pk
    assert check_model3d(a.model.file.open("rb"))["format"] == "glb"


def test_a_producer_lists_and_chooses_only_its_own_models(producer_a, estates, editors_model):
    a, b = estates["a"], estates["b"]
    listing = producer_a.get(reverse(f"{MODELS}:list"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert a.model.title in html and b.model.title not in html and editors_model.title not in html
    assert b.model.title not in producer_a.get(reverse(f"{MODELS}:list"), {"q": "bí mật"}).content.decode()

    chooser = modal(producer_a.get(reverse(f"{MODEL_CHOOSER}:choose")))
    assert a.model.title in chooser and b.model.title not in chooser and editors_model.title not in chooser
    results = modal(producer_a.get(reverse(f"{MODEL_CHOOSER}:choose_results"), {"q": "bí mật"}))
    assert b.model.title not in results
    assert producer_a.get(reverse(f"{MODEL_CHOOSER}:chosen", args=[b.model.pk])).status_code == 404
    assert producer_a.get(reverse(f"{MODEL_CHOOSER}:chosen", args=[a.model.pk])).status_code == 200


@pytest.mark.parametrize("view", ["edit", "delete", "history", "usage", "copy"])
def test_another_producers_model_cannot_be_reached_by_url(producer_a, estates, view):
    b = estates["b"]
    url = reverse(f"{MODELS}:{view}", args=[b.model.pk])
    response = producer_a.get(url)
    assert response.status_code == 404, f"{view}: {response.status_code}"
    assert b.model.title not in response.content.decode()
    assert producer_a.post(url, model_form(estates["a"].poster, title="Chiếm")).status_code == 404
    b.model.refresh_from_db()
    assert b.model.title != "Chiếm" and b.model.producer_id == b.producer.pk


def test_a_producer_deletes_no_model(producer_a, estates):
    a, b = estates["a"], estates["b"]
    delete = reverse(f"{MODELS}:delete", args=[a.model.pk])
    producer_a.post(delete)
    bulk = reverse("wagtail_bulk_action", args=["tours", "model3d", "delete"])
    assert producer_a.get(bulk + f"?id={b.model.pk}").status_code == 404
    producer_a.post(bulk + f"?id={b.model.pk}")
    assert Model3D.objects.filter(pk__in=[a.model.pk, b.model.pk]).count() == 2


def product_form(product, model3d) -> dict:
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
            "tour": "",
            "model3d": model3d.pk,
            "body": streamfield([]),
        }
    )


def test_a_producers_product_page_offers_only_its_own_models(producer_a, estates, editors_model):
    a, b = estates["a"], estates["b"]
    edit = reverse("wagtailadmin_pages:edit", args=[a.product.pk])
    form = producer_a.get(edit).context["form"]
    assert list(form.fields["model3d"].queryset) == [a.model]

    for stolen in (b.model, editors_model):
        response = producer_a.post(edit, product_form(a.product, stolen))
        assert response.status_code == 200
        assert "Bạn chỉ có thể chọn mô hình 3D của chủ thể mình." in response.content.decode()
        a.product.refresh_from_db()
        assert a.product.get_latest_revision_as_object().model3d_id is None

    assert producer_a.post(edit, product_form(a.product, a.model)).status_code == 302
    a.product.refresh_from_db()
    assert a.product.get_latest_revision_as_object().model3d_id == a.model.pk


def test_a_producer_keeps_the_model_an_editor_chose_for_its_page(producer_a, estates, editors_model):
    a = estates["a"]
    a.product.model3d = editors_model
    a.product.save_revision().publish()
    edit = reverse("wagtailadmin_pages:edit", args=[a.product.pk])
    assert set(producer_a.get(edit).context["form"].fields["model3d"].queryset) == {a.model, editors_model}
    assert producer_a.post(edit, product_form(a.product, editors_model)).status_code == 302


def test_editors_manage_every_model(make_user, estates, editors_model):
    editor = logged_in(make_user("editor"))
    a, b = estates["a"], estates["b"]
    html = editor.get(reverse(f"{MODELS}:list")).content.decode()
    assert all(title in html for title in (a.model.title, b.model.title, editors_model.title))
    assert "producer" in editor.get(reverse(f"{MODELS}:add")).context["form"].fields
    for view in ("edit", "history", "usage"):
        assert editor.get(reverse(f"{MODELS}:{view}", args=[b.model.pk])).status_code == 200, view
    form = editor.get(reverse("wagtailadmin_pages:edit", args=[a.product.pk])).context["form"]
    assert {a.model, b.model, editors_model} <= set(form.fields["model3d"].queryset)
    assert editor.post(reverse(f"{MODELS}:delete", args=[b.model.pk])).status_code == 302
    assert not Model3D.objects.filter(pk=b.model.pk).exists()


# --- the API and the page ---------------------------------------------------------------------------


@pytest.fixture
def avocado(estates):
    a = estates["a"]
    a.product.model3d = a.model
    a.product.save_revision().publish()
    return a.product


def test_the_api_serves_the_model_file_and_its_poster(client, avocado):
    model = avocado.model3d
    data = client.get(f"/api/v2/pages/{avocado.pk}/").json()["model3d_data"]
    assert data == {
        "id": model.pk,
        "title": "Quả bơ",
        "alt": "Quả bơ, nhìn từ mọi phía",
        "credit": "",
        "url": model.file.url,
        "size": len(glb()),
        "media_type": "model/gltf-binary",
        "poster": {"url": data["poster"]["url"], "width": 960, "height": 720},
    }
    assert data["url"].startswith(settings.MEDIA_URL) and data["url"].endswith(".glb")
    assert data["poster"]["url"].startswith(settings.MEDIA_URL) and data["poster"]["url"].endswith(".jpg")
    listing = client.get("/api/v2/pages/", {"type": "catalogue.ProductPage", "fields": "model3d_data"}).json()
    by_id = {item["id"]: item["model3d_data"] for item in listing["items"]}
    assert by_id[avocado.pk]["url"] == data["url"]


def test_the_api_has_no_model_for_a_product_without_one(client, estates):
    product = estates["b"].product
    assert client.get(f"/api/v2/pages/{product.pk}/").json()["model3d_data"] is None


def scripts(html: str) -> list[str]:
    return re.findall(r"<script\b[^>]*>", html)


def test_the_product_page_shows_the_poster_and_loads_only_the_small_script(client, avocado):
    html = client.get(avocado.url).content.decode()
    section = re.search(r'<section class="model3d[^"]*"[^>]*>.*?</section>', html, re.S).group(0)
    poster = re.search(r"<img [^>]*>", section).group(0)
    assert 'loading="lazy"' in poster and 'width="960"' in poster and 'height="720"' in poster
    assert 'alt="Quả bơ, nhìn từ mọi phía"' in poster
    button = re.search(r"<button [^>]*data-model3d-open[^>]*>([^<]*)</button>", section)
    assert button and " hidden" in button.group(0) and button.group(1) == "Xem mô hình 3D"
    assert re.search(r'<a href="/media/models3d/[^"]+\.glb"[^>]* download>', section)  # without JavaScript
    assert 'data-model3d-bundle="/static/dist/model-viewer.js"' in section

    module = [tag for tag in scripts(html) if "model3d.js" in tag]
    assert module == ['<script type="module" src="/static/dist/model3d.js">']
    assert not [tag for tag in scripts(html) if "model-viewer" in tag]
    assert not re.search(r"<link[^>]+model-viewer", html)  # not even preloaded
    assert "<model-viewer" not in html


def test_a_product_page_without_a_model_has_no_model_script(client, estates):
    html = client.get(estates["b"].product.url).content.decode()
    assert "model3d" not in html and "model-viewer" not in html


# --- the front-end entry stays small ----------------------------------------------------------------


def test_the_entry_script_imports_nothing_and_fetches_the_viewer_only_when_opened():
    source = (ROOT / "frontend" / "model3d.js").read_text()
    assert not re.search(r"^\s*import\s", source, re.M)  # no static import: model-viewer is not bundled in
    assert "import(" in source and "dataset.model3dBundle" in source
    assert 'getContext("webgl2")' in source and "prefers-reduced-motion" in source
    assert (ROOT / "frontend" / "model-viewer.js").read_text().strip().endswith('import "@google/model-viewer";')


def test_the_bundled_entry_script_is_a_few_kilobytes():
    esbuild = ROOT / "node_modules" / ".bin" / "esbuild"
    if not esbuild.exists() or shutil.which("node") is None:
        pytest.skip("node_modules is not installed (npm ci)")
    bundled = subprocess.run(
        [str(esbuild), str(ROOT / "frontend" / "model3d.js"), "--bundle", "--minify", "--format=esm"],
        capture_output=True,
        check=True,
    ).stdout
    assert len(bundled) < 6 * 1024
    assert b"WebGLRenderer" not in bundled  # three.js stayed out


def test_the_admin_menu_offers_3d_models_to_producers(make_user, estates):
    html = logged_in(make_user("producer", producer=estates["a"].producer)).get("/admin/").content.decode()
    props = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S)
    menu = json.loads(props[1])
    assert "Mô hình 3D" in json.dumps(menu, ensure_ascii=False)
    assert reverse(f"{MODELS}:list") in json.dumps(menu)
