"""A generated 3D model for the demo: a Krông Nô avocado, as a GLB, and its poster picture.

Pure Python (``struct``), no internet and no third-party model: the fruit is a surface of
revolution around the vertical axis — rings of vertices along a pear-shaped profile, closed by
a vertex at each pole — with smooth normals, one index list and one PBR material with a base
colour. Its size is real (about 13 cm tall), so "view in your space" (AR) shows it life-size.
The poster is drawn from the same profile with Pillow, lit from the same side as a viewer's
default light, so the page looks the same before and after the model opens.
"""

import io
import json
import math
import struct

from PIL import Image, ImageDraw, ImageFilter

HEIGHT_M = 0.13  # a Booth avocado from the cooperative's orchards, in metres
SEGMENTS = 48  # around the axis
RINGS = 40  # from the bottom pole to the top pole
SKIN_SRGB = (62, 96, 38)  # dark, glossy green
BACKGROUND_SRGB = ((246, 242, 232), (226, 218, 200))

ARRAY_BUFFER, ELEMENT_ARRAY_BUFFER = 34962, 34963
FLOAT, UNSIGNED_SHORT = 5126, 5123


def _linear(channel: int) -> float:
    """An sRGB channel (0–255) as glTF's linear base colour wants it."""
    c = channel / 255
    return round(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4, 4)


SKIN = (*(_linear(c) for c in SKIN_SRGB), 1.0)


def radius(t: float) -> float:
    """The fruit's radius in metres at height ``t`` (0 at the bottom, 1 at the top): a pear.

    An ellipse's outline (round at both ends), narrowed smoothly above its middle into a neck.
    """
    ellipse = math.sqrt(max(0.0, t * (1 - t)))
    s = min(1.0, max(0.0, (t - 0.3) / 0.55))
    neck = 1 - 0.4 * s * s * (3 - 2 * s)  # smoothstep
    return 0.76 * HEIGHT_M * ellipse * neck


def _profile() -> list[tuple[float, float]]:
    """(radius, height) of each ring, poles excluded; the rings are denser near the poles."""
    points = []
    for ring in range(1, RINGS):
        t = (1 - math.cos(math.pi * ring / RINGS)) / 2
        points.append((radius(t), t * HEIGHT_M))
    return points


def avocado_mesh() -> tuple[list[tuple], list[tuple], list[int]]:
    """Positions, normals (unit, smooth) and triangle indices (counter-clockwise from outside)."""
    profile = _profile()
    positions = [(0.0, 0.0, 0.0)]  # the bottom pole
    for r, y in profile:
        for segment in range(SEGMENTS):
            angle = 2 * math.pi * segment / SEGMENTS
            positions.append((r * math.cos(angle), y, -r * math.sin(angle)))
    positions.append((0.0, HEIGHT_M, 0.0))  # the top pole
    top = len(positions) - 1

    def at(ring: int, segment: int) -> int:
        return 1 + ring * SEGMENTS + segment % SEGMENTS

    indices = []
    for segment in range(SEGMENTS):  # the bottom cap, seen from below
        indices += [0, at(0, segment + 1), at(0, segment)]
    for ring in range(len(profile) - 1):
        for segment in range(SEGMENTS):
            a, b = at(ring, segment), at(ring, segment + 1)
            c, d = at(ring + 1, segment), at(ring + 1, segment + 1)
            indices += [a, b, d, a, d, c]
    last = len(profile) - 1
    for segment in range(SEGMENTS):  # the top cap, seen from above
        indices += [top, at(last, segment), at(last, segment + 1)]
    return positions, _smooth_normals(positions, indices), indices


def _smooth_normals(positions, indices) -> list[tuple]:
    sums = [[0.0, 0.0, 0.0] for _ in positions]
    for i in range(0, len(indices), 3):
        a, b, c = (positions[j] for j in indices[i : i + 3])
        u = [b[k] - a[k] for k in range(3)]
        v = [c[k] - a[k] for k in range(3)]
        face = (u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0])
        for j in indices[i : i + 3]:
            for k in range(3):
                sums[j][k] += face[k]  # weighted by the face's area
    normals = []
    for x, y, z in sums:
        length = math.sqrt(x * x + y * y + z * z) or 1.0
        normals.append((x / length, y / length, z / length))
    return normals


def _padded(data: bytes, filler: bytes) -> bytes:
    return data + filler * (-len(data) % 4)


