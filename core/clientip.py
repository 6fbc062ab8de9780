"""The client's address, as every part of the portal reads it (login throttling, the audit trail).

Without a proxy (PROXY_COUNT = 0) the client is REMOTE_ADDR. Behind N reverse proxies (PROXY_COUNT = N, the
documented nginx in front of gunicorn is N = 1) the client is the entry the outermost trusted proxy wrote in
X-Forwarded-For: the N-th from the right. Entries further left were written by the client and are never
read. The header is believed only when the request comes from a trusted proxy (TRUSTED_PROXIES, addresses or
networks; loopback by default); a request reaching gunicorn directly is keyed on its own REMOTE_ADDR. Any
entry that is not an IP address falls back to REMOTE_ADDR, so the address is never empty, never typed by the
client and always an IP address. A gunicorn bound to a Unix socket sees no IP address in REMOTE_ADDR: only a
local process (the proxy) can connect to the socket, so with PROXY_COUNT set its header is read as a trusted
proxy's. Addresses come out in one canonical form (an IPv4 address mapped into IPv6 as IPv4, IPv6 compressed and
lower case), so one address written two ways is one client.
"""
import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@lru_cache(maxsize=8)
def _networks(trusted):
    try:
        return tuple(ipaddress.ip_network(item, strict=False) for item in trusted)
    except ValueError as error:
        raise ImproperlyConfigured(f"TRUSTED_PROXIES: {error}") from error


def _ip(value):
    try:
        ip = ipaddress.ip_address((value or "").strip())
    except ValueError:
        return None
    return (ip.ipv4_mapped or ip) if ip.version == 6 else ip


def is_trusted_proxy(address):
    """Whether a peer's address (REMOTE_ADDR) is one of TRUSTED_PROXIES. A peer with no IP address is a Unix
    socket's: only a local process can connect to it, so it is trusted."""
    return _trusted(_ip(address))


def _trusted(ip):
    return ip is None or any(ip in net for net in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_address(request):
    """The client's IP address as a string (REMOTE_ADDR unless a trusted proxy says otherwise); None only when
    neither the peer nor a trusted proxy gives an address (a Unix socket whose proxy wrote no header)."""
    remote = _ip(request.META.get("REMOTE_ADDR"))
    count = settings.PROXY_COUNT
    if count and _trusted(remote):
        entries = [item.strip() for item in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        entries = [item for item in entries if item]
        chosen = _ip(entries[-count]) if len(entries) >= count else None
        if chosen is not None:
            return str(chosen)
    return str(remote) if remote is not None else None
