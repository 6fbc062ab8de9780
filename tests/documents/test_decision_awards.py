"""The Quyết định when it recognises danh hiệu thi đua: the verb of each award form (công nhận danh hiệu /
tặng), counts of distinct people and collectives, and the reason a lower title is paid nothing (several
titles for one achievement: the highest bonus only), in the PDF and the Word copy alike.

The story of tests/documents/conftest.py, plus Nguyễn Thị Hương recognised "Lao động tiên tiến" and "Chiến
sĩ thi đua cơ sở" in the same Quyết định số 05/QĐ-SNV as the Giấy khen of herself and her Phòng: four award
rows for one person and one collective.
"""
from datetime import date
from decimal import Decimal

import pytest

from awards.models import AwardForm, BonusCoefficient
from core.pdf import render_pdf
from dossiers import documents
from dossiers.models import Decision, EligibilityRule, Forwarding
from dossiers.services import building, decisions
from tests.factories.dossiers import complete_report, record_vote
from tests.pdf_assertions import assert_in_order, assert_nd30_layout, pdf_text, save_png

from .conftest import awaiting
from .test_docx import build, table_rows, text

pytestmark = pytest.mark.django_db

NOTE = ("Nguyễn Thị Hương: Chỉ nhận mức tiền thưởng cao nhất (Điều 53 Nghị định số 98/2023/NĐ-CP): danh hiệu “Chiến "
        "sĩ thi đua cơ sở” năm 2025 đã nhận 2.340.000 đ (cùng Quyết định này); mức của danh hiệu này (710.000 đ) "
        "không cao hơn, không chi.")


def titles_dossier(cast, campaign, code):
    """Unit A's dossier proposing Nguyễn Thị Hương for the catalogue's title `code`, awaiting the leader."""
    offer = campaign.awards.create(award_form=AwardForm.objects.get(code=code), copies=1, council_vote="no")
    dossier = building.start_dossier(campaign, cast.unit_a, offer, by=cast.clerk_a)
    nomination = building.add_nominee(dossier, subject_type="individual", person=cast.person_a, by=cast.clerk_a)
    complete_report(nomination, by=cast.clerk_a)
    record_vote(dossier, nomination)
    dossier.memo_number, dossier.memo_date = f"{dossier.pk:02d}/TTr-TCCB", date(2025, 8, 5)
    building.save_dossier(dossier, by=cast.clerk_a)
    return awaiting(cast, dossier)


def sign_all(cast, campaign, *dossiers):
    nominations = [n for dossier in dossiers for n in dossier.nominations.order_by("order", "pk")]
    for nomination in nominations:
        decisions.approve(nomination, approved=True, by=cast.approver)
    return decisions.sign_decision(Decision(
        issuer=cast.body, campaign=campaign, number=5, symbol="QĐ-SNV", date=date(2025, 8, 20),
        title="Về việc công nhận danh hiệu thi đua và tặng Giấy khen năm 2025", signer_name="Lê Quang Thắng",
        signer_title="Giám đốc", legal_profile=campaign.legal_profile), nominations, by=cast.approver)


@pytest.fixture
def titles(cast, campaign, bonus):
    """LĐTT 0,3 and CSTĐ cơ sở 1,0 under the story's profile, which pays the highest title only."""
    EligibilityRule.objects.filter(code="not_yet_awarded").update(is_active=False)
    profile = campaign.legal_profile
    profile.title_bonus_reference = "Điều 53 Nghị định số 98/2023/NĐ-CP"
    profile.save()
    for code, coefficient in (("ldtt", "0.3"), ("cstd-co-so", "1.0")):
        BonusCoefficient.objects.create(profile=profile, award_form=AwardForm.objects.get(code=code),
                                        subject_type="individual", coefficient=Decimal(coefficient))


@pytest.fixture
def mixed_decision(cast, campaign, dossier, titles):
    """Giấy khen (thử) for Hương (1.170.000) and her Phòng (2.340.000), LĐTT (0: she gets the CSTĐ's) and CSTĐ
    cơ sở (2.340.000) for Hương: 5.850.000 đồng for 01 tập thể and 01 cá nhân."""
    ldtt, cstd = titles_dossier(cast, campaign, "ldtt"), titles_dossier(cast, campaign, "cstd-co-so")
    return sign_all(cast, campaign, awaiting(cast, dossier), ldtt, cstd)


