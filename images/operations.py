"""Image operations of our own, used in rendition filter specs like Wagtail's built-in ones.

``ocopbadge-4`` stamps the OCOP star badge on a link-preview image (Zalo, Facebook):
the stars are part of the filter spec, so a new rating makes a new rendition and the
old preview is never reused. Stars are drawn as shapes and the text is plain ASCII in
Pillow's bundled font, so no system font is needed.
"""

import math

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images.image_operations import FilterOperation

BADGE_GREEN = (11, 93, 59)  # the site's theme colour
STAR_GOLD = (246, 190, 0)
STAR_EMPTY = (255, 255, 255, 90)
WHITE = (255, 255, 255)


def star_points(cx: float, cy: float, outer: float) -> list[tuple[float, float]]:
    """The ten corners of a five-pointed star, point up."""
    inner = outer * 0.382
    points = []
    for index in range(10):
        radius = outer if index % 2 == 0 else inner
        angle = math.pi / 2 - index * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy - radius * math.sin(angle)))
    return points


def star_centres(image_height: int) -> list[tuple[float, float]]:
    """Where the badge's five stars sit on an image of this height (the badge scales with it)."""
    scale = image_height / 630
    star, gap, padding = STAR_RADIUS * scale, STAR_GAP * scale, PADDING * scale
    left = MARGIN * scale
    cy = image_height - MARGIN * scale - padding - star
    return [(left + padding + star + index * (2 * star + gap), cy) for index in range(5)]


MARGIN, PADDING, BADGE_HEIGHT = 36, 26, 150
STAR_RADIUS, STAR_GAP = 26, 8


class OcopBadgeOperation(FilterOperation):
    """``ocopbadge-{3|4|5}``: the OCOP mark and the stars in the lower left corner."""

    def construct(self, stars):
        self.stars = int(stars)
        if self.stars not in (3, 4, 5):
            raise ValueError("An OCOP rating has 3, 4 or 5 stars")

    def run(self, willow, image, env):
        picture = willow.image.convert("RGBA")
        scale = picture.height / 630
        overlay = PILImage.new("RGBA", picture.size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(overlay)

        padding, star = PADDING * scale, STAR_RADIUS * scale
        width = 2 * padding + 5 * 2 * star + 4 * STAR_GAP * scale
        left, bottom = MARGIN * scale, picture.height - MARGIN * scale
        top = bottom - BADGE_HEIGHT * scale
        draw.rounded_rectangle((left, top, left + width, bottom), radius=18 * scale, fill=(*BADGE_GREEN, 235))

        font = ImageFont.load_default(size=round(42 * scale))
        draw.text((left + padding, top + 14 * scale), "OCOP", font=font, fill=WHITE)
        small = ImageFont.load_default(size=round(30 * scale))
        label = f"{self.stars} sao"
        draw.text(
            (left + width - padding - draw.textlength(label, font=small), top + 24 * scale),
            label,
            font=small,
            fill=WHITE,
        )
        for index, (cx, cy) in enumerate(star_centres(picture.height)):
            draw.polygon(star_points(cx, cy, star), fill=STAR_GOLD if index < self.stars else STAR_EMPTY)

        picture = PILImage.alpha_composite(picture, overlay).convert("RGB")
        return willow.__class__(picture)
