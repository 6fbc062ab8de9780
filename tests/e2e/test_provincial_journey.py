"""Browser journey: a provincial campaign run by the UBND tỉnh's standing office (issue 15, "Demo and tests").

Issue text: "the Sở Nội vụ reviewer of a province receives a department's dossier of a UBND tỉnh campaign, the
provincial council votes, the Chủ tịch signs, one nominee is forwarded to the Prime Minister."

The UBND tỉnh (cast.province) names the Sở Nội vụ (cast.body) its cơ quan thường trực and issues 58/KH-UBND; the
Sở Tài chính (cast.other) sends two dossiers, prepared through the services up to "Đã nộp": a Bằng khen of the
Chủ tịch UBND tỉnh (within the province's authority) and a Bằng khen of the Thủ tướng (above it, voted by the
council). In the browser: the Sở Nội vụ's office receives and reviews both, keeps the provincial council's seats
and opens its session; the members present vote with their own accounts; the Chủ tịch UBND tỉnh closes the
session, approves, signs the Quyết định for one nominee and forwards the other to the Thủ tướng; the Sở Nội
vụ's leader cannot sign for the province; the Sở Tài chính's clerk sees the outcomes.

Runs in Debian's Chromium (see tests/conftest.py); screenshots go to tests/e2e/artifacts/.
"""
import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from awards.models import BaseSalary, BonusCoefficient, LegalBasisProfile
from campaigns.models import CampaignParticipant, Criterion
from campaigns.services.campaigns import offer_award
from campaigns.services.campaigns import transition as campaign_transition
from dossiers.models import NominationMeeting
from dossiers.services import building, meetings
from dossiers.services.workflow import transition
from orgs.enums import Role
from orgs.services.organisations import save_organisation
from tests.e2e.helpers import log_in, log_out, pick
from tests.e2e.test_dossier_journey import alert, confirm_click, ddmmyyyy, labelled, office_menu
from tests.factories.campaigns import award_form, draft_campaign, legal_profile
from tests.factories.dossiers import complete_report
from tests.factories.orgs import MembershipFactory, PersonFactory, UserFactory
from tests.pdf_assertions import assert_in_order, pdf_text

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "Phong trào thi đua đẩy mạnh cải cách hành chính, chuyển đổi số tỉnh Thử năm 2026 (thử)"
PLAN = "58/KH-UBND"
BK = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (thử)"
TTG = "Bằng khen của Thủ tướng Chính phủ (thử)"
CRITERION = "Có sáng kiến, giải pháp cải cách hành chính được áp dụng hiệu quả."
PROVINCE = "Ủy ban nhân dân tỉnh Thử"
OFFICE = "Sở Nội vụ tỉnh Thử"
DEPARTMENT = "Sở Tài chính tỉnh Thử"
MAI = "Trần Thị Mai"               # the Sở Tài chính's nominee for the Bằng khen of the Thủ tướng: forwarded
CHAIRMAN = "Hoàng Văn Minh"        # Chủ tịch UBND tỉnh


# --- arrange -------------------------------------------------------------------------------------
def sent_dossier(cast, campaign, offer, person, meeting, memo):
    """A dossier of the Sở Tài chính with one nominee, built and sent to the UBND tỉnh through the services."""
    clerk = cast.outsider  # the Sở Tài chính's clerk
    dossier = building.start_dossier(campaign, cast.other, offer, by=clerk)
    nomination = building.add_nominee(dossier, subject_type="individual", person=person, by=clerk)
    complete_report(nomination, by=clerk)
    meetings.record_votes(meeting, [(nomination, 9, 0, 0)], by=clerk)
    dossier.refresh_from_db()
    dossier.memo_number, dossier.memo_date = memo, timezone.localdate() - timedelta(days=3)
    building.save_dossier(dossier, by=clerk)
    return transition(dossier, "submit", by=clerk), nomination


