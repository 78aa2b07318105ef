import re

import pytest

from portal.catalogue.site_tree import ensure_site_tree

from .factories import ProducerPageFactory, ProductPageFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, as after a deploy."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_tree(db):
    """Home → Products, Producers, as on a fresh install."""
    return ensure_site_tree(hostname="testserver")


@pytest.fixture
def make_producer(site_tree):
    def make(**kwargs):
        kwargs.setdefault("parent", site_tree.producers)
        return ProducerPageFactory(**kwargs)

    return make


@pytest.fixture
def make_product(site_tree, make_producer):
    def make(**kwargs):
        kwargs.setdefault("parent", site_tree.products)
        if "producer" not in kwargs:
            kwargs["producer"] = make_producer()
        return ProductPageFactory(**kwargs)

    return make


@pytest.fixture
def read_sitemap(client):
    """Every URL entry of the sitemap: the index at /sitemap.xml and each of its pages."""

    def read() -> str:
        index = client.get("/sitemap.xml")
        assert index.status_code == 200
        parts = []
        for location in re.findall(r"<loc>([^<]+)</loc>", index.content.decode()):
            page = client.get(location.replace("http://testserver", "").replace("&amp;", "&"))
            assert page.status_code == 200
            parts.append(page.content.decode())
        return "\n".join(parts)

    return read