def glb(name: str = "Bơ núi lửa Krông Nô") -> bytes:
    """The avocado as a binary glTF 2.0 file."""
    positions, normals, indices = avocado_mesh()
    views, binary = [], b""
    for data, target in (
        (b"".join(struct.pack("<3f", *p) for p in positions), ARRAY_BUFFER),
        (b"".join(struct.pack("<3f", *n) for n in normals), ARRAY_BUFFER),
        (struct.pack(f"<{len(indices)}H", *indices), ELEMENT_ARRAY_BUFFER),
    ):
        views.append({"buffer": 0, "byteOffset": len(binary), "byteLength": len(data), "target": target})
        binary = _padded(binary + data, b"\0")
    document = {
        "asset": {"version": "2.0", "generator": "Cổng OCOP – mô hình minh họa tạo tự động"},
        "scene": 0,
        "scenes": [{"name": name, "nodes": [0]}],
        "nodes": [{"name": name, "mesh": 0}],
        "meshes": [
            {
                "name": name,
                "primitives": [{"attributes": {"POSITION": 0, "NORMAL": 1}, "indices": 2, "material": 0, "mode": 4}],
            }
        ],
        "materials": [
            {
                "name": "Vỏ bơ",
                "pbrMetallicRoughness": {"baseColorFactor": list(SKIN), "metallicFactor": 0.0, "roughnessFactor": 0.45},
            }
        ],
        "accessors": [
            {
                "bufferView": 0,
                "componentType": FLOAT,
                "count": len(positions),
                "type": "VEC3",
                "min": [min(p[k] for p in positions) for k in range(3)],
                "max": [max(p[k] for p in positions) for k in range(3)],
            },
            {"bufferView": 1, "componentType": FLOAT, "count": len(normals), "type": "VEC3"},
            {"bufferView": 2, "componentType": UNSIGNED_SHORT, "count": len(indices), "type": "SCALAR"},
        ],
        "bufferViews": views,
        "buffers": [{"byteLength": len(binary)}],
    }
    json_chunk = _padded(json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode(), b" ")
    chunks = struct.pack("<II", len(json_chunk), 0x4E4F534A) + json_chunk
    chunks += struct.pack("<II", len(binary), 0x004E4942) + binary
    return struct.pack("<4sII", b"glTF", 2, 12 + len(chunks)) + chunks


def poster(width: int = 960, height: int = 720) -> bytes:
    """The avocado standing on a table, shaded from its own profile (a JPEG of ``width``×``height``)."""
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):  # a warm studio background, lighter at the top
        t = y / (height - 1)
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(round(a + (b - a) * t) for a, b in zip(*BACKGROUND_SRGB, strict=True)),
        )
    scale = 0.8 * height / HEIGHT_M  # pixels per metre: the fruit fills 80% of the height
    centre_x, ground = width / 2, height * 0.9
    shadow = Image.new("L", (width, height), 0)
    ImageDraw.Draw(shadow).ellipse(
        [centre_x - 0.05 * scale, ground - 0.006 * scale, centre_x + 0.06 * scale, ground + 0.008 * scale], fill=90
    )
    shade_colour = Image.new("RGB", image.size, (120, 110, 95))
    image = Image.composite(shade_colour, image, shadow.filter(ImageFilter.GaussianBlur(12)))
    pixels = image.load()
    light = _unit((-0.45, 0.55, 0.7))  # from the upper left, in front
    for row in range(round(ground - HEIGHT_M * scale), round(ground)):
        t = (ground - row) / (HEIGHT_M * scale)
        r = radius(t) * scale
        if r < 0.5:
            continue
        slope = (radius(min(1, t + 0.01)) - radius(max(0, t - 0.01))) / (0.02 * HEIGHT_M)  # dr/dy
        for column in range(math.floor(centre_x - r), math.ceil(centre_x + r) + 1):
            x = (column - centre_x) / r
            if abs(x) > 1:
                continue
            z = math.sqrt(1 - x * x)
            normal = _unit((x, -slope, z))  # radial (x, 0, z), tilted by the profile's slope
            diffuse = max(0.0, sum(a * b for a, b in zip(normal, light, strict=True)))
            half = _unit((light[0], light[1], light[2] + 1))
            specular = max(0.0, sum(a * b for a, b in zip(normal, half, strict=True))) ** 40
            shade = 0.28 + 0.85 * diffuse
            colour = tuple(min(255, round(c * shade + 230 * 0.55 * specular)) for c in SKIN_SRGB)
            pixels[column, row] = colour
    buffer = io.BytesIO()
    image.filter(ImageFilter.SMOOTH).save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue()


def _unit(vector) -> tuple:
    length = math.sqrt(sum(c * c for c in vector)) or 1.0
    return tuple(c / length for c in vector)
