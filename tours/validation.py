"""Is this image a usable 360° panorama? One clear refusal per way it can fail.

An equirectangular photo covers 360° across and 180° up and down, so it is exactly
twice as wide as it is tall. It must be big enough to look sharp when a phone shows a
small part of it, and small enough to decode on that phone: its pixels are counted
from the file's header before anything is decoded (a decompression bomb never is).
"""

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
