"""Is this image a usable 360° panorama? One clear refusal per way it can fail.

An equirectangular photo covers 360° across and 180° up and down, so it is exactly
twice as wide as it is tall. It must be big enough to look sharp when a phone shows a
small part of it, and small enough to decode on that phone: its pixels are counted
from the file's header before anything is decoded (a decompression bomb never is).

A 3D model (``check_model3d``, below) is checked the same way: by its bytes, with one clear
refusal per way it can fail.
"""

import json
import struct

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError

MIN_SIZE = (2000, 1000)
# 8192 × 4096 is the largest texture most phones' WebGL accepts; 33.5 megapixels.
MAX_SIZE = (8192, 4096)
RATIO_TOLERANCE = 0.01  # cameras and stitchers are sometimes off by a few pixels


def check_equirectangular(file) -> tuple[int, int]:
    """The panorama's (width, height), or a ValidationError saying what is wrong with it."""
    try:
        file.seek(0)
        with Image.open(file) as picture:
            width, height = picture.size
            if width * height > MAX_SIZE[0] * MAX_SIZE[1] or width > MAX_SIZE[0] or height > MAX_SIZE[1]:
                raise ValidationError(
                    f"Ảnh quá lớn ({width}×{height} px): ảnh 360° tối đa {MAX_SIZE[0]}×{MAX_SIZE[1]} px "
                    "để điện thoại hiển thị được.",
                    code="too_large",
                )
            picture.verify()  # reads every byte: a truncated or forged file fails here
    except ValidationError:
        raise
    except Image.DecompressionBombError as error:  # Pillow's own limit, from the header too
        raise ValidationError(
            f"Ảnh quá lớn: ảnh 360° tối đa {MAX_SIZE[0]}×{MAX_SIZE[1]} px để điện thoại hiển thị được.",
            code="too_large",
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            "Tệp này không phải là ảnh đọc được (JPEG, PNG, WebP hoặc AVIF), hoặc đã bị hỏng.", code="not_an_image"
        ) from error
    finally:
        file.seek(0)
    if abs(width / height - 2) > 2 * RATIO_TOLERANCE:
        raise ValidationError(
            f"Ảnh 360° phải có tỉ lệ 2:1 (chiều rộng gấp đôi chiều cao); ảnh này {width}×{height} px. "
            "Hãy xuất ảnh từ máy ảnh 360° ở dạng equirectangular.",
            code="not_two_to_one",
        )
    if width < MIN_SIZE[0] or height < MIN_SIZE[1]:
        raise ValidationError(
            f"Ảnh quá nhỏ ({width}×{height} px): ảnh 360° cần ít nhất {MIN_SIZE[0]}×{MIN_SIZE[1]} px "
            "để rõ nét khi phóng to.",
            code="too_small",
        )
    return width, height


# --- 3D models ------------------------------------------------------------------------------------
# Is this file a usable glTF 2.0 model? Read from its bytes, never from its name.
#
# A GLB ("binary glTF") starts with a 12-byte header — the magic ``glTF``, the version (2) and
# the file's length — then chunks, each with its length and type: a JSON chunk first (the scene's
# description), then optionally a binary chunk (the vertices, the textures). A ``.gltf`` file is
# that JSON alone; it is accepted only when self-contained, every buffer and image inlined as a
# ``data:`` URI, since a model is one file here and a browser could not fetch the others.

GLB_MAGIC = b"glTF"
GLB_HEADER = struct.Struct("<4sII")  # magic, version, total length
GLB_CHUNK = struct.Struct("<II")  # chunk length, chunk type
GLB_JSON_CHUNK = 0x4E4F534A  # "JSON"
GLB_BIN_CHUNK = 0x004E4942  # "BIN\0"
MODEL3D_DEFAULT_MAX_BYTES = 15 * 1024 * 1024
MODEL3D_MEDIA_TYPES = {"glb": "model/gltf-binary", "gltf": "model/gltf+json"}


def model3d_max_bytes() -> int:
    """``settings.MODEL3D_MAX_BYTES``, or 15 MB."""
    return getattr(settings, "MODEL3D_MAX_BYTES", MODEL3D_DEFAULT_MAX_BYTES)


def _megabytes(size: int) -> str:
    """A size as people read it, Vietnamese style: "14,3 MB", "3 KB"."""
    if size < 1024 * 1024:
        return f"{-(-size // 1024)} KB"
    return f"{size / (1024 * 1024):.1f}".replace(".", ",") + " MB"


