"""Browser journey (issue 18, "Correct and revoke" and "The reward fund"): the leader revokes one award of a signed
decision with a reason; the decision shows it revoked, the certificate's QR page says "đã bị thu hồi"; the office's
fund book shows the decision's bonuses, the bonus to recover, and records its recovery. Screenshots (1366 and 390
wide) go to tests/e2e/artifacts/."""
from datetime import date

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from dossiers.services import building, decisions
from tests.dossiers.test_decisions import awaiting, decision_for
from tests.e2e.helpers import log_in, log_out
from tests.factories.dossiers import complete_report, ready_dossier, record_vote
from tests.factories.orgs import PersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

REASON = "Báo cáo thành tích kê khai số liệu không đúng thực tế."


def signed_decision(cast):
    from awards.models import BaseSalary, BonusCoefficient
    from tests.factories.campaigns import award_form, launched_campaign, legal_profile

    award_form(), legal_profile()  # the catalogue rows a transactional test flushed
    BaseSalary.objects.update_or_create(valid_from=date(2024, 7, 1), defaults={"amount": 2_340_000})
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    BonusCoefficient.objects.create(profile=campaign.legal_profile, award_form=campaign.awards.get().award_form,
                                    subject_type="individual", coefficient="0.3")
    dossier = ready_dossier(cast, campaign=campaign)
    second = building.add_nominee(dossier, subject_type="individual", by=cast.clerk_a,
                                  person=PersonFactory(organisation=cast.unit_a, full_name="Trần Văn Hai"))
    complete_report(second, by=cast.clerk_a)
    record_vote(dossier, second)
    dossier = awaiting(cast, dossier)
    nominations = list(dossier.nominations.order_by("pk"))
    for nomination in nominations:
        decisions.approve(nomination, approved=True, by=cast.approver)
    return decisions.sign_decision(decision_for(cast, campaign), nominations, by=cast.approver)


def test_the_leader_revokes_an_award_and_the_fund_shows_what_to_recover(live_server, page: Page, cast, shot):
    signed = signed_decision(cast)
    revoked = signed.awards.get(person=cast.person_a)
    base = live_server.url

    # 1. the leader revokes Nguyễn Thị Hương's award only, with a reason
    log_in(page, base, cast.approver.username, cast.password)
    page.goto(base + signed.get_absolute_url())
    page.get_by_role("link", name="Thu hồi khen thưởng của quyết định này").click()
    expect(page.get_by_role("heading", name="Thu hồi khen thưởng")).to_be_visible()
    page.get_by_label("Trần Văn Hai", exact=False).uncheck()
    page.once("dialog", lambda dialog: dialog.accept())  # "Ký quyết định thu hồi?"
    page.get_by_role("button", name="Ký quyết định thu hồi").click()  # no reason yet: refused, nothing lost
    expect(page.locator(".invalid-feedback, .alert-danger").first).to_be_visible()
    expect(page.get_by_label("Trần Văn Hai", exact=False)).not_to_be_checked()
    page.get_by_label("Lý do thu hồi").fill(REASON)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Ký quyết định thu hồi").click()
    expect(page.locator("#revocation-summary")).to_contain_text("Thu hồi một phần khen thưởng tại")
    expect(page.locator("#revocation-summary")).to_contain_text(REASON)
    expect(page.locator("#revoked-awards")).to_contain_text("Nguyễn Thị Hương")
    expect(page.locator("#revoked-awards")).not_to_contain_text("Trần Văn Hai")
    shot("revoking-decision")
    page.get_by_role("link", name=f"Quyết định số {signed.reference}", exact=False).first.click()
    expect(page.locator("[data-revocation]")).to_contain_text("Đã bị thu hồi một phần")
    expect(page.locator("#awardees tr").filter(has_text="Nguyễn Thị Hương").locator("[data-revoked]")).to_be_visible()
    expect(page.locator("#awardees tr").filter(has_text="Trần Văn Hai").locator("[data-revoked]")).to_have_count(0)
    page.set_viewport_size({"width": 390, "height": 844})
    shot("decision-with-revocation-phone")
    page.set_viewport_size({"width": 1366, "height": 768})
    log_out(page)

    # 2. anyone scanning the certificate's QR code is told it no longer counts
    page.goto(base + reverse("dossiers:verify_award", args=[revoked.verification_code]))
    expect(page.locator("#revoked-award")).to_contain_text("Khen thưởng đã bị thu hồi theo Quyết định số")
    shot("qr-page-revoked")

    # 3. the office's fund: the decision's bonuses in its year, the bonus to recover, then its recovery
    log_in(page, base, cast.reviewer.username, cast.password)
    page.goto(f"{base}{reverse('funds:fund')}?co_quan={cast.body.pk}&nam=2025")
    expect(page.locator("#decisions")).to_contain_text(signed.reference)
    expect(page.locator("#decisions")).to_contain_text("1.420.000 đ")
    year = page.evaluate("new Date().getFullYear()")
    page.goto(f"{base}{reverse('funds:fund')}?co_quan={cast.body.pk}&nam={year}")
    expect(page.locator("#to-recover")).to_contain_text("710.000 đ")
    page.get_by_role("link", name="Ghi khoản thu").click()
    page.get_by_label("Nội dung").select_option(label="Thu hồi tiền thưởng")
    page.get_by_label("Số tiền (đồng)").fill("710.000")
    page.get_by_label("Số chứng từ").fill("PT-15")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_role("alert").filter(has_text="Đã ghi khoản thu 710.000 đồng.")).to_be_visible()
    expect(page.locator("#receipts")).to_contain_text("PT-15")
    expect(page.locator("[data-figure=receipts]")).to_have_text("710.000 đ")
    shot("fund-recovered")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot("fund-phone")
