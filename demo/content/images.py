"""Illustrations for the demo, drawn with Pillow at load time (no internet, nothing committed).

Each picture is a flat, poster-like drawing: a gradient in the colours of the
product's category, a simple motif evoking the product (an avocado cut in half, a
pomelo, coffee beans, a bowl of noodles…) and a caption band with its name. The
drawing is deterministic: the same product always gives the same picture.
"""

import io
import math
import random
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

# (top colour, bottom colour, accent) per product subgroup; producers use their scene's palette.
CATEGORY_PALETTES = {
    "nong-san-tuoi-song": ((205, 232, 176), (96, 160, 84), (250, 244, 214)),
    "nong-san-so-che": ((246, 232, 196), (196, 158, 96), (255, 250, 235)),
    "thuc-pham-che-bien": ((252, 228, 196), (214, 128, 72), (255, 246, 230)),
    "gia-vi": ((252, 210, 170), (186, 66, 46), (255, 240, 222)),
    "che-tra": ((214, 236, 196), (58, 122, 74), (240, 250, 230)),
    "ca-phe-ca-cao": ((226, 196, 160), (92, 58, 38), (250, 236, 214)),
    "tra-thao-duoc": ((226, 214, 236), (104, 86, 138), (246, 240, 250)),
}
DEFAULT_PALETTE = ((220, 230, 240), (70, 110, 150), (245, 248, 252))
SCENE_PALETTES = {
    "volcano": ((252, 214, 170), (150, 70, 50)),
    "orchard": ((214, 238, 190), (84, 150, 80)),
    "paddy": ((226, 240, 200), (150, 176, 70)),
    "hills": ((200, 226, 236), (70, 130, 90)),
    "mountains": ((206, 222, 240), (70, 100, 120)),
    "village": ((252, 232, 200), (176, 120, 80)),
    "workshop": ((240, 226, 210), (140, 100, 80)),
    "sea": ((196, 226, 246), (40, 110, 160)),
}

STAR = "★"


@lru_cache(maxsize=16)
def font(size: int, bold: bool = False) -> ImageFont.ImageFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    path = FONT_DIR / name
    if path.exists():
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


def _gradient(size: tuple[int, int], top: tuple, bottom: tuple) -> Image.Image:
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def _shade(colour: tuple, factor: float) -> tuple:
    return tuple(max(0, min(255, int(c * factor))) for c in colour)


def _decorate(image: Image.Image, rng: random.Random, accent: tuple) -> None:
    """Soft translucent circles in the background."""
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    w, h = image.size
    for _ in range(7):
        r = rng.uniform(0.08, 0.25) * w
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(*accent, rng.randint(28, 60)))
    image.paste(overlay, (0, 0), overlay)


# --- motifs: each draws the product inside the box (cx, cy, r) ------------------------------------
def _leaf(draw, cx, cy, r, angle, colour=(70, 140, 60)):
    points = []
    for t in range(0, 181, 12):
        a = math.radians(t)
        x, y = r * (t / 180), r * 0.35 * math.sin(a)
        points.append((x, y))
    points += [(x, -y) for x, y in reversed(points)]
    ca, sa = math.cos(angle), math.sin(angle)
    draw.polygon([(cx + x * ca - y * sa, cy + x * sa + y * ca) for x, y in points], fill=colour)


def _citrus(draw, cx, cy, r, peel, flesh, pith=(252, 246, 222)):
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=peel)
    inner = r * 0.86
    draw.ellipse((cx - inner, cy - inner, cx + inner, cy + inner), fill=pith)
    seg = r * 0.8
    for i in range(10):
        start = i * 36 + 3
        draw.pieslice((cx - seg, cy - seg, cx + seg, cy + seg), start, start + 30, fill=flesh)
    draw.ellipse((cx - r * 0.08, cy - r * 0.08, cx + r * 0.08, cy + r * 0.08), fill=pith)