def test_quyet_dinh_with_titles_and_a_commendation(mixed_decision):
    pdf = render_pdf("quyet_dinh.html", documents.quyet_dinh(mixed_decision), strict=True)
    save_png(pdf, "quyet_dinh-danh_hieu")

    assert_nd30_layout(pdf)
    content = pdf_text(pdf)
    assert_in_order(content, [
        "QUYẾT ĐỊNH:",
        "Điều 1. Công nhận danh hiệu thi đua và tặng Giấy khen (thử) cho 01 tập thể và 01 cá nhân (có danh sách "
        "kèm theo), cụ thể:",
        "1. Tặng Giấy khen (thử) cho 01 tập thể và 01 cá nhân;",
        "2. Công nhận danh hiệu “Chiến sĩ thi đua cơ sở” cho 01 cá nhân;",
        "3. Công nhận danh hiệu “Lao động tiên tiến” cho 01 cá nhân.",
        "Điều 2. Tiền thưởng kèm theo các danh hiệu thi đua, hình thức khen thưởng tại Điều 1",
        "tổng số tiền là 5.850.000 đồng", "(Bằng chữ: Năm triệu tám trăm năm mươi nghìn đồng).",
        "Tập thể, cá nhân đạt nhiều danh hiệu thi đua cho cùng một thành tích chỉ nhận mức tiền thưởng cao nhất "
        "theo Điều 53 Nghị định số 98/2023/NĐ-CP (ghi chú tại danh sách kèm theo).",
        "Điều 3.", "DANH SÁCH", "Tập thể, cá nhân được công nhận danh hiệu thi đua và tặng Giấy khen (thử)",
        # the list form by form, in the order of Điều 1, each under its own row
        "I. Tặng Giấy khen (thử)",
        "1 Nguyễn Thị Hương Chuyên viên, Phòng Tổ chức cán bộ 1.170.000",
        "2 Phòng Tổ chức cán bộ 2.340.000",
        "II. Công nhận danh hiệu “Chiến sĩ thi đua cơ sở”",
        "3 Nguyễn Thị Hương Chuyên viên, Phòng Tổ chức cán bộ 2.340.000",
        "III. Công nhận danh hiệu “Lao động tiên tiến”",
        "4 Nguyễn Thị Hương Chuyên viên, Phòng Tổ chức cán bộ 0 (1)",
        "Tổng cộng 5.850.000", "Bằng chữ: Năm triệu tám trăm năm mươi nghìn đồng.",
        "Ghi chú:", "(1) " + NOTE,
    ])
    assert "03 cá nhân" not in content and "đã có thành tích xuất sắc" not in content


def test_quyet_dinh_of_one_title_recognises_it(cast, campaign, titles):
    decision = sign_all(cast, campaign, titles_dossier(cast, campaign, "ldtt"))
    pdf = render_pdf("quyet_dinh.html", documents.quyet_dinh(decision), strict=True)
    save_png(pdf, "quyet_dinh-lao_dong_tien_tien")

    assert_in_order(pdf_text(pdf), [
        "Điều 1. Công nhận danh hiệu “Lao động tiên tiến” cho 01 cá nhân (có danh sách kèm theo).",
        "Điều 2. Tiền thưởng kèm theo các danh hiệu thi đua tại Điều 1", "tổng số tiền là 710.000 đồng",
        "DANH SÁCH", "Cá nhân được công nhận danh hiệu “Lao động tiên tiến”",
        "1 Nguyễn Thị Hương Chuyên viên, Phòng Tổ chức cán bộ 710.000",
    ])
    assert "I. " not in pdf_text(pdf).split("DANH SÁCH")[1]  # one form: its name is the list's heading
    assert "Ghi chú" not in pdf_text(pdf) and "mức tiền thưởng cao nhất" not in pdf_text(pdf)


