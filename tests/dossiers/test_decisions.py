"""The leader's side: approve, sign a numbered decision with bonuses, forward, record the higher decision."""
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from awards.models import BonusCoefficient
from dossiers.enums import DossierState, Outcome
from dossiers.models import Award, Decision, Forwarding
from dossiers.services import building, decisions
from dossiers.services.workflow import transition
from tests.factories.campaigns import award_form, launched_campaign
from tests.factories.dossiers import ready_dossier
from tests.factories.orgs import PersonFactory

pytestmark = pytest.mark.django_db


def awaiting(cast, dossier):
    dossier = transition(transition(dossier, "submit", by=cast.clerk_a), "start_review", by=cast.reviewer)
    for nomination in dossier.nominations.all():
        building.review_nominee(nomination, verdict=Outcome.ACCEPTED, by=cast.reviewer, override_reason="Đồng ý")
    dossier = transition(dossier, "accept", by=cast.reviewer)
    return transition(dossier, "to_leader", by=cast.reviewer)


def decision_for(cast, campaign, number=125, when=date(2025, 8, 20)):
    return Decision(issuer=cast.body, campaign=campaign, number=number, symbol="QĐ-SNV", date=when,
                    title="Về việc khen thưởng thành tích trong đợt thi đua đặc biệt", signer_name="Lê Quang Thắng",
                    signer_title="Giám đốc", legal_profile=campaign.legal_profile)


def test_sign_decision_awards_with_bonus_and_decides_the_dossier(cast):
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    BonusCoefficient.objects.create(profile=campaign.legal_profile, award_form=campaign.awards.get().award_form,
                                    subject_type="individual", coefficient="0.3")
    dossier = awaiting(cast, ready_dossier(cast, campaign=campaign))
    nomination = dossier.nominations.get()
    decisions.approve(nomination, approved=True, by=cast.approver)
    decision = decisions.sign_decision(decision_for(cast, campaign), [nomination], by=cast.approver)
    award = Award.objects.get()
    assert (decision.reference, award.person, award.bonus_amount, award.decision_number) == (
        "125/QĐ-SNV", cast.person_a, 710_000, "125/QĐ-SNV")  # 0,3 × 2.340.000 = 702.000 → 710.000
    assert decision.snapshot["total_bonus"] == 710_000
    dossier.refresh_from_db()
    nomination.refresh_from_db()
    assert (dossier.state, nomination.outcome) == (DossierState.DECIDED, Outcome.AWARDED)


def test_decision_numbers_are_unique_per_body_and_year(cast):
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    first = awaiting(cast, ready_dossier(cast, campaign=campaign)).nominations.get()
    second_person = PersonFactory(organisation=cast.unit_a, full_name="Trần Văn Hai")
    second_campaign = launched_campaign(cast, participants=[cast.unit_a], plan_number=200)
    second = awaiting(cast, ready_dossier(cast, campaign=second_campaign, person=second_person)).nominations.get()
    for nomination in (first, second):
        decisions.approve(nomination, approved=True, by=cast.approver)
    decisions.sign_decision(decision_for(cast, campaign), [first], by=cast.approver)
    assert decisions.next_decision_number(cast.body, 2025) == 126
    with pytest.raises(ValidationError) as error:
        decisions.sign_decision(decision_for(cast, second_campaign), [second], by=cast.approver)
    assert error.value.messages == ["Số 125/QĐ-SNV năm 2025 đã được dùng."]


def test_not_approved_needs_a_reason_shown_to_the_unit(cast):
    dossier = awaiting(cast, ready_dossier(cast))
    nomination = dossier.nominations.get()
    with pytest.raises(ValidationError):
        decisions.approve(nomination, approved=False, by=cast.approver)
    decisions.approve(nomination, approved=False, by=cast.approver, reason="Thành tích chưa nổi trội")
    dossier.refresh_from_db()
    nomination.refresh_from_db()
    assert (dossier.state, nomination.outcome, nomination.outcome_reason) == (
        DossierState.DECIDED, Outcome.NOT_APPROVED, "Thành tích chưa nổi trội")


def test_only_the_leader_approves(cast):
    nomination = awaiting(cast, ready_dossier(cast)).nominations.get()
    for user in (cast.reviewer, cast.council, cast.clerk_a, cast.admin):
        with pytest.raises(PermissionDenied):
            decisions.approve(nomination, approved=True, by=user)


def test_forms_above_the_body_are_forwarded_and_completed_by_the_higher_decision(cast):
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    province_form = award_form(code="bk-tinh-test", name="Bằng khen của Chủ tịch UBND tỉnh (thử)", authority=40)
    offer = campaign.awards.create(award_form=province_form, copies=3)
    dossier = ready_dossier(cast, campaign=campaign)
    dossier.offer = offer
    dossier.save(update_fields=["offer"])
    dossier = awaiting(cast, dossier)
    nomination = dossier.nominations.get()
    decisions.approve(nomination, approved=True, by=cast.approver)
    with pytest.raises(ValidationError) as error:
        decisions.sign_decision(decision_for(cast, campaign), [nomination], by=cast.approver)
    assert "vượt thẩm quyền" in error.value.messages[0]
    forwarding = decisions.forward(Forwarding(
        issuer=cast.body, campaign=campaign, to_authority="Chủ tịch UBND tỉnh", memo_number="45/TTr-SNV",
        memo_date=date(2025, 8, 22), signer_name="Lê Quang Thắng", signer_title="Giám đốc"), [nomination],
        by=cast.approver)
    dossier.refresh_from_db()
    assert dossier.state == DossierState.FORWARDED
    higher = Decision(number=2150, symbol="QĐ-UBND", date=date(2025, 9, 15), title="Về việc tặng Bằng khen",
                      higher_authority="Chủ tịch UBND tỉnh", signer_name="Võ Văn Hưng", signer_title="Chủ tịch",
                      legal_profile=campaign.legal_profile)
    decisions.record_higher_decision(forwarding, higher, [nomination], by=cast.reviewer)
    dossier.refresh_from_db()
    award = Award.objects.get()
    assert (dossier.state, award.decision_number, award.decided_by) == (
        DossierState.DECIDED, "2150/QĐ-UBND", "Chủ tịch UBND tỉnh")


