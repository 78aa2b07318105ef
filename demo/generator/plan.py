"""The random part of the generator: who makes what, where, with which rating.

Everything is drawn from one ``random.Random``, so a seed gives the same
catalogue every time (on the same day: certificate dates count back from today).
The result is plain rows (dicts of field values) for the producer and product
pages and their many-to-many rows; ``bulk.py`` writes them.

National figures (seeds/002: 14,642 products of 8,086 producers): 73.2% 3-star,
23.5% 4-star, 51 five-star (0.35%); 32.7% cooperatives, 24.1% enterprises,
42.7% household businesses, the rest cooperative groups. The article's star
shares add up to 97%; every generated product has 3–5 stars, so the shares are
rescaled to 100% (75.4 / 24.2 / 0.36%).
"""

import datetime
import functools
import random
from collections.abc import Iterable
from dataclasses import dataclass, field

from catalogue.gtin import gtin_check_digit
from catalogue.models import Certification, Marketplace, ProducerType, ProductCategory
from catalogue.models.rating import MAX_SCORE_A, MAX_SCORE_B, MAX_SCORE_C, default_expiry
from core.text import vietnamese_slug

from . import names
from .geography import OldUnit, ProvincePlace, WardPlace

NATIONAL_PRODUCTS, NATIONAL_PRODUCERS = 14_642, 8_086
PRODUCTS_PER_PRODUCER = NATIONAL_PRODUCTS / NATIONAL_PRODUCERS  # ≈ 1.81
_FIVE_STAR = 51 / NATIONAL_PRODUCTS
STAR_SHARES = {3: 0.732, 4: 0.235, 5: _FIVE_STAR}
PRODUCER_TYPE_SHARES = {
    ProducerType.COOPERATIVE: 0.327,
    ProducerType.ENTERPRISE: 0.241,
    ProducerType.HOUSEHOLD: 0.427,
    ProducerType.COOPERATIVE_GROUP: 1 - 0.327 - 0.241 - 0.427,
}
# Firms and cooperatives certify more products each, and more of them reach 4–5 stars.
PRODUCTS_WEIGHT = {"enterprise": 2.2, "cooperative": 1.6, "household": 0.6, "cooperative_group": 0.8}
QUALITY_BONUS = {"enterprise": 0.45, "cooperative": 0.3, "household": 0.0, "cooperative_group": 0.1}

CERTIFICATE_WINDOW_DAYS = 4 * 365  # recognitions over the last ~4 years: a quarter have expired
REVOKED_SHARE = 0.012
DECISIONS_PER_PROVINCE = 14
GTIN_SHARE, MARKETPLACE_SHARE, LEGACY_ADDRESS_SHARE = 0.45, 0.35, 0.35

# Certification slug → probability, per product group or subgroup.
CERTIFICATION_ODDS = {
    "nong-san-tuoi-song": {"vietgap": 0.3, "globalgap": 0.03, "huu-co": 0.05},
    "nong-san-so-che": {"vietgap": 0.2, "huu-co": 0.05, "haccp": 0.05, "iso-22000": 0.05},
    "che-tra": {"vietgap": 0.25, "huu-co": 0.08, "huu-co-quoc-te": 0.03, "haccp": 0.04},
    "ca-phe-ca-cao": {"vietgap": 0.1, "huu-co": 0.05, "haccp": 0.1, "iso-22000": 0.08},
    "thuc-pham": {"haccp": 0.12, "iso-22000": 0.1, "iso-9001": 0.03, "fssc-22000": 0.01},
    "do-uong": {"haccp": 0.1, "iso-22000": 0.08, "iso-9001": 0.03},
    "thao-duoc": {"huu-co": 0.05, "iso-9001": 0.05, "iso-22000": 0.04},
}
GEO_INDICATION_GROUPS = {"thuc-pham", "do-uong", "thao-duoc"}
GEO_INDICATION_SHARE = 0.04
MARKETPLACE_WEIGHTS = {"shopee": 10, "lazada": 5, "tiki": 3, "tiktok-shop": 4, "postmart": 3, "voso": 2, "sendo": 1}
# Many titles repeat ("Mật ong rừng" + the same place): slugify each once.
slug_for = functools.lru_cache(maxsize=1 << 16)(vietnamese_slug)