def motif_avocado(draw, cx, cy, r, rng):
    for dx in (-0.45, 0.45):
        x = cx + dx * r
        draw.ellipse((x - r * 0.42, cy - r * 0.75, x + r * 0.42, cy + r * 0.85), fill=(52, 92, 40))
        draw.ellipse((x - r * 0.36, cy - r * 0.66, x + r * 0.36, cy + r * 0.78), fill=(214, 226, 120))
        draw.ellipse((x - r * 0.26, cy - r * 0.5, x + r * 0.26, cy + r * 0.65), fill=(238, 236, 160))
    x = cx - 0.45 * r
    draw.ellipse((x - r * 0.2, cy - r * 0.05, x + r * 0.2, cy + r * 0.38), fill=(120, 72, 40))
    _leaf(draw, cx + r * 0.3, cy - r * 0.85, r * 0.6, -0.6)


def motif_pomelo(draw, cx, cy, r, rng):
    draw.ellipse((cx - r * 0.95, cy - r * 0.75, cx + r * 0.05, cy + r * 0.95), fill=(86, 150, 60))
    _citrus(draw, cx + r * 0.35, cy + r * 0.1, r * 0.7, (110, 168, 70), (236, 120, 120))
    _leaf(draw, cx - r * 0.5, cy - r * 0.8, r * 0.6, -0.9)


def motif_orange(draw, cx, cy, r, rng):
    draw.ellipse((cx - r * 0.95, cy - r * 0.6, cx + r * 0.1, cy + r * 0.7), fill=(122, 160, 58))
    _citrus(draw, cx + r * 0.35, cy + r * 0.15, r * 0.68, (150, 170, 60), (246, 160, 40))
    _leaf(draw, cx - r * 0.2, cy - r * 0.75, r * 0.55, -1.1)


def motif_mandarin(draw, cx, cy, r, rng):
    for dx, dy, s in ((-0.5, 0.2, 0.5), (0.45, 0.3, 0.5), (0.0, -0.3, 0.55)):
        x, y, rr = cx + dx * r, cy + dy * r, s * r
        draw.ellipse((x - rr, y - rr * 0.88, x + rr, y + rr * 0.88), fill=(240, 136, 30))
        draw.ellipse((x - rr * 0.5, y - rr * 0.6, x - rr * 0.1, y - rr * 0.3), fill=(250, 180, 90))
    _leaf(draw, cx + r * 0.05, cy - r * 0.75, r * 0.5, -0.4)


def motif_mango(draw, cx, cy, r, rng):
    for dx, colour in ((-0.35, (236, 96, 80)), (0.35, (246, 176, 48))):
        x = cx + dx * r
        draw.chord((x - r * 0.45, cy - r * 0.7, x + r * 0.45, cy + r * 0.8), 0, 360, fill=colour)
        draw.ellipse((x - r * 0.2, cy - r * 0.5, x, cy - r * 0.2), fill=_shade(colour, 1.15))
    _leaf(draw, cx, cy - r * 0.8, r * 0.6, -0.3)


def motif_custard_apple(draw, cx, cy, r, rng):
    draw.ellipse((cx - r * 0.8, cy - r * 0.75, cx + r * 0.8, cy + r * 0.85), fill=(134, 176, 90))
    step = r * 0.22
    y = cy - r * 0.6
    while y < cy + r * 0.7:
        x = cx - r * 0.7
        while x < cx + r * 0.7:
            if (x - cx) ** 2 / (0.78 * r) ** 2 + (y - cy) ** 2 / (0.8 * r) ** 2 < 0.85:
                draw.arc((x, y, x + step, y + step), 200, 340, fill=(70, 110, 50), width=max(1, int(r * 0.02)))
            x += step
        y += step * 0.9
    _leaf(draw, cx + r * 0.2, cy - r * 0.9, r * 0.55, -0.5)


def motif_cashew(draw, cx, cy, r, rng):
    for _ in range(10):
        x, y = cx + rng.uniform(-0.6, 0.6) * r, cy + rng.uniform(-0.5, 0.6) * r
        s, t = r * rng.uniform(0.2, 0.26), r * 0.13
        start = math.radians(rng.randint(0, 359))
        outer = [
            (x + (s + t) * math.cos(start + k * 0.16), y + (s + t) * math.sin(start + k * 0.16)) for k in range(17)
        ]
        inner = [(x + s * math.cos(start + k * 0.16), y + s * math.sin(start + k * 0.16)) for k in range(17)]
        draw.polygon(outer + inner[::-1], fill=(234, 198, 132), outline=(176, 130, 70))
        draw.ellipse(
            (outer[0][0] - t / 2, outer[0][1] - t / 2, outer[0][0] + t / 2, outer[0][1] + t / 2), fill=(234, 198, 132)
        )


