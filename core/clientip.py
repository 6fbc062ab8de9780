"""The client's address, as every part of the portal reads it (login throttling, the audit trail).

Without a proxy (PROXY_COUNT = 0) the client is REMOTE_ADDR. Behind N reverse proxies (PROXY_COUNT = N, the
documented nginx in front of gunicorn is N = 1) the client is the entry the outermost trusted proxy wrote in
X-Forwarded-For: the N-th from the right. Entries further left were written by the client and are never
read. The header is believed only when the request comes from a trusted proxy (TRUSTED_PROXIES, addresses or
networks; loopback by default); a request reaching gunicorn directly is keyed on its own REMOTE_ADDR. Any
entry that is not an IP address falls back to REMOTE_ADDR, so the address is never empty or typed by the
client.
"""
import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(trusted):
    return tuple(ipaddress.ip_network(item, strict=False) for item in trusted)


def _ip(value):
    try:
        return ipaddress.ip_address((value or "").strip())
    except ValueError:
        return None


def is_trusted_proxy(address):
    ip = _ip(address)
    return ip is not None and any(ip in net for net in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_address(request):
    """The client's IP address as a string (REMOTE_ADDR unless a trusted proxy says otherwise)."""
    remote = (request.META.get("REMOTE_ADDR") or "").strip()
    count = settings.PROXY_COUNT
    if not count or not is_trusted_proxy(remote):
        return remote or None
    entries = [item.strip() for item in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    entries = [item for item in entries if item]
    if len(entries) < count:
        return remote or None
    chosen = _ip(entries[-count])
    return str(chosen) if chosen is not None else (remote or None)
