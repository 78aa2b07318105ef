import pytest

from portal.catalogue.site_tree import ensure_site_tree

from .factories import ProducerPageFactory, ProductPageFactory


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
