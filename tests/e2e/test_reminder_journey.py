"""Browser journey: the office sees who is late, reminds every late unit through the outbox, and the
clerk of a late unit finds the reminder under the bell.

Runs in Debian's Chromium (see tests/conftest.py); screenshots go to tests/e2e/artifacts/.
"""
import pytest
from playwright.sync_api import Page, expect

from dossiers.services.workflow import transition
from tests.e2e.helpers import log_in, log_out
from tests.factories.campaigns import launched_campaign
from tests.factories.dossiers import ready_dossier

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_office_reminds_late_units_through_the_outbox(live_server, page: Page, cast, shot):
    from tests.factories.campaigns import award_form, legal_profile

    award_form(), legal_profile()  # the catalogue rows a transactional test flushed
    campaign = launched_campaign(cast, participants=[cast.unit_a, cast.unit_b])  # deadline 05/08/2025: passed
    transition(ready_dossier(cast, campaign=campaign), "submit", by=cast.clerk_a)
    base = live_server.url

    log_in(page, base, cast.reviewer.username, cast.password)
    page.goto(base + campaign.get_absolute_url())
    page.get_by_role("link", name="Tiến độ nộp hồ sơ").click()
    expect(page.get_by_role("heading", name="Tiến độ nộp hồ sơ khen thưởng")).to_be_visible()
    table = page.locator("#progress-table")
    expect(table.get_by_role("row").filter(has_text="Phòng Tổ chức cán bộ")).to_contain_text("Đã nộp")
    expect(table.get_by_role("row").filter(has_text="Phòng Công chức, viên chức")).to_contain_text("Trễ hạn")
    expect(page.locator("#count-late")).to_have_text("1")
    shot("01-progress")

    page.get_by_role("button", name="Nhắc tất cả 1 đơn vị trễ hạn").click()
    expect(page.locator("#batch-status")).to_have_text("Chờ duyệt")
    previews = page.locator("#previews")
    expect(previews).to_contain_text("Kính gửi Phòng Công chức, viên chức")
    page.get_by_label("Tiêu đề").fill("Khẩn: nộp hồ sơ khen thưởng {phong_trao}")
    page.get_by_role("button", name="Lưu và xem lại").click()
    expect(previews).to_contain_text("Khẩn: nộp hồ sơ khen thưởng " + campaign.title)
    shot("02-outbox")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Gửi 1 thư").click()
    expect(page.get_by_role("heading", name="Tiến độ nộp hồ sơ khen thưởng")).to_be_visible()
    expect(page.get_by_role("alert").filter(has_text="Đã gửi 1 thư nhắc.")).to_be_visible()
    reminded = table.get_by_role("row").filter(has_text="Phòng Công chức, viên chức").locator("td").nth(3)
    expect(reminded).not_to_have_text("—")
    shot("03-reminded")
    log_out(page)

    log_in(page, base, cast.clerk_b.username, cast.password)
    expect(page.locator("#notification-bell")).to_have_attribute("aria-label", "Thông báo (1 chưa đọc)")
    page.locator("#notification-bell").click()  # the dropdown: the message's one-line title, read when it opens
    menu = page.locator("#bell-menu")
    menu.get_by_role("button", name="Khẩn: nộp hồ sơ khen thưởng " + campaign.title).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(campaign.title[:30])
    expect(page.locator("#notification-bell")).to_have_attribute("aria-label", "Thông báo")
    shot("04-clerk-follows-the-reminder")