@pytest.fixture
def province_journey(db, cast):
    """The UBND tỉnh served by the Sở Nội vụ, its launched drive with the Sở Tài chính taking part, the
    Chủ tịch UBND tỉnh's account, and the Sở Tài chính's two dossiers sent."""
    cast.province.standing_office = cast.body
    save_organisation(cast.province, by=cast.admin)

    forms = {BK: award_form(code="bk-ubnd-tinh-e2e", name=BK, authority=40, subject_types=("individual",)),
             TTG: award_form(code="bk-ttg-e2e", name=TTG, authority=50, subject_types=("individual",))}
    ttg = forms[TTG]
    ttg.needs_council, ttg.vote_threshold, ttg.vote_denominator, ttg.ballot_type = True, Decimal("70"), "all", "secret"
    ttg.save()
    # the profile the sign page proposes for today: the national one the migrations load (NĐ 152/2025) when this
    # journey runs first on a fresh database, the test's own once an earlier test flushed them
    legal_profile()
    profile = LegalBasisProfile.objects.in_force(timezone.localdate()).order_by("-valid_from").first()
    BonusCoefficient.objects.create(profile=profile, award_form=forms[BK], subject_type="individual",
                                    coefficient=Decimal("1.0"))
    BaseSalary.objects.update_or_create(valid_from=date(2024, 7, 1), defaults={
        "amount": 2_340_000, "legal_basis": "Nghị định 73/2024/NĐ-CP"})

    today = timezone.localdate()
    deadline = today + timedelta(days=30)
    campaign = draft_campaign(cast, issuer=cast.province, title=TITLE, kind="drive", plan_number=58,
                              plan_symbol="KH-UBND", plan_date=date(2026, 1, 5), period_start=date(2026, 1, 1),
                              period_end=date(2026, 12, 31), summary_deadline=deadline, dossier_deadline=deadline,
                              signer_name=CHAIRMAN, signer_title="Chủ tịch", legal_profile=profile)
    offers = {name: offer_award(campaign, form, copies=2, by=cast.admin, order=order)
              for order, (name, form) in enumerate(forms.items(), start=1)}
    Criterion.objects.create(campaign=campaign, subject_type="individual", order=1, text=CRITERION)
    CampaignParticipant.objects.create(campaign=campaign, organisation=cast.other, include_subtree=True)
    campaign = campaign_transition(campaign, "launch", by=cast.admin)

    chairman = UserFactory(username="chutich", first_name="Hoàng Văn", last_name="Minh")
    MembershipFactory(user=chairman, organisation=cast.province, role=Role.APPROVER)

    mai = PersonFactory(full_name=MAI, position="Phó Giám đốc Sở", organisation=cast.other)
    meeting = meetings.save_meeting(NominationMeeting(
        campaign=campaign, organisation=cast.other, held_at=timezone.make_aware(datetime(2026, 6, 15, 14, 0)),
        place="Phòng họp Sở Tài chính", chair="Lê Văn Tâm – Giám đốc Sở", secretary="Đặng Thu Hằng – Chuyên viên",
        members_total=9, members_present=9, ballot_type="secret"), by=cast.outsider)
    bk_dossier, _ = sent_dossier(cast, campaign, offers[BK], cast.person_other, meeting, "12/TTr-STC")
    ttg_dossier, ttg_nominee = sent_dossier(cast, campaign, offers[TTG], mai, meeting, "13/TTr-STC")
    assert (bk_dossier.state, ttg_dossier.state) == ("submitted", "submitted")
    # the provincial council: the Chủ tịch chairs, the Sở Nội vụ's Giám đốc is its Phó Chủ tịch (absent, and
    # without a voting account: the seat form offers the account of the standing office's leader, but the
    # session's pages answer him 404, so he could not vote), the head of its office the secretary, a council
    # member of the Sở Nội vụ; the accounts of the last two are at the Sở Nội vụ
    council = [("Hoàng Văn Minh", "Chủ tịch UBND tỉnh", "Chủ tịch Hội đồng", chairman),
               ("Lê Quang Thắng", "Giám đốc Sở Nội vụ", "Phó Chủ tịch Hội đồng", None),
               ("Phạm Thu Hà", "Trưởng ban Thi đua – Khen thưởng", "Ủy viên, Thư ký Hội đồng", cast.reviewer),
               ("Hoàng Đức Minh", "Phó Giám đốc Sở Nội vụ", "Ủy viên", cast.council)]
    return {"campaign": campaign, "today": today, "chairman": chairman, "council": council,
            "ttg_nominee": ttg_nominee}


