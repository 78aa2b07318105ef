"""A 360° panorama: an equirectangular photo from Wagtail's image pipeline, and how to show it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from .validation import check_equirectangular

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
        return self.image.get_rendition(POSTER_FILTER)

    def viewer_sources(self) -> list[dict]:
        """The panorama at the sizes a viewer chooses from, smallest first, none larger than the original."""
        widths = [width for width in VIEWER_WIDTHS if width < self.image.width] + [self.image.width]
        sources = []
        for width in widths:
            rendition = self.image.get_rendition(f"width-{width}|format-jpeg|jpegquality-80")
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
