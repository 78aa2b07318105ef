"""Generated 360° photos for the demo tour (no internet at run time, no third-party photos).

Each picture is equirectangular: 360° across, 180° from the zenith to the nadir, so the
horizon is the middle row and whatever is drawn wraps around at the left and right edges.
"""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 2400, 1200  # 2:1, the smallest size the portal accepts plus some margin
HORIZON = HEIGHT // 2


def _vertical_gradient(draw, top: int, bottom: int, start: tuple, end: tuple) -> None:
    for y in range(top, bottom):
        t = (y - top) / max(1, bottom - top - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(start, end, strict=True))
        draw.line([(0, y), (WIDTH, y)], fill=colour)


def _wrapped(draw_shape, x: float, *args) -> None:
    """Draw a shape at x and again one full turn away, so it is whole across the seam."""
    for offset in (-WIDTH, 0, WIDTH):
        draw_shape(x + offset, *args)


def _to_jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.filter(ImageFilter.SMOOTH).save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    return buffer.getvalue()


def orchard() -> bytes:
    """An avocado orchard on red basalt soil, with the volcano's cone on the horizon."""
    rng = random.Random("vuon-bo-krong-no")
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    _vertical_gradient(draw, 0, HORIZON, (96, 160, 226), (214, 232, 246))
    _vertical_gradient(draw, HORIZON, HEIGHT, (150, 70, 42), (96, 40, 24))  # đất đỏ bazan

    def cone(x):
        draw.polygon(
            [(x - 260, HORIZON), (x - 70, HORIZON - 120), (x + 70, HORIZON - 120), (x + 260, HORIZON)],
            fill=(92, 122, 88),
        )

    _wrapped(cone, 1500)
    for index in range(14):  # avocado trees all around, nearer ones lower and larger
        x = index * WIDTH / 14 + rng.uniform(-40, 40)
        depth = rng.uniform(0.4, 1.0)
        trunk_top = HORIZON + 40 * depth
        crown = 55 + 90 * depth

        def tree(x, trunk_top=trunk_top, crown=crown, depth=depth):
            draw.rectangle(
                [x - 6 * depth, trunk_top - crown * 0.4, x + 6 * depth, trunk_top + 60 * depth], fill=(84, 56, 36)
            )
            draw.ellipse(
                [x - crown, trunk_top - 2.2 * crown, x + crown, trunk_top - 0.2 * crown],
                fill=(46, 110 + round(30 * depth), 52),
            )
            for _ in range(5):  # the fruit
                fx, fy = x + rng.uniform(-0.6, 0.6) * crown, trunk_top - rng.uniform(0.5, 1.6) * crown
                draw.ellipse([fx - 6, fy - 9, fx + 6, fy + 9], fill=(52, 86, 30))

        _wrapped(tree, x)
    for x in range(0, WIDTH, 8):  # a path between the rows, visible looking down
        draw.point((x, HEIGHT - 120 + round(10 * math.sin(x / 90))), fill=(170, 100, 64))
    return _to_jpeg(image)


def packing_room() -> bytes:
    """The cooperative's packing room: grading tables, crates, and the traceability labels."""
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    _vertical_gradient(draw, 0, HORIZON - 180, (226, 226, 220), (240, 240, 236))  # ceiling
    _vertical_gradient(draw, HORIZON - 180, HORIZON + 120, (236, 230, 214), (222, 214, 196))  # walls
    _vertical_gradient(draw, HORIZON + 120, HEIGHT, (150, 150, 146), (110, 110, 108))  # concrete floor
    for x in range(0, WIDTH, WIDTH // 4):  # the room's corners, every 90°
        draw.line([(x, HORIZON - 180), (x, HORIZON + 120)], fill=(190, 180, 160), width=4)
    for index in range(8):  # windows, lamps and tables around the room
        x = index * WIDTH / 8 + WIDTH / 16
        draw.rectangle([x - 70, HORIZON - 150, x + 70, HORIZON - 40], fill=(170, 210, 236), outline=(120, 110, 90))
        draw.ellipse([x - 18, 110, x + 18, 140], fill=(255, 244, 200))
        draw.rectangle([x - 120, HORIZON + 40, x + 120, HORIZON + 60], fill=(150, 116, 80))  # grading table
        for crate in range(3):
            cx = x - 90 + crate * 70
            draw.rectangle([cx, HORIZON + 120, cx + 56, HORIZON + 170], fill=(196, 150, 90), outline=(120, 90, 50))
            draw.rectangle([cx + 16, HORIZON + 132, cx + 40, HORIZON + 150], fill=(255, 255, 255))  # QR label
    return _to_jpeg(image)
