"""The NFC verdict carried from the scan to the showcase, signed so it cannot be faked.

A plain ``?nfc=genuine`` could be printed in a counterfeit's QR code. The verdict is
signed with the site's secret, bound to the product, and expires after ten minutes,
so a genuine tap's link copied onto fake goods soon says nothing.
"""

from django.core import signing

SALT = "ocop.scans.nfc-verdict"
MAX_AGE = 600
VERDICTS = ("genuine", "possible_copy", "invalid")


def sign(verdict: str, product_id: int) -> str:
    return signing.TimestampSigner(salt=SALT).sign(f"{verdict}:{product_id}")


def read(token: str, product_id: int) -> str | None:
    """The verdict, if the token is authentic, fresh and about this product."""
    try:
        value = signing.TimestampSigner(salt=SALT).unsign(token or "", max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    verdict, _, for_product = value.partition(":")
    return verdict if verdict in VERDICTS and for_product == str(product_id) else None
