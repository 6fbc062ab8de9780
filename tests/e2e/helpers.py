"""Steps every browser journey takes the way a person does."""
from playwright.sync_api import Page, expect


def log_in(page: Page, base_url, username, password, *, succeeds=True):
    page.goto(base_url + "/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    if succeeds:
        expect(page.locator("#user-menu")).to_be_visible()


def log_out(page: Page):
    page.locator("#user-menu").click()
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_role("heading", name="Đăng nhập")).to_be_visible()
