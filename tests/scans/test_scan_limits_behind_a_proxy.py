"""The scan limits count the client the trusted proxy saw, not the addresses the client wrote
into ``X-Forwarded-For`` (issue 13: 600 scans in 3.7 s, each with a new leftmost address)."""

from types import SimpleNamespace

import pytest

from scans.models import ScanCode, ScanDay

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_window(monkeypatch):
    from scans import throttle

    monkeypatch.setattr(throttle, "time", SimpleNamespace(time=lambda: 1_800_000_000.0))


@pytest.mark.parametrize("proxies", [0, 1])
def test_a_client_writing_fake_leftmost_addresses_is_still_limited(client, make_product, settings, one_window, proxies):
    settings.SCAN_COUNT_RATE, settings.SCAN_BLOCK_RATE = "5/m", "8/m"
    settings.TRUSTED_PROXY_COUNT = proxies
    code = ScanCode.for_product(make_product())
    statuses = []
    for number in range(10):
        # Behind one proxy, the proxy appends the address it saw (198.51.100.23) to what the client wrote.
        forwarded = f"10.9.{number}.1" + (", 198.51.100.23" if proxies else "")
        statuses.append(client.get(f"/q/{code.code}", HTTP_X_FORWARDED_FOR=forwarded).status_code)

    assert statuses == [302] * 8 + [429, 429]
    assert sum(ScanDay.objects.filter(code=code).values_list("count", flat=True)) == 5


def test_behind_a_proxy_each_client_has_its_own_limit(client, make_product, settings, one_window):
    settings.SCAN_COUNT_RATE, settings.SCAN_BLOCK_RATE = "5/m", "8/m"
    settings.TRUSTED_PROXY_COUNT = 1
    code = ScanCode.for_product(make_product())
    for _ in range(8):
        client.get(f"/q/{code.code}", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.23")
    refused = client.get(f"/q/{code.code}", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.23")
    other = client.get(f"/q/{code.code}", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.24")

    assert (refused.status_code, other.status_code) == (429, 302)  # same proxy, another shopper
