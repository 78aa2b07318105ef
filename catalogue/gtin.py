"""GTIN (barcode number) validation and normalisation to 14 digits."""

from django.core.exceptions import ValidationError

VALID_LENGTHS = (8, 12, 13, 14)


def gtin_check_digit(digits_without_check: str) -> int:
    """GS1 mod-10: weights 3,1,3,1… from the right of the payload."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits_without_check)))
    return (10 - total % 10) % 10


def normalise_gtin(value: str) -> str:
    """Return the GTIN as 14 digits, or raise ValidationError with a Vietnamese message."""
    digits = (value or "").strip().replace(" ", "")
    if not digits.isdigit() or len(digits) not in VALID_LENGTHS:
        raise ValidationError("Mã GTIN phải gồm 8, 12, 13 hoặc 14 chữ số.", code="gtin_format")
    if gtin_check_digit(digits[:-1]) != int(digits[-1]):
        raise ValidationError("Mã GTIN sai chữ số kiểm tra (check digit).", code="gtin_check_digit")
    return digits.zfill(14)
