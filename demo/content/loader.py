"""Load the demo content idempotently: look up by slug, update in place, never duplicate.

A page is revised (and published) only when its content changed, so running the
loader again adds no pages, images, links, users or revisions.
"""

import datetime
import io
import logging
import zlib
from dataclasses import dataclass, field
from urllib.parse import quote

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.models import Collection, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from accounts.roles import ensure_roles, link_producer_account
from catalogue.gtin import gtin_check_digit, normalise_gtin
from catalogue.models import (
    Certification,
    Marketplace,
    ProducerPage,
    ProductCategory,
    ProductGalleryImage,
    ProductMarketplaceLink,
    ProductPage,
)
from catalogue.models.rating import default_expiry
from catalogue.site_tree import ensure_site_tree

from . import images, models3d, panoramas
from .accounts import Credential, ensure_accounts
from .data import (
    COLLECTION_NAME,
    IMAGE_CREDIT,
    MARKETPLACE_SEARCH_URLS,
    PRODUCERS,
    PRODUCTS,
    Paragraph,
    ProducerSpec,
    ProductSpec,
)
from .stories import load_stories

logger = logging.getLogger(__name__)

PRODUCER_ACCOUNT = "chuthe"  # owns the Krông Nô avocado cooperative's pages
PRODUCER_ACCOUNT_PAGE = "htx-bo-nui-lua-krong-no"
EDITOR_ACCOUNT = "bientap"
REVIEWER_ACCOUNT = "thamdinh"

MOTIF_ALT = {
    "avocado": "hai nửa quả bơ bổ đôi, cơm vàng xanh, hạt nâu, bên cạnh chiếc lá",
    "pomelo": "quả bưởi da xanh và nửa quả bổ ngang lộ múi hồng",
    "orange": "quả cam sành vỏ xanh và nửa quả bổ ngang lộ múi cam",
    "mandarin": "ba quả quýt đường màu cam với chiếc lá xanh",
    "mango": "hai quả xoài vỏ đỏ hồng và vàng với chiếc lá",
    "custard_apple": "quả mãng cầu xanh với lớp vỏ nhiều mắt",
    "cashew": "những hạt điều rang cong hình hạt đậu",
    "rice": "bát cơm trắng đầy và bông lúa vàng",
    "coffee": "hạt cà phê rang nâu, lá và quả cà phê chín đỏ",
    "noodles": "bát miến dong với đôi đũa",
    "rice_paper": "những chiếc bánh tráng tròn mỏng xếp chồng",
    "jar": "hũ gia vị có nhãn OCOP",
    "bottle": "hai chai nước mắm màu cánh gián",
    "tea": "chén trà xanh bốc hơi và những lá chè",
    "artichoke": "bông atiso xanh tím với lớp lá bắc",
    "nest": "tổ yến trắng ngà trên đĩa sứ, hai chim yến bay phía trên",
}
VARIANT_TITLES = {"main": "ảnh chính", "pattern": "cận cảnh", "package": "bao bì"}
SCENE_ALT = {
    "volcano": "đồi núi lửa đất đỏ và vườn cây ăn trái",
    "orchard": "vườn cây ăn trái trĩu quả dưới nắng",
    "paddy": "cánh đồng lúa và ngôi nhà của hợp tác xã",
    "hills": "đồi xanh và những hàng cây",
    "mountains": "núi đá và ngôi nhà bên cánh đồng",
    "village": "ngôi nhà làm nghề truyền thống trong làng",
    "workshop": "xưởng sản xuất nhỏ mái ngói đỏ",
    "sea": "biển xanh và hòn đảo",
}


@dataclass
class DemoReport:
    created: dict = field(default_factory=lambda: {"producers": 0, "products": 0, "images": 0})
    updated: dict = field(default_factory=lambda: {"producers": 0, "products": 0})
    credentials: list[Credential] = field(default_factory=list)


