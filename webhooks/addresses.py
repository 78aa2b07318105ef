"""Where a webhook may be sent: http(s) to a public address, checked at save and again at send.

A subscription is an editor asking the portal to POST somewhere. Without this check it could
make the portal reach into its own network (the database, Redis, a cloud metadata service at
169.254.169.254). The host is resolved and every address it resolves to must be public;
``WEBHOOKS_ALLOW_PRIVATE`` lifts that for tests and the demo, whose receivers run locally.

Known gap: the address is resolved again by the HTTP client when sending, so a host whose DNS
answer changes between the two (DNS rebinding) is not caught.
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings


class RefusedAddress(ValueError):
    """The receiver's address may not be used; the message is Vietnamese, for the editor."""


def check_receiver_url(url: str) -> None:
    """Raise ``RefusedAddress`` unless ``url`` is http(s) to a host with only public addresses."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise RefusedAddress("Địa chỉ không hợp lệ.") from None
    if parts.scheme not in ("http", "https"):
        raise RefusedAddress("Chỉ chấp nhận địa chỉ http:// hoặc https://.")
    if not parts.hostname:
        raise RefusedAddress("Địa chỉ thiếu tên máy chủ.")
    if parts.username or parts.password:
        raise RefusedAddress("Địa chỉ không được chứa tên đăng nhập hay mật khẩu.")
    if settings.WEBHOOKS_ALLOW_PRIVATE:
        return
    for address in _resolve(parts.hostname, port or (443 if parts.scheme == "https" else 80)):
        if not address.is_global or address.is_multicast:
            raise RefusedAddress(
                f"Máy chủ {parts.hostname} trỏ tới địa chỉ nội bộ hoặc dành riêng ({address}): "
                "cổng không gửi webhook vào mạng nội bộ."
            )


def _resolve(host: str, port: int) -> list:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise RefusedAddress(f"Không tìm thấy máy chủ {host}.") from None
    addresses = []
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        # An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is.
        addresses.append(getattr(address, "ipv4_mapped", None) or address)
    if not addresses:
        raise RefusedAddress(f"Không tìm thấy máy chủ {host}.")
    return addresses