def test_quyet_dinh_docx_with_titles_and_a_commendation(mixed_decision):
    document = build("quyet_dinh", documents.quyet_dinh(mixed_decision))

    assert_in_order(text(document), [
        "Điều 1. Công nhận danh hiệu thi đua và tặng Giấy khen (thử) cho 01 tập thể và 01 cá nhân (có danh sách "
        "kèm theo), cụ thể:",
        "1. Tặng Giấy khen (thử) cho 01 tập thể và 01 cá nhân;",
        "2. Công nhận danh hiệu “Chiến sĩ thi đua cơ sở” cho 01 cá nhân;",
        "3. Công nhận danh hiệu “Lao động tiên tiến” cho 01 cá nhân.",
        "Điều 2. Tiền thưởng kèm theo các danh hiệu thi đua, hình thức khen thưởng tại Điều 1 được chi từ Quỹ thi "
        "đua, khen thưởng của Sở Nội vụ tỉnh Thử theo quy định, tổng số tiền là 5.850.000 đồng (Bằng chữ: Năm triệu "
        "tám trăm năm mươi nghìn đồng). Tập thể, cá nhân đạt nhiều danh hiệu thi đua cho cùng một thành tích chỉ "
        "nhận mức tiền thưởng cao nhất theo Điều 53 Nghị định số 98/2023/NĐ-CP (ghi chú tại danh sách kèm theo).",
        "DANH SÁCH", "Tập thể, cá nhân được công nhận danh hiệu thi đua và tặng Giấy khen (thử)",
        "Bằng chữ: Năm triệu tám trăm năm mươi nghìn đồng.", "Ghi chú:", "(1) " + NOTE,
    ])
    rows = table_rows(document.tables[-1])
    assert rows[1] == ["I. Tặng Giấy khen (thử)"]  # a row across the table, as the PDF prints it
    assert rows[4:7] == [["II. Công nhận danh hiệu “Chiến sĩ thi đua cơ sở”"],
                         ["3", "Nguyễn Thị Hương", "Chuyên viên, Phòng Tổ chức cán bộ", "2.340.000"],
                         ["III. Công nhận danh hiệu “Lao động tiên tiến”"]]
    assert rows[7] == ["4", "Nguyễn Thị Hương", "Chuyên viên, Phòng Tổ chức cán bộ", "0 (1)"]


def test_decision_page_counts_people_once_and_shows_why_an_amount_is_nil(cast, client_for, mixed_decision):
    page = client_for(cast.approver).get(f"/quyet-dinh/{mixed_decision.pk}/").content.decode()

    assert "Tổng cộng (1 cá nhân, 1 tập thể)" in page
    assert NOTE.removeprefix("Nguyễn Thị Hương: ") in page


def test_to_trinh_of_a_title_asks_to_recognise_it(cast, campaign, titles):
    offer = campaign.awards.create(award_form=AwardForm.objects.get(code="ldtt"), copies=1, council_vote="no")
    dossier = building.start_dossier(campaign, cast.unit_a, offer, by=cast.clerk_a)
    building.add_nominee(dossier, subject_type="individual", person=cast.person_a, by=cast.clerk_a)

    context = documents.to_trinh(dossier)

    assert context["doc"]["subject"] == "Về việc đề nghị công nhận danh hiệu “Lao động tiên tiến”"
    assert_in_order(pdf_text(render_pdf("to_trinh.html", context, strict=True)), [
        "trình cấp có thẩm quyền công nhận danh hiệu “Lao động tiên tiến” cho 01 cá nhân"])
    assert "trình cấp có thẩm quyền công nhận danh hiệu “Lao động tiên tiến” cho 01 cá nhân" in text(
        build("to_trinh", context))


def test_to_trinh_cap_tren_counts_a_person_proposed_for_two_forms_once(cast, campaign, titles):
    nominations = [titles_dossier(cast, campaign, code).nominations.get() for code in ("cstd-tinh", "bang-khen-tinh")]
    for nomination in nominations:
        decisions.approve(nomination, approved=True, by=cast.approver)
    forwarding = decisions.forward(Forwarding(
        issuer=cast.body, campaign=campaign, to_authority="Chủ tịch Ủy ban nhân dân tỉnh Thử", memo_number="45/TTr-SNV",
        memo_date=date(2025, 8, 22), signer_name="Lê Quang Thắng", signer_title="Giám đốc"), nominations,
        by=cast.approver)

    context = documents.to_trinh_cap_tren(forwarding)

    assert context["counts"] == {"collectives": 0, "individuals": 1, "households": 0}
    assert_in_order(pdf_text(render_pdf("to_trinh_cap_tren.html", context, strict=True)), [
        "khen thưởng cho 01 cá nhân", "- Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh: 01 cá nhân;",
        "- Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh: 01 cá nhân."])