def months_ago(today: datetime.date, months: int, key: str) -> datetime.date:
    """A date ``months`` months before today, on a day of the month fixed by ``key``."""
    index = today.year * 12 + today.month - 1 - months
    return datetime.date(index // 12, index % 12 + 1, 1 + zlib.crc32(key.encode()) % 28)


def gtin_from_payload(payload: str) -> str | None:
    return normalise_gtin(payload + str(gtin_check_digit(payload))) if payload else None


def ensure_collection() -> Collection:
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=COLLECTION_NAME).first() or root.add_child(name=COLLECTION_NAME)


class DemoLoader:
    def __init__(self, *, image_width: int = 1200, today: datetime.date | None = None):
        from wagtail.images import get_image_model

        self.Image = get_image_model()
        self.image_width = image_width
        self.today = today or timezone.localdate()
        self.report = DemoReport()

    # --- entry point -------------------------------------------------------------------
    @transaction.atomic
    def run(self) -> DemoReport:
        self.tree = ensure_site_tree()
        self.collection = ensure_collection()
        groups = ensure_roles(self.tree)
        self.report.credentials = ensure_accounts(groups)
        users = {
            u.username: u for u in get_user_model().objects.filter(username__in=[PRODUCER_ACCOUNT, EDITOR_ACCOUNT])
        }
        self.editor, self.producer_user = users.get(EDITOR_ACCOUNT), users.get(PRODUCER_ACCOUNT)
        self.categories = {c.slug: c for c in ProductCategory.objects.all()}
        self.certifications = {c.slug: c for c in Certification.objects.all()}
        self.marketplaces = {m.slug: m for m in Marketplace.objects.all()}
        # Wagtail re-indexes an object's references on every save (three per new page);
        # doing it once per page at the end saves a third of the run time.
        with disable_reference_index_auto_update():
            producers = {spec.slug: self.upsert_producer(spec) for spec in PRODUCERS}
            products = [self.upsert_product(spec, producers[spec.producer]) for spec in PRODUCTS]
        for page in [*producers.values(), *products]:
            ReferenceIndex.create_or_update_for_object(page)
        if self.producer_user is not None:
            link_producer_account(self.producer_user, producers[PRODUCER_ACCOUNT_PAGE])
        self.report.created["stories"] = sum(
            load_stories(
                self.tree,
                producers,
                {page.slug: page for page in products},
                owner_for=self._owner_for,
                reviewer=get_user_model().objects.filter(username=REVIEWER_ACCOUNT).first() or self.editor,
            ).values()
        )
        self.load_tour(producers[PRODUCER_ACCOUNT_PAGE], {page.slug: page for page in products})
        self.load_model3d(producers[PRODUCER_ACCOUNT_PAGE], {page.slug: page for page in products})
        return self.report

    # --- the 360° tour -------------------------------------------------------------------
    def ensure_panorama(self, title: str, caption: str, filename: str, render, initial_yaw: float):
        from tours.models import Panorama

        image = self.ensure_image(title=title, alt=f"Ảnh 360° minh họa: {caption}", filename=filename, render=render)
        panorama = Panorama.objects.filter(title=title).first() or Panorama(title=title)
        panorama.image, panorama.caption, panorama.credit = image, caption, IMAGE_CREDIT
        panorama.initial_yaw = initial_yaw
        panorama.full_clean()  # the same checks as an upload in the admin
        panorama.save()
        return panorama

    def load_tour(self, producer: ProducerPage, products: dict) -> None:
        """A two-scene tour of the avocado cooperative on its producer page (issue 6's demo)."""
        from tours.models import Tour

        orchard = self.ensure_panorama(
            "Vườn bơ trên đất đỏ bazan",
            "Vườn bơ của hợp tác xã trên đất đỏ bazan, nhìn về phía miệng núi lửa đã tắt.",
            "demo-360-vuon-bo.jpg",
            panoramas.orchard,
            initial_yaw=-30,
        )
        room = self.ensure_panorama(
            "Nhà sơ chế và đóng thùng",
            "Nơi bơ được phân loại theo độ già, đóng thùng và dán tem truy xuất nguồn gốc.",
            "demo-360-nha-so-che.jpg",
            panoramas.packing_room,
            initial_yaw=0,
        )
        avocado = products["bo-nui-lua-krong-no"]
        title = "Một ngày ở HTX bơ núi lửa Krông Nô"
        tour = Tour.objects.filter(title=title).first() or Tour(title=title)
        tour.producer = producer
        tour.intro = "Đi qua vườn bơ trên đất đỏ bazan rồi vào nhà sơ chế, nơi từng thùng bơ được dán tem."
        tour.scenes = [
            {
                "type": "scene",
                "value": {
                    "key": "vuon-bo",
                    "title": "Vườn bơ",
                    "panorama": orchard.pk,
                    "hotspots": [
                        {
                            "kind": "scene",
                            "label": "Vào nhà sơ chế",
                            "yaw": 60,
                            "pitch": -8,
                            "target_scene": "nha-so-che",
                        },
                        {
                            "kind": "info",
                            "label": "Đất đỏ bazan",
                            "yaw": -30,
                            "pitch": -20,
                            "text": "Đất đỏ bazan của vùng núi lửa giữ ẩm, giàu khoáng: bơ cơm vàng, dẻo và béo.",
                        },
                        {
                            "kind": "product",
                            "label": "Bơ núi lửa Krông Nô",
                            "yaw": 10,
                            "pitch": 5,
                            "product": avocado.pk,
                        },
                    ],
                },
            },
            {
                "type": "scene",
                "value": {
                    "key": "nha-so-che",
                    "title": "Nhà sơ chế",
                    "panorama": room.pk,
                    "hotspots": [
                        {"kind": "scene", "label": "Ra vườn bơ", "yaw": -120, "pitch": -8, "target_scene": "vuon-bo"},
                        {
                            "kind": "info",
                            "label": "Tem truy xuất",
                            "yaw": 20,
                            "pitch": -25,
                            "text": "Mỗi thùng bơ mang tem QR: quét để xem sản phẩm, hợp tác xã và câu chuyện của họ.",
                        },
                    ],
                },
            },
        ]
        tour.full_clean()
        tour.save()
        # On the cooperative's page and on its avocado's: the product page is where a QR scan lands.
        for page in (producer, avocado):
            if page.tour_id != tour.pk:
                page.tour = tour
                self._save(page.get_parent(), page, created=False, changed=True, live=True, user=self.editor)

    # --- the 3D model ----------------------------------------------------------------------
    def load_model3d(self, producer: ProducerPage, products: dict) -> None:
        """A generated 3D avocado, with its poster, on the cooperative's avocado page (issue 6's demo)."""
        from django.core.files.base import ContentFile

        from tours.models import Model3D

        title = "Quả bơ núi lửa Krông Nô (mô hình 3D)"
        poster = self.ensure_image(
            title=title,
            alt="Tranh minh họa mô hình 3D: quả bơ vỏ xanh thẫm, dáng quả lê, đứng trên mặt bàn.",
            filename="demo-3d-bo-nui-lua.jpg",
            render=models3d.poster,
        )
        model = Model3D.objects.filter(title=title).first() or Model3D(title=title)
        model.producer, model.poster, model.credit = producer, poster, "Mô hình minh họa tạo tự động"
        model.alt = (
            "Quả bơ núi lửa Krông Nô: vỏ xanh thẫm, bóng, dáng quả lê — thân tròn phía dưới, "
            "thon dần lên cuống; cao khoảng 13 cm."
        )
        if not (model.file and model.file.storage.exists(model.file.name)):
            model.file = ContentFile(models3d.glb(), name="bo-nui-lua-krong-no.glb")
        model.full_clean()  # the same checks as an upload in the admin
        model.save()
        avocado = products["bo-nui-lua-krong-no"]
        if avocado.model3d_id != model.pk:
            avocado.model3d = model
            self._save(avocado.get_parent(), avocado, created=False, changed=True, live=True, user=self.editor)

    # --- images --------------------------------------------------------------------------
    def ensure_image(self, title: str, alt: str, filename: str, render):
        image = self.Image.objects.filter(collection=self.collection, title=title).first()
        if image is not None and image.file and image.file.storage.exists(image.file.name):
            if image.description != alt[:255]:
                image.description = alt[:255]
                image.save(update_fields=["description"])
            return image
        if image is None:
            image = self.Image(title=title, collection=self.collection)
        else:  # the record survived but its file did not (e.g. a fresh media folder)
            image.renditions.all().delete()
        image.description = alt[:255]
        image.credit = IMAGE_CREDIT
        image.file = ImageFile(io.BytesIO(render()), name=filename)
        image._set_image_file_metadata()
        image.save()
        self.report.created["images"] += 1
        return image

    def producer_image(self, spec: ProducerSpec, subtitle: str):
        return self.ensure_image(
            title=spec.title,
            alt=f"Tranh minh họa {spec.title}: {SCENE_ALT.get(spec.scene, 'phong cảnh làng quê')}.",
            filename=f"demo-{spec.slug}.jpg",
            render=lambda: images.producer_picture(
                key=spec.slug, title=spec.title, subtitle=subtitle, scene=spec.scene, width=self.image_width
            ),
        )

    def product_image(self, spec: ProductSpec, variant: str, subtitle: str):
        return self.ensure_image(
            title=f"{spec.title} – {VARIANT_TITLES[variant]}",
            alt=f"Tranh minh họa {spec.title} ({VARIANT_TITLES[variant]}): {MOTIF_ALT.get(spec.motif, spec.title)}.",
            filename=f"demo-{spec.slug}-{variant}.jpg",
            render=lambda: images.product_picture(
                key=spec.slug,
                title=spec.title,
                subtitle=subtitle,
                category=spec.category,
                motif=spec.motif,
                variant=variant,
                width=self.image_width,
            ),
        )

    # --- pages ----------------------------------------------------------------------------
    def _owner_for(self, producer_slug: str):
        return self.producer_user if producer_slug == PRODUCER_ACCOUNT_PAGE else self.editor

    def _save(self, parent, page, *, created: bool, changed: bool, live: bool, user) -> None:
        if created:
            page.live = False
            parent.add_child(instance=page)
        if not (created or changed):
            return
        revision = page.save_revision(user=user, log_action=True)
        if live:
            revision.publish(user=user)

    def upsert_producer(self, spec: ProducerSpec) -> ProducerPage:
        parent = self.tree.producers
        page = ProducerPage.objects.child_of(parent).filter(slug=spec.slug).first()
        created = page is None
        if created:
            page = ProducerPage(slug=spec.slug)
        before = self._producer_state(page)
        page.title = spec.title
        page.legal_name = spec.legal_name
        page.producer_type = spec.producer_type
        page.representative = spec.representative
        page.founded_year = spec.founded_year
        page.street_address = spec.street_address
        page.intro = spec.intro
        page.legacy_address = spec.legacy_address
        page.latitude = page.longitude = None
        if not page.apply_legacy_address():
            raise ValueError(f"Demo address not recognised: {spec.legacy_address!r}")
        owner = self._owner_for(spec.slug)
        page.owner = owner
        province = page.province.short_name
        subtitle = ", ".join(p for p in (page.ward.name if page.ward_id else "", province) if p)
        page.image = self.producer_image(spec, subtitle)
        changed = self._producer_state(page) != before
        self._save(parent, page, created=created, changed=changed, live=True, user=self.editor)
        self._count("producers", created, changed)
        return page

    @staticmethod
    def _producer_state(page: ProducerPage) -> tuple:
        fields = (
            "title",
            "legal_name",
            "producer_type",
            "representative",
            "founded_year",
            "street_address",
            "intro",
            "legacy_address",
            "ward_id",
            "province_id",
            "latitude",
            "longitude",
            "owner_id",
            "image_id",
        )
        return tuple(getattr(page, name) for name in fields)

    def upsert_product(self, spec: ProductSpec, producer: ProducerPage) -> ProductPage:
        parent = self.tree.products
        page = ProductPage.objects.child_of(parent).filter(slug=spec.slug).first()
        created = page is None
        if created:
            page = ProductPage(slug=spec.slug)
        before = self._product_state(page)

        page.title = spec.title
        page.producer = producer
        page.category = self.categories[spec.category]
        page.summary = spec.summary
        page.stars = spec.stars
        page.score_production, page.score_marketing, page.score_quality = spec.scores
        page.decision_number = spec.decision_number
        page.recognised_on = months_ago(self.today, spec.recognised_months_ago, spec.slug)
        page.expires_on = default_expiry(page.recognised_on)
        if spec.revoked_months_ago is not None:
            page.revoked_on = months_ago(self.today, spec.revoked_months_ago, spec.slug + ":revoked")
            page.revocation_reason = spec.revocation_reason
        else:
            page.revoked_on, page.revocation_reason = None, ""
        page.origin_province_id = producer.province_id
        page.origin_ward_id = producer.ward_id
        page.origin_legacy_address = producer.legacy_address
        page.geographical_indication = spec.geographical_indication
        page.gtin = self._free_gtin(spec, page)
        page.featured = spec.featured
        page.owner = self._owner_for(spec.producer)
        page.body = [self._block(block) for block in spec.body]
        page.certifications.set([self.certifications[slug] for slug in spec.certifications])
        page.marketplace_links = [
            ProductMarketplaceLink(
                sort_order=i,
                marketplace=self.marketplaces[slug],
                url=MARKETPLACE_SEARCH_URLS[slug].format(q=quote(spec.title)),
            )
            for i, slug in enumerate(spec.marketplaces)
        ]
        subtitle = f"OCOP {images.STAR * spec.stars} · {producer.province.short_name}"
        page.image = self.product_image(spec, "main", subtitle)
        page.gallery_images = [
            ProductGalleryImage(
                sort_order=i,
                image=self.product_image(spec, variant, subtitle),
                caption=f"{spec.title}: {VARIANT_TITLES[variant]} (ảnh minh họa)",
            )
            for i, variant in enumerate(spec.gallery)
        ]

        changed = self._product_state(page) != before
        user = self.producer_user if not spec.live else self.editor
        self._save(parent, page, created=created, changed=changed, live=spec.live, user=user)
        self._count("products", created, changed)
        return page

    def _free_gtin(self, spec: ProductSpec, page: ProductPage) -> str | None:
        """The demo barcode, unless another product already uses it (GTINs are unique)."""
        gtin = gtin_from_payload(spec.gtin_payload)
        if gtin and ProductPage.objects.filter(gtin=gtin).exclude(pk=page.pk).exists():
            logger.warning("GTIN %s is already used by another product; %s gets none", gtin, spec.slug)
            return None
        return gtin

    @staticmethod
    def _block(block) -> dict:
        if isinstance(block, Paragraph):
            return {"type": "paragraph", "value": block.html}
        return {"type": "quote", "value": {"text": block.text, "speaker": block.speaker}}

    @staticmethod
    def _product_state(page: ProductPage) -> tuple:
        fields = (
            "title",
            "producer_id",
            "category_id",
            "summary",
            "stars",
            "score_production",
            "score_marketing",
            "score_quality",
            "decision_number",
            "recognised_on",
            "expires_on",
            "revoked_on",
            "revocation_reason",
            "origin_province_id",
            "origin_ward_id",
            "origin_legacy_address",
            "geographical_indication",
            "gtin",
            "featured",
            "owner_id",
            "image_id",
        )
        values = [getattr(page, name) for name in fields]
        values.append([(b["type"], b["value"]) for b in page.body.raw_data] if page.body else [])
        values.append(sorted(c.pk for c in page.certifications.all()))
        values.append([(link.marketplace_id, link.url) for link in page.marketplace_links.all()])
        values.append([(g.image_id, g.caption) for g in page.gallery_images.all()])
        return tuple(values)

    def _count(self, kind: str, created: bool, changed: bool) -> None:
        if created:
            self.report.created[kind] += 1
        elif changed:
            self.report.updated[kind] += 1


def load_demo(*, image_width: int = 1200) -> DemoReport:
    return DemoLoader(image_width=image_width).run()
