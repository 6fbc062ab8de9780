"""Browser journey (issue 18, "Awards outside a campaign" and "Every kind of nominee"): the Sở's track of đột
xuất awards (no plan, no deadline, no Biên bản); the clerk of unit A proposes, in the browser, a household and an
enterprise the unit keeps for an act done the day before, fills their Báo cáo (no rating asked), ticks "khẩn" and
sends; the office finds it first in its inbox under "Chỉ hồ sơ khẩn", receives and accepts it; the leader signs;
the register shows the awards as "Đột xuất", the household by name. Screenshots (1366 and 390 wide) go to
tests/e2e/artifacts/."""
import re
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from awards.models import BaseSalary, LegalBasisProfile
from campaigns.enums import CampaignKind
from campaigns.models import Campaign, CampaignParticipant, DossierComponent
from campaigns.services.campaigns import offer_award
from campaigns.services.campaigns import transition as campaign_transition
from dossiers.enums import Outcome
from dossiers.models import Decision, Dossier, EligibilityRule
from dossiers.services import building, decisions
from dossiers.services.workflow import transition
from orgs.enums import OrgKind
from orgs.models import Household
from tests.e2e.helpers import log_in, log_out, pick
from tests.e2e.test_dossier_journey import RULES, alert, confirm_click, labelled
from tests.factories.campaigns import award_form, legal_profile
from tests.factories.orgs import OrganisationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

GK = "Giấy khen của Giám đốc Sở (thử)"
HOUSEHOLD = "Hộ ông Trần Văn Lộc"
ENTERPRISE = "Công ty TNHH Minh Phát"


@pytest.fixture
def track(db, cast):
    for order, (code, label, blocking) in enumerate(RULES, start=1):
        EligibilityRule.objects.update_or_create(code=code, defaults={
            "label": label, "is_active": True, "is_blocking": blocking, "order": order})
    form = award_form(code="gk-so-test", name=GK, authority=10, subject_types=("individual", "collective",
                                                                                  "household"))
    legal_profile()
    profile = LegalBasisProfile.objects.order_by("-valid_from").first()
    BaseSalary.objects.update_or_create(valid_from=date(2024, 7, 1), defaults={"amount": 2_340_000})
    track = Campaign.objects.create(
        kind=CampaignKind.TRACK, award_type="dot_xuat", issuer=cast.body, title="Khen thưởng đột xuất của Sở (thử)",
        period_start=date(2026, 1, 1), legal_profile=profile,
        eligible_subject_types=["individual", "collective", "household"])
    offer = offer_award(track, form, copies=1, order=1, by=cast.admin)
    offer.council_vote = "no"
    offer.save(update_fields=["council_vote"])
    track.components.all().delete()
    DossierComponent.objects.create(campaign=track, kind="to_trinh", name="Tờ trình đề nghị khen thưởng", order=1)
    CampaignParticipant.objects.create(campaign=track, organisation=cast.unit_a, include_subtree=True)
    Household.objects.create(head_name="Trần Văn Lộc", address="thôn Đông Hà, xã Cam Lộ", organisation=cast.unit_a,
                             activity="Kinh tế vườn đồi")
    OrganisationFactory(code="T-DN-MP", name=ENTERPRISE, kind=OrgKind.DOANH_NGHIEP, parent=cast.unit_a)
    return campaign_transition(track, "launch", by=cast.admin)


def add(page: Page, subject_type, field, text, option):
    page.get_by_role("link", name="Thêm người, tập thể được đề nghị").click()
    form = page.locator("#nominee-form")
    form.get_by_label("Đối tượng").select_option(label=subject_type)
    pick(page, field, text, option=option)
    form.get_by_role("button", name="Thêm").click()


