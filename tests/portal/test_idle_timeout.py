"""An idle signed-in session is ended (ASVS 3.3.2, issue 16): after IDLE_TIMEOUT_MINUTES without a request the
next one goes to the login page with a Vietnamese message and the page kept as `next`; the absolute lifetime
(SESSION_COOKIE_AGE) stays."""
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db

PAGE = "/can-bo/?q=huong"
MESSAGE = "Phiên làm việc đã kết thúc vì không hoạt động quá 30 phút"


@pytest.fixture
def clock():
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_session_idle_for_the_timeout_goes_to_the_login_page(cast, clock):
    client = signed_in(cast.clerk_a)
    assert client.get(PAGE).status_code == 200
    clock.shift(timedelta(minutes=31))
    response = client.get(PAGE)
    assert (response.status_code, response["Location"]) == (
        302, "/tai-khoan/dang-nhap/?next=/can-bo/%3Fq%3Dhuong")
    html = client.get(response["Location"]).content.decode()
    assert MESSAGE in html and 'name="next" value="/can-bo/?q=huong"' in html
    assert client.get("/").status_code == 302  # signed out: the session is gone, not only this request


def test_activity_keeps_the_session(cast, clock):
    client = signed_in(cast.clerk_a)
    for _ in range(6):  # three hours, a request every 29 minutes
        clock.shift(timedelta(minutes=29))
        assert client.get(PAGE).status_code == 200


def test_the_timeout_comes_from_the_settings(cast, clock, settings):
    settings.IDLE_TIMEOUT_MINUTES = 5
    client = signed_in(cast.clerk_a)
    client.get(PAGE)
    clock.shift(timedelta(minutes=4))
    assert client.get(PAGE).status_code == 200
    clock.shift(timedelta(minutes=6))
    assert client.get(PAGE).status_code == 302


def test_an_htmx_request_makes_the_page_go_to_the_login_page(cast, clock):
    client = signed_in(cast.clerk_a)
    client.get(PAGE)
    clock.shift(timedelta(minutes=31))
    response = client.get("/can-bo/?q=nguyen", HTTP_HX_REQUEST="true",
                          HTTP_HX_CURRENT_URL="http://testserver/can-bo/?q=huong")
    assert response.status_code == 200
    assert response["HX-Redirect"] == "/tai-khoan/dang-nhap/?next=/can-bo/%3Fq%3Dhuong"


def test_a_form_posted_after_the_timeout_comes_back_to_its_page(cast, clock):
    client = signed_in(cast.clerk_a)
    client.get(PAGE)
    clock.shift(timedelta(minutes=31))
    response = client.post("/can-bo/them/", {"full_name": "X"}, HTTP_REFERER="http://testserver/can-bo/")
    assert response["Location"] == "/tai-khoan/dang-nhap/?next=/can-bo/"
    response = client.post("/can-bo/them/", {}, HTTP_REFERER="https://evil.example/x")
    assert response["Location"] == "/tai-khoan/dang-nhap/?next=/can-bo/them/"  # login's own check


def test_the_absolute_lifetime_stays(cast, clock, settings):
    """Stamping the activity writes the session; its expiry must not move with it."""
    client = signed_in(cast.clerk_a)
    for _ in range(30):  # ten hours of work, a request every 20 minutes
        assert client.get(PAGE).status_code == 200
        clock.shift(timedelta(minutes=20))
    clock.shift(timedelta(minutes=5))
    assert client.get(PAGE).status_code == 302