# --- the journey -----------------------------------------------------------------------------------
def test_provincial_dossier_from_the_standing_office_to_the_chairmans_decision(live_server, page: Page, cast,
                                                                               province_journey, shot, settings,
                                                                               tmp_path):
    settings.MEDIA_ROOT = tmp_path  # the stored PDFs
    base = live_server.url
    main = page.locator("main")
    today = ddmmyyyy(province_journey["today"])
    nguyen = cast.person_other.full_name  # the Bằng khen tỉnh nominee: decided by the Chủ tịch
    campaign = province_journey["campaign"]
    chairman = province_journey["chairman"]

    # 1. The Sở Nội vụ's office finds the Sở Tài chính's dossiers of the UBND tỉnh's drive in its inbox,
    # reviews them, accepts them and sends them on: the Bằng khen tỉnh to the Chủ tịch, the Thủ tướng's to
    # the provincial council.
    log_in(page, base, cast.reviewer.username, cast.password)
    office_menu(page, "Hộp hồ sơ")
    expect(page.get_by_role("heading", name="Hộp hồ sơ đề nghị khen thưởng")).to_be_visible()
    rows = page.locator("#inbox-table tbody tr")
    for form in (BK, TTG):
        expect(rows.filter(has_text=form)).to_contain_text("Đã nộp")
        expect(rows.filter(has_text=form)).to_contain_text(DEPARTMENT)
    shot("01-office-inbox")
    for form, name, onward, state in ((BK, nguyen, "Trình lãnh đạo", "Chờ lãnh đạo quyết định"),
                                      (TTG, MAI, "Trình Hội đồng", "Hội đồng đang xét")):
        rows.filter(has_text=form).get_by_role("link", name=DEPARTMENT).click()
        expect(page.get_by_role("heading", name=f"Hồ sơ đề nghị {form}")).to_be_visible()
        expect(main).to_contain_text(TITLE)
        confirm_click(page, page.locator("#dossier-actions").get_by_role("button", name="Nhận và thẩm định"))
        expect(alert(page, "Đã thực hiện: nhận và thẩm định.")).to_be_visible()
        expect(main.locator(".badge").filter(has_text="Đang thẩm định")).to_be_visible()
        card = page.locator("section.nominee-review").filter(has_text=name)
        card.get_by_role("radio", name="Đạt (đủ điều kiện)").check()
        card.get_by_role("button", name="Ghi kết luận").click()
        expect(alert(page, f"Đã ghi kết luận cho {name}.")).to_be_visible()
        expect(page.locator("section.nominee-review").filter(has_text=name).locator(".card-header")).to_contain_text(
            "Đủ điều kiện")
        if form == TTG:
            shot("02-office-review")
        confirm_click(page, page.locator("#dossier-actions").get_by_role("button", name="Đạt yêu cầu, tiếp nhận"))
        expect(alert(page, "Đã thực hiện: đạt yêu cầu, tiếp nhận.")).to_be_visible()
        confirm_click(page, page.locator("#dossier-actions").get_by_role("button", name=onward))
        expect(alert(page, f"Đã thực hiện: {onward.lower()}.")).to_be_visible()
        expect(main.locator(".badge").filter(has_text=state)).to_be_visible()
        office_menu(page, "Hộp hồ sơ")

    # 2. The office keeps the provincial council's seats (the UBND tỉnh's council, not the Sở's own) and opens
    # its session; the secretary votes first.
    office_menu(page, "Hội đồng Thi đua – Khen thưởng")
    expect(page.get_by_role("heading", name="Phiên họp Hội đồng Thi đua – Khen thưởng")).to_be_visible()
    page.get_by_role("link", name="Thành phần Hội đồng").click()
    expect(main).to_contain_text(f"{PROVINCE} · Cơ quan khác: {OFFICE}")
    for index, (name, position, title, user) in enumerate(province_journey["council"]):
        page.locator(f'[name="tv-{index}-full_name"]').fill(name)
        page.locator(f'[name="tv-{index}-position"]').fill(position)
        page.locator(f'[name="tv-{index}-title"]').select_option(label=title)
        if user is not None:
            pick(page, f'[name="tv-{index}-user__tim"]', user.username,
                 option=f"{user.get_full_name()} ({user.username})")
    shot("03-provincial-seats")
    page.get_by_role("button", name="Lưu thành phần Hội đồng").click()
    expect(alert(page, f"Đã lưu thành phần Hội đồng của {PROVINCE}: 4 thành viên.")).to_be_visible()
    page.get_by_role("link", name="Quay lại").click()
    page.get_by_role("link", name="Mở phiên họp").click()
    expect(main).to_contain_text(PROVINCE)
    page.get_by_label("Phong trào thi đua").select_option(label=f"{TITLE} ({PLAN})")
    page.get_by_label("Thời gian họp").fill(f"{today} 08:30")
    page.get_by_label("Địa điểm").fill("Phòng họp số 1, Ủy ban nhân dân tỉnh Thử")
    page.get_by_label("Lê Quang Thắng – Phó Chủ tịch Hội đồng").select_option(label="Vắng mặt")
    expect(page.get_by_label("Người chủ trì").locator("option:checked")).to_contain_text(CHAIRMAN)
    page.get_by_role("button", name="Mở phiên họp").click()
    expect(alert(page, "Đã mở phiên họp Hội đồng.")).to_be_visible()
    expect(page.locator("#session-state")).to_have_text("Đang họp")
    expect(main).to_contain_text(PROVINCE)
    agenda = page.locator("#council-agenda")
    expect(agenda.get_by_role("row").filter(has_text=MAI)).to_contain_text("Còn 3 người chưa bỏ phiếu")
    expect(agenda).not_to_contain_text(nguyen)  # the Bằng khen tỉnh went straight to the Chủ tịch
    shot("04-session-open")
    session_url = page.url

    ballot_id = f"#vote-{province_journey['ttg_nominee'].pk}"

    def vote():
        page.goto(session_url)
        page.get_by_role("link", name="Bỏ phiếu").click()
        ballot = page.locator(ballot_id)
        expect(ballot).to_contain_text("Bỏ phiếu kín")
        ballot.get_by_label("Đồng ý", exact=True).check()
        page.get_by_role("button", name="Gửi phiếu").click()
        expect(alert(page, "Đã ghi phiếu của bạn cho 1 người, tập thể.")).to_be_visible()

    vote()
    log_out(page)

    # 3. The council member of the Sở Nội vụ votes.
    log_in(page, base, cast.council.username, cast.password)
    vote()
    log_out(page)

    # 4. The Sở Nội vụ's leader does not sign for the province: the UBND tỉnh's nominees are not in his queue,
    # and the signing page of its drive is out of his reach.
    log_in(page, base, cast.approver.username, cast.password)
    office_menu(page, "Phê duyệt, ký quyết định")
    expect(page.get_by_role("heading", name="Phê duyệt khen thưởng")).to_be_visible()
    expect(main).to_contain_text("Không có hồ sơ nào chờ lãnh đạo quyết định.")
    expect(main).not_to_contain_text(nguyen)
    page.goto(f"{base}{reverse('dossiers:decision_sign')}?phong-trao={campaign.pk}")
    expect(page.get_by_role("heading", name="Không tìm thấy trang")).to_be_visible()
    shot("05-office-leader-cannot-sign")
    log_out(page)

    # 5. The Chủ tịch UBND tỉnh votes, closes the session as its chair, approves both nominees, signs the
    # Quyết định for the Bằng khen tỉnh and forwards the Thủ tướng's to the Prime Minister.
    log_in(page, base, chairman.username, cast.password)
    vote()
    page.goto(session_url)
    expect(page.locator("#not-voted")).to_have_text("Mọi thành viên có mặt đã bỏ phiếu")
    page.get_by_label("Kết luận của phiên họp").fill(
        "Hội đồng thống nhất đề nghị Chủ tịch UBND tỉnh trình Thủ tướng Chính phủ tặng Bằng khen.")
    page.get_by_role("button", name="Kết thúc phiên họp").click()
    expect(alert(page, "Đã kết thúc phiên họp.")).to_be_visible()
    expect(page.locator("#session-state")).to_contain_text("Đã kết thúc lúc")
    mai_row = page.locator("#council-agenda").get_by_role("row").filter(has_text=MAI)
    expect(mai_row).to_contain_text("75%")  # 3 for / 4 members
    expect(mai_row).to_contain_text("Đạt")
    shot("06-session-closed")

    office_menu(page, "Phê duyệt, ký quyết định")
    section = page.locator("section.card").filter(has_text=TITLE)
    expect(section.get_by_role("row").filter(has_text=nguyen)).to_contain_text("Cơ quan quyết định")
    expect(section.get_by_role("row").filter(has_text=MAI)).to_contain_text("Trình cấp trên")
    expect(section.get_by_role("row").filter(has_text=MAI)).to_contain_text("Hội đồng thông qua")
    shot("07-chairman-queue")
    for name in (nguyen, MAI):
        section.get_by_role("row").filter(has_text=name).get_by_role("button", name="Đồng ý").click()
        expect(alert(page, f"Đã ghi ý kiến phê duyệt cho {name}.")).to_be_visible()
        expect(section.get_by_role("row").filter(has_text=name)).to_contain_text("Lãnh đạo đồng ý")

    section.get_by_role("link", name="Ký quyết định").click()
    expect(page.get_by_role("heading", name="Ký quyết định khen thưởng")).to_be_visible()
    expect(main).to_contain_text(TITLE)
    expect(page.get_by_label("Ký hiệu")).to_have_value("QĐ-UBND")
    expect(page.get_by_label("Ngày ký")).to_have_value(today)
    expect(page.get_by_label("Chức vụ người ký")).to_have_value("Chủ tịch")
    expect(labelled(page, "Người ký")).to_have_value(CHAIRMAN)
    expect(page.get_by_label("Xét đề nghị tại Tờ trình số")).to_have_value(re.compile(f"12/TTr-STC .*{DEPARTMENT}"))
    labelled(page, "Số").fill("1")
    expect(page.get_by_role("checkbox", name=re.compile("^" + re.escape(nguyen)))).to_be_checked()
    expect(page.get_by_role("checkbox", name=re.compile(MAI))).to_have_count(0)  # above the province's authority
    shot("08-decision-form")
    asked = confirm_click(page, page.get_by_role("button", name="Ký quyết định khen thưởng"))
    assert asked == ["Ký quyết định khen thưởng?"]
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Quyết định số 01/QĐ-UBND ngày {today}")
    expect(alert(page, f"Đã ký Quyết định số 01/QĐ-UBND ngày {today}.")).to_be_visible()
    awardees = page.locator("#awardees")
    expect(awardees.locator("tbody tr").filter(has_text=nguyen)).to_contain_text("2.340.000 đ")  # 1,0 × 2.340.000
    shot("09-decision")
    page.locator("#print-decision").click()
    with page.expect_download() as download:  # the Quyết định as the Chủ tịch UBND tỉnh signs it, from its preview
        page.get_by_role("link", name="Tải PDF").click()
    page.go_back()
    text = pdf_text(Path(download.value.path()).read_bytes())
    assert_in_order(text, ["ỦY BAN NHÂN DÂN TỈNH THỬ", "Số: 01/QĐ-UBND", "QUYẾT ĐỊNH",
                           "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THỬ", "Tờ trình số 12/TTr-STC",
                           f"Tặng {BK} cho 01 cá nhân", "CHỦ TỊCH", CHAIRMAN, nguyen, "2.340.000"])
    assert "Sở Nội vụ" not in text and "SỞ NỘI VỤ" not in text  # the office prepares, the UBND tỉnh decides

    office_menu(page, "Phê duyệt, ký quyết định")
    section = page.locator("section.card").filter(has_text=TITLE)
    expect(section.locator("tbody tr")).to_have_count(1)
    section.get_by_role("link", name="Trình cấp trên").click()
    expect(page.get_by_role("heading", name="Trình cấp trên")).to_be_visible()
    expect(labelled(page, "Trình")).to_have_value("Thủ tướng Chính phủ")
    page.get_by_label("Số Tờ trình").fill("215/TTr-UBND")
    expect(page.get_by_label("Ngày Tờ trình")).to_have_value(today)
    page.get_by_label("Chức vụ người ký").fill("Chủ tịch")
    expect(labelled(page, "Người ký")).to_have_value(CHAIRMAN)
    expect(page.get_by_role("checkbox", name=re.compile("^" + MAI))).to_be_checked()
    shot("10-forward-form")
    asked = confirm_click(page, page.get_by_role("button", name="Trình cấp trên"))
    assert asked == ["Trình cấp trên?"]
    expect(alert(page, "Đã trình Thủ tướng Chính phủ tại Tờ trình số 215/TTr-UBND.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Tờ trình số 215/TTr-UBND ngày {today}")
    expect(main.get_by_role("row").filter(has_text=MAI)).to_contain_text("Đã trình cấp trên")
    shot("11-forwarding")
    log_out(page)

    # 6. The Sở Tài chính's clerk sees each dossier's outcome.
    log_in(page, base, cast.outsider.username, cast.password)
    page.locator("#mainnav").get_by_role("link", name="Hồ sơ của đơn vị").click()
    dossiers = page.locator("#dossier-table tbody tr")
    expect(dossiers.filter(has_text=BK)).to_contain_text("Đã có quyết định")
    expect(dossiers.filter(has_text=TTG)).to_contain_text("Đã trình cấp trên")
    shot("12-department-outcomes")
