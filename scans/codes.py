"""Scan codes: short, stable, not guessable from one another.

Crockford's base-32 alphabet (no I, L, O, U: nothing to misread on a small label);
8 characters from ``secrets`` give 2^40 codes, so walking the space to find products
is hopeless and neighbours say nothing about each other.
"""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 8
CODE_PATTERN = re.compile(rf"^[{ALPHABET}]{{{LENGTH}}}$")
# What people type or cameras read: lower case and the look-alike letters are forgiven.
LOOKALIKES = str.maketrans({"I": "1", "L": "1", "O": "0"})


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(raw: str) -> str | None:
    """The canonical code for what was scanned or typed, or None if it cannot be one."""
    if not raw or len(raw) > 32:
        return None
    code = raw.strip().upper().replace("-", "").translate(LOOKALIKES)
    return code if CODE_PATTERN.match(code) else None
