"""A 360° panorama: an equirectangular photo from Wagtail's image pipeline, and how to show it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images.shortcuts import get_rendition_or_not_found

from core.visibility import public_pages

from .blocks import HotspotKind, ScenesBlock
from .validation import MODEL3D_MEDIA_TYPES, check_equirectangular, check_model3d

POSTER_FILTER = "fill-1200x600|format-jpeg"
# The viewer picks the largest that suits the screen; Wagtail never enlarges an image.
VIEWER_WIDTHS = (2048, 4096, 8192)


class Panorama(models.Model):
    title = models.CharField("tiêu đề", max_length=160)
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name="ảnh 360° (equirectangular, tỉ lệ 2:1)",
        on_delete=models.PROTECT,
        related_name="+",
    )
    caption = models.CharField("chú thích", max_length=300, blank=True)
    credit = models.CharField("nguồn ảnh / tác giả", max_length=160, blank=True)
    producer = models.ForeignKey(
        "catalogue.ProducerPage",
        verbose_name="chủ thể",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Để trống nếu do ban biên tập quản lý; tài khoản chủ thể chỉ thấy và dùng của mình.",
    )
    initial_yaw = models.FloatField(
        "hướng nhìn ban đầu (độ)",
        default=0,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text="0 là giữa ảnh; âm: sang trái, dương: sang phải.",
    )
    initial_pitch = models.FloatField(
        "góc ngẩng ban đầu (độ)",
        default=0,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text="0 là ngang tầm mắt; dương: ngẩng lên, âm: cúi xuống.",
    )
    initial_zoom = models.PositiveSmallIntegerField(
        "độ phóng ban đầu (%)", default=50, validators=[MaxValueValidator(100)]
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("image"),
        FieldPanel("caption"),
        FieldPanel("credit"),
        FieldPanel("producer"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("initial_yaw"), FieldPanel("initial_pitch"), FieldPanel("initial_zoom")])],
            heading="Góc nhìn khi mở",
        ),
    ]

    class Meta:
        verbose_name = "ảnh 360°"
        verbose_name_plural = "ảnh 360°"

    def __str__(self):
        return self.title

    def clean(self):
        if self.image_id is None:
            return
        try:
            with self.image.open_file() as file:
                check_equirectangular(file)
        except FileNotFoundError as error:
            raise ValidationError({"image": "Không tìm thấy tệp ảnh; hãy tải ảnh lên lại."}) from error
        except ValidationError as error:
            raise ValidationError({"image": error.messages}) from error

    def poster(self):
        """What the page shows before the viewer loads (and instead of it without WebGL)."""
        return get_rendition_or_not_found(self.image, POSTER_FILTER)

    def viewer_specs(self) -> list[str]:
        """The panorama at the sizes a viewer chooses from, smallest first, none larger than the original."""
        widths = [width for width in VIEWER_WIDTHS if width < self.image.width] + [self.image.width]
        return [f"width-{width}|format-jpeg|jpegquality-80" for width in widths]

    def rendition_needs(self):
        """What the page and the API show of it (images/renditions.py), made ahead on publishing."""
        yield self.image, (POSTER_FILTER, *self.viewer_specs())

    def viewer_sources(self) -> list[dict]:
        sources = []
        for spec in self.viewer_specs():
            rendition = get_rendition_or_not_found(self.image, spec)
            sources.append({"width": rendition.width, "height": rendition.height, "url": rendition.url})
        return sources

    def as_json(self) -> dict:
        """The panorama for the headless API and the viewer: everything needed to draw it."""
        poster = self.poster()
        return {
            "id": self.pk,
            "title": self.title,
            "caption": self.caption,
            "credit": self.credit,
            "initial_view": {"yaw": self.initial_yaw, "pitch": self.initial_pitch, "zoom": self.initial_zoom},
            "poster": {"url": poster.url, "width": poster.width, "height": poster.height},
            "sources": self.viewer_sources(),
        }


class Tour(models.Model):
    """A virtual tour: scenes (the orchard, the drying yard, the packing room) joined by hotspots."""

    title = models.CharField("tên chuyến tham quan", max_length=160)
    intro = models.CharField("giới thiệu ngắn", max_length=300, blank=True)
    scenes = StreamField(ScenesBlock(), verbose_name="các cảnh")
    producer = models.ForeignKey(
        "catalogue.ProducerPage",
        verbose_name="chủ thể",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Để trống nếu do ban biên tập quản lý; tài khoản chủ thể chỉ thấy và dùng của mình.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [FieldPanel("title"), FieldPanel("intro"), FieldPanel("producer"), FieldPanel("scenes")]

    class Meta:
        verbose_name = "chuyến tham quan ảo"
        verbose_name_plural = "chuyến tham quan ảo"

    def __str__(self):
        return self.title

    def rendition_needs(self):
        for child in self.scenes:
            if child.value["panorama"]:
                yield from child.value["panorama"].rendition_needs()

    def first_panorama(self):
        return self.scenes[0].value["panorama"] if self.scenes else None

    def as_json(self) -> dict:
        """The tour for the viewer and the headless API.

        A hotspot to a product or story that is not live and public is left out, so a
        tour never reveals (nor links to) a draft or private page.
        """
        scenes = []
        for child in self.scenes:
            scene = child.value
            hotspots = [_hotspot_json(hotspot) for hotspot in scene["hotspots"]]
            scenes.append(
                {
                    "key": scene["key"],
                    "title": scene["title"],
                    "panorama": scene["panorama"].as_json() if scene["panorama"] else None,
                    "hotspots": [hotspot for hotspot in hotspots if hotspot is not None],
                }
            )
        return {"id": self.pk, "title": self.title, "intro": self.intro, "scenes": scenes}


def _hotspot_json(hotspot) -> dict | None:
    data = {"kind": hotspot["kind"], "label": hotspot["label"], "yaw": hotspot["yaw"], "pitch": hotspot["pitch"]}
    if hotspot["kind"] == HotspotKind.SCENE:
        data["scene"] = hotspot["target_scene"]
    elif hotspot["kind"] == HotspotKind.INFO:
        data["text"] = hotspot["text"]
    else:
        page = hotspot[hotspot["kind"]]
        live = page is not None and public_pages(type(page).objects).filter(pk=page.pk).exists()
        if not live:
            return None
        data["url"] = page.url
        data["title"] = page.title
    return data


# --- 3D models ---------------------------------------------------------------------------------------

MODEL3D_POSTER_FILTER = "fill-960x720|format-jpeg|jpegquality-80"


class Model3D(models.Model):
    """A 3D model of a product (GLB, or a self-contained glTF), shown with ``<model-viewer>``.

    The page shows the poster until someone opens the model; the file is checked by its content
    (``tours.validation.check_model3d``) before anything is saved.
    """

    title = models.CharField("tiêu đề", max_length=160)
    file = models.FileField(
        "tệp mô hình 3D (GLB)",
        upload_to="models3d/",
        max_length=255,
        help_text="glTF 2.0 nhị phân (.glb), hoặc .gltf có mọi dữ liệu nằm trong tệp.",
    )
    file_size = models.PositiveBigIntegerField("dung lượng (byte)", default=0, editable=False)
    poster = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name="ảnh đại diện",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Hiện trên trang trước khi mở mô hình, và thay cho mô hình khi máy không hiển thị được 3D.",
    )
    alt = models.CharField(
        "mô tả cho người khiếm thị",
        max_length=300,
        help_text="Mô hình cho thấy gì, ví dụ: “Quả bơ Booth 7 vỏ xanh bóng, dáng quả lê, dài khoảng 15 cm.”",
    )
    credit = models.CharField("nguồn / tác giả mô hình", max_length=160, blank=True)
    producer = models.ForeignKey(
        "catalogue.ProducerPage",
        verbose_name="chủ thể",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Để trống nếu do ban biên tập quản lý; tài khoản chủ thể chỉ thấy và dùng của mình.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("file"),
        FieldPanel("poster"),
        FieldPanel("alt"),
        FieldPanel("credit"),
        FieldPanel("producer"),
    ]

    class Meta:
        verbose_name = "mô hình 3D"
        verbose_name_plural = "mô hình 3D"

    def __str__(self):
        return self.title

    def clean(self):
        if not self.file:
            return
        try:
            self.file.open("rb")
            try:
                found = check_model3d(self.file)
            finally:
                if self.file._committed:
                    self.file.close()
        except FileNotFoundError as error:
            raise ValidationError({"file": "Không tìm thấy tệp mô hình; hãy tải lên lại."}) from error
        except ValidationError as error:
            raise ValidationError({"file": error.messages}) from error
        self.file_size = found["size"]
        if not self.file._committed:
            # Stored under the extension its content calls for, whatever the upload was named.
            stem = self.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0] or "mo-hinh"
            self.file.name = f"{stem}.{found['format']}"

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            self.file_size = self.file.size
        super().save(*args, **kwargs)

    @property
    def media_type(self) -> str:
        return MODEL3D_MEDIA_TYPES["gltf" if self.file.name.lower().endswith(".gltf") else "glb"]

    def rendition_needs(self):
        if self.poster_id:
            yield self.poster, (MODEL3D_POSTER_FILTER,)

    def poster_rendition(self):
        return get_rendition_or_not_found(self.poster, MODEL3D_POSTER_FILTER)

    def as_json(self) -> dict:
        """The model for the page and the headless API: the file, and the poster to show before it."""
        poster = self.poster_rendition()
        return {
            "id": self.pk,
            "title": self.title,
            "alt": self.alt,
            "credit": self.credit,
            "url": self.file.url,
            "size": self.file_size,
            "media_type": self.media_type,
            "poster": {"url": poster.url, "width": poster.width, "height": poster.height},
        }
