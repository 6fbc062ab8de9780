"""Browser journey: an admin narrows the staff list to one unit by typing part of its name without
diacritics (the list refreshes as they type), and a unit page's link opens the list already filtered,
with the unit's name in the box.

Runs in Debian's Chromium (see tests/conftest.py); screenshots go to tests/e2e/artifacts/.
"""
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_admin_filters_the_staff_list_by_typing_a_unit_name(live_server, page: Page, cast, shot):
    log_in(page, live_server.url, cast.admin.username, cast.password)
    page.goto(live_server.url + "/can-bo/")
    rows = page.locator("#person-table tbody")
    expect(rows).to_contain_text(cast.person_a.full_name)
    expect(rows).to_contain_text(cast.person_b.full_name)

    page.get_by_label("Đơn vị (kể cả cấp dưới)").press_sequentially("cong chuc vien", delay=30)
    expect(rows).not_to_contain_text(cast.person_a.full_name)
    expect(rows).to_contain_text(cast.person_b.full_name)
    expect(page).to_have_url(live_server.url + "/can-bo/?q=&don_vi=cong%20chuc%20vien&doi_tuong=&trang_thai=")
    add = page.get_by_role("link", name="Thêm cán bộ")
    expect(add).to_have_attribute("href", f"/can-bo/them/?don-vi={cast.unit_b.pk}")  # follows the filter
    shot("01-typed-unit")

    page.get_by_label("Đơn vị (kể cả cấp dưới)").fill("khong co don vi nay")
    expect(rows).to_contain_text("Không tìm thấy cán bộ nào.")
    expect(add).to_have_attribute("href", "/can-bo/them/")

    page.goto(live_server.url + f"/can-bo/?don_vi={cast.unit_a.pk}")
    expect(page.get_by_label("Đơn vị (kể cả cấp dưới)")).to_have_value(cast.unit_a.name)
    expect(rows).to_contain_text(cast.person_a.full_name)
    expect(rows).not_to_contain_text(cast.person_b.full_name)
    expect(add).to_have_attribute("href", f"/can-bo/them/?don-vi={cast.unit_a.pk}")
    shot("02-from-unit-link")