def motif_rice(draw, cx, cy, r, rng):
    draw.chord((cx - r, cy - r * 0.5, cx + r, cy + r * 0.9), 0, 180, fill=(92, 120, 160))
    draw.ellipse((cx - r, cy - r * 0.2, cx + r, cy + r * 0.2), fill=(250, 248, 240))
    for _ in range(160):
        x, y = cx + rng.uniform(-0.85, 0.85) * r, cy + rng.uniform(-0.45, 0.1) * r
        if ((x - cx) / r) ** 2 + ((y - cy + 0.05 * r) / (0.5 * r)) ** 2 > 0.8:
            continue
        s = r * 0.05
        draw.ellipse((x - s, y - s * 0.45, x + s, y + s * 0.45), fill=(255, 255, 252), outline=(220, 214, 196))
    for i in range(3):
        _leaf(draw, cx - r * 0.9 + i * r * 0.15, cy - r * 0.9, r * 0.45, -1.2 + i * 0.3, (190, 160, 60))


def motif_coffee(draw, cx, cy, r, rng):
    for _ in range(9):
        x, y = cx + rng.uniform(-0.75, 0.55) * r, cy + rng.uniform(-0.35, 0.75) * r
        s = r * 0.3
        draw.ellipse((x - s, y - s * 0.72, x + s, y + s * 0.72), fill=(94, 54, 32), outline=(60, 34, 20), width=2)
        draw.arc((x - s * 0.6, y - s * 0.72, x + s * 0.6, y + s * 0.72), 100, 260, fill=(50, 28, 18), width=4)
    _leaf(draw, cx + r * 0.25, cy - r * 0.6, r * 0.7, -0.5)
    for dx, dy in ((0.55, -0.75), (0.72, -0.6), (0.5, -0.55)):
        x, y, s = cx + dx * r, cy + dy * r, r * 0.11
        draw.ellipse((x - s, y - s, x + s, y + s), fill=(196, 40, 40))


def motif_noodles(draw, cx, cy, r, rng):
    draw.chord((cx - r, cy - r * 0.4, cx + r, cy + r), 0, 180, fill=(196, 62, 52))
    draw.ellipse((cx - r, cy - r * 0.1, cx + r, cy + r * 0.3), fill=(150, 40, 36))
    width = max(2, int(r * 0.025))
    for k in range(14):
        phase = k * 0.6
        base = cy - r * 0.15 + k * r * 0.02
        points = [(cx - r * 0.85 + i * r * 0.05, base - r * 0.12 * abs(math.sin(i * 0.35 + phase))) for i in range(35)]
        draw.line(points, fill=(120, 92, 110) if k % 2 else (150, 120, 136), width=width)
    draw.line((cx + r * 0.3, cy - r * 0.9, cx + r * 0.05, cy + r * 0.1), fill=(120, 80, 40), width=width * 3)
    draw.line((cx + r * 0.45, cy - r * 0.85, cx + r * 0.15, cy + r * 0.1), fill=(120, 80, 40), width=width * 3)


def motif_rice_paper(draw, cx, cy, r, rng):
    for i, (dx, dy) in enumerate(((-0.35, -0.15), (0.3, -0.25), (0.0, 0.25))):
        x, y, s = cx + dx * r, cy + dy * r, r * 0.6
        draw.ellipse((x - s, y - s, x + s, y + s), fill=(250, 240, 216), outline=(214, 190, 150), width=3)
        for _ in range(60):
            a, d = rng.uniform(0, math.tau), rng.uniform(0, 0.9) * s
            px, py = x + d * math.cos(a), y + d * math.sin(a)
            draw.ellipse((px - 2, py - 2, px + 2, py + 2), fill=(226, 206, 170))
        if i == 2:
            draw.arc((x - s * 0.8, y - s * 0.8, x + s * 0.8, y + s * 0.8), 20, 160, fill=(214, 190, 150), width=2)


