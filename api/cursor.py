"""The opaque ``cursor`` of a list: where the previous page ended, signed.

Pagination is by key, never by offset: the cursor holds the ordering and the last row's
(ordering key, id), and the next page is the rows strictly after that pair. A product
published or removed meanwhile shifts nothing: no row is skipped or shown twice (a row
whose key changed moves, as it should, to where its new key sorts). Signed, so a client
cannot forge a position, and compressed URL-safe base64 (``django.core.signing``).
"""

from django.core import signing

from .errors import BadParameter

SALT = "api.v1.cursor"


def encode(ordering: str, key, last_id: int) -> str:
    return signing.dumps({"o": ordering, "k": key, "i": last_id}, salt=SALT, compress=True)


INVALID = "Con trỏ trang (cursor) không hợp lệ: dùng đúng giá trị next_cursor đã nhận."


def decode(raw: str, ordering: str) -> tuple[object, int]:
    """(the key, the id) the next page starts after; a BadParameter for anything else."""
    try:
        data = signing.loads(raw, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError, UnicodeError):
        raise BadParameter("cursor", INVALID) from None
    if not isinstance(data, dict) or not isinstance(data.get("i"), int) or "k" not in data:
        raise BadParameter("cursor", INVALID)
    if data.get("o") != ordering:
        raise BadParameter(
            "cursor", f"Con trỏ trang này được tạo với ordering={data.get('o')}: giữ nguyên ordering khi lật trang."
        )
    return data["k"], data["i"]
