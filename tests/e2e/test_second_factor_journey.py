"""Browser journey: a leader of a province that requires a second factor enrols an authenticator and signs in with it
(issue 16, "TOTP enrolled and required in a browser journey").

The leader (approver of the Sở) logs in with the password and is sent to enrolment, not to their work; reads the
secret shown as text under the QR code (as an authenticator app would take it) and confirms with its code; sees the
ten recovery codes once; logs out; logs in again asking for the inbox: password, then the code page, where a
wrong code is refused in Vietnamese and the right one opens the inbox.

Runs in Debian's Chromium (see tests/conftest.py); screenshots go to tests/e2e/artifacts/.
"""
import re
from base64 import b32decode

import pytest
from django_otp.oath import totp
from playwright.sync_api import Page, expect

from orgs.enums import Role
from orgs.models import SecondFactorPolicy
from tests.e2e.helpers import log_out

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def code_of(secret, ahead=0):
    """What an authenticator app shows for `secret` (base32, in groups) now, or for the next period (ahead=1:
    accepted within the tolerance of one step, and a code used once is not accepted again)."""
    text = secret.replace(" ", "")
    key = b32decode(text + "=" * (-len(text) % 8))
    return f"{totp(key, t0=-30 * ahead):06d}"


def password_step(page, username, password):
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def test_a_leader_enrols_an_authenticator_and_signs_in_with_its_code(live_server, page: Page, cast, shot):
    SecondFactorPolicy.objects.filter(province=cast.province).update(for_approvers=True, for_admins=True)
    assert SecondFactorPolicy.objects.get(province=cast.province).required_roles() == {Role.APPROVER, Role.ADMIN}
    base = live_server.url
    main = page.locator("main")

    # 1. The password alone leads to enrolment, not to the leader's work.
    page.goto(base + "/tai-khoan/dang-nhap/")
    password_step(page, cast.approver.username, cast.password)
    expect(page.get_by_role("heading", name="Đăng ký xác thực hai bước")).to_be_visible()
    expect(main).to_contain_text("bắt buộc xác thực hai bước")
    expect(page.locator(".otp-qr svg")).to_be_visible()
    page.goto(base + "/hop-thu/")  # any page: back to enrolment
    expect(page).to_have_url(base + "/tai-khoan/xac-thuc-hai-buoc/dang-ky/")
    shot("01-enrol")

    # 2. The secret as text (what "enter a setup key" in an app takes); its code confirms the enrolment.
    secret = page.locator("#otp-secret").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-7]{4}( [A-Z2-7]{1,4})+", secret), secret
    page.get_by_label("Mã xác thực").fill(code_of(secret))
    page.get_by_role("button", name="Xác nhận").click()

    # 3. Ten recovery codes, shown once, printable.
    expect(page.get_by_role("heading", name="Mã dự phòng")).to_be_visible()
    expect(page.locator("#recovery-codes li")).to_have_count(10)
    expect(page.get_by_role("button", name="In mã dự phòng")).to_be_visible()
    expect(main).to_contain_text("Đã bật xác thực hai bước")
    shot("02-recovery-codes")
    expect(page.get_by_role("link", name="Đã cất giữ, tiếp tục")).to_be_visible()
    log_out(page)

    # 4. Again, asking for the inbox: the password, then the code page.
    page.goto(base + "/hop-thu/")
    expect(page).to_have_url(re.compile(r"/tai-khoan/dang-nhap/\?next="))
    password_step(page, cast.approver.username, cast.password)
    expect(page.get_by_role("heading", name="Nhập mã xác thực")).to_be_visible()
    page.goto(base + "/")  # no page before the code
    expect(page.get_by_role("heading", name="Nhập mã xác thực")).to_be_visible()
    page.goto(base + "/hop-thu/")
    shot("03-verify")

    # 5. A wrong code is refused in Vietnamese; the right one opens the inbox.
    right = code_of(secret, ahead=1)
    page.get_by_label("Mã xác thực").fill(f"{(int(right) + 1) % 1000000:06d}")
    page.get_by_role("button", name="Xác nhận").click()
    expect(page.locator("#code-error")).to_contain_text("Mã xác thực không đúng hoặc đã hết hạn")
    shot("04-wrong-code")
    page.wait_for_timeout(1500)  # django-otp's throttle: one second after one wrong code
    page.get_by_label("Mã xác thực").fill(code_of(secret, ahead=1))
    page.get_by_role("button", name="Xác nhận").click()
    expect(page).to_have_url(base + "/hop-thu/")
    expect(page.get_by_role("heading", name="Hộp hồ sơ đề nghị khen thưởng")).to_be_visible()
    shot("05-inbox")
