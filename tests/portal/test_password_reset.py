"""Self-service password reset by e-mail (issue 16, ASVS 2.5): nothing tells whether an account exists, the
Vietnamese e-mail links to SITE_URL, the link works once, the new password meets the policy, and one address
cannot send more than PASSWORD_RESET_LIMIT requests within the cool-off (no flooding of mailboxes)."""
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

RESET = "/tai-khoan/quen-mat-khau/"
NEW_PASSWORD = "Mây-trắng-bay-về-núi"


@pytest.fixture
def clerk(cast):
    cast.clerk_a.email = "huong.nguyen@snv.example.gov.vn"
    cast.clerk_a.first_name, cast.clerk_a.last_name = "Hương", "Nguyễn Thị"
    cast.clerk_a.save()
    return cast.clerk_a


def ask(email, address="203.0.113.9"):
    client = Client(REMOTE_ADDR=address)
    response = client.post(RESET, {"email": email})
    return response, (client.get(response["Location"]) if response.status_code == 302 else None)


def without_csrf(page):
    """A page as a visitor sees it, but for the CSRF token each browser gets its own of."""
    return re.sub(r'("X-CSRFToken": "|name="csrfmiddlewaretoken" value=")[^"]+', r"\1…", page.content.decode())


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def test_the_login_page_links_to_the_reset(client):
    assert f'<a href="{RESET}">Quên mật khẩu?</a>' in client.get("/tai-khoan/dang-nhap/").content.decode()
    html = client.get(RESET).content.decode()
    assert "Quên mật khẩu" in html and "Địa chỉ e-mail" in html


def test_the_answer_is_the_same_whether_the_account_exists_or_not(clerk, cast):
    cast.clerk_b.email = "tamnghi@snv.example.gov.vn"
    cast.clerk_b.is_active = False
    cast.clerk_b.save()
    answers = [ask(email, address=f"203.0.113.{n}") for n, email in enumerate(
        ["huong.nguyen@snv.example.gov.vn", "khong.co.ai@snv.example.gov.vn", "tamnghi@snv.example.gov.vn",
         "HUONG.NGUYEN@snv.example.gov.vn"])]
    (first, first_page), *others = answers
    for response, page in others:
        assert (response.status_code, response["Location"]) == (first.status_code, first["Location"]) \
            == (302, "/tai-khoan/quen-mat-khau/da-gui/")
        assert without_csrf(page) == without_csrf(first_page)
        assert sorted(response.headers) == sorted(first.headers)
    assert "Nếu địa chỉ e-mail bạn nhập thuộc một tài khoản đang hoạt động" in first_page.content.decode()
    assert [m.to for m in mail.outbox] == [[clerk.email], [clerk.email]]  # the active account only


def test_the_request_only_queues_the_email(clerk, monkeypatch):
    """Sending takes time (SMTP): done in the request it would tell an existing account by the time to answer."""
    from core.tasks import send_password_reset

    queued = []
    monkeypatch.setattr("portal.password_reset.publish", lambda task, *args: queued.append((task, args)))
    ask(clerk.email)
    ask("khong.co.ai@snv.example.gov.vn", address="203.0.113.10")
    assert (queued, mail.outbox) == ([(send_password_reset, (clerk.pk,))], [])
    send_password_reset(clerk.pk)  # the worker
    assert [m.to for m in mail.outbox] == [[clerk.email]]
    clerk.is_active = False
    clerk.save()
    send_password_reset(clerk.pk)  # deactivated meanwhile: nothing
    assert len(mail.outbox) == 1


@override_settings(SITE_URL="https://thidua.snv.example.gov.vn")
def test_the_email_is_vietnamese_and_links_to_the_site(clerk):
    ask(clerk.email)
    message, = mail.outbox
    assert message.subject == "Cổng thi đua – khen thưởng: đặt lại mật khẩu"
    assert message.body.startswith("Kính gửi Hương Nguyễn Thị,")
    assert "tài khoản canbo_a" in message.body and "chỉ dùng được một lần, trong 1 giờ" in message.body
    assert link_in(message).startswith("https://thidua.snv.example.gov.vn/tai-khoan/dat-lai-mat-khau/")


def test_the_link_sets_a_new_password_once(clerk):
    ask(clerk.email)
    path = re.sub(r"^https?://[^/]+", "", link_in(mail.outbox[0]))
    client = Client()
    form = client.get(path)  # the token moves to the session, the address bar shows no token
    assert form.status_code == 302 and form["Location"].endswith("/set-password/")
    assert "Đặt mật khẩu mới" in client.get(form["Location"]).content.decode()
    done = client.post(form["Location"], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done["Location"] == "/tai-khoan/dat-lai-mat-khau/xong/"
    assert "Đã đặt mật khẩu mới" in client.get(done["Location"]).content.decode()
    clerk.refresh_from_db()
    assert clerk.check_password(NEW_PASSWORD)

    again = Client().get(path, follow=True).content.decode()
    assert "Liên kết không còn dùng được" in again and "Đặt mật khẩu mới</h1>" not in again


@pytest.mark.parametrize(("password", "message"), [
    ("Ab1!xyz9kLm", "Mật khẩu quá ngắn: cần ít nhất 12 ký tự."),
    ("QuangTri@2025!!!", "Mật khẩu quá dễ đoán"),
    ("canbo_a-2025-abcd", "Mật khẩu quá dễ đoán"),
])
def test_the_new_password_meets_the_policy(clerk, password, message):
    ask(clerk.email)
    client = Client()
    form_url = client.get(re.sub(r"^https?://[^/]+", "", link_in(mail.outbox[0])))["Location"]
    response = client.post(form_url, {"new_password1": password, "new_password2": password})
    assert response.status_code == 200 and message in response.content.decode()
    clerk.refresh_from_db()
    assert not clerk.check_password(password)


@override_settings(PASSWORD_RESET_LIMIT=5)
def test_reset_requests_are_limited_per_address(clerk):
    for _ in range(5):
        assert ask(clerk.email)[0].status_code == 302
    refused, _ = ask(clerk.email)
    assert refused.status_code == 429
    assert "đã yêu cầu đặt lại mật khẩu quá nhiều lần" in refused.content.decode()
    assert "Vui lòng thử lại sau 15 phút" in refused.content.decode()
    assert ask("khong.co.ai@snv.example.gov.vn")[0].status_code == 429  # the same for any e-mail
    assert len(mail.outbox) == 5
    assert ask(clerk.email, address="198.51.100.7")[0].status_code == 302  # another address is not concerned
    assert len(mail.outbox) == 6


@override_settings(PASSWORD_RESET_LIMIT=5, AXES_ADDRESS_FAILURE_LIMIT=3)
def test_reset_requests_are_not_login_failures(clerk, cast):
    for _ in range(5):
        ask(clerk.email)
    response = Client(REMOTE_ADDR="203.0.113.9").post("/tai-khoan/dang-nhap/",
                                                       {"username": "canbo_b", "password": cast.password})
    assert response.status_code == 302


@override_settings(PASSWORD_RESET_LIMIT=2)
def test_the_limit_lifts_after_the_cool_off(clerk):
    import time_machine
    from django.utils import timezone

    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert [ask(clerk.email)[0].status_code for _ in range(3)] == [302, 302, 429]
    with time_machine.travel(start + timedelta(minutes=14), tick=False):
        assert ask(clerk.email)[0].status_code == 429
    with time_machine.travel(start + timedelta(minutes=16), tick=False):
        assert ask(clerk.email)[0].status_code == 302
