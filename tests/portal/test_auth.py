import pytest
from django.test import Client, override_settings

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
        "old_password": cast.password, "new_password1": "ThiDuaMoi@2026", "new_password2": "ThiDuaMoi@2026"})
    assert response["Location"] == "/tai-khoan/doi-mat-khau/xong/"
    cast.clerk_a.refresh_from_db()
    assert cast.clerk_a.check_password("ThiDuaMoi@2026")


def test_password_change_errors_are_vietnamese(cast, client_for):
    html = client_for(cast.clerk_a).post("/tai-khoan/doi-mat-khau/", {
        "old_password": "sai", "new_password1": "ab1", "new_password2": "ab1"}).content.decode()
    assert "Mật khẩu cũ không chính xác" in html
    assert "Mật khẩu quá ngắn: cần ít nhất 8 ký tự." in html


def test_repeated_failed_logins_are_throttled(cast):
    client = Client()
    for _ in range(5):
        client.post("/tai-khoan/dang-nhap/", {"username": "canbo_a", "password": "sai"})
    response = client.post("/tai-khoan/dang-nhap/", {"username": "canbo_a", "password": cast.password})
    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()


def test_throttling_counts_each_address_behind_the_proxy(cast):
    with override_settings(AXES_IPWARE_PROXY_COUNT=1,
                           AXES_IPWARE_META_PRECEDENCE_ORDER=("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")):
        attacker = Client(HTTP_X_FORWARDED_FOR="203.0.113.9, 10.0.0.1")
        for _ in range(5):
            attacker.post("/tai-khoan/dang-nhap/", {"username": "canbo_a", "password": "sai"})
        colleague = Client(HTTP_X_FORWARDED_FOR="198.51.100.7, 10.0.0.1")
        blocked = attacker.post("/tai-khoan/dang-nhap/", {"username": "canbo_a", "password": cast.password})
        allowed = colleague.post("/tai-khoan/dang-nhap/", {"username": "canbo_a", "password": cast.password})
    assert (blocked.status_code, allowed.status_code) == (429, 302)


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
