"""Browser journey (issue 17, "Guidance at each step"): the clerk's dossier says what is still missing ("Còn N việc"),
each item a link to where it is fixed; once fixed, "Gửi hồ sơ" leads to a page saying what was sent, to whom and
what happens next; then the clerk withdraws it (after a page saying what that does) and opens it again.

Runs in Debian's Chromium (see tests/conftest.py); screenshots go to tests/e2e/artifacts/.
"""
import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from dossiers.enums import DossierState
from dossiers.models import Dossier, StateChange
from dossiers.services import building
from tests.e2e.helpers import log_in
from tests.factories.campaigns import launched_campaign
from tests.factories.dossiers import record_vote

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def confirm_click(page: Page, button):
    """Click a button with data-confirm and accept the window.confirm; returns the question asked."""
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    button.click()
    return asked


@pytest.fixture
def draft(db, cast):
    """Unit A's draft for a campaign whose deadline is ahead: one nominee with the meeting's vote, but no Tờ trình
    number and an empty Mẫu 08 (so the rating rule fails too)."""
    today = timezone.localdate()
    campaign = launched_campaign(cast, participants=[cast.unit_a], period_start=date(today.year, 1, 1),
                                 period_end=today + timedelta(days=20), summary_deadline=today + timedelta(days=30),
                                 dossier_deadline=today + timedelta(days=30), plan_date=date(today.year, 1, 1))
    dossier = building.start_dossier(campaign, cast.unit_a, campaign.awards.get(), by=cast.clerk_a)
    nomination = building.add_nominee(dossier, subject_type="individual", person=cast.person_a, by=cast.clerk_a)
    record_vote(dossier, nomination)
    return Dossier.objects.get(pk=dossier.pk)


def test_missing_items_then_send_then_withdraw_and_reopen(live_server, page: Page, cast, draft, shot, settings,
                                                          tmp_path):
    settings.MEDIA_ROOT = tmp_path  # the documents frozen on sending
    base = live_server.url
    url = f"{base}/ho-so/{draft.pk}/"
    log_in(page, base, cast.clerk_a.username, cast.password)
    page.goto(url)

    # 1. The header says how many things are missing; the list links each to where it is fixed.
    missing = page.locator("#submit-missing")
    expect(missing).to_have_text(re.compile(r"Còn \d+ việc"))
    count = int(re.search(r"\d+", missing.inner_text()).group())
    assert count >= 2
    todo = page.locator("#submit-todo")
    expect(todo.locator("li")).to_have_count(count)
    expect(page.locator("#gui-ho-so").get_by_role("button", name=f"Gửi hồ sơ – còn {count} việc")).to_be_disabled()
    shot("01-missing")
    missing.click()
    expect(page).to_have_url(re.compile("#gui-ho-so$"))

    # 2. The Mẫu 08: its link opens the nominee's report.
    todo.get_by_role("link", name=cast.person_a.full_name).first.click()
    expect(page.get_by_role("heading", name=re.compile("Báo cáo thành tích"))).to_be_visible()
    page.get_by_label("Kết quả đạt được").fill("Hoàn thành 100% chỉ tiêu; tham mưu 12 văn bản đúng hạn.")
    page.get_by_label("Năm đánh giá, xếp loại").fill(str(timezone.localdate().year - 1))
    page.get_by_label("Xếp loại", exact=True).select_option(label="Hoàn thành tốt nhiệm vụ")
    page.get_by_label("Số quyết định xếp loại").fill("12/QĐ-SNV")
    page.get_by_label("Ngày quyết định xếp loại").fill(f"15/01/{timezone.localdate().year}")
    for box in page.locator("input[name=criteria]").all():
        box.check()
    page.get_by_role("button", name="Lưu báo cáo").click()
    expect(page).to_have_url(url)
    expect(page.locator("#submit-missing")).to_have_text("Còn 1 việc")

    # 3. The Tờ trình: its link opens the Tờ trình's form.
    page.locator("#submit-todo").get_by_role("link").first.click()
    page.get_by_label("Số Tờ trình").fill("07/TTr-TCCB")
    page.get_by_label("Ngày Tờ trình").fill(f"{timezone.localdate():%d/%m/%Y}")
    page.get_by_role("button", name="Lưu").click()
    expect(page).to_have_url(url)

    # 4. Nothing missing: "Gửi hồ sơ", then the page of what was sent.
    expect(page.locator("#submit-missing")).to_have_count(0)
    expect(page.locator("#checklist")).to_contain_text("Hồ sơ đủ điều kiện để nộp.")
    asked = confirm_click(page, page.locator("#dossier-actions").get_by_role("button", name="Gửi hồ sơ"))
    assert asked and asked[0].startswith(f"Gửi hồ sơ đến {cast.body.name}?")
    summary = page.locator("#sent-summary")
    expect(summary).to_contain_text("Đã gửi hồ sơ")
    expect(page.locator("#sent-nominees")).to_contain_text("1 người, tập thể được đề nghị")
    expect(summary).to_contain_text("Tờ trình số 07/TTr-TCCB")
    expect(page.locator("#sent-to")).to_contain_text(cast.body.name)
    expect(page.locator("#sent-next")).to_contain_text("trả lại để bổ sung")
    shot("02-sent")
    page.set_viewport_size({"width": 390, "height": 844})
    shot("02-sent-phone")
    page.set_viewport_size({"width": 1366, "height": 768})
    assert Dossier.objects.get(pk=draft.pk).state == DossierState.SUBMITTED

    # 5. Withdraw: the page says what it does first.
    page.locator("#sent-dossier-link").click()
    page.locator("#dossier-withdraw").click()
    expect(page.locator("#withdraw-consequences")).to_contain_text("hộp hồ sơ của Văn phòng")
    expect(page.locator("#withdraw-consequences")).to_contain_text("mở lại")
    shot("03-withdraw-confirm")
    page.get_by_label(re.compile("Lý do rút")).fill("Bổ sung thêm người được đề nghị")
    page.locator("#withdraw-confirm").click()
    expect(page).to_have_url(url)
    expect(page.locator("#withdrawn-panel")).to_be_visible()
    assert Dossier.objects.get(pk=draft.pk).state == DossierState.WITHDRAWN

    # 6. Open it again: the same dossier, a draft, logged.
    confirm_click(page, page.locator("#dossier-reopen"))
    expect(page.locator("main .badge").filter(has_text="Đang soạn")).to_be_visible()
    expect(page.locator("#withdrawn-panel")).to_have_count(0)
    shot("04-reopened")
    assert list(StateChange.objects.filter(dossier=draft).values_list("action", flat=True)) == [
        "submit", "withdraw", "reopen"]
