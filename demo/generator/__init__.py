"""A realistic synthetic OCOP catalogue at national scale (``manage.py generate_catalog``).

- ``names``: Vietnamese vocabulary (products per subgroup, producer names, people);
- ``geography``: provinces, wards and their pre-2025 names;
- ``plan``: the seeded random draw — national star and producer-type shares;
- ``bulk``: writing thousands of Wagtail pages in a few statements.
"""

import datetime
import logging
import random
import time
from dataclasses import dataclass

from django.db import router, transaction
from django.utils import timezone

from catalogue.models import ProducerPage, ProductMarketplaceLink, ProductPage
from catalogue.site_tree import ensure_site_tree

from .bulk import bulk_add_children, generated_pages, insert_rows
from .clear import clear_generated
from .geography import load_provinces
from .plan import CataloguePlanner, Taxonomy

logger = logging.getLogger(__name__)

__all__ = ["GenerationReport", "clear_generated", "generate_catalogue", "generated_pages"]


@dataclass
class GenerationReport:
    producers: int
    products: int
    certifications: int
    marketplace_links: int
    seconds: float

    @property
    def products_per_second(self) -> float:
        return self.products / self.seconds if self.seconds else 0.0


def generate_catalogue(
    n_products: int,
    *,
    seed: int | None = None,
    batch_size: int = 2000,
    today: datetime.date | None = None,
) -> GenerationReport:
    """Add ``n_products`` product pages and their producers under the site's index pages.

    All or nothing: one transaction, written in batches of ``batch_size`` rows.
    """
    if n_products < 1:
        raise ValueError("n_products must be at least 1")
    started = time.perf_counter()
    rng = random.Random(seed)
    today = today or timezone.localdate()
    using = router.db_for_write(ProductPage)

    with transaction.atomic(using=using):
        tree = ensure_site_tree()
        taken_gtins = ProductPage.objects.using(using).exclude(gtin=None).values_list("gtin", flat=True)
        planner = CataloguePlanner(rng, load_provinces(), Taxonomy.load(), today, taken_gtins)
        plan = planner.plan(n_products)
        planned = time.perf_counter()

        # Tree keys come from their own generator so that they differ between runs
        # with the same seed (a second run adds pages; keys must stay unique).
        key_rng = random.Random(f"{seed}:{tree.producers.numchild}:{tree.products.numchild}")
        if seed is None:
            key_rng = random.Random()
        bulk_add_children(tree.producers, ProducerPage, plan.producers, key_rng=key_rng, batch_size=batch_size)
        for product, owner in zip(plan.products, plan.product_producer, strict=True):
            product["producer_id"] = plan.producers[owner]["id"]
        bulk_add_children(tree.products, ProductPage, plan.products, key_rng=key_rng, batch_size=batch_size)

        through = ProductPage.certifications.through
        insert_rows(
            through,
            [
                {"productpage_id": plan.products[index]["id"], "certification_id": certification_id}
                for index, certification_id in plan.certifications
            ],
            batch_size=batch_size,
        )
        links, previous, order = [], None, 0
        for index, marketplace_id, url in plan.marketplace_links:
            order = order + 1 if index == previous else 0
            previous = index
            links.append(
                {
                    "product_id": plan.products[index]["id"],
                    "marketplace_id": marketplace_id,
                    "url": url,
                    "sort_order": order,
                }
            )
        insert_rows(ProductMarketplaceLink, links, batch_size=batch_size)
    seconds = time.perf_counter() - started
    logger.info(
        "Generated %d products of %d producers in %.1f s (planning %.1f s)",
        len(plan.products),
        len(plan.producers),
        seconds,
        planned - started,
    )
    return GenerationReport(
        producers=len(plan.producers),
        products=len(plan.products),
        certifications=len(plan.certifications),
        marketplace_links=len(plan.marketplace_links),
        seconds=seconds,
    )