def _jar(draw, cx, cy, r, fill, label="", lid=(196, 60, 40)):
    draw.rounded_rectangle((cx - r * 0.5, cy - r * 0.55, cx + r * 0.5, cy + r * 0.85), radius=r * 0.15, fill=fill)
    draw.rounded_rectangle((cx - r * 0.4, cy - r * 0.8, cx + r * 0.4, cy - r * 0.55), radius=r * 0.05, fill=lid)
    draw.rectangle((cx - r * 0.5, cy - r * 0.05, cx + r * 0.5, cy + r * 0.4), fill=(255, 248, 232))
    if label:
        f = font(max(10, int(r * 0.14)), bold=True)
        draw.text((cx, cy + r * 0.17), label, font=f, fill=(120, 40, 30), anchor="mm")


def motif_jar(draw, cx, cy, r, rng):
    _jar(draw, cx - r * 0.3, cy, r * 0.8, (232, 120, 60), "OCOP")
    _jar(draw, cx + r * 0.45, cy + r * 0.2, r * 0.6, (226, 204, 120), "OCOP", lid=(70, 110, 60))


def motif_bottle(draw, cx, cy, r, rng):
    for dx, h in ((-0.35, 1.0), (0.35, 0.85)):
        x = cx + dx * r
        top = cy - r * 0.9 * h
        draw.rectangle((x - r * 0.08, top, x + r * 0.08, top + r * 0.3), fill=(170, 110, 40))
        draw.rectangle((x - r * 0.1, top - r * 0.08, x + r * 0.1, top), fill=(180, 40, 30))
        draw.rounded_rectangle(
            (x - r * 0.25, top + r * 0.25, x + r * 0.25, cy + r * 0.85), radius=r * 0.1, fill=(176, 96, 30)
        )
        draw.rectangle((x - r * 0.25, cy, x + r * 0.25, cy + r * 0.35), fill=(250, 240, 220))
    for i in range(5):
        x = cx - r * 0.9 + i * r * 0.12
        draw.ellipse((x, cy + r * 0.7, x + r * 0.3, cy + r * 0.8), fill=(150, 170, 190))


def motif_tea(draw, cx, cy, r, rng):
    draw.chord((cx - r * 0.6, cy - r * 0.3, cx + r * 0.6, cy + r * 0.8), 0, 180, fill=(250, 250, 244))
    draw.ellipse((cx - r * 0.6, cy - r * 0.05, cx + r * 0.6, cy + r * 0.2), fill=(168, 176, 60))
    width = max(2, int(r * 0.03))
    for dx in (-0.2, 0.05, 0.3):
        x = cx + dx * r
        points = [(x + r * 0.06 * math.sin(i * 0.7), cy - r * 0.15 - i * r * 0.06) for i in range(10)]
        draw.line(points, fill=(255, 255, 255), width=width)
    for i in range(4):
        _leaf(draw, cx - r * 0.95 + i * r * 0.1, cy + r * 0.6 - i * r * 0.35, r * 0.45, -0.4 - i * 0.3)


def motif_artichoke(draw, cx, cy, r, rng):
    for layer in range(5):
        rr = r * (0.85 - layer * 0.15)
        colour = (118 + layer * 14, 150 + layer * 12, 96 + layer * 10)
        for i in range(7):
            a = math.radians(-90 + (i - 3) * 24)
            tip = (cx + rr * math.cos(a), cy + r * 0.3 + rr * math.sin(a) * 1.1)
            base_l = (cx + rr * 0.3 * math.cos(a - 0.5), cy + r * 0.35)
            base_r = (cx + rr * 0.3 * math.cos(a + 0.5), cy + r * 0.35)
            draw.polygon([base_l, tip, base_r], fill=colour)
    draw.ellipse((cx - r * 0.2, cy - r * 0.55, cx + r * 0.2, cy - r * 0.3), fill=(140, 100, 170))
    draw.rectangle((cx - r * 0.06, cy + r * 0.35, cx + r * 0.06, cy + r * 0.95), fill=(90, 130, 80))


