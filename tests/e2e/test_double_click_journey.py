"""Browser journey (issue 16): a clerk clicks "Lưu" on the "Thêm cán bộ" form eight times in a row and the
portal makes one person. The page's script ignores a second submit of a form being sent and disables its
buttons (static/js/submit-once.js); the server acts once per form token (documents/once.py).

Runs in Debian's Chromium (see tests/conftest.py); screenshots go to tests/e2e/artifacts/.
"""
import pytest
from playwright.sync_api import Page, expect

from orgs.models import Person
from tests.e2e.helpers import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NAME = "Phạm Thị Tám Lần"


def test_eight_clicks_on_save_make_one_person(live_server, page: Page, cast, shot):
    log_in(page, live_server.url, cast.clerk_a.username, cast.password)
    page.goto(live_server.url + f"/can-bo/them/?don-vi={cast.unit_a.pk}")
    page.get_by_label("Họ và tên").fill(NAME)
    page.get_by_label("Giới tính").select_option(label="Nữ")
    save = page.get_by_role("button", name="Lưu", exact=True)
    # the script's answer to a second submit while the first is being sent, and the buttons a moment later
    prevented = page.evaluate("""() => {
        const button = [...document.querySelectorAll("main form[method=post] button")].find(
            b => b.textContent.trim() === "Lưu");
        const form = button.form;
        const twice = [0, 1].map(() => {
            const event = new SubmitEvent("submit", {cancelable: true, bubbles: true, submitter: button});
            form.dispatchEvent(event);
            return event.defaultPrevented;
        });
        delete form.dataset.submitting;
        return twice;
    }""")
    assert prevented == [False, True]
    expect(save).to_be_disabled()
    page.reload()
    page.get_by_label("Họ và tên").fill(NAME)
    page.get_by_label("Giới tính").select_option(label="Nữ")
    page.evaluate("""() => {
        const button = [...document.querySelectorAll("main form[method=post] button")].find(
            b => b.textContent.trim() === "Lưu");
        for (let i = 0; i < 8; i++) button.click();
    }""")
    expect(page.get_by_role("heading", level=1)).to_have_text(NAME)
    shot("01-one-person")
    assert Person.objects.filter(full_name=NAME).count() == 1
