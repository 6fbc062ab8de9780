"""core.clientip.client_address: the address every part of the portal keys on (issue 16).

Behind the documented nginx (PROXY_COUNT=1, nginx on loopback) the client is the entry nginx wrote, the
rightmost; what the client wrote further left is never read, and a request that does not come from a trusted
proxy cannot choose its address with the header."""
import pytest
from django.test import RequestFactory, override_settings

from core.clientip import client_address

# (PROXY_COUNT, REMOTE_ADDR, X-Forwarded-For or None, expected address)
CASES = [
    # no proxy: the peer, whatever the header says
    (0, "203.0.113.9", None, "203.0.113.9"),
    (0, "203.0.113.9", "198.51.100.7", "203.0.113.9"),
    # behind nginx ($remote_addr overwrites the header): its one entry
    (1, "127.0.0.1", "203.0.113.9", "203.0.113.9"),
    # behind nginx ($proxy_add_x_forwarded_for appends): the rightmost, never what the client wrote
    (1, "127.0.0.1", "1.2.3.4, 203.0.113.9", "203.0.113.9"),
    (1, "127.0.0.1", "1.2.3.4,5.6.7.8,  203.0.113.9 ", "203.0.113.9"),
    (1, "::1", "2001:DB8:0:0::7", "2001:db8::7"),
    # a proxy that wrote nothing, or garbage: the peer's own address, never an empty one
    (1, "127.0.0.1", None, "127.0.0.1"),
    (1, "127.0.0.1", "", "127.0.0.1"),
    (1, "127.0.0.1", " , ", "127.0.0.1"),
    (1, "127.0.0.1", "1.2.3.4, unknown", "127.0.0.1"),
    (1, "127.0.0.1", "1.2.3.4, 203.0.113.9:443", "127.0.0.1"),
    # a peer that is not a trusted proxy (straight to gunicorn): the header is ignored
    (1, "198.51.100.50", "203.0.113.9", "198.51.100.50"),
    (1, "198.51.100.50", "1.2.3.4, 203.0.113.9", "198.51.100.50"),
    # two proxies: the second entry from the right (the outer proxy wrote it)
    (2, "127.0.0.1", "1.2.3.4, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
    (2, "127.0.0.1", "10.0.0.2", "127.0.0.1"),
    # one address written two ways is one client
    (1, "127.0.0.1", "::ffff:203.0.113.9", "203.0.113.9"),
    (0, "::ffff:203.0.113.9", None, "203.0.113.9"),
    # a Unix socket (no IP peer): only a local process, the proxy, connects to it
    (1, "", "1.2.3.4, 203.0.113.9", "203.0.113.9"),
    (0, "", "203.0.113.9", None),
    (1, "", None, None),
]


@pytest.mark.parametrize(("count", "remote", "forwarded", "expected"), CASES)
def test_client_address(count, remote, forwarded, expected):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    with override_settings(PROXY_COUNT=count, TRUSTED_PROXIES=["127.0.0.1", "::1"]):
        assert client_address(RequestFactory().get("/", **extra)) == expected


@override_settings(PROXY_COUNT=1, TRUSTED_PROXIES=["10.0.0.0/8"])
def test_trusted_proxies_are_networks_too():
    factory = RequestFactory()
    assert client_address(factory.get("/", REMOTE_ADDR="10.1.2.3", HTTP_X_FORWARDED_FOR="203.0.113.9")) \
        == "203.0.113.9"
    assert client_address(factory.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")) \
        == "127.0.0.1"


@override_settings(PROXY_COUNT=1, TRUSTED_PROXIES=["nginx.local"])
def test_a_trusted_proxy_that_is_not_an_address_is_a_configuration_error():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES"):
        client_address(RequestFactory().get("/", REMOTE_ADDR="127.0.0.1"))