def motif_nest(draw, cx, cy, r, rng):
    draw.ellipse((cx - r, cy + r * 0.35, cx + r, cy + r * 0.75), fill=(250, 250, 246), outline=(200, 200, 196), width=3)
    draw.chord((cx - r * 0.7, cy - r * 0.4, cx + r * 0.7, cy + r * 0.6), 0, 180, fill=(240, 226, 196))
    width = max(1, int(r * 0.02))
    for _ in range(60):
        s = r * rng.uniform(0.35, 0.7)
        start = rng.randint(5, 40)
        draw.arc((cx - s, cy - s * 0.55, cx + s, cy + s * 0.75), start, 180 - start, fill=(214, 196, 160), width=width)
    for dx, dy in ((-0.6, -0.8), (-0.35, -0.95)):
        x, y, s = cx + dx * r, cy + dy * r, r * 0.14
        draw.polygon([(x, y), (x - s, y - s * 0.35), (x - s * 0.2, y + s * 0.15)], fill=(60, 60, 80))
        draw.polygon([(x, y), (x + s, y - s * 0.35), (x + s * 0.2, y + s * 0.15)], fill=(60, 60, 80))


MOTIFS = {name[len("motif_") :]: fn for name, fn in globals().copy().items() if name.startswith("motif_")}


