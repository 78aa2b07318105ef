"""A StreamField as structured blocks: ``[{"type", "value"}]``, never rendered HTML.

Each block's value is given by what it is made of, whichever app's block it is: rich text as
``{"html", "text"}``; an image with its renditions; a chosen page only while it is public
(``{"id", "title", "url"}``, else left out); a snippet that can describe itself (a tour:
``as_json()``) as that; structs and lists as objects and arrays of the same. Two passes: the
first gathers the images and pages a body names, so their renditions and visibility cost one
query each for a whole answer, not one per block.
"""

from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.models import Page
from wagtail.snippets.blocks import SnippetChooserBlock

from core.visibility import public_pages

from .media import absolutise, image_json, page_url, prefetch_renditions
from .richtext import rich_text_json

IMAGE_BLOCKS = (ImageBlock, ImageChooserBlock)


def _walk(block, value, found: dict) -> None:
    if value is None:
        return
    if isinstance(block, IMAGE_BLOCKS):
        found["images"].append(value)
    elif isinstance(block, blocks.PageChooserBlock):
        found["pages"].add(value.pk)
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            _walk(child, value.get(name), found)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            _walk(block.child_block, item, found)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            _walk(child.block, child.value, found)


def bulk_load(stream_values) -> None:
    """Turn the raw blocks of many StreamField values into Python values in one pass per block type.

    Wagtail batches the lookups of one stream (``StreamValue._prefetch_blocks``: an image chooser's
    images in one query), but each stream on its own: a list of 100 products would cost 100 image
    queries. This does the same across every stream of an answer. It fills the values' own cache
    of converted blocks (a private attribute; without it, each stream just loads itself as usual).
    """
    pending: dict[tuple, list] = {}
    for stream in stream_values:
        bound = getattr(stream, "_bound_blocks", None)
        raw = getattr(stream, "_raw_data", None)
        if bound is None or raw is None:
            continue
        for index, item in enumerate(raw):
            if bound[index] is None and item is not None:
                pending.setdefault((id(stream.stream_block), item["type"]), []).append((stream, index, item))
    for entries in pending.values():
        stream = entries[0][0]
        child_block = stream.stream_block.child_blocks.get(entries[0][2]["type"])
        if child_block is None:
            continue
        converted = child_block.bulk_to_python([item["value"] for _, _, item in entries])
        for (owner, index, item), value in zip(entries, converted, strict=True):
            owner._bound_blocks[index] = StreamValue.StreamChild(child_block, value, id=item.get("id"))


class StreamSerialiser:
    """Serialises the bodies of the pages of one answer (call ``prepare`` with all of them first)."""

    def __init__(self, request):
        self.request = request
        self.public_page_ids: set[int] = set()

    def prepare(self, stream_values) -> None:
        stream_values = list(stream_values)
        bulk_load(stream_values)
        found = {"images": [], "pages": set()}
        for stream in stream_values:
            for child in stream:
                _walk(child.block, child.value, found)
        prefetch_renditions(found["images"])
        if found["pages"]:
            self.public_page_ids = set(
                public_pages(Page.objects).filter(pk__in=found["pages"]).values_list("pk", flat=True)
            )

    def stream(self, stream_value) -> list[dict]:
        return [{"type": child.block_type, "value": self.value(child.block, child.value)} for child in stream_value]

    def value(self, block, value):
        if value is None:
            return None
        if isinstance(block, blocks.RichTextBlock):
            return rich_text_json(value, self.request)
        if isinstance(block, IMAGE_BLOCKS):
            return image_json(value)
        if isinstance(block, blocks.PageChooserBlock):
            if value.pk not in self.public_page_ids:
                return None
            return {"id": value.pk, "title": value.title, "url": page_url(value, self.request)}
        if isinstance(block, SnippetChooserBlock):
            return absolutise(value.as_json()) if hasattr(value, "as_json") else {"id": value.pk, "title": str(value)}
        if isinstance(block, blocks.StructBlock):
            return {name: self.value(child, value.get(name)) for name, child in block.child_blocks.items()}
        if isinstance(block, blocks.ListBlock):
            items = [self.value(block.child_block, item) for item in value]
            # A chosen page that is not public is left out of a list, not shown as a hole.
            if isinstance(block.child_block, blocks.PageChooserBlock):
                items = [item for item in items if item is not None]
            return items
        if isinstance(block, blocks.StreamBlock):
            return self.stream(value)
        return block.get_api_representation(value)
