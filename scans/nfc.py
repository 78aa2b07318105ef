"""NFC tags that prove a package is genuine: NTAG 424 DNA "secure unique NFC" (SUN) messages.

Each tap, the tag writes into its URL ``?p=<PICC data>&m=<MAC>``: the tag's UID and a
tap counter, encrypted with the SDM meta-read key, and a MAC over them made with a
session key derived from the tag's own SDM file-read key (NXP AN12196). The server:

1. decrypts ``p`` (AES-128-CBC, zero IV) with the meta-read key → UID and counter;
2. derives the tag's file-read key from the master secret and the UID (never stored);
3. derives the session MAC key (CMAC over SV2 = 3CC3 0001 0080 ‖ UID ‖ counter) and
   checks ``m`` — the odd-indexed bytes of CMAC(session key, empty input);
4. accepts the counter only if it is higher than the last one seen for that tag.

The keys come from ``NFC_MASTER_KEY`` (32 hex characters, from the environment): the
meta-read key and each tag's file-read key are CMAC derivations of it, so the
database holds no key at all.
"""

import hmac
from dataclasses import dataclass

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.cmac import CMAC
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PICC_DATA_TAG = 0xC7  # UID mirrored, counter mirrored, 7-byte UID
SV2_PREFIX = bytes.fromhex("3CC300010080")


class Verdict:
    GENUINE = "genuine"
    POSSIBLE_COPY = "possible_copy"  # a valid message seen before (replayed or cloned)
    INVALID = "invalid"


@dataclass(frozen=True)
class TapData:
    uid: bytes
    counter: int


def cmac(key: bytes, data: bytes) -> bytes:
    mac = CMAC(algorithms.AES(key))
    mac.update(data)
    return mac.finalize()


def decrypt_picc_data(meta_read_key: bytes, encrypted_hex: str) -> TapData | None:
    """UID and tap counter from the encrypted PICC data, or None if it is not a SUN message."""
    try:
        encrypted = bytes.fromhex(encrypted_hex)
    except (TypeError, ValueError):
        return None
    if len(encrypted) != 16:
        return None
    decryptor = Cipher(algorithms.AES(meta_read_key), modes.CBC(bytes(16))).decryptor()
    plain = decryptor.update(encrypted) + decryptor.finalize()
    if plain[0] != PICC_DATA_TAG:
        return None
    return TapData(uid=plain[1:8], counter=int.from_bytes(plain[8:11], "little"))


def sdm_mac(file_read_key: bytes, tap: TapData, mac_input: bytes = b"") -> bytes:
    """The 8-byte SDM MAC the tag appends (AN12196: session key from SV2, then truncated CMAC)."""
    session_key = cmac(file_read_key, SV2_PREFIX + tap.uid + tap.counter.to_bytes(3, "little"))
    return cmac(session_key, mac_input)[1::2]


def mac_matches(file_read_key: bytes, tap: TapData, mac_hex: str) -> bool:
    try:
        given = bytes.fromhex(mac_hex)
    except (TypeError, ValueError):
        return False
    return len(given) == 8 and hmac.compare_digest(given, sdm_mac(file_read_key, tap))


# --- keys ---------------------------------------------------------------------------------------


def master_key() -> bytes:
    raw = settings.NFC_MASTER_KEY
    try:
        key = bytes.fromhex(raw)
    except ValueError:
        key = b""
    if len(key) != 16:
        raise ImproperlyConfigured("NFC_MASTER_KEY must be 32 hexadecimal characters (an AES-128 key).")
    return key


def meta_read_key() -> bytes:
    return cmac(master_key(), b"OCOP SDM meta-read key")


def file_read_key(uid: bytes) -> bytes:
    """Each tag's own key: a compromised tag reveals nothing about the others."""
    return cmac(master_key(), b"OCOP SDM file-read key" + uid)


def verify(picc_hex: str, mac_hex: str):
    """(verdict, tag or None) for a tap's ``p`` and ``m``; records the counter of a genuine tap."""
    from django.db import transaction

    from .models import NfcTag

    if not settings.NFC_MASTER_KEY:
        return Verdict.INVALID, None
    tap = decrypt_picc_data(meta_read_key(), picc_hex)
    if tap is None:
        return Verdict.INVALID, None
    tag = NfcTag.objects.filter(uid=tap.uid.hex().upper()).select_related("code").first()
    if tag is None or not mac_matches(file_read_key(tap.uid), tap, mac_hex):
        return Verdict.INVALID, tag
    with transaction.atomic():
        # Only a counter higher than any seen before: a copied URL replays an old one.
        updated = NfcTag.objects.filter(pk=tag.pk, last_counter__lt=tap.counter).update(last_counter=tap.counter)
    return (Verdict.GENUINE if updated else Verdict.POSSIBLE_COPY), tag