def test_a_sudden_award_to_a_household_and_an_enterprise(live_server, page: Page, cast, track, shot):
    base = live_server.url
    main = page.locator("main")

    # 1. the clerk: the track asks no plan nor deadline; a dossier, two nominees of the unit, no rating asked
    log_in(page, base, cast.clerk_a.username, cast.password)
    page.goto(f"{base}/phong-trao/{track.pk}/")
    expect(main).to_contain_text("Khen thưởng ngoài phong trào · Khen thưởng đột xuất")
    expect(page.locator("#track-note")).to_contain_text("Nhận đề nghị quanh năm")
    expect(page.locator("#print-plan")).to_have_count(0)
    page.get_by_role("link", name="Lập hồ sơ đề nghị khen thưởng").click()
    page.get_by_label("Phong trào – hình thức khen thưởng").select_option(
        label=f"Khen thưởng đột xuất của Sở (thử) – {GK} (01 bộ)")
    page.get_by_role("button", name="Tiếp tục").click()
    expect(page.get_by_role("heading", name=f"Hồ sơ đề nghị {GK}")).to_be_visible()
    dossier_url = page.url

    add(page, "Hộ gia đình", "hoặc hộ gia đình", "tran van loc", f"{HOUSEHOLD} – thôn Đông Hà, xã Cam Lộ")
    expect(alert(page, f"Đã thêm {HOUSEHOLD}. Hãy điền báo cáo thành tích.")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Báo cáo thành tích đề nghị tặng"))).to_be_visible()
    expect(page.get_by_label("Xếp loại", exact=True)).to_have_count(0)  # an đột xuất act is not rated
    page.get_by_label("Tóm tắt thành tích").fill("Cứu 03 người bị nạn trong lũ ngày 12/10/2026.")
    labelled(page, "Thành tích xuất sắc đột xuất").fill(
        "Đêm 12/10/2026, gia đình đã dùng thuyền của mình cứu 03 người bị nước lũ cuốn trôi.")
    page.get_by_role("button", name="Lưu báo cáo").click()
    expect(page).to_have_url(dossier_url)

    add(page, "Tập thể", "hoặc tập thể", "minh phat", ENTERPRISE)
    expect(alert(page, f"Đã thêm {ENTERPRISE}.")).to_be_visible()
    page.get_by_label("Tóm tắt thành tích").fill("Hỗ trợ 500 suất quà cho người dân vùng lũ.")
    labelled(page, "Chức năng, nhiệm vụ được giao").fill("Sản xuất, kinh doanh vật liệu xây dựng.")
    labelled(page, "Thành tích xuất sắc đột xuất").fill("Trao 500 suất quà trị giá 250 triệu đồng ngày 14/10/2026.")
    page.get_by_role("button", name="Lưu báo cáo").click()
    expect(page).to_have_url(dossier_url)

    page.locator("#memo").get_by_role("link", name="Sửa").click()
    page.get_by_label("Số Tờ trình").fill("21/TTr-TCCB")
    page.get_by_label("Ngày Tờ trình").fill("15/10/2026")
    labelled(page, "Người ký Tờ trình").fill("Nguyễn Văn Hùng")
    page.get_by_label("Khẩn").check()
    page.get_by_role("button", name="Lưu").click()
    expect(alert(page, "Đã lưu thông tin Tờ trình.")).to_be_visible()
    expect(page.locator("#dossier-urgent")).to_have_text("Khẩn")
    expect(page.locator("#checklist")).to_contain_text("Hồ sơ đủ điều kiện để nộp.")  # no Biên bản asked
    expect(page.locator("#no-meeting-needed")).to_have_text("Không yêu cầu")
    expect(page.locator("#nominees").get_by_role("row").filter(has_text=HOUSEHOLD)).to_contain_text("Hộ gia đình")
    page.set_viewport_size({"width": 1366, "height": 768})
    shot("ready")
    confirm_click(page, page.locator("#dossier-actions").get_by_role("button", name="Gửi hồ sơ"))
    expect(page.locator("#sent-summary")).to_contain_text("Đã gửi hồ sơ")
    log_out(page)

    # 2. the office: first in the inbox, its own filter; receive, a verdict each, accept, pass to the leader
    log_in(page, base, cast.reviewer.username, cast.password)
    page.goto(f"{base}/hop-thu/?khan=on")
    row = page.locator("#inbox-table tbody tr").first
    expect(row).to_contain_text("Khẩn")
    expect(row).to_contain_text("Khen thưởng đột xuất")
    page.set_viewport_size({"width": 390, "height": 844})
    shot("inbox-phone")
    page.set_viewport_size({"width": 1366, "height": 768})
    log_out(page)
    dossier = Dossier.objects.get(campaign=track)
    dossier = transition(dossier, "start_review", by=cast.reviewer)
    for nomination in dossier.nominations.all():
        building.review_nominee(nomination, verdict=Outcome.ACCEPTED, by=cast.reviewer)
    dossier = transition(transition(dossier, "accept", by=cast.reviewer), "to_leader", by=cast.reviewer)
    nominations = list(dossier.nominations.all())
    for nomination in nominations:
        decisions.approve(nomination, approved=True, by=cast.approver)
    decisions.sign_decision(Decision(
        issuer=cast.body, campaign=track, number=88, symbol="QĐ-SNV", date=date(2026, 10, 16),
        title="Về việc khen thưởng đột xuất", signer_name="Lê Quang Thắng", signer_title="Giám đốc",
        legal_profile=track.legal_profile), nominations, by=cast.approver)

    # 3. the register: both awards "Đột xuất", the household named as decisions name it
    log_in(page, base, cast.reviewer.username, cast.password)
    page.goto(f"{base}/so-khen-thuong/?loai_hinh=dot_xuat")
    table = page.locator("#award-table")
    expect(table.locator("tbody tr")).to_have_count(2)
    expect(table).to_contain_text(HOUSEHOLD)
    expect(table).to_contain_text(ENTERPRISE)
    expect(table.locator("tbody tr").first).to_contain_text("Đột xuất")
    shot("register")
