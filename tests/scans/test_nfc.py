"""NFC anti-counterfeit: NXP's published AN12196 vectors, forged and replayed taps."""

import pytest

from scans import nfc
from scans.models import NfcTag, ScanCode

# NXP AN12196, "NTAG 424 DNA and NTAG 424 DNA TagTamper features and hints": SUN message with
# SDMMetaReadKey = SDMFileReadKey = 00…00.
AN12196_PICC = "EF963FF7828658A599F3041510671E88"
AN12196_MAC = "94EED9EE65337086"
AN12196_UID = bytes.fromhex("04DE5F1EACC040")
AN12196_COUNTER = 61
ZERO_KEY = bytes(16)


def test_picc_data_decrypts_to_the_uid_and_counter_of_an12196():
    tap = nfc.decrypt_picc_data(ZERO_KEY, AN12196_PICC)
    assert tap == nfc.TapData(uid=AN12196_UID, counter=AN12196_COUNTER)


def test_the_sdm_mac_of_an12196_is_reproduced_and_checked():
    tap = nfc.TapData(uid=AN12196_UID, counter=AN12196_COUNTER)
    assert nfc.sdm_mac(ZERO_KEY, tap).hex().upper() == AN12196_MAC
    assert nfc.mac_matches(ZERO_KEY, tap, AN12196_MAC)
    assert not nfc.mac_matches(ZERO_KEY, tap, "94EED9EE65337087")
    assert not nfc.mac_matches(ZERO_KEY, nfc.TapData(uid=AN12196_UID, counter=62), AN12196_MAC)


@pytest.mark.parametrize("junk", ["", "zz", "EF96", "00" * 16, AN12196_PICC + "00", None])
def test_what_is_not_picc_data_is_refused(junk):
    assert nfc.decrypt_picc_data(ZERO_KEY, junk) is None


# --- end to end through /q/{code} ---------------------------------------------------------------

MASTER = "00112233445566778899AABBCCDDEEFF"


def tap_url(code: str, uid: bytes, counter: int) -> str:
    """The URL a tag programmed with this site's derived keys would write on a tap."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    plain = bytes([nfc.PICC_DATA_TAG]) + uid + counter.to_bytes(3, "little") + bytes(5)
    encryptor = Cipher(algorithms.AES(nfc.meta_read_key()), modes.CBC(bytes(16))).encryptor()
    picc = (encryptor.update(plain) + encryptor.finalize()).hex().upper()
    mac = nfc.sdm_mac(nfc.file_read_key(uid), nfc.TapData(uid=uid, counter=counter)).hex().upper()
    return f"/q/{code}?p={picc}&m={mac}"


@pytest.fixture
def tagged(db, make_product, settings):
    settings.NFC_MASTER_KEY = MASTER
    product = make_product(title="Yến sào Khánh Hòa")
    code = ScanCode.for_product(product)
    NfcTag.objects.create(uid=AN12196_UID.hex().upper(), code=code)
    return product, code


def verdict_of(client, response, product) -> str:
    """Follow the scan to the showcase and read which banner it shows."""
    assert response.status_code == 302 and response["Location"].startswith(product.url + "?nfc=")
    page = client.get(response["Location"])
    for verdict in ("genuine", "possible_copy", "invalid"):
        if f"nfc-banner--{verdict}" in page.content.decode():
            return verdict
    return "none"


def test_a_genuine_tap_then_a_replay(client, tagged):
    product, code = tagged
    assert verdict_of(client, client.get(tap_url(code.code, AN12196_UID, 100)), product) == "genuine"
    assert verdict_of(client, client.get(tap_url(code.code, AN12196_UID, 100)), product) == "possible_copy"
    assert verdict_of(client, client.get(tap_url(code.code, AN12196_UID, 99)), product) == "possible_copy"
    assert verdict_of(client, client.get(tap_url(code.code, AN12196_UID, 101)), product) == "genuine"


def test_forged_messages_are_invalid(client, tagged):
    product, code = tagged
    url = tap_url(code.code, AN12196_UID, 7)
    forged_mac = url[:-2] + ("00" if not url.endswith("00") else "11")
    assert verdict_of(client, client.get(forged_mac), product) == "invalid"
    unknown_tag = tap_url(code.code, bytes.fromhex("04AABBCCDDEEFF"), 7)
    assert verdict_of(client, client.get(unknown_tag), product) == "invalid"
    assert verdict_of(client, client.get(f"/q/{code.code}?p=nonsense&m=00"), product) == "invalid"
    # A forged tap does not move the counter: the genuine tag still works.
    assert verdict_of(client, client.get(url), product) == "genuine"


def test_a_genuine_message_pasted_under_another_code_is_invalid(client, tagged, make_product):
    other_product = make_product(title="Sản phẩm khác")
    other = ScanCode.for_product(other_product)
    assert verdict_of(client, client.get(tap_url(other.code, AN12196_UID, 5)), other_product) == "invalid"


def test_a_verdict_in_the_url_cannot_be_faked_or_reused_elsewhere(client, tagged, make_product):
    product, code = tagged
    for fake in ("genuine", "genuine:1", "x" * 80):
        page = client.get(f"{product.url}?nfc={fake}")
        assert page.status_code == 200 and "nfc-banner" not in page.content.decode()
    genuine = client.get(tap_url(code.code, AN12196_UID, 300))["Location"]
    other = make_product(title="Hàng nhái")
    token = genuine.split("?nfc=", 1)[1]
    assert "nfc-banner" not in client.get(f"{other.url}?nfc={token}").content.decode()


def test_keys_come_from_the_master_secret_only(settings):
    settings.NFC_MASTER_KEY = MASTER
    assert nfc.file_read_key(AN12196_UID) != nfc.file_read_key(bytes.fromhex("04AABBCCDDEEFF"))
    assert len(nfc.meta_read_key()) == 16
    settings.NFC_MASTER_KEY = "not-hex"
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        nfc.master_key()
