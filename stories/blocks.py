"""StreamField blocks for telling a producer's journey.

Every block renders without JavaScript and without third-party requests: a video
is a link with a poster until the reader asks to play it, and related products
are shown only while they are live and public.
"""

import re
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from core.blocks import FormSafeStreamBlock
from core.visibility import public_pages

PARAGRAPH_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class StoryImageBlock(blocks.StructBlock):
    image = ImageBlock(label="ảnh")
    caption = blocks.CharBlock(label="chú thích", required=False, max_length=255)
    credit = blocks.CharBlock(
        label="tác giả ảnh",
        required=False,
        max_length=120,
        help_text="Để trống để dùng tác giả ghi trong thư viện ảnh.",
    )
    wide = blocks.BooleanBlock(label="tràn lề", required=False, help_text="Ảnh rộng hết màn hình.")

    class Meta:
        icon = "image"
        label = "Ảnh"
        template = "stories/blocks/image.html"

    def rendition_needs(self, value):
        """The sizes its template draws (images/renditions.py), made ahead on publishing."""
        yield value["image"], "story_image_wide" if value.get("wide") else "story_image"


class PullQuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="lời trích")
    speaker = blocks.CharBlock(label="người nói", max_length=120)
    role = blocks.CharBlock(label="vai trò", required=False, max_length=160, help_text="Ví dụ: Giám đốc HTX")

    class Meta:
        icon = "openquote"
        label = "Trích dẫn nổi bật"
        template = "stories/blocks/pull_quote.html"


# (host pattern, how to find the video id, the privacy-friendly player URL)
_YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "www.youtube-nocookie.com"}
_VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
_VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


def video_player_url(url: str) -> str | None:
    """The embeddable player for a YouTube or Vimeo link, or None if it is not one.

    YouTube plays from youtube-nocookie.com, which sets no cookies until the video plays.
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    video_id = None
    if host in _YOUTUBE_HOSTS:
        if host == "youtu.be":
            video_id = parts.path.strip("/")
        elif parts.path == "/watch":
            video_id = (parse_qs(parts.query).get("v") or [""])[0]
        elif parts.path.startswith(("/embed/", "/shorts/", "/live/")):
            video_id = parts.path.split("/")[2]
        if video_id and _VIDEO_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"
    elif host in _VIMEO_HOSTS:
        video_id = parts.path.rstrip("/").rsplit("/", 1)[-1]
        if video_id.isdigit():
            return f"https://player.vimeo.com/video/{video_id}?autoplay=1&dnt=1"
    return None


class VideoValue(blocks.StructValue):
    def player_url(self) -> str | None:
        return video_player_url(self.get("url") or "")


class VideoBlock(blocks.StructBlock):
    url = blocks.URLBlock(label="đường dẫn video", help_text="Liên kết YouTube hoặc Vimeo.")
    title = blocks.CharBlock(label="tên video", max_length=160)
    poster = ImageChooserBlock(label="ảnh bìa", required=False)
    caption = blocks.CharBlock(label="chú thích", required=False, max_length=255)

    class Meta:
        icon = "media"
        label = "Video"
        template = "stories/blocks/video.html"
        value_class = VideoValue

    def rendition_needs(self, value):
        if value.get("poster"):
            yield value["poster"], "video_poster"

    def clean(self, value):
        value = super().clean(value)
        if video_player_url(value["url"]) is None:
            raise blocks.StructBlockValidationError(
                {"url": ValidationError("Chỉ nhận liên kết video YouTube hoặc Vimeo.")}
            )
        return value


class SceneBlock(blocks.StructBlock):
    """A 360° scene. Until panoramas exist (issue #6) it shows as a wide still image."""

    image = ImageChooserBlock(label="ảnh toàn cảnh")
    title = blocks.CharBlock(label="tên cảnh", max_length=120)
    caption = blocks.CharBlock(label="chú thích", required=False, max_length=255)

    class Meta:
        icon = "site"
        label = "Cảnh 360°"
        template = "stories/blocks/scene.html"

    def rendition_needs(self, value):
        yield value["image"], "story_scene"


class TourBlock(blocks.StructBlock):
    """A virtual tour (tours.Tour) told as a chapter of the story."""

    tour = SnippetChooserBlock("tours.Tour", label="chuyến tham quan ảo")

    class Meta:
        icon = "globe"
        label = "Tham quan 360°"
        template = "stories/blocks/tour.html"

    def get_api_representation(self, value, context=None):
        # The whole tour (scenes, hotspots, rendition URLs), not a bare id: an app can draw it at once.
        return value["tour"].as_json() if value.get("tour") else None


class MilestoneBlock(blocks.StructBlock):
    year = blocks.IntegerBlock(label="năm", min_value=1900, max_value=2100)
    title = blocks.CharBlock(label="cột mốc", max_length=160)
    text = blocks.TextBlock(label="chi tiết", required=False)
    stars = blocks.ChoiceBlock(
        label="đạt hạng sao",
        choices=[("3", "3 sao"), ("4", "4 sao"), ("5", "5 sao")],
        required=False,
    )


class MilestonesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="tiêu đề", required=False, max_length=120, default="Chặng đường")
    milestones = blocks.ListBlock(MilestoneBlock(), label="các cột mốc", min_num=1)

    class Meta:
        icon = "time"
        label = "Dòng thời gian"
        template = "stories/blocks/milestones.html"

    def clean(self, value):
        value = super().clean(value)
        years = [milestone["year"] for milestone in value["milestones"]]
        if years != sorted(years):
            raise blocks.StructBlockValidationError(
                {"milestones": ValidationError("Sắp xếp các cột mốc theo năm, từ cũ đến mới.")}
            )
        return value


