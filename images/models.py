"""Images go through Wagtail's pipeline; this model adds a credit line and a bounded rendition cost.

Every rendition Wagtail makes goes through ``create_rendition`` or ``create_renditions``.
``PortalImage`` overrides both so that a request never waits long for them
(``images.budget``): within the request's budget they are made as before; beyond it an unsaved
stand-in is returned whose URL is the signed on-demand address (``images.views``), with the
width and height the rendition will have. The stand-in is never saved nor put in the rendition
cache, so the next request looks for the real one again.

A stored file that is missing or cannot be decoded is, for every caller, Wagtail's
``SourceImageIOError``: its template tags then draw a "not found" image, its API field an
error entry, its serve view a 410, and ours a placeholder — never a 500.
"""

import logging
from contextlib import nullcontext

from django.db import models
from PIL import Image as PILImage
from wagtail.images.models import AbstractImage, AbstractRendition, Filter, Image, SourceImageIOError

from . import budget

logger = logging.getLogger(__name__)

# Wagtail's thread pool makes three renditions of one image at a time; the budget is
# looked at between such groups, so a request overshoots it by one group at most.
RENDITIONS_PER_GROUP = 3

# What decoding a stored file raises when it is damaged: Pillow's UnidentifiedImageError and
# "image file is truncated" and Willow's UnrecognisedImageFormatError (all OSError), a
# SyntaxError from Pillow's parsers, its DecompressionBombError.
UNREADABLE_IMAGE_ERRORS = (OSError, SyntaxError, PILImage.DecompressionBombError)


class PortalImage(AbstractImage):
    """An uploaded photo: product shot, producer portrait, farm or workshop."""

    credit = models.CharField("nguồn ảnh / tác giả", max_length=255, blank=True)

    admin_form_fields = Image.admin_form_fields + ("credit",)

    def get_rendition(self, filter: Filter | str) -> AbstractRendition:
        # Wagtail's get_rendition puts whatever it returns into the rendition cache, a stand-in
        # too; get_renditions leaves out what is marked as not to be cached.
        return next(iter(self.get_renditions(filter).values()))

    def create_rendition(self, filter: Filter) -> AbstractRendition:
        spent = budget.current()
        if spent is not None and spent.spent:
            return self.on_demand_rendition(filter)
        with spent.charged() if spent is not None else nullcontext():
            return self._make_now([filter])[filter]

    def create_renditions(self, *filters: Filter) -> dict[Filter, AbstractRendition]:
        spent = budget.current()
        if spent is None:
            return self._make_now(filters)
        made: dict[Filter, AbstractRendition] = {}
        for start in range(0, len(filters), RENDITIONS_PER_GROUP):
            group = filters[start : start + RENDITIONS_PER_GROUP]
            if spent.spent:
                made.update((filter, self.on_demand_rendition(filter)) for filter in group)
                continue
            with spent.charged():
                made.update(self._make_now(group))
        return made

    def _make_now(self, filters) -> dict[Filter, AbstractRendition]:
        """Wagtail's makers, whatever the budget; a file that cannot be decoded is reported as a missing one."""
        try:
            if len(filters) == 1:  # get_or_create: the better guard against two requests racing
                return {filters[0]: AbstractImage.create_rendition(self, filters[0])}
            return AbstractImage.create_renditions(self, *filters)
        except SourceImageIOError:
            raise
        except UNREADABLE_IMAGE_ERRORS as error:
            logger.warning(
                "image %s (%s) cannot be decoded for %s",
                self.pk,
                self.file.name,
                ", ".join(filter.spec for filter in filters),
                exc_info=True,
            )
            raise SourceImageIOError(f"image {self.pk} cannot be decoded: {error}") from error

    def on_demand_rendition(self, filter: Filter) -> AbstractRendition:
        """An unsaved rendition whose URL makes the real one when it is first asked for."""
        from .views import on_demand_url

        width, height = filter.get_transform(self).size
        rendition = self.get_rendition_model()(
            image=self,
            filter_spec=filter.spec,
            focal_point_key=filter.get_cache_key(self),
            width=width,
            height=height,
        )
        rendition.on_demand_url = on_demand_url(self, filter.spec)
        rendition._from_cache = True  # Wagtail's mark for "do not write this to the rendition cache"
        return rendition


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    # Set on an unsaved stand-in for a rendition not made yet (PortalImage.on_demand_rendition).
    on_demand_url = ""

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

    @property
    def url(self):
        return self.on_demand_url or super().url

    @property
    def is_made(self) -> bool:
        """False for a stand-in whose file is made when its URL is first asked for."""
        return not self.on_demand_url
