"""StreamField blocks for a product's description."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from core.blocks import FormSafeStreamBlock


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label="ảnh")
    caption = blocks.CharBlock(label="chú thích", required=False, max_length=255)

    class Meta:
        icon = "image"
        label = "Ảnh có chú thích"
        template = "components/blocks/captioned_image.html"
        description = "Một ảnh (có văn bản thay thế) với chú thích bên dưới."

    def rendition_needs(self, value):
        """The sizes its template draws (images/renditions.py), made ahead on publishing."""
        yield value["image"], "body_image"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="trích dẫn")
    speaker = blocks.CharBlock(label="người nói", required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = "Trích dẫn"
        template = "components/blocks/quote.html"
        description = "Lời của người sản xuất hoặc khách hàng."


class ProductDescriptionBlock(FormSafeStreamBlock):
    paragraph = blocks.RichTextBlock(
        label="Đoạn văn",
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        template="components/blocks/paragraph.html",
        icon="pilcrow",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
