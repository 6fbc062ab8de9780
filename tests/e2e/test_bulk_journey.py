"""Browser journey (issue 17, bulk work): the office ticks two complete dossiers in the inbox and accepts them
at once; the leader ticks two nominees on a phone-width screen and does not agree with one reason for both.

Runs in Debian's Chromium (see tests/conftest.py); screenshots go to tests/e2e/artifacts/.
"""
import pytest
from playwright.sync_api import Page, expect

from dossiers.enums import DossierState, Outcome
from dossiers.models import Dossier, Nomination
from dossiers.services import building
from dossiers.services.workflow import transition
from tests.e2e.helpers import log_in, log_out
from tests.factories.campaigns import launched_campaign
from tests.factories.dossiers import ready_dossier
from tests.factories.orgs import PersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def in_review(cast, index):
    campaign = launched_campaign(cast, participants=[cast.unit_a], plan_number=700 + index)
    person = PersonFactory(organisation=cast.unit_a, full_name=f"Trần Văn Số {index + 1}")
    dossier = transition(transition(ready_dossier(cast, campaign=campaign, person=person), "submit",
                                    by=cast.clerk_a), "start_review", by=cast.reviewer)
    building.review_nominee(dossier.nominations.get(), verdict=Outcome.ACCEPTED, by=cast.reviewer,
                            override_reason="Đồng ý")
    return dossier


def test_office_accepts_and_leader_decides_in_bulk(live_server, page: Page, cast, shot):
    from tests.factories.campaigns import award_form, legal_profile

    award_form(), legal_profile()  # the catalogue rows a transactional test flushed
    dossiers = [in_review(cast, index) for index in range(2)]
    base = live_server.url

    log_in(page, base, cast.reviewer.username, cast.password)
    page.goto(base + "/hop-thu/")
    for dossier in dossiers:
        page.locator(f"#chon-hs-{dossier.pk}").check()
    shot("01-inbox-ticked")
    page.get_by_role("button", name="Tiếp nhận các hồ sơ đã chọn").click()
    expect(page.locator(".alert-success")).to_contain_text("Đã tiếp nhận 2 hồ sơ")
    assert set(Dossier.objects.values_list("state", flat=True)) == {DossierState.APPRAISED}
    for dossier in dossiers:
        transition(dossier, "to_leader", by=cast.reviewer)
    log_out(page)

    log_in(page, base, cast.approver.username, cast.password)
    page.set_viewport_size({"width": 390, "height": 844})  # the leader decides from a phone
    page.goto(base + "/phe-duyet/")
    page.get_by_label("Chọn Trần Văn Số 1").check()
    page.get_by_label("Chọn Trần Văn Số 2").check()
    page.get_by_role("button", name="Không đồng ý các đề nghị đã chọn").click()
    expect(page.locator(".alert-danger, .alert-error").first).to_contain_text("Ghi lý do không đồng ý")
    page.get_by_label("Chọn Trần Văn Số 1").check()
    page.get_by_label("Chọn Trần Văn Số 2").check()
    page.get_by_label("Lý do chung cho các đề nghị đã chọn").fill("Thành tích chưa nổi trội so với đơn vị khác")
    shot("02-approval-phone")
    page.get_by_role("button", name="Không đồng ý các đề nghị đã chọn").click()
    expect(page.locator(".alert-success")).to_contain_text("Đã ghi ý kiến “không đồng ý” cho 2 người, tập thể")
    shot("03-approval-done")
    assert set(Nomination.objects.values_list("outcome", "outcome_reason")) == {
        (Outcome.NOT_APPROVED, "Thành tích chưa nổi trội so với đơn vị khác")}