MOBILE_PREFIXES = ["912", "913", "983", "988", "868", "977", "967", "388", "356", "702", "905", "934", "818", "789"]


def quotas(total: int, shares: dict) -> dict:
    """Split ``total`` by ``shares`` (summing to ~1) with the largest-remainder method."""
    norm = sum(shares.values())
    exact = {key: total * share / norm for key, share in shares.items()}
    result = {key: int(value) for key, value in exact.items()}
    leftover = total - sum(result.values())
    for key in sorted(exact, key=lambda k: exact[k] - result[k], reverse=True)[:leftover]:
        result[key] += 1
    return result


def split_score(total: int, rng: random.Random) -> tuple[int, int, int]:
    """Split a total score into parts A ≤ 40, B ≤ 25, C ≤ 35, roughly in proportion."""
    maxima = (MAX_SCORE_A, MAX_SCORE_B, MAX_SCORE_C)
    weights = [m * rng.uniform(0.85, 1.15) for m in maxima]
    scale = total / sum(weights)
    parts = [min(m, round(w * scale)) for m, w in zip(maxima, weights, strict=True)]
    diff = total - sum(parts)
    while diff:
        i = rng.randrange(3)
        if diff > 0 and parts[i] < maxima[i]:
            parts[i] += 1
            diff -= 1
        elif diff < 0 and parts[i] > 0:
            parts[i] -= 1
            diff += 1
    return tuple(parts)


SCORE_BANDS = {3: (50, 69, 58), 4: (70, 89, 76), 5: (90, 100, 92)}  # low, high, mode


def draw_score(stars: int, rng: random.Random) -> int:
    low, high, mode = SCORE_BANDS[stars]
    return max(low, min(high, round(rng.triangular(low, high, mode))))


@dataclass(frozen=True)
class Subgroup:
    id: int
    slug: str
    group_slug: str


@dataclass
class Taxonomy:
    subgroups: dict[str, Subgroup]
    certifications: dict[str, int]
    marketplaces: dict[str, tuple[int, str]]  # slug → (id, domain)

    @classmethod
    def load(cls) -> "Taxonomy":
        subgroups = {
            c.slug: Subgroup(c.id, c.slug, c.parent.slug)
            for c in ProductCategory.objects.filter(parent__isnull=False).select_related("parent")
        }
        return cls(
            subgroups=subgroups,
            certifications=dict(Certification.objects.values_list("slug", "id")),
            marketplaces={m.slug: (m.id, m.domain) for m in Marketplace.objects.all()},
        )


@dataclass
class ProducerDraft:
    """What the planner remembers about a producer while it invents products."""

    row: dict  # ProducerPage field values
    kind: str
    province: ProvincePlace
    ward: WardPlace
    old_unit: OldUnit | None
    place: str  # a place name for product titles
    brand: str
    specialty: str  # subgroup slug
    signature: str  # the product the producer is known for
    titles: set = field(default_factory=set)


@dataclass
class CataloguePlan:
    producers: list[dict]  # ProducerPage field values
    products: list[dict]  # ProductPage field values
    product_producer: list[int]  # for each product, the index of its producer
    certifications: list[tuple[int, int]] = field(default_factory=list)  # (product index, certification id)
    marketplace_links: list[tuple[int, int, str]] = field(default_factory=list)  # (product index, id, url)


