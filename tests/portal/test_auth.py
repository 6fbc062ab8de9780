from datetime import timedelta

import pytest
import time_machine
from django.test import Client, override_settings
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_login_page_is_vietnamese(client):
    html = client.get("/tai-khoan/dang-nhap/").content.decode()
    assert "Đăng nhập" in html and "Tên đăng nhập" in html and "Mật khẩu" in html


def test_login_then_logout(cast):
    client = Client()
    response = client.post("/tai-khoan/dang-nhap/", {"username": "canbo_a", "password": cast.password})
    assert (response.status_code, response["Location"]) == (302, "/")
    assert client.get("/").status_code == 200
    response = client.post("/tai-khoan/dang-xuat/")
    assert (response.status_code, response["Location"]) == (302, "/tai-khoan/dang-nhap/")
    assert client.get("/").status_code == 302


def test_wrong_password_shows_vietnamese_error_and_keeps_username(cast):
    html = Client().post("/tai-khoan/dang-nhap/", {"username": "canbo_a", "password": "sai"}).content.decode()
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in html
    assert 'value="canbo_a"' in html


def test_password_change(cast, client_for):
    client = client_for(cast.clerk_a)
    response = client.post("/tai-khoan/doi-mat-khau/", {
        "old_password": cast.password,
        "new_password1": "Mây-trắng-bay-về-núi", "new_password2": "Mây-trắng-bay-về-núi"})
    assert response["Location"] == "/tai-khoan/doi-mat-khau/xong/"
    cast.clerk_a.refresh_from_db()
    assert cast.clerk_a.check_password("Mây-trắng-bay-về-núi")


def test_password_change_errors_are_vietnamese(cast, client_for):
    html = client_for(cast.clerk_a).post("/tai-khoan/doi-mat-khau/", {
        "old_password": "sai", "new_password1": "ab1", "new_password2": "ab1"}).content.decode()
    assert "Mật khẩu cũ không chính xác" in html
    assert "Mật khẩu quá ngắn: cần ít nhất 12 ký tự." in html


def test_repeated_failed_logins_are_throttled(cast):
    client = Client()
    for _ in range(5):
        client.post("/tai-khoan/dang-nhap/", {"username": "canbo_a", "password": "sai"})
    response = client.post("/tai-khoan/dang-nhap/", {"username": "canbo_a", "password": cast.password})
    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()


LOGIN = "/tai-khoan/dang-nhap/"
NGINX = {"REMOTE_ADDR": "127.0.0.1"}  # the documented nginx in front of gunicorn (PROXY_COUNT=1, on loopback)


def fail_five_times(username="canbo_a", **client_kwargs):
    for _ in range(5):
        Client(**client_kwargs).post(LOGIN, {"username": username, "password": "sai"})


def log_in(password, username="canbo_a", **client_kwargs):
    return Client(**client_kwargs).post(LOGIN, {"username": username, "password": password}).status_code


@override_settings(PROXY_COUNT=1)
def test_throttling_counts_each_address_behind_the_proxy(cast):
    fail_five_times(**NGINX, HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.9")
    assert log_in(cast.password, **NGINX, HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.9") == 429
    assert log_in(cast.password, **NGINX, HTTP_X_FORWARDED_FOR="10.9.9.9, 198.51.100.7") == 302


@override_settings(PROXY_COUNT=1)
def test_rotating_the_client_written_entries_is_still_locked(cast):
    """The entries left of the one nginx wrote are the client's: a new one on each try changes nothing."""
    for n in range(5):
        Client(**NGINX, HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, 203.0.113.9").post(
            LOGIN, {"username": "canbo_a", "password": "sai"})
    assert log_in(cast.password, **NGINX, HTTP_X_FORWARDED_FOR="10.0.0.99, 203.0.113.9") == 429


@override_settings(PROXY_COUNT=1)
def test_a_client_sending_no_header_through_the_proxy_locks_only_its_own_address(cast):
    """nginx writes the one entry ($remote_addr): five failures from 203.0.113.9 do not lock the username for a
    colleague at 198.51.100.7 (an empty address used to be shared by everyone)."""
    fail_five_times(**NGINX, HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert log_in(cast.password, **NGINX, HTTP_X_FORWARDED_FOR="203.0.113.9") == 429
    assert log_in(cast.password, **NGINX, HTTP_X_FORWARDED_FOR="198.51.100.7") == 302


@pytest.mark.parametrize("proxy_count", [0, 1])
def test_a_request_straight_to_gunicorn_is_keyed_on_its_own_address(cast, proxy_count):
    """Not from a trusted proxy: the header is ignored, rotating it is locked, a colleague is not."""
    with override_settings(PROXY_COUNT=proxy_count):
        for n in range(5):
            Client(REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").post(
                LOGIN, {"username": "canbo_a", "password": "sai"})
        assert log_in(cast.password, REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="198.51.100.7") == 429
        assert log_in(cast.password, REMOTE_ADDR="198.51.100.7") == 302


def test_the_lockout_page_says_when_to_try_again(cast):
    fail_five_times()
    html = Client().post(LOGIN, {"username": "canbo_a", "password": cast.password}).content.decode()
    assert "Vui lòng thử lại sau 15 phút" in html and "sai mật khẩu quá nhiều lần" in html
    assert "PT15M" not in html


@override_settings(AXES_ADDRESS_FAILURE_LIMIT=30)
def test_password_spraying_locks_the_address_for_every_username(cast):
    """One or two tries for each of many usernames stay under the per-username limit (5); 30 failures from one
    address within the cool-off lock the address for every username, the right password included."""
    sprayer = {"REMOTE_ADDR": "203.0.113.9"}
    for n in range(29):
        Client(**sprayer).post(LOGIN, {"username": f"khach{n % 15}", "password": "sai"})
    assert log_in(cast.password, **sprayer) == 302  # 29 failures: not yet
    Client(**sprayer).post(LOGIN, {"username": "khach99", "password": "sai"})
    response = Client(**sprayer).post(LOGIN, {"username": "canbo_b", "password": cast.password})
    assert response.status_code == 429
    assert "với nhiều tài khoản khác nhau" in response.content.decode()
    assert log_in(cast.password, REMOTE_ADDR="198.51.100.7") == 302  # another address is not concerned


@override_settings(AXES_ADDRESS_FAILURE_LIMIT=30)
def test_the_address_limit_forgets_failures_older_than_the_cool_off(cast):
    sprayer = {"REMOTE_ADDR": "203.0.113.9"}
    with time_machine.travel(timezone.now() - timedelta(minutes=16), tick=False):
        for n in range(29):
            Client(**sprayer).post(LOGIN, {"username": f"khach{n % 15}", "password": "sai"})
    Client(**sprayer).post(LOGIN, {"username": "khach99", "password": "sai"})
    assert log_in(cast.password, **sprayer) == 302


def test_404_page_is_vietnamese(cast, client_for):
    response = client_for(cast.clerk_a).get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_403_page_is_vietnamese(cast, client_for):
    response = client_for(cast.clerk_a).get("/don-vi/")
    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.content.decode()


def test_500_page_is_vietnamese(rf):
    from portal.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Lỗi hệ thống" in response.content.decode()
