"""No hostile input answers 5xx: every public GET parameter and path, and the upload forms.

Deterministic: a fixed list of hostile values, and byte mutations of good files drawn from a
seeded ``random.Random``. Each test sends its requests in a loop and reports every one that
answered 5xx (or raised) at once, so one run names all the cases.
"""

import io
import json
import random
import struct
from urllib.parse import quote

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection

from catalogue.filters import ProductFilterForm
from core.sitemaps import SITEMAPS
from scans.models import CodeKind, ScanCode
from search.params import SearchParamsForm

pytestmark = pytest.mark.django_db

HOSTILE = [
    "",
    '"',
    "'",
    '"a" \'b',
    "\x00",
    "\t\n",
    "\r\n\x0b\x0c",
    "\x1b[31m\x7f",
    "1e40",
    "-1",
    "-" + "9" * 30,
    "9" * 40,
    "NaN",
    "-inf",
    "0x1A",
    "1.5",
    "a" * 3000,
    "%",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "Đắk Nông 🥑",
    "\u202e\ufeff",
]
# Already percent-encoded: invalid UTF-8, a lone surrogate, overlong forms.
RAW = ["%ff", "%c3%28", "%e2%82", "%ed%a0%80", "%c0%af", "%00%ff"]


def hostile_queries(name: str) -> list[str]:
    """Every hostile value for one parameter, then the parameter as an array and repeated."""
    queries = [f"{name}={quote(value, safe='')}" for value in HOSTILE]
    queries += [f"{name}={raw}" for raw in RAW]
    queries += [f"{name}[]=1&{name}[]=2", f"{name}=1&{name}=x&{name}=", f"{name}"]
    return queries


def hostile_segments() -> list[str]:
    return [quote(value, safe="") for value in HOSTILE if value] + RAW + ["a/b", "..", "%2F"]


def answers(client, urls) -> list[str]:
    """The URLs that answered 5xx or raised, with what they did."""
    failures = []
    for url in urls:
        try:
            response = client.get(url)
        except Exception as error:  # noqa: BLE001 - the test reports every failing URL, not just the first
            failures.append(f"{url[:120]} raised {type(error).__name__}: {str(error)[:120]}")
            continue
        if response.status_code >= 500:
            failures.append(f"{url[:120]} answered {response.status_code}")
    return failures


@pytest.fixture
def catalogue(make_product, site_tree):
    product = make_product(title="Bơ sáp Krông Nô")
    code = ScanCode.objects.create(product=product, kind=CodeKind.BATCH, lot="L2025-01")
    return {"site": site_tree, "product": product, "code": code}


SEARCH_PARAMETERS = [*SearchParamsForm().fields, "format"]


def test_the_search_api_and_suggestions(client, catalogue):
    urls = [f"/api/search/?{query}" for name in SEARCH_PARAMETERS for query in hostile_queries(name)]
    urls += [f"/api/search/?format=html&{query}" for query in hostile_queries("q")]
    urls += [f"/api/search/suggest/?{query}" for query in hostile_queries("q")]
    assert answers(client, urls) == []


def test_the_search_page(client, catalogue):
    urls = [f"/tim-kiem/?{query}" for name in SEARCH_PARAMETERS for query in hostile_queries(name)]
    assert answers(client, urls) == []


def test_the_listings_and_a_product_page(client, catalogue):
    site, product = catalogue["site"], catalogue["product"]
    products, producers = site.products.url, site.producers.url
    urls = [f"{products}?{query}" for name in [*ProductFilterForm().fields, "page"] for query in hostile_queries(name)]
    urls += [f"{producers}?{query}" for query in hostile_queries("page")]
    urls += [f"{product.url}?{query}" for name in ("ma", "nfc") for query in hostile_queries(name)]
    assert answers(client, urls) == []


API_PARAMETERS = [
    "search",
    "search_operator",
    "offset",
    "limit",
    "type",
    "fields",
    "order",
    "child_of",
    "ancestor_of",
    "descendant_of",
    "locale",
    "translation_of",
    "id",
    "title",
    "slug",
]


def test_the_pages_api(client, catalogue):
    product = catalogue["product"]
    urls = [f"/api/v2/pages/?{query}" for name in API_PARAMETERS for query in hostile_queries(name)]
    urls += [f"/api/v2/pages/?type=catalogue.ProductPage&{query}" for query in hostile_queries("search")]
    urls += [f"/api/v2/pages/{product.pk}/?{query}" for query in hostile_queries("fields")]
    urls += [f"/api/v2/pages/find/?{query}" for query in hostile_queries("html_path")]
    urls += [f"/api/v2/pages/{segment}/" for segment in hostile_segments()]
    assert answers(client, urls) == []


def test_scan_codes_and_gs1_links(client, catalogue):
    code = catalogue["code"].code
    urls = [f"/q/{code}?{query}" for name in ("p", "m") for query in hostile_queries(name)]
    for segment in hostile_segments():
        urls += [f"/q/{segment}", f"/q/{segment}/", f"/q/{segment}/qr.svg", f"/q/{segment}/qr.png"]
        urls += [f"/01/{segment}", f"/01/09506000134352/10/{segment}", f"/01/09506000134352/21/{segment}"]
    urls += [f"/01/09506000134352?{query}" for name in ("linkType", "lang") for query in hostile_queries(name)]
    urls += [f"/.well-known/gs1resolver?{query}" for query in hostile_queries("linkType")]
    assert answers(client, urls) == []