def test_leader_pages(cast, client_for):
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    nomination = awaiting(cast, ready_dossier(cast, campaign=campaign)).nominations.get()
    client = client_for(cast.approver)
    assert "Nguyễn Thị Hương" in client.get("/phe-duyet/").content.decode()
    client.post(f"/de-nghi/{nomination.pk}/phe-duyet/", {"approved": "1", "reason": ""})
    page = client.get(f"/quyet-dinh/ky/?phong-trao={campaign.pk}")
    assert page.status_code == 200 and page.context["form"].initial["number"] == 1
    assert page.context["form"].initial["memo_reference"] == (
        "07/TTr-TCCB ngày 28 tháng 7 năm 2025 của Phòng Tổ chức cán bộ")
    response = client.post(f"/quyet-dinh/ky/?phong-trao={campaign.pk}", {
        "number": "1", "symbol": "QĐ-SNV", "date": "20/08/2025", "title": "Về việc khen thưởng",
        "memo_reference": "", "sign_as": "", "signer_title": "Giám đốc", "signer_name": "Lê Quang Thắng",
        "legal_profile": campaign.legal_profile.pk, "nominations": [nomination.pk]})
    decision = Decision.objects.get()
    assert response["Location"] == f"/quyet-dinh/{decision.pk}/"
    assert "01/QĐ-SNV" in client.get(f"/quyet-dinh/{decision.pk}/").content.decode()
    assert client_for(cast.reviewer).get("/phe-duyet/").status_code == 403


def test_the_decision_form_proposes_the_units_memos_it_answers():
    """'Xét đề nghị tại Tờ trình số …' from the Tờ trình the portal holds (number, date, unit), not typed."""
    from datetime import date
    from types import SimpleNamespace

    from dossiers.services.decisions import memo_reference

    unit_a, unit_b = SimpleNamespace(name="Phòng Tổ chức cán bộ"), SimpleNamespace(name="Trung tâm Lưu trữ")
    first = SimpleNamespace(pk=1, memo_number="12/TTr-TCCB", memo_date=date(2025, 7, 30), organisation=unit_a)
    second = SimpleNamespace(pk=2, memo_number="07/TTr-TTLT", memo_date=date(2025, 7, 2), organisation=unit_b)
    nominations = [SimpleNamespace(dossier_id=d.pk, dossier=d) for d in (first, first, second)]
    assert memo_reference(nominations) == ("07/TTr-TTLT ngày 02 tháng 7 năm 2025 của Trung tâm Lưu trữ; "
                                           "12/TTr-TCCB ngày 30 tháng 7 năm 2025 của Phòng Tổ chức cán bộ")


@pytest.mark.parametrize(("already", "expected"), [
    (None, ("tot", "15/QĐ-SNV")),  # the rating the unit reported enters the register
    ("xuat_sac", ("xuat_sac", "")),  # one the register holds for that year is kept
])
def test_the_reported_rating_reaches_the_register_when_the_decision_is_signed(cast, already, expected):
    from dossiers.models import AnnualRating

    campaign = launched_campaign(cast, participants=[cast.unit_a])
    if already:
        AnnualRating.objects.create(person=cast.person_a, year=2024, rating=already)
    dossier = awaiting(cast, ready_dossier(cast, campaign=campaign))  # its report: 2024 "tot", QĐ 15/QĐ-SNV
    nomination = dossier.nominations.get()
    assert AnnualRating.objects.filter(person=cast.person_a).count() == (1 if already else 0)
    decisions.approve(nomination, approved=True, by=cast.approver)
    decisions.sign_decision(decision_for(cast, campaign), [nomination], by=cast.approver)
    rating = AnnualRating.objects.get(person=cast.person_a, year=2024)
    assert (rating.rating, rating.decision_number) == expected


def test_a_decision_is_signed_under_the_profile_in_force_on_its_date(cast):
    from awards.models import LegalBasisProfile

    campaign = launched_campaign(cast, participants=[cast.unit_a])
    dossier = awaiting(cast, ready_dossier(cast, campaign=campaign))
    nomination = dossier.nominations.get()
    decisions.approve(nomination, approved=True, by=cast.approver)
    old = LegalBasisProfile.objects.create(code="nd-cu", name="Nghị định cũ", valid_from=date(2020, 1, 1),
                                           valid_until=date(2024, 1, 1))
    decision = decision_for(cast, campaign)  # 20/8/2025
    decision.legal_profile = old
    with pytest.raises(ValidationError) as error:
        decisions.sign_decision(decision, [nomination], by=cast.approver)
    assert error.value.message_dict["legal_profile"] == [
        "“Nghị định cũ” không có hiệu lực ngày 20/08/2025, ngày ký quyết định: chọn “Luật Thi đua, khen thưởng "
        "2022 – Nghị định 152/2025/NĐ-CP”."]
    assert not Award.objects.exists()
    assert decisions.sign_decision(decision_for(cast, campaign), [nomination], by=cast.approver).pk
