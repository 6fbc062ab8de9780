"""Steps every browser journey takes the way a person does."""
import re

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


def combobox(page: Page, field):
    """The text box of a picker (core.widgets.Combobox): `field` is its label ("Đơn vị công tác"; a required
    field's "*" and a "(không bắt buộc)" after it ignored), a CSS selector ("#id_form-0-organisation") or a
    locator."""
    if not isinstance(field, str):
        return field
    if field[:1] in "#.[":
        return page.locator(field)
    return page.get_by_role("combobox", name=re.compile(r"^\s*" + re.escape(field) + r"\s*(\*|\(.*\))?\s*$"))


def chosen(page: Page, field):
    """The chips of what a picker holds (the server's pre-chosen values too)."""
    return combobox(page, field).locator("xpath=ancestor::div[@data-combobox][1]").locator(".combobox-chip")


def pick(page: Page, field, text, option=None):
    """Choose in a picker as a person does with the keyboard (static/js/combobox.js): type `text`, wait for the
    option containing `option` (default: `text`) in the listbox, move to it with ArrowDown, press Enter. Returns
    the option's label, which is then a chip."""
    box = combobox(page, field)
    box.focus()  # sets up a row added by "Thêm dòng"
    if box.input_value():
        box.fill("")
    box.press_sequentially(text, delay=20)
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    wanted = listbox.get_by_role("option", name=option or text).first
    expect(wanted).to_be_visible()
    target = wanted.get_attribute("id")
    for _ in range(25):
        box.press("ArrowDown")
        if box.get_attribute("aria-activedescendant") == target:
            break
    else:
        raise AssertionError(f"ArrowDown never reached the option “{option or text}”")
    label = wanted.inner_text()
    box.press("Enter")
    expect(chosen(page, box).filter(has_text=label)).to_have_count(1)
    return label
