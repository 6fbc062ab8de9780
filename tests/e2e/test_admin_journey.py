"""Browser journey: the province admin builds a unit, staffs it and hands it to a clerk.

Issue text: "the admin logs in, adds a phòng under the Sở, adds a person to it, creates a clerk
account for it; that clerk logs in and sees that unit and not a sibling unit. Screenshots saved
as test artifacts."

Runs in Debian's Chromium (see tests/conftest.py); screenshots go to tests/e2e/artifacts/.
"""
import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import chosen, log_in, pick

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NEW_UNIT = "Phòng Cải cách hành chính"
NEW_PERSON = "Đặng Thị Thu Hà"
CLERK_USERNAME = "canbo.cchc"
CLERK_PASSWORD = "Cchc@2025-hoa-sen-do"
CLERK_ROLE = "Cán bộ làm công tác TĐKT của đơn vị"


def test_admin_builds_unit_and_clerk_sees_only_it(live_server, page: Page, cast, shot):
    base = live_server.url
    main = page.locator("main")

    # 1. The admin logs in and lands on the configuration home.
    log_in(page, base, cast.admin.username, cast.password)
    expect(page).to_have_url(base + "/")
    expect(main).to_contain_text("Cấu hình hệ thống")
    shot("01-admin-home")

    # 2. Organisation tree → the Sở → "Thêm đơn vị trực thuộc".
    page.locator("#admin-menu").click()
    page.get_by_role("navigation").get_by_role("link", name="Cơ quan, đơn vị").click()
    expect(page.get_by_role("heading", name="Cơ quan, đơn vị")).to_be_visible()
    expect(page.locator("#org-tree")).to_contain_text(cast.body.name)
    shot("02-organisation-tree")

    page.locator("#org-tree").get_by_role("link", name=cast.body.name, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(cast.body.name)
    page.get_by_role("link", name="Thêm đơn vị trực thuộc").click()
    expect(page.get_by_role("heading", name="Thêm cơ quan, đơn vị")).to_be_visible()
    # The parent comes pre-selected from the Sở page.
    expect(chosen(page, "Đơn vị cấp trên")).to_contain_text([cast.body.name])

    page.get_by_label("Loại").select_option(label="Phòng, ban thuộc Sở")
    page.get_by_label("Tên đầy đủ").fill(NEW_UNIT)
    page.get_by_label("Mã đơn vị").fill("T-SNV-CCHC")
    page.get_by_label("Ký hiệu viết tắt").fill("CCHC")
    page.get_by_label("Địa chỉ").fill("Số 1 Đường Hùng Vương")
    page.get_by_label("Điện thoại").fill("0233 3852 000")
    page.get_by_label("Hoạt động từ ngày").fill("01/01/2025")
    shot("03-unit-form")
    page.get_by_role("button", name="Lưu").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(NEW_UNIT)
    expect(page.get_by_role("alert")).to_contain_text(f"Đã thêm đơn vị “{NEW_UNIT}”")
    breadcrumb = page.get_by_role("navigation", name="Đường dẫn")
    expect(breadcrumb.get_by_role("link", name=cast.body.name)).to_be_visible()
    expect(breadcrumb.get_by_role("link", name=cast.province.name)).to_be_visible()
    expect(main).to_contain_text("T-SNV-CCHC")
    unit_url = page.url
    assert re.search(r"/don-vi/\d+/$", unit_url), unit_url
    shot("04-unit-created")

    # 3. From the unit page: "Thêm cán bộ".
    page.get_by_role("link", name="Thêm cán bộ").click()
    expect(page.get_by_role("heading", name="Thêm cán bộ")).to_be_visible()
    expect(chosen(page, "Đơn vị công tác")).to_contain_text([NEW_UNIT])
    page.get_by_label("Họ và tên").fill(NEW_PERSON)
    page.get_by_label("Giới tính").select_option(label="Nữ")
    page.get_by_label("Ngày sinh").fill("05/03/1990")
    page.get_by_label("Chức vụ").fill("Chuyên viên")
    shot("05-person-form")
    page.get_by_role("button", name="Lưu", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(NEW_PERSON)
    expect(main).to_contain_text("05/03/1990")
    expect(main).to_contain_text("Nữ")
    expect(main.get_by_role("link", name=NEW_UNIT)).to_be_visible()
    shot("06-person-created")

    # 4. Navbar "Người dùng" → "Tạo tài khoản".
    page.locator("#admin-menu").click()
    page.get_by_role("navigation").get_by_role("link", name="Người dùng").click()
    expect(page.get_by_role("heading", name="Tài khoản người dùng")).to_be_visible()
    page.get_by_role("link", name="Tạo tài khoản").click()
    expect(page.get_by_role("heading", name="Tạo tài khoản")).to_be_visible()
    page.get_by_label("Tên đăng nhập").fill(CLERK_USERNAME)
    page.get_by_label("Họ và tên").fill(NEW_PERSON)
    page.get_by_label("Mật khẩu").fill(CLERK_PASSWORD)
    # The unit and the person are found by typing part of the name, without diacritics.
    pick(page, "Cơ quan, đơn vị", "cai cach hanh chinh", option=NEW_UNIT)
    page.get_by_label("Vai trò").select_option(label=CLERK_ROLE)
    pick(page, "Gắn với cán bộ", "thu ha", option=NEW_PERSON)
    shot("07-account-form")
    page.get_by_role("button", name="Lưu").click()

    expect(page.get_by_role("alert")).to_contain_text(f"Đã tạo tài khoản “{CLERK_USERNAME}”")
    expect(main).to_contain_text(f"Tên đăng nhập: {CLERK_USERNAME}")
    memberships = page.locator("#membership-table")
    expect(memberships.get_by_role("row").filter(has_text=NEW_UNIT)).to_contain_text(CLERK_ROLE)
    expect(main.get_by_role("link", name=NEW_PERSON)).to_be_visible()
    shot("08-account-created")

    # 5. Log out (user menu) and log in as the new clerk.
    page.locator("#user-menu").click()
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_role("heading", name="Đăng nhập")).to_be_visible()

    log_in(page, base, CLERK_USERNAME, CLERK_PASSWORD)
    expect(page).to_have_url(base + "/")
    clerk_home = page.locator("#clerk-home")
    expect(clerk_home).to_contain_text("Đơn vị của tôi")
    expect(clerk_home).to_contain_text(NEW_UNIT)
    expect(clerk_home).to_contain_text(NEW_PERSON)
    expect(main).not_to_contain_text(cast.unit_a.name)
    expect(main).not_to_contain_text("Cấu hình hệ thống")
    # A clerk does not configure: no organisation tree nor accounts in the navbar.
    navbar = page.locator("#mainnav")
    expect(navbar.get_by_role("link", name="Cơ quan, đơn vị")).to_have_count(0)
    expect(navbar.get_by_role("link", name="Người dùng")).to_have_count(0)
    shot("09-clerk-home")

    navbar.get_by_role("link", name="Cán bộ").click()
    people = page.locator("#person-table")
    expect(people.get_by_role("link", name=NEW_PERSON)).to_be_visible()
    expect(people).not_to_contain_text(cast.person_a.full_name)
    expect(people).not_to_contain_text(cast.person_b.full_name)
    expect(people).not_to_contain_text(cast.unit_a.name)
    shot("10-clerk-people")

    response = page.goto(f"{base}/don-vi/{cast.unit_a.pk}/")
    assert response.status == 404
    expect(page.get_by_role("heading", name="Không tìm thấy trang")).to_be_visible()
    expect(main).not_to_contain_text(cast.unit_a.name)
    shot("11-clerk-sibling-404")

    # …while the clerk's own unit opens.
    page.goto(unit_url)
    expect(page.get_by_role("heading", level=1)).to_have_text(NEW_UNIT)
    expect(page.locator("#people")).to_contain_text(NEW_PERSON)
    shot("12-clerk-own-unit")


def test_wrong_password_shows_vietnamese_error(live_server, page: Page, cast, shot):
    log_in(page, live_server.url, cast.admin.username, "sai-mat-khau", succeeds=False)

    expect(page.get_by_role("alert")).to_contain_text("Tên đăng nhập hoặc mật khẩu không đúng")
    expect(page.get_by_label("Tên đăng nhập")).to_have_value(cast.admin.username)
    expect(page.get_by_label("Mật khẩu")).to_have_value("")
    expect(page.locator("#mainnav")).to_have_count(0)
    shot("01-wrong-password")