def test_sitemaps_and_feeds(client, catalogue):
    urls = [f"/sitemap.xml?{query}" for query in hostile_queries("p")]
    urls += [f"/sitemap-{section}.xml?{query}" for section in SITEMAPS for query in hostile_queries("p")]
    urls += [f"/sitemap-{segment}.xml" for segment in hostile_segments()]
    urls += [f"/feeds/cau-chuyen.xml?{query}" for query in hostile_queries("page")]
    urls += [f"/robots.txt?{query}" for query in hostile_queries("x")]
    assert answers(client, urls) == []


# --- uploads ---------------------------------------------------------------------------------------


def jpeg(width: int = 96, height: int = 64) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (40, 120, 70)).save(buffer, "JPEG")
    return buffer.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A PNG that only claims its size: a decompression bomb by its header."""
    import zlib

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))


def mutations(data: bytes, count: int, seed: int) -> list[bytes]:
    """Copies of ``data`` cut short or with a few bytes changed, always the same ones."""
    rng = random.Random(seed)
    result = []
    for _ in range(count):
        mutated = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            mutated[rng.randrange(len(mutated))] = rng.randrange(256)
        result.append(bytes(mutated[: rng.randint(1, len(mutated))] if rng.random() < 0.5 else mutated))
    return result


GOOD_JPEG = jpeg()
BAD_IMAGES = [
    b"",
    b"x",
    GOOD_JPEG[:2],
    GOOD_JPEG[:200],
    GOOD_JPEG[: len(GOOD_JPEG) // 2],
    b"GIF89a",
    b"RIFF\x00\x00\x00\x00WEBPVP8 ",
    b"<svg xmlns='http://www.w3.org/2000/svg'/>",
    b"PK\x03\x04 a zip",
    png_header(100_000, 100_000),
    png_header(0, 0),
    *mutations(GOOD_JPEG, 12, seed=9),
]


def glb(document: dict | bytes) -> bytes:
    body = document if isinstance(document, bytes) else json.dumps(document).encode()
    body += b" " * (-len(body) % 4)
    chunk = struct.pack("<II", len(body), 0x4E4F534A) + body
    return struct.pack("<4sII", b"glTF", 2, 12 + len(chunk)) + chunk


ASSET = {"asset": {"version": "2.0"}}
GOOD_GLB = glb({**ASSET, "buffers": [{"byteLength": 0}]})
BAD_MODELS = [
    b"",
    b"glTF",
    glb({**ASSET, "buffers": 5}),
    glb({**ASSET, "images": True}),
    glb({**ASSET, "buffers": [5, None, "x"]}),
    glb({**ASSET, "buffers": [{"uri": 5}]}),
    glb({"asset": "2.0"}),
    glb({"asset": {"version": 2}}),
    glb(b'{"asset": {"version": "2.0"}, "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"),
    b'{"asset": {"version": "2.0"}, "x": ' + b"{" * 100_000,
    glb(b"NaN"),
    glb(b"\xff\xfe not utf-8"),
    json.dumps({**ASSET, "images": {"uri": "a.png"}}).encode(),
    struct.pack("<4sII", b"glTF", 2, 0xFFFFFFFF),
    struct.pack("<4sII", b"glTF", 2, 20) + struct.pack("<II", 0xFFFFFFFF, 0x4E4F534A),
    *mutations(GOOD_GLB, 12, seed=13),
]


@pytest.fixture
def editor(client, make_user):
    client.force_login(make_user("superuser"))
    return client


def posted(client, url: str, data: dict, failures: list, label: str):
    try:
        response = client.post(url, data)
    except Exception as error:  # noqa: BLE001 - report every failing upload
        failures.append(f"{label} raised {type(error).__name__}: {str(error)[:120]}")
        return
    if response.status_code >= 500:
        failures.append(f"{label} answered {response.status_code}")


def test_image_uploads(editor, site_tree):
    root = Collection.get_first_root_node().pk
    failures = []
    for index, data in enumerate(BAD_IMAGES):
        for name in ("anh.jpg", "anh.png"):
            upload = SimpleUploadedFile(name, data, content_type="image/jpeg")
            form = {"title": "Ảnh", "file": upload, "collection": root}
            posted(editor, "/admin/images/add/", form, failures, f"image {index} as {name}")
            upload = SimpleUploadedFile(name, data, content_type="image/jpeg")
            posted(editor, "/admin/images/multiple/add/", {"files[]": upload}, failures, f"multiple {index} as {name}")
    assert failures == []


def test_panoramas_of_unreadable_stored_images(editor, site_tree):
    """A panorama chooses a stored image; one stored before uploads were checked may be any bytes."""
    failures = []
    for index, data in enumerate(BAD_IMAGES):
        image = get_image_model().objects.create(title=f"Ảnh {index}", file=ContentFile(GOOD_JPEG, name="anh.jpg"))
        with image.file.storage.open(image.file.name, "wb") as file:  # damaged after it was stored
            file.write(data)
        form = {"title": "Vườn bơ", "image": image.pk, "initial_yaw": "0", "initial_pitch": "0"}
        posted(editor, "/admin/snippets/tours/panorama/add/", form, failures, f"panorama {index}")
    assert failures == []


def test_model3d_uploads(editor, site_tree):
    poster = get_image_model().objects.create(title="Ảnh đại diện", file=ContentFile(GOOD_JPEG, name="poster.jpg"))
    failures = []
    for index, data in enumerate(BAD_MODELS):
        for name in ("mo-hinh.glb", "mo-hinh.gltf"):
            upload = SimpleUploadedFile(name, data, content_type="application/octet-stream")
            form = {"title": "Bơ", "alt": "Quả bơ", "poster": poster.pk, "credit": "", "file": upload}
            posted(editor, "/admin/snippets/tours/model3d/add/", form, failures, f"model {index} as {name}")
    assert failures == []