def check_model3d(file) -> dict:
    """The model's ``{"format": "glb" | "gltf", "size": bytes}``, or a ValidationError saying what is wrong."""
    file.seek(0, 2)
    size = file.tell()
    file.seek(0)
    try:
        limit = model3d_max_bytes()
        if size > limit:
            raise ValidationError(
                f"Tệp quá lớn ({_megabytes(size)}): mô hình 3D tối đa {_megabytes(limit)} "
                "để tải nhanh trên điện thoại. "
                "Hãy giảm số đa giác hoặc nén kết cấu (ví dụ bằng gltf-transform) rồi tải lên lại.",
                code="too_large",
            )
        head = file.read(GLB_HEADER.size)
        if head[:4] == GLB_MAGIC:
            document = _read_glb(file, head, size)
            model_format = "glb"
        elif head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{":
            document = _parse_json(head + file.read(), "gltf")
            model_format = "gltf"
        else:
            raise ValidationError(
                "Tệp này không phải là mô hình 3D GLB hay glTF (dù tên tệp là gì). "
                "Hãy xuất mô hình ở định dạng glTF 2.0 nhị phân (.glb).",
                code="not_gltf",
            )
    finally:
        file.seek(0)
    _check_document(document, model_format)
    return {"format": model_format, "size": size}


def _read_glb(file, head: bytes, size: int) -> dict:
    if len(head) < GLB_HEADER.size:
        raise ValidationError("Tệp GLB bị cắt cụt: thiếu cả phần đầu tệp.", code="truncated")
    _magic, version, declared = GLB_HEADER.unpack(head)
    if version != 2:
        raise ValidationError(
            f"Tệp GLB phiên bản {version} không được hỗ trợ: chỉ nhận glTF 2.0. Hãy xuất lại mô hình ở glTF 2.0.",
            code="wrong_version",
        )
    if declared != size:
        raise ValidationError(
            f"Tệp GLB không trọn vẹn: phần đầu tệp ghi {declared} byte nhưng tệp có {size} byte "
            "(tệp bị cắt cụt hoặc hỏng khi tải lên). Hãy tải lên lại tệp gốc.",
            code="length_mismatch",
        )
    document, offset, index = None, GLB_HEADER.size, 0
    while offset < size:
        chunk_head = file.read(GLB_CHUNK.size)
        if len(chunk_head) < GLB_CHUNK.size:
            raise ValidationError("Tệp GLB bị hỏng: một khối dữ liệu bị cắt cụt.", code="length_mismatch")
        length, chunk_type = GLB_CHUNK.unpack(chunk_head)
        end = offset + GLB_CHUNK.size + length
        if end > size:
            raise ValidationError(
                "Tệp GLB bị hỏng: một khối dữ liệu dài hơn phần còn lại của tệp.", code="length_mismatch"
            )
        if index == 0:
            if chunk_type != GLB_JSON_CHUNK:
                raise ValidationError(
                    "Tệp GLB bị hỏng: khối đầu tiên phải là phần mô tả JSON của mô hình.", code="bad_json"
                )
            document = _parse_json(file.read(length), "glb")
        else:
            file.seek(end)
        offset, index = end, index + 1
    if document is None:
        raise ValidationError("Tệp GLB không có phần mô tả JSON của mô hình.", code="bad_json")
    return document


def _parse_json(data: bytes, model_format: str) -> dict:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:  # RecursionError: nested too deep
        where = "Phần mô tả JSON trong tệp GLB" if model_format == "glb" else "Tệp glTF"
        raise ValidationError(
            f"{where} bị hỏng (không đọc được JSON). Hãy xuất lại mô hình.", code="bad_json"
        ) from error
    if not isinstance(document, dict):
        raise ValidationError("Phần mô tả của mô hình không đúng cấu trúc glTF.", code="bad_json")
    return document


def _check_document(document: dict, model_format: str) -> None:
    asset = document.get("asset")
    version = asset.get("version") if isinstance(asset, dict) else None
    if version != "2.0":
        raise ValidationError(
            "Mô hình không phải glTF 2.0"
            + (f" (phiên bản ghi trong tệp: {version})" if isinstance(version, str) else "")
            + ". Hãy xuất lại mô hình ở glTF 2.0.",
            code="wrong_version",
        )
    for key in ("buffers", "images"):
        items = document.get(key, [])
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            raise ValidationError(
                f"Phần mô tả của mô hình không đúng cấu trúc glTF: “{key}” phải là một danh sách các đối tượng. "
                "Hãy xuất lại mô hình.",
                code="bad_json",
            )
    external = [
        item.get("uri")
        for key in ("buffers", "images")
        for item in document.get(key, [])
        if isinstance(item.get("uri"), str) and not item["uri"].startswith("data:")
    ]
    if external:
        raise ValidationError(
            f"Mô hình cần thêm tệp bên ngoài ({', '.join(sorted(set(external))[:3])}) nên không hiển thị được. "
            + (
                "Hãy xuất thành một tệp .glb duy nhất (các kết cấu và dữ liệu nằm trong tệp)."
                if model_format == "gltf"
                else "Hãy xuất lại để mọi kết cấu và dữ liệu nằm trong tệp .glb."
            ),
            code="external_resources",
        )