# --- producer scenes ---------------------------------------------------------------------------
def _scene(draw, w, h, scene: str, rng: random.Random):
    horizon = h * 0.62
    draw.ellipse((w * 0.72, h * 0.1, w * 0.84, h * 0.1 + w * 0.12), fill=(255, 236, 160))
    if scene in ("volcano", "mountains", "hills"):
        peaks = 3 if scene != "volcano" else 1
        for i in range(peaks):
            x0 = w * (0.1 + i * 0.3) - w * 0.15
            peak_y = h * (0.22 + 0.08 * i)
            colour = (96 - i * 8, 130 - i * 10, 100 - i * 6) if scene != "volcano" else (130, 72, 54)
            if scene == "volcano":
                draw.polygon(
                    [(w * 0.05, horizon), (w * 0.38, h * 0.25), (w * 0.5, h * 0.25), (w * 0.85, horizon)], fill=colour
                )
            else:
                draw.polygon([(x0, horizon), (x0 + w * 0.25, peak_y), (x0 + w * 0.55, horizon)], fill=colour)
    if scene == "sea":
        draw.rectangle((0, horizon, w, h), fill=(60, 130, 180))
        for i in range(8):
            y = horizon + (i + 1) * h * 0.04
            draw.arc(
                (w * 0.1 * (i % 5), y, w * 0.1 * (i % 5) + w * 0.2, y + h * 0.05),
                200,
                340,
                fill=(220, 240, 250),
                width=4,
            )
        draw.polygon([(w * 0.3, horizon), (w * 0.4, h * 0.4), (w * 0.52, horizon)], fill=(90, 110, 90))
        return
    draw.rectangle((0, horizon, w, h), fill=(122, 170, 80) if scene != "volcano" else (150, 86, 60))
    if scene in ("paddy", "hills", "mountains"):
        for i in range(10):
            y = horizon + i * h * 0.04
            draw.line((0, y, w, y + h * 0.02), fill=(170, 200, 96), width=max(2, h // 200))
    if scene in ("orchard", "volcano", "hills"):
        for i in range(7):
            x, y = w * (0.08 + i * 0.13), horizon + h * (0.06 + 0.05 * (i % 2))
            draw.rectangle((x - w * 0.008, y, x + w * 0.008, y + h * 0.1), fill=(110, 80, 50))
            draw.ellipse((x - w * 0.05, y - h * 0.09, x + w * 0.05, y + h * 0.03), fill=(60, 120, 60))
            for _ in range(3):
                fx, fy = x + rng.uniform(-0.03, 0.03) * w, y + rng.uniform(-0.06, 0.0) * h
                draw.ellipse((fx - 6, fy - 6, fx + 6, fy + 6), fill=(246, 170, 50))
    if scene in ("village", "workshop", "paddy", "mountains"):
        x, y = w * 0.55, horizon - h * 0.02
        draw.rectangle((x, y - h * 0.14, x + w * 0.2, y + h * 0.06), fill=(240, 224, 200))
        draw.polygon(
            [(x - w * 0.02, y - h * 0.14), (x + w * 0.1, y - h * 0.26), (x + w * 0.22, y - h * 0.14)],
            fill=(176, 70, 50),
        )
        draw.rectangle((x + w * 0.08, y - h * 0.05, x + w * 0.12, y + h * 0.06), fill=(120, 80, 50))


# --- composition -------------------------------------------------------------------------------
def _wrap(text: str, f, max_width: float) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if f.getlength(candidate) <= max_width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _caption(image: Image.Image, title: str, subtitle: str) -> None:
    w, h = image.size
    band_h = int(h * 0.24)
    overlay = Image.new("RGBA", (w, band_h), (20, 28, 24, 170))
    image.paste(overlay, (0, h - band_h), overlay)
    draw = ImageDraw.Draw(image)
    title_font = font(max(10, int(h * 0.07)), bold=True)
    lines = _wrap(title, title_font, w * 0.9)[:2]
    if len(lines) > 1:
        title_font = font(max(10, int(h * 0.05)), bold=True)
        lines = _wrap(title, title_font, w * 0.9)[:2]
    y = h - band_h + h * 0.03
    for line in lines:
        draw.text((w * 0.05, y), line, font=title_font, fill=(255, 255, 255))
        y += title_font.size * 1.15
    if subtitle:
        draw.text((w * 0.05, y + h * 0.005), subtitle, font=font(max(9, int(h * 0.04))), fill=(255, 226, 140))
    small = font(max(8, int(h * 0.028)))
    draw.text((w * 0.97, h * 0.03), "Ảnh minh họa", font=small, fill=(255, 255, 255), anchor="ra")


def _to_jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def product_picture(
    *, key: str, title: str, subtitle: str, category: str, motif: str, variant: str = "main", width: int = 1200
) -> bytes:
    """A JPEG illustrating a product; ``variant`` is main, pattern (close-up) or package."""
    height = width * 3 // 4
    top, bottom, accent = CATEGORY_PALETTES.get(category, DEFAULT_PALETTE)
    rng = random.Random(f"{key}:{variant}")
    if variant == "pattern":
        top, bottom = bottom, _shade(bottom, 0.7)
    image = _gradient((width, height), top, bottom)
    _decorate(image, rng, accent)
    draw = ImageDraw.Draw(image)
    draw_motif = MOTIFS.get(motif, motif_avocado)
    if variant == "pattern":
        r = width * 0.11
        for row in range(3):
            for col in range(4):
                cx = width * (0.14 + col * 0.24) + (row % 2) * width * 0.06
                cy = height * (0.16 + row * 0.26)
                draw_motif(draw, cx, cy, r, rng)
        caption = "Cận cảnh"
    elif variant == "package":
        box = (width * 0.3, height * 0.1, width * 0.7, height * 0.72)
        draw.rounded_rectangle(
            (box[0] + 14, box[1] + 14, box[2] + 14, box[3] + 14), radius=width * 0.02, fill=_shade(bottom, 0.6)
        )
        draw.rounded_rectangle(box, radius=width * 0.02, fill=accent)
        draw.rectangle((box[0], box[1] + height * 0.05, box[2], box[1] + height * 0.12), fill=bottom)
        draw_motif(draw, width * 0.5, height * 0.4, width * 0.12, rng)
        label = font(max(9, int(height * 0.035)), bold=True)
        draw.text((width * 0.5, box[1] + height * 0.085), "OCOP", font=label, fill=(255, 255, 255), anchor="mm")
        caption = "Bao bì sản phẩm"
    else:
        draw_motif(draw, width * 0.5, height * 0.4, width * 0.22, rng)
        caption = ""
    _caption(image, title, " · ".join(p for p in (subtitle, caption) if p))
    return _to_jpeg(image)


def producer_picture(*, key: str, title: str, subtitle: str, scene: str, width: int = 1200) -> bytes:
    """A JPEG landscape for a producer: hills, orchard, paddy, village, sea…"""
    height = width * 3 // 4
    top, bottom = SCENE_PALETTES.get(scene, SCENE_PALETTES["hills"])
    rng = random.Random(key)
    image = _gradient((width, height), top, bottom)
    draw = ImageDraw.Draw(image)
    _scene(draw, width, height, scene, rng)
    _caption(image, title, subtitle)
    return _to_jpeg(image)
