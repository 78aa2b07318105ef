"""Vietnamese text helpers: folding diacritics the way people type on phones."""

import re
import unicodedata

from django.utils.text import slugify


def fold_vietnamese(text: str) -> str:
    """Lower-case ASCII form: "Cà phê bột Đắk Đam" → "ca phe bot dak dam".

    "đ" has no Unicode decomposition, so it is mapped by hand before the
    combining marks are stripped.
    """
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def vietnamese_slug(text: str) -> str:
    """A URL slug without diacritics: "Bơ núi lửa Krông Nô" → "bo-nui-lua-krong-no"."""
    return slugify(fold_vietnamese(text))


def name_key(text: str) -> str:
    """A matching key for place names written differently by different sources.

    "Xã Ea M’Droh" / "Xã Ea M'Droh", "Hoà" / "Hòa", "Chân Mây – Lăng Cô" /
    "Chân Mây - Lăng Cô" all give the same key. Within one province a few keys
    are shared by distinct names ("Văn Lang" / "Vân Lang"): callers break such
    ties on the exact name.
    """
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold_vietnamese(text)).split())


def shorten(text: str, limit: int = 160) -> str:
    """Collapse whitespace and cut at a word boundary with "…" when longer than ``limit``."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return f"{cut}…"
