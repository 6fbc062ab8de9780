"""A plan of 2023 entered as written prints and pays by the law in force at its date (issue 15): the campaign and its
decision under Nghị định 91/2017/NĐ-CP, a Giấy khen for one person and one collective, paid on the base salary of
the decision's date (1.490.000 đ before 01/7/2023, 1.800.000 đ from then), and the Quyết định prints the 2017 decree's
căn cứ and those amounts."""
from datetime import date

import pytest

from awards.models import AwardForm, LegalBasisProfile
from campaigns import documents as campaign_documents
from campaigns.models import CampaignParticipant
from campaigns.services.campaigns import legal_profile_check, offer_award
from campaigns.services.campaigns import transition as campaign_transition
from core.pdf import render_pdf
from core.vntext import ngay_van_ban, so
from dossiers import documents
from dossiers.models import Award, Decision, NominationMeeting
from dossiers.services import building, decisions
from tests.factories.campaigns import draft_campaign
from tests.pdf_assertions import assert_in_order, pdf_text, save_png

from .conftest import _vote, add_people, awaiting, local

pytestmark = pytest.mark.django_db

ND91_LINES = [
    "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi "
    "đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013;",
    "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số "
    "điều của Luật Thi đua, khen thưởng;",
]


@pytest.fixture
def campaign(cast):
    """Kế hoạch số 21/KH-SNV of 15/3/2023 under NĐ 91/2017: Giấy khen of the Giám đốc Sở, 02 bộ."""
    campaign = draft_campaign(
        cast, title="Thi đua thực hiện thắng lợi nhiệm vụ năm 2023", kind="drive", plan_number=21,
        plan_date=date(2023, 3, 15), period_start=date(2023, 3, 20), period_end=None,
        period_end_text="đến khi tổng kết công tác năm 2023", summary_deadline=date(2023, 12, 5),
        dossier_deadline=date(2023, 12, 5), legal_profile=LegalBasisProfile.objects.get(code="nd-91-2017"),
        signer_name="Lê Quang Thắng", signer_title="Giám đốc")
    offer_award(campaign, AwardForm.objects.get(code="giay-khen"), copies=2, by=cast.admin)
    CampaignParticipant.objects.create(campaign=campaign, organisation=cast.unit_a, include_subtree=True)
    return campaign_transition(campaign, "launch", by=cast.admin)


@pytest.fixture
def dossier(cast, campaign):
    """The Phòng's dossier: Nguyễn Thị Hương and the Phòng itself, its meeting of 29/5/2023, Tờ trình of 01/6/2023."""
    dossier = building.start_dossier(campaign, cast.unit_a, campaign.awards.get(), by=cast.clerk_a)
    person, collective = add_people(dossier, cast)
    meeting = NominationMeeting.objects.create(
        campaign=campaign, organisation=cast.unit_a, held_at=local(2023, 5, 29, 8, 0), place="Phòng họp đơn vị",
        chair="Nguyễn Văn Hùng", secretary="Phạm Thị Thảo", members_total=10, members_present=10,
        ballot_type="secret", conclusion="Thống nhất đề nghị.")
    _vote(meeting, person, 9, 1)
    _vote(meeting, collective, 10, 0)
    dossier.meeting = meeting
    dossier.memo_number, dossier.memo_date = "11/TTr-TCCB", date(2023, 6, 1)
    dossier.signer_title, dossier.signer_name = "Trưởng phòng", "Nguyễn Văn Hùng"
    building.save_dossier(dossier, by=cast.clerk_a)
    return dossier


def sign_on(cast, campaign, dossier, on):
    dossier = awaiting(cast, dossier)
    nominations = list(dossier.nominations.order_by("order"))
    for nomination in nominations:
        decisions.approve(nomination, approved=True, by=cast.approver)
    return decisions.sign_decision(Decision(
        issuer=cast.body, campaign=campaign, number=30, symbol="QĐ-SNV", date=on,
        title="Về việc tặng Giấy khen cho các tập thể, cá nhân có thành tích xuất sắc năm 2023",
        signer_name="Lê Quang Thắng", signer_title="Giám đốc", legal_profile=campaign.legal_profile,
        memo_reference="11/TTr-TCCB ngày 01 tháng 6 năm 2023 của Phòng Tổ chức cán bộ"), nominations,
        by=cast.approver)


def test_the_2023_plan_is_in_force_and_prints_the_2017_decree(campaign):
    assert legal_profile_check(campaign) is None
    text = pdf_text(render_pdf("documents/ke_hoach.html", campaign_documents.ke_hoach(campaign), strict=True))
    assert_in_order(text, ["Số: 21/KH-SNV", "Quảng Trị, ngày 15 tháng 3 năm 2023", "KẾ HOẠCH", *ND91_LINES,
                           "Từ ngày 20 tháng 3 năm 2023 đến khi tổng kết công tác năm 2023."])
    assert "Luật Thi đua, khen thưởng số 06/2022/QH15" not in text


@pytest.mark.parametrize(("on", "individual", "collective", "total", "words"), [
    # Giấy khen: 0,3 × base salary for a person, twice that for a collective, rounded up to 10.000 đồng
    (date(2023, 6, 15), 450_000, 900_000, "1.350.000", "Một triệu ba trăm năm mươi nghìn đồng"),  # on 1.490.000 đ
    (date(2023, 12, 20), 540_000, 1_080_000, "1.620.000", "Một triệu sáu trăm hai mươi nghìn đồng"),  # on 1.800.000 đ
])
def test_a_2023_decision_pays_and_prints_by_the_law_of_its_date(cast, campaign, dossier, on, individual, collective,
                                                                  total, words):
    decision = sign_on(cast, campaign, dossier, on)

    paid = {(a.subject_type, a.bonus_amount) for a in Award.objects.filter(decision=decision)}
    assert paid == {("individual", individual), ("collective", collective)}
    context = documents.quyet_dinh(decision)
    assert context["basis"] == ND91_LINES
    pdf = render_pdf("documents/quyet_dinh.html", context, strict=True)
    save_png(pdf, f"quyet_dinh-2023-{on:%m}")
    assert_in_order(pdf_text(pdf), [
        "Số: 30/QĐ-SNV", ngay_van_ban(on, "Quảng Trị"), "QUYẾT ĐỊNH", *ND91_LINES,
        "Xét đề nghị tại Tờ trình số 11/TTr-TCCB", "Điều 2.", f"tổng số tiền là {total} đồng", f"(Bằng chữ: {words}).",
        "DANH SÁCH", "Tập thể, cá nhân được tặng Giấy khen",
        f"Nguyễn Thị Hương Chuyên viên, Phòng Tổ chức cán bộ {so(individual)}",
        f"Phòng Tổ chức cán bộ {so(collective)}", f"Tổng cộng {total}"])
