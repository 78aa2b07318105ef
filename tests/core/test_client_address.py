"""The client's address: ``REMOTE_ADDR`` unless the site says how many proxies stand in front
of it; then the ``X-Forwarded-For`` entry that many hops from the right, never one the client
wrote itself."""

import pytest
from django.test import RequestFactory

from core.client_address import client_address

factory = RequestFactory()


def request_from(remote="203.0.113.7", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return factory.get("/q/ABC", **extra)


def test_without_a_proxy_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(request_from("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


def test_one_proxy_takes_the_address_it_appended(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client wrote "1.1.1.1, 2.2.2.2"; the proxy appended the address it saw.
    request = request_from("10.0.0.2", "1.1.1.1, 2.2.2.2, 198.51.100.23")
    assert client_address(request) == "198.51.100.23"


def test_two_proxies_take_the_address_two_hops_from_the_right(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    # CDN saw the client (198.51.100.23) and the load balancer saw the CDN (192.0.2.9).
    request = request_from("10.0.0.2", "6.6.6.6, 198.51.100.23, 192.0.2.9")
    assert client_address(request) == "198.51.100.23"


@pytest.mark.parametrize("forwarded", [None, "", " , ", "198.51.100.23"])
def test_fewer_entries_than_proxies_fall_back_to_the_connection(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_address(request_from("10.0.0.2", forwarded)) == "10.0.0.2"


def test_an_entry_that_is_no_address_falls_back_to_the_connection(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request_from("10.0.0.2", "198.51.100.23, not-an-address")) == "10.0.0.2"


def test_addresses_are_spelled_one_way(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = request_from("10.0.0.2", "2001:DB8:0:0:0:0:0:1")
    assert client_address(request) == "2001:db8::1"


def test_no_usable_address_at_all_is_none(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(request_from("")) is None