class ProductChooserBlock(blocks.PageChooserBlock):
    def __init__(self, **kwargs):
        super().__init__(page_type="catalogue.ProductPage", **kwargs)


class RelatedProductsValue(blocks.StructValue):
    def public_products(self) -> list:
        """The chosen products that are live and public, in the chosen order."""
        from catalogue.models import ProductPage

        ids = [page.pk for page in self.get("products") or [] if page is not None]
        if not ids:
            return []
        products = public_pages(ProductPage.objects).filter(pk__in=ids).select_related("image", "origin_province")
        by_id = {product.pk: product for product in products}
        return [by_id[pk] for pk in ids if pk in by_id]


class RelatedProductsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="tiêu đề", required=False, max_length=120, default="Sản phẩm trong câu chuyện")
    products = blocks.ListBlock(ProductChooserBlock(label="sản phẩm"), label="sản phẩm", min_num=1)

    class Meta:
        icon = "tag"
        label = "Sản phẩm liên quan"
        template = "stories/blocks/related_products.html"
        value_class = RelatedProductsValue

    def get_api_representation(self, value, context=None):
        # Only live, public products: a chosen draft must not show up, not even by id.
        products = [{"id": page.pk, "title": page.title, "url": page.url} for page in value.public_products()]
        return {"heading": value.get("heading"), "products": products}


class StoryBodyBlock(FormSafeStreamBlock):
    paragraph = blocks.RichTextBlock(
        label="Đoạn văn", features=PARAGRAPH_FEATURES, icon="pilcrow", template="stories/blocks/paragraph.html"
    )
    image = StoryImageBlock()
    quote = PullQuoteBlock()
    video = VideoBlock()
    scene = SceneBlock()
    tour = TourBlock()
    milestones = MilestonesBlock()
    related_products = RelatedProductsBlock()


def readable_text(body) -> str:
    """The words a reader reads in a story body (for reading time and search)."""
    parts = []
    for block in body:
        value = block.value
        if block.block_type == "paragraph":
            parts.append(strip_tags(value.source))
        elif block.block_type == "quote":
            parts.append(value["text"])
        elif block.block_type == "milestones":
            parts.extend(f"{item['title']} {item['text']}" for item in value["milestones"])
        elif block.block_type in ("image", "video", "scene"):
            parts.append(value.get("caption") or "")
    return " ".join(part for part in parts if part)