class CataloguePlanner:
    def __init__(
        self,
        rng: random.Random,
        provinces: list[ProvincePlace],
        taxonomy: Taxonomy,
        today: datetime.date,
        taken_gtins: Iterable[str] = (),
    ):
        self.rng = rng
        self.provinces = provinces
        self.taxonomy = taxonomy
        self.today = today
        self.taken_gtins = set(taken_gtins)
        self._subgroups_by_region: dict[str, tuple[list[str], list[float]]] = {}
        self._decisions: dict[str, list[tuple[datetime.date, str]]] = {}
        self._siblings: dict[tuple[str, str], list[str]] = {}

    # --- the whole catalogue ------------------------------------------------------------
    def plan(self, n_products: int) -> CataloguePlan:
        rng = self.rng
        n_producers = max(1, min(n_products, round(n_products / PRODUCTS_PER_PRODUCER)))
        drafts = self._plan_producers(n_producers)

        # Every producer has at least one product; the rest go mostly to firms and cooperatives.
        owners = list(range(n_producers))
        weights = [PRODUCTS_WEIGHT[d.kind] * rng.lognormvariate(0, 0.7) for d in drafts]
        owners += rng.choices(range(n_producers), weights=weights, k=n_products - n_producers)
        rng.shuffle(owners)

        # Exact national star shares; better-organised producers more likely to get the higher stars.
        star_counts = quotas(n_products, STAR_SHARES)
        propensity = [QUALITY_BONUS[drafts[o].kind] + rng.gauss(0, 1) for o in owners]
        ranked = sorted(range(n_products), key=propensity.__getitem__, reverse=True)
        stars = [3] * n_products
        for i in ranked[: star_counts[5]]:
            stars[i] = 5
        for i in ranked[star_counts[5] : star_counts[5] + star_counts[4]]:
            stars[i] = 4

        plan = CataloguePlan(producers=[d.row for d in drafts], products=[], product_producer=owners)
        first_recognised: dict[int, datetime.date] = {}
        for index, (owner, star) in enumerate(zip(owners, stars, strict=True)):
            product = self._product(index, drafts[owner], star, plan)
            plan.products.append(product)
            if owner not in first_recognised or product["recognised_on"] < first_recognised[owner]:
                first_recognised[owner] = product["recognised_on"]
        for index, draft in enumerate(drafts):
            published = _at_noon(first_recognised.get(index, self.today))
            draft.row["first_published_at"] = draft.row["last_published_at"] = published
        return plan

    # --- producers ------------------------------------------------------------------------
    def _plan_producers(self, n: int) -> list[ProducerDraft]:
        rng = self.rng
        type_counts = quotas(n, PRODUCER_TYPE_SHARES)
        kinds = [str(kind) for kind, count in type_counts.items() for _ in range(count)]
        rng.shuffle(kinds)
        # Every province gets producers first, then the rest follows the number of communes.
        provinces = list(self.provinces)
        rng.shuffle(provinces)
        provinces = provinces[:n]
        provinces += rng.choices(self.provinces, weights=[p.weight for p in self.provinces], k=n - len(provinces))
        rng.shuffle(provinces)
        return [self._producer(kind, province) for kind, province in zip(kinds, provinces, strict=True)]

    def _producer(self, kind: str, province: ProvincePlace) -> ProducerDraft:
        rng = self.rng
        ward = rng.choice(province.wards)
        old_unit = rng.choice(ward.old_units) if ward.old_units else None
        place = self._place_name(province, ward, old_unit)
        specialty = self._pick_subgroup(province.region)
        group = self.taxonomy.subgroups[specialty].group_slug
        item = self._pick_item(specialty, province.region)
        person = self._person(province.region)
        brand = f"{rng.choice(names.BRAND_FIRST)} {rng.choice(names.BRAND_SECOND)}"

        if kind == ProducerType.COOPERATIVE:
            short_item = len(item.split()) <= 3 and not _names_a_place(item)
            sector = item if short_item and rng.random() < 0.25 else rng.choice(names.COOPERATIVE_SECTORS[group])
            title = f"HTX {sector} {place}"
            legal_name = f"Hợp tác xã {sector} {place}"
            brand = place
        elif kind == ProducerType.ENTERPRISE:
            form = _weighted(rng, names.ENTERPRISE_FORMS)
            if rng.random() < 0.5:
                title = f"{form} {brand}"
            else:
                title = f"{form} {rng.choice(names.ENTERPRISE_SECTORS[group])} {brand}"
            legal_name = title
        elif kind == ProducerType.HOUSEHOLD:
            if group == "du-lich" or rng.random() < 0.55:
                title = f"Hộ kinh doanh {person}"
            else:
                title = f"Cơ sở sản xuất {_lower_first(item)} {person}"
            legal_name = title
            brand = place
        else:
            activity = "du lịch cộng đồng" if group == "du-lich" else _lower_first(item)
            title = f"Tổ hợp tác {activity} {place}"
            legal_name = title
            brand = place

        latitude, longitude = ward.latitude, ward.longitude
        if latitude is None or longitude is None:
            latitude, longitude = province.latitude, province.longitude
        if latitude is not None and longitude is not None:
            latitude = round(latitude + rng.uniform(-0.01, 0.01), 6)
            longitude = round(longitude + rng.uniform(-0.01, 0.01), 6)
        legacy = old_unit.address if old_unit and rng.random() < LEGACY_ADDRESS_SHARE else ""
        founded = rng.randint(1990, self.today.year - 2) if kind != ProducerType.HOUSEHOLD else None
        email = website = ""
        if kind in (ProducerType.ENTERPRISE, ProducerType.COOPERATIVE) and rng.random() < 0.4:
            email = f"{slug_for(brand).replace('-', '')}{rng.randint(1, 99)}@gmail.com"
        if kind == ProducerType.ENTERPRISE and rng.random() < 0.3:
            website = f"https://{slug_for(brand).replace('-', '')}.vn"
        type_label = ProducerType(kind).label.lower()
        intro = (
            f"<p>{legal_name} là {type_label} tại {ward.name}, {province.name}"
            + (f", thành lập năm {founded}" if founded else "")
            + f". Sản phẩm chủ lực: {_lower_first(item)}.</p>"
        )
        row = dict(
            title=title,
            slug=slug_for(title),
            legal_name=legal_name,
            producer_type=kind,
            representative=person,
            founded_year=founded,
            street_address=self._hamlet(province.region),
            ward_id=ward.code,
            province_id=province.code,
            legacy_address=legacy,
            latitude=latitude,
            longitude=longitude,
            phone=f"0{rng.choice(MOBILE_PREFIXES)} {rng.randint(0, 999):03d} {rng.randint(0, 999):03d}",
            email=email,
            website=website,
            intro=intro,
        )
        return ProducerDraft(row, kind, province, ward, old_unit if legacy else None, place, brand, specialty, item)

    def _place_name(self, province: ProvincePlace, ward: WardPlace, old_unit: OldUnit | None) -> str:
        roll = self.rng.random()
        if old_unit and roll < 0.5 and not old_unit.district_short[:1].isdigit():
            return old_unit.district_short
        if roll < 0.85 and not ward.bare_name[:1].isdigit():
            return ward.bare_name
        return province.short_name

    def _person(self, region: str) -> str:
        rng = self.rng
        if region == names.MNPB and rng.random() < 0.35:
            family = rng.choice(names.MOUNTAIN_FAMILY_NAMES)
        else:
            family = _weighted(rng, names.FAMILY_NAMES)
        if rng.random() < 0.5:
            return f"{family} {rng.choice(names.MALE_MIDDLE)} {rng.choice(names.MALE_GIVEN)}"
        return f"{family} {rng.choice(names.FEMALE_MIDDLE)} {rng.choice(names.FEMALE_GIVEN)}"

    def _hamlet(self, region: str) -> str:
        rng = self.rng
        prefix = rng.choice(names.HAMLET_PREFIX.get(region, ["Thôn"]))
        if rng.random() < 0.4:
            return f"{prefix} {rng.randint(1, 12)}"
        return f"{prefix} {rng.choice(names.HAMLET_NAMES)}"

    # --- products ---------------------------------------------------------------------------
    def _pick_subgroup(self, region: str) -> str:
        if region not in self._subgroups_by_region:
            slugs, weights = [], []
            for slug, weight in names.SUBGROUP_WEIGHTS.items():
                if slug in self.taxonomy.subgroups and self._items(slug, region):
                    slugs.append(slug)
                    weights.append(weight)
            self._subgroups_by_region[region] = (slugs, weights)
        slugs, weights = self._subgroups_by_region[region]
        return self.rng.choices(slugs, weights=weights)[0]

    @staticmethod
    @functools.cache
    def _items(subgroup: str, region: str) -> tuple[names.Item, ...]:
        return tuple(i for i in names.PRODUCTS.get(subgroup, ()) if i.regions is None or region in i.regions)

    def _sibling_subgroups(self, subgroup: str, region: str) -> list[str]:
        """Subgroups of the same product group that are made in this region."""
        key = (subgroup, region)
        if key not in self._siblings:
            group = self.taxonomy.subgroups[subgroup].group_slug
            self._siblings[key] = [
                s
                for s in names.SUBGROUP_WEIGHTS
                if s in self.taxonomy.subgroups
                and self.taxonomy.subgroups[s].group_slug == group
                and self._items(s, region)
            ]
        return self._siblings[key]

    def _pick_item(self, subgroup: str, region: str) -> str:
        return self.rng.choice(self._items(subgroup, region)).name

    def _product(self, index: int, producer: ProducerDraft, stars: int, plan: CataloguePlan) -> dict:
        rng = self.rng
        region = producer.province.region
        # The first product is the producer's signature; most others stay in its
        # subgroup, a few branch out within the same product group.
        subgroup = producer.specialty
        if producer.titles and rng.random() < 0.15:
            subgroup = rng.choice(self._sibling_subgroups(subgroup, region))
        category = self.taxonomy.subgroups[subgroup]
        title = self._product_title(producer, subgroup, region, category.group_slug)

        total = draw_score(stars, rng)
        production, marketing, quality = split_score(total, rng)
        recognised_on, decision_number = self._decision(producer.province.code, stars)
        expires_on = default_expiry(recognised_on)
        revoked_on, reason = None, ""
        if rng.random() < REVOKED_SHARE:
            latest = min(self.today, expires_on - datetime.timedelta(days=1))
            if (latest - recognised_on).days > 90:
                revoked_on = recognised_on + datetime.timedelta(days=rng.randint(90, (latest - recognised_on).days))
                reason = rng.choice(names.REVOCATION_REASONS)

        goods = category.group_slug != "du-lich"
        gtin = self._gtin() if goods and rng.random() < GTIN_SHARE else None
        for cert_slug, odds in self._certification_odds(subgroup, category.group_slug).items():
            if cert_slug in self.taxonomy.certifications and rng.random() < odds:
                plan.certifications.append((index, self.taxonomy.certifications[cert_slug]))
        geo = ""
        if category.group_slug in GEO_INDICATION_GROUPS and rng.random() < GEO_INDICATION_SHARE:
            geo = f"Chỉ dẫn địa lý “{producer.province.short_name}”"
            if "chi-dan-dia-ly" in self.taxonomy.certifications:
                plan.certifications.append((index, self.taxonomy.certifications["chi-dan-dia-ly"]))
        slug = slug_for(title)
        if goods and rng.random() < MARKETPLACE_SHARE:
            self._marketplace_links(index, slug, plan)

        phrase = rng.choice(names.SUMMARIES[subgroup])
        producer_row = producer.row
        return dict(
            title=title,
            slug=slug,
            category_id=category.id,
            summary=f"{title} của {producer_row['title']}: {phrase}."[:300],
            stars=stars,
            score_production=production,
            score_marketing=marketing,
            score_quality=quality,
            decision_number=decision_number,
            recognised_on=recognised_on,
            expires_on=expires_on,
            revoked_on=revoked_on,
            revocation_reason=reason,
            origin_ward_id=producer_row["ward_id"],
            origin_province_id=producer_row["province_id"],
            origin_legacy_address=producer_row["legacy_address"],
            geographical_indication=geo,
            gtin=gtin,
            first_published_at=_at_noon(recognised_on),
            last_published_at=_at_noon(recognised_on),
        )

    def _product_title(self, producer: ProducerDraft, subgroup: str, region: str, group: str) -> str:
        rng = self.rng
        title = ""
        for attempt in range(6):
            if not producer.titles and not attempt:
                item = producer.signature
            else:
                item = self._pick_item(subgroup, region)
            roll = rng.random()
            if _names_a_place(item) and group != "du-lich":
                # "Gạo ST25", "Tỏi Lý Sơn" already say what they are: keep or add the place.
                title = item if roll < 0.5 else f"{item} {producer.place}"
            elif group == "du-lich" or roll < 0.75:
                title = f"{item} {producer.place}"
            else:
                title = f"{item} {producer.brand}"
            if title not in producer.titles:
                break
        else:
            title = f"{title} loại {len(producer.titles) + 1}"
        producer.titles.add(title)
        return title

    @staticmethod
    def _certification_odds(subgroup: str, group: str) -> dict[str, float]:
        return CERTIFICATION_ODDS.get(subgroup) or CERTIFICATION_ODDS.get(group) or {}

    def _decision(self, province_code: str, stars: int) -> tuple[datetime.date, str]:
        """Certificates come in batches: each province signs a few decisions a year."""
        key = "national" if stars == 5 else province_code
        if key not in self._decisions:
            rng = self.rng
            pool = []
            for _ in range(DECISIONS_PER_PROVINCE if key != "national" else 6):
                day = self.today - datetime.timedelta(days=rng.randint(7, CERTIFICATE_WINDOW_DAYS))
                if key == "national":
                    issuer = "QĐ-BNNMT" if day >= datetime.date(2025, 3, 1) else "QĐ-BNN-VPĐP"
                else:
                    issuer = "QĐ-UBND"
                pool.append((day, f"{rng.randint(100, 3999)}/{issuer}"))
            self._decisions[key] = pool
        return self.rng.choice(self._decisions[key])

    def _gtin(self) -> str:
        """A GTIN-13 with Vietnam's GS1 prefix 893, stored as 14 digits, never reused."""
        while True:
            payload = f"893{self.rng.randrange(10**9):09d}"
            gtin = f"0{payload}{gtin_check_digit(payload)}"
            if gtin not in self.taken_gtins:
                self.taken_gtins.add(gtin)
                return gtin

    def _marketplace_links(self, index: int, slug_text: str, plan: CataloguePlan) -> None:
        rng = self.rng
        available = [slug for slug in MARKETPLACE_WEIGHTS if slug in self.taxonomy.marketplaces]
        if not available:
            return
        count = min(len(available), rng.choice((1, 1, 1, 2, 2, 3)))
        chosen: list[str] = []
        while len(chosen) < count:
            slug = rng.choices(available, weights=[MARKETPLACE_WEIGHTS[s] for s in available])[0]
            if slug not in chosen:
                chosen.append(slug)
        for slug in chosen:
            marketplace_id, domain = self.taxonomy.marketplaces[slug]
            item = rng.randrange(10**8, 10**10)
            plan.marketplace_links.append((index, marketplace_id, _marketplace_url(slug, domain, slug_text, item)))


def _marketplace_url(slug: str, domain: str, text: str, item: int) -> str:
    if slug == "shopee":
        return f"https://shopee.vn/{text}-i.{item // 1000}.{item}"
    if slug == "lazada":
        return f"https://www.lazada.vn/products/{text}-i{item}.html"
    if slug == "tiki":
        return f"https://tiki.vn/{text}-p{item}.html"
    if slug == "tiktok-shop":
        return f"https://www.tiktok.com/view/product/{item}"
    return f"https://{domain}/{text}-{item}"


def _weighted(rng: random.Random, pairs) -> str:
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


def _names_a_place(item: str) -> bool:
    """True for names with a proper noun or a variety after the first word."""
    return any(word[:1].isupper() or word[:1].isdigit() for word in item.split()[1:])


def _lower_first(text: str) -> str:
    """Lower-case a common noun at the start ("Nem chua" → "nem chua"), keep proper names."""
    first, _, rest = text.partition(" ")
    return f"{first.lower()} {rest}".strip()


def _at_noon(day: datetime.date) -> datetime.datetime:
    """Noon in Vietnam (UTC+7) on that day."""
    return datetime.datetime.combine(day, datetime.time(5, 0), tzinfo=datetime.UTC)
