"""``manage.py generate_catalog``: a national-scale synthetic catalogue, written in bulk."""

import io
import random
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, F
from wagtail.models import Page

from catalogue.models import ProducerPage, ProducerType, ProductMarketplaceLink, ProductPage
from catalogue.models.rating import STAR_BANDS, CertificateStatus, default_expiry
from catalogue.site_tree import ensure_site_tree
from demo.generator import generate_catalogue, generated_pages
from demo.generator.plan import quotas, split_score
from regions.models import FormerProvince, Province

N_PRODUCTS = 2000
SEED = 20250701

pytestmark = pytest.mark.slow


@pytest.fixture(scope="class")
def catalogue(django_db_setup, django_db_blocker):
    """One generated catalogue shared by the tests of a class, rolled back after them."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            tree = ensure_site_tree(hostname="testserver")
            report = generate_catalogue(N_PRODUCTS, seed=SEED)
            yield tree, report
            transaction.set_rollback(True)


def share(counter: Counter, key) -> float:
    return 100 * counter[key] / sum(counter.values())


@pytest.mark.django_db
class TestNationalCatalogue:
    """2,000 products with a seed: shares, coverage, validity, tree, rendering."""

    # --- the national figures ------------------------------------------------------------------------
    def test_star_shares_follow_the_national_figures(self, catalogue):
        stars = Counter(dict(ProductPage.objects.values_list("stars").annotate(n=Count("id")).order_by()))
        assert sum(stars.values()) == N_PRODUCTS
        assert share(stars, 3) == pytest.approx(73.2, abs=3)
        assert share(stars, 4) == pytest.approx(23.5, abs=3)
        assert 0 < share(stars, 5) < 2

    def test_producer_type_shares_follow_the_national_figures(self, catalogue):
        _, report = catalogue
        types = Counter(dict(ProducerPage.objects.values_list("producer_type").annotate(n=Count("id")).order_by()))
        assert share(types, ProducerType.COOPERATIVE) == pytest.approx(32.7, abs=4)
        assert share(types, ProducerType.ENTERPRISE) == pytest.approx(24.1, abs=4)
        assert share(types, ProducerType.HOUSEHOLD) == pytest.approx(42.7, abs=4)
        assert share(types, ProducerType.COOPERATIVE_GROUP) < 4
        # 14,642 products of 8,086 producers nationally: about 1.8 each.
        assert report.products / report.producers == pytest.approx(1.81, abs=0.1)

    def test_producers_are_shared_among_products(self, catalogue):
        per_producer = Counter(ProductPage.objects.values_list("producer_id", flat=True))
        assert None not in per_producer
        assert len(per_producer) == ProducerPage.objects.count()  # every producer makes something
        assert max(per_producer.values()) >= 4
        assert sum(1 for n in per_producer.values() if n > 1) > len(per_producer) / 5

    def test_products_and_producers_cover_all_34_provinces(self, catalogue):
        assert Province.objects.count() == 34
        assert ProductPage.objects.values("origin_province").distinct().count() == 34
        assert ProducerPage.objects.values("province").distinct().count() == 34

    def test_products_come_from_their_producers_ward_and_province(self, catalogue):
        mismatched = ProductPage.objects.exclude(origin_province=F("producer__province"))
        assert not mismatched.exists()
        producers = ProducerPage.objects.select_related("ward")
        assert all(p.ward.province_id == p.province_id for p in producers)
        assert all(p.latitude is not None and p.longitude is not None for p in producers)

    def test_old_addresses_name_a_former_province_of_the_producers_province(self, catalogue):
        successors = {f.name: f.successor_id for f in FormerProvince.objects.all()}
        with_legacy = ProducerPage.objects.exclude(legacy_address="")
        assert with_legacy.count() > ProducerPage.objects.count() / 10
        for producer in with_legacy:
            old_province = producer.legacy_address.rsplit(", ", 1)[-1]
            assert successors[old_province] == producer.province_id, producer.legacy_address

    # --- valid pages -------------------------------------------------------------------------------------
    def test_every_score_matches_its_stars(self, catalogue):
        rows = ProductPage.objects.values_list(
            "stars", "score_production", "score_marketing", "score_quality", "recognised_on", "expires_on"
        )
        for stars, production, marketing, quality, recognised_on, expires_on in rows:
            low, high = STAR_BANDS[stars]
            assert low <= production + marketing + quality <= high
            assert 0 <= production <= 40 and 0 <= marketing <= 25 and 0 <= quality <= 35
            assert expires_on == default_expiry(recognised_on)

    def test_a_sample_of_pages_passes_full_validation(self, catalogue):
        rng = random.Random(1)
        product_ids = rng.sample(list(ProductPage.objects.values_list("pk", flat=True)), 40)
        for product in ProductPage.objects.filter(pk__in=product_ids):
            product.full_clean()
        producer_ids = rng.sample(list(ProducerPage.objects.values_list("pk", flat=True)), 20)
        for producer in ProducerPage.objects.filter(pk__in=producer_ids):
            producer.full_clean()

    def test_certificates_include_expired_and_revoked_ones(self, catalogue):
        statuses = Counter(p.certificate_status() for p in ProductPage.objects.only("expires_on", "revoked_on"))
        assert share(statuses, CertificateStatus.VALID) > 60
        assert share(statuses, CertificateStatus.EXPIRED) > 10
        assert 0 < share(statuses, CertificateStatus.REVOKED) < 5
        assert not ProductPage.objects.filter(revoked_on__isnull=False, revocation_reason="").exists()

    def test_marketplace_links_belong_to_their_marketplace(self, catalogue):
        links = ProductMarketplaceLink.objects.select_related("marketplace")
        assert links.count() > N_PRODUCTS / 5
        for link in links[:300]:
            link.full_clean()

    def test_gtins_are_valid_and_unique(self, catalogue):
        gtins = list(ProductPage.objects.exclude(gtin=None).values_list("gtin", flat=True))
        assert len(gtins) > N_PRODUCTS / 4
        assert len(set(gtins)) == len(gtins)
        assert all(len(g) == 14 and g.startswith("0893") for g in gtins)

    # --- the page tree -----------------------------------------------------------------------------------
    def test_page_tree_is_consistent(self, catalogue):
        # The checks of treebeard's Page.find_problems(), done in one query: it
        # takes ~3 ms per page. The small runs below call find_problems() itself.
        tree, report = catalogue
        assert tree_problems() == {}
        tree.products.refresh_from_db()
        tree.producers.refresh_from_db()
        assert tree.products.numchild == report.products == tree.products.get_children().count()
        assert tree.producers.numchild == report.producers

    def test_slugs_are_unique_and_url_paths_follow_the_tree(self, catalogue):
        tree, _ = catalogue
        slugs = list(tree.products.get_children().values_list("slug", flat=True))
        assert len(slugs) == len(set(slugs))
        sample = ProductPage.objects.order_by("?")[:20]
        for product in sample:
            assert product.url_path == f"{tree.products.url_path}{product.slug}/"
            assert product.get_parent().pk == tree.products.pk

    def test_generated_pages_are_live_and_render(self, catalogue, client):
        assert not ProductPage.objects.not_live().exists()
        assert generated_pages().count() == ProductPage.objects.count() + ProducerPage.objects.count()
        for product in ProductPage.objects.order_by("?")[:4]:
            response = client.get(product.url)
            assert response.status_code == 200
            assert product.title in response.content.decode()
        for producer in ProducerPage.objects.order_by("?")[:2]:
            assert client.get(producer.url).status_code == 200
        tree, _ = catalogue
        assert client.get(tree.products.url).status_code == 200

    def test_generated_pages_can_be_edited_in_the_admin(self, catalogue, admin_client):
        product = ProductPage.objects.order_by("pk").first()
        assert product.latest_revision_id is None  # created in bulk, without a revision
        assert admin_client.get(f"/admin/pages/{product.pk}/edit/").status_code == 200


def tree_problems() -> dict:
    """Pages whose path, depth, parent or numchild is wrong, like Page.find_problems()."""
    rows = list(Page.objects.values_list("pk", "path", "depth", "numchild"))
    paths = {path for _, path, _, _ in rows}
    children = Counter(path[: -Page.steplen] for _, path, _, _ in rows)
    problems = {}
    for pk, path, depth, numchild in rows:
        if any(char not in Page.alphabet for char in path) or len(path) != depth * Page.steplen:
            problems[pk] = "path"
        elif depth > 1 and path[: -Page.steplen] not in paths:
            problems[pk] = "orphan"
        elif numchild != children[path]:
            problems[pk] = f"numchild {numchild} != {children[path]}"
    return problems


# --- repeated runs -----------------------------------------------------------------------------------
def snapshot(after_pk: int):
    pages = ProductPage.objects.filter(pk__gt=after_pk).select_related("producer").order_by("path")
    return [
        (p.title, p.producer.title, p.stars, p.score, p.origin_province_id, p.decision_number, p.recognised_on)
        for p in pages
    ]


def last_page_pk() -> int:
    return Page.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


@pytest.mark.django_db
def test_same_seed_gives_the_same_catalogue(site_tree):
    runs = []
    for _ in range(2):
        with transaction.atomic():
            before = last_page_pk()
            generate_catalogue(150, seed=42)
            runs.append(snapshot(before))
            transaction.set_rollback(True)
    assert len(runs[0]) == 150
    assert runs[0] == runs[1]
    before = last_page_pk()
    generate_catalogue(150, seed=43)
    assert snapshot(before) != runs[0]


@pytest.mark.django_db
def test_second_run_adds_products_and_clear_removes_only_generated_pages(site_tree, make_product):
    hand_made = make_product(title="Cà phê bột Đắk Đam")
    before = ProductPage.objects.count()
    out = io.StringIO()
    call_command("generate_catalog", products=120, seed=1, stdout=out)
    assert "Generated 120 products" in out.getvalue()
    call_command("generate_catalog", products=80, seed=1, stdout=io.StringIO())
    assert ProductPage.objects.count() == before + 200
    slugs = list(site_tree.products.get_children().values_list("slug", flat=True))
    assert len(slugs) == len(set(slugs))
    assert Page.find_problems() == ([], [], [], [], [])
    assert tree_problems() == {}

    call_command("generate_catalog", clear=True, stdout=io.StringIO())
    assert list(ProductPage.objects.values_list("pk", flat=True)) == [hand_made.pk]
    assert list(ProducerPage.objects.values_list("pk", flat=True)) == [hand_made.producer_id]
    assert Page.find_problems() == ([], [], [], [], [])
    site_tree.products.refresh_from_db()
    assert site_tree.products.numchild == 1


# --- the arithmetic ------------------------------------------------------------------------------------
def test_quotas_split_exactly():
    assert quotas(10, {"a": 0.5, "b": 0.3, "c": 0.2}) == {"a": 5, "b": 3, "c": 2}
    assert sum(quotas(2001, {3: 0.732, 4: 0.235, 5: 0.0035}).values()) == 2001


@pytest.mark.parametrize("total", [50, 69, 70, 89, 90, 100])
def test_split_score_respects_each_part_maximum(total):
    rng = random.Random(total)
    for _ in range(200):
        a, b, c = split_score(total, rng)
        assert a + b + c == total
        assert 0 <= a <= 40 and 0 <= b <= 25 and 0 <= c <= 35
