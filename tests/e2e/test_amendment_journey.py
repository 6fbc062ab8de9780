"""Browser journey (issue 18, "Correct and revoke"): the leader corrects a misspelt name in a signed decision from its
page, signs the Quyết định đính chính and prints it; the decisions link each other, the certificate prints the
corrected name, the person's history and the certificate's QR page say "Đính chính theo Quyết định số …".
Screenshots (1366 and 390 wide) go to tests/e2e/artifacts/."""
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.e2e.helpers import log_in, log_out
from tests.e2e.test_fund_revocation_journey import signed_decision
from tests.pdf_assertions import assert_in_order, pdf_text

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

REASON = "Ghi sai dấu trong họ tên so với hồ sơ gốc."


def test_the_leader_corrects_a_name_and_prints_the_amending_decision(live_server, page: Page, cast, shot):
    signed = signed_decision(cast)
    corrected = signed.awards.get(person=cast.person_a)
    base = live_server.url

    # 1. from the decision's page, the leader corrects Nguyễn Thị Hương's name on the award only
    log_in(page, base, cast.approver.username, cast.password)
    page.goto(base + signed.get_absolute_url())
    page.get_by_role("link", name="Đính chính quyết định này").click()
    expect(page.get_by_role("heading", name="Đính chính quyết định", exact=True)).to_be_visible()
    row = page.locator("#corrections tbody tr").filter(has=page.locator("input[value='Nguyễn Thị Hương']"))
    name = row.get_by_label("Họ và tên / tên tập thể", exact=False)
    name.fill("Nguyễn Thị Hường")
    shot("amend-form")
    page.once("dialog", lambda dialog: dialog.accept())  # "Ký quyết định đính chính?"
    page.get_by_role("button", name="Ký quyết định đính chính").click()  # no reason yet: refused, the row kept
    expect(page.locator(".invalid-feedback, .alert-danger").first).to_be_visible()
    expect(page.locator("#corrections input[value='Nguyễn Thị Hường']")).to_have_count(1)
    page.get_by_label("Lý do đính chính").fill(REASON)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Ký quyết định đính chính").click()

    # 2. the amending decision's page: what was corrected, the money untouched, a link back
    expect(page.get_by_role("heading", level=1)).to_contain_text("Quyết định đính chính số")
    summary = page.locator("#amendment-summary")
    expect(summary).to_contain_text(f"Đính chính Quyết định số {signed.reference}")
    expect(summary).to_contain_text("Đính chính không làm thay đổi tiền thưởng.")
    expect(page.locator("#corrected-awards")).to_contain_text(
        "Họ và tên / tên tập thể: đã ghi là “Nguyễn Thị Hương”, nay đính chính là “Nguyễn Thị Hường”")
    expect(page.locator("#corrected-awards")).not_to_contain_text("Trần Văn Hai")
    shot("amending-decision")
    amending_url = page.url

    # 3. the printed Quyết định đính chính, from its preview
    page.locator("#print-amendment").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải PDF").click()
    text = pdf_text(Path(download.value.path()).read_bytes())
    assert_in_order(text, ["SỞ NỘI VỤ TỈNH THỬ", "QUYẾT ĐỊNH", "Về việc đính chính Quyết định số",
                           f"Căn cứ Quyết định số {signed.reference}", "QUYẾT ĐỊNH:", "Điều 1. Đính chính",
                           "đã ghi là “Nguyễn Thị Hương”, nay đính chính là “Nguyễn Thị Hường”",
                           f"Lý do đính chính: {REASON}", "Điều 2.",
                           "không làm thay đổi mức tiền thưởng", "Điều 3.", "Nơi nhận:"])
    page.goto(amending_url)

    # 4. the original decision links its amendment, its list shows the corrected name, marked
    page.get_by_role("link", name=f"Quyết định số {signed.reference}", exact=False).first.click()
    expect(page.locator("[data-amendment]")).to_contain_text("Đã được đính chính (1 khen thưởng)")
    marked = page.locator("#awardees tr").filter(has_text="Nguyễn Thị Hường")
    expect(marked.locator("[data-corrected]")).to_contain_text("Đính chính theo Quyết định số")
    expect(page.locator("#awardees tr").filter(has_text="Trần Văn Hai").locator("[data-corrected]")).to_have_count(0)
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot("decision-with-amendment-phone")
    page.set_viewport_size({"width": 1366, "height": 768})
    # the certificate is printed again with the corrected name
    page.locator("#awardees").get_by_role("button", name="In trên giấy trắng: Nguyễn Thị Hường").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải PDF").click()
    assert "Nguyễn Thị Hường" in pdf_text(Path(download.value.path()).read_bytes())

    # 5. the person's history says it
    page.goto(base + reverse("dossiers:person_history", args=[cast.person_a.pk]))
    expect(page.locator("#person-awards [data-corrected]")).to_contain_text("Đính chính theo Quyết định số")
    log_out(page)

    # 6. anyone scanning the certificate's QR code sees the corrected name and the amending decision
    page.goto(base + reverse("dossiers:verify_award", args=[corrected.verification_code]))
    expect(page.locator("#verified-award")).to_contain_text("Nguyễn Thị Hường")
    expect(page.locator("[data-corrected]")).to_contain_text("Đính chính theo Quyết định số")
    shot("qr-page-corrected")
