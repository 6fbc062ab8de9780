"""Thu hồi khen thưởng (issue 18; Luật Thi đua, khen thưởng 2022, Chương VII): a revoking decision of the authority
that issued the award, its own number in the body's series, and what a revoked award no longer does."""
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from awards.models import BonusCoefficient
from core.pdf import render_pdf
from dossiers import documents
from dossiers.models import Award, Decision
from dossiers.services import building, decisions, register, revocation
from dossiers.services.history import register_history
from tests.dossiers.test_decisions import awaiting, decision_for
from tests.factories.campaigns import launched_campaign
from tests.factories.dossiers import complete_report, ready_dossier, record_vote
from tests.factories.orgs import PersonFactory
from tests.pdf_assertions import assert_in_order, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed(cast):
    """Decision 125/QĐ-SNV of 20/08/2025 awarding two people of Phòng A a Giấy khen with a bonus."""
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    BonusCoefficient.objects.create(profile=campaign.legal_profile, award_form=campaign.awards.get().award_form,
                                    subject_type="individual", coefficient="0.3")
    second = PersonFactory(organisation=cast.unit_a, full_name="Trần Văn Hai")
    dossier = ready_dossier(cast, campaign=campaign)
    nomination = building.add_nominee(dossier, subject_type="individual", person=second, by=cast.clerk_a)
    complete_report(nomination, by=cast.clerk_a)
    record_vote(dossier, nomination)
    dossier = awaiting(cast, dossier)
    nominations = list(dossier.nominations.order_by("pk"))
    for nomination in nominations:
        decisions.approve(nomination, approved=True, by=cast.approver)
    return decisions.sign_decision(decision_for(cast, campaign), nominations, by=cast.approver)


def revoking(number=130, when=date(2025, 10, 1), reason="Khai man số liệu thành tích trong báo cáo."):
    return Decision(number=number, symbol="QĐ-SNV", date=when, title="Về việc thu hồi khen thưởng",
                    signer_name="Lê Quang Thắng", signer_title="Giám đốc", reason=reason)


def test_a_part_then_the_rest_each_with_its_own_number_in_the_body_s_series(cast, signed):
    first, second = signed.awards.order_by("pk")
    assert decisions.next_decision_number(cast.body, 2025) == 126
    made = revocation.revoke(signed, [first], revoking(126), by=cast.approver)
    first.refresh_from_db()
    assert (made.kind, made.revokes, made.reference, first.revoked_by) == (Decision.REVOKE, signed, "126/QĐ-SNV", made)
    assert made.snapshot["whole"] is False and made.snapshot["to_recover"] == 710_000
    assert [a["name"] for a in made.snapshot["awardees"]] == [first.subject_name]
    assert decisions.next_decision_number(cast.body, 2025) == 127  # awarding and revoking share the series
    rest = revocation.revoke(signed, [second], revoking(127), by=cast.approver)
    assert rest.snapshot["whole"] is True
    assert not signed.awards.live().exists() and signed.awards.count() == 2  # the rows stay, marked


@pytest.mark.parametrize(("who", "raised"), [("reviewer", PermissionDenied), ("council", PermissionDenied),
                                             ("clerk_a", PermissionDenied), ("admin", PermissionDenied),
                                             ("outsider", PermissionDenied)])
def test_only_the_issuing_body_s_leader_signs_it(cast, signed, who, raised):
    with pytest.raises(raised):
        revocation.revoke(signed, list(signed.awards.all()), revoking(), by=getattr(cast, who))
    assert Award.objects.live().count() == 2


@pytest.mark.parametrize(("change", "message"), [
    ({"reason": "  "}, "Ghi lý do thu hồi"),
    ({"when": date(2025, 8, 1)}, "Ngày thu hồi trước ngày của Quyết định số 125/QĐ-SNV"),
    ({"number": 125}, "đã được dùng"),
])
def test_refused_with_a_reason_and_nothing_written(cast, signed, change, message):
    with pytest.raises(ValidationError) as error:
        revocation.revoke(signed, list(signed.awards.all()), revoking(**change), by=cast.approver)
    assert message in " ".join(error.value.messages)
    assert Award.objects.live().count() == 2 and not Decision.objects.filter(kind=Decision.REVOKE).exists()


def test_an_award_is_revoked_once_and_only_from_its_own_decision(cast, signed):
    award = signed.awards.first()
    revocation.revoke(signed, [award], revoking(126), by=cast.approver)
    with pytest.raises(ValidationError, match="đã bị thu hồi theo Quyết định số 126/QĐ-SNV"):
        revocation.revoke(signed, [award], revoking(127), by=cast.approver)
    other = Decision.objects.create(issuer=cast.body, number=140, symbol="QĐ-SNV", year=2025, date=date(2025, 9, 1),
                                    title="Khác", signer_name="A", signer_title="B")
    with pytest.raises(ValidationError, match="không thuộc Quyết định số 140/QĐ-SNV"):
        revocation.revoke(other, [signed.awards.last()], revoking(128), by=cast.approver)


def test_what_a_revoked_award_no_longer_does(cast, signed, client):
    award = signed.awards.get(person=cast.person_a)
    before = register_history([award.nomination]).of(award.nomination).awards
    assert [p.decision_number for p in before] == ["125/QĐ-SNV"]
    revocation.revoke(signed, [award], revoking(126), by=cast.approver)
    award.refresh_from_db()
    # the live register and the eligibility history leave it out; the register shows it when asked, marked
    assert award not in register.search("", cast.reviewer)
    assert award in register.search("", cast.reviewer, revoked=True)
    nomination = award.nomination
    past = register_history([nomination]).of(nomination).awards
    assert [p.decision_number for p in past] == []  # the eligibility rules count what is in force only
    # its certificate is no longer printed, and says why
    assert "đã bị thu hồi theo Quyết định số 126/QĐ-SNV" in documents.certificate_refusal(award)
    # the QR page says so
    page = client.get(reverse("dossiers:verify_award", args=[award.verification_code])).content.decode()
    assert "Khen thưởng đã bị thu hồi theo Quyết định số 126/QĐ-SNV" in page
    # the other award of the decision is still printed
    assert documents.certificate_refusal(signed.awards.exclude(pk=award.pk).get()) == ""


def test_the_revoking_decision_prints(cast, signed):
    first = signed.awards.get(person=cast.person_a)
    made = revocation.revoke(signed, [first], revoking(126), by=cast.approver)
    text = pdf_text(render_pdf("quyet_dinh_thu_hoi.html", documents.quyet_dinh_thu_hoi(made), strict=True))
    assert_in_order(text, [
        "SỞ NỘI VỤ TỈNH THỬ", "Số: 126/QĐ-SNV", "QUYẾT ĐỊNH", "Về việc thu hồi khen thưởng",
        "Căn cứ Quyết định số 125/QĐ-SNV ngày 20 tháng 8 năm 2025", "QUYẾT ĐỊNH:",
        "Điều 1. Thu hồi khen thưởng tại Quyết định số 125/QĐ-SNV", "01 cá nhân",
        "Lý do thu hồi: Khai man số liệu thành tích trong báo cáo.",
        "Điều 2.", "710.000 đồng", "Bảy trăm mười nghìn đồng", "Điều 3.",
        "DANH SÁCH", "Tập thể, cá nhân bị thu hồi khen thưởng",
        "(Kèm theo Quyết định số 126/QĐ-SNV ngày 01 tháng 10 năm 2025 của Giám đốc Sở Nội vụ tỉnh Thử)",
        "Nguyễn Thị Hương", "710.000"])
    assert documents._not_an_award_decision(made) and not documents._revocation_refusal(made)


def test_the_leader_s_page_and_the_walls(cast, signed, client_for):
    url = reverse("dossiers:revoke", args=[signed.pk])
    assert client_for(cast.approver).get(url).status_code == 200
    assert client_for(cast.reviewer).get(url).status_code == 403
    assert client_for(cast.clerk_a).get(url).status_code == 403  # no inbox role: 403 before the lookup
    typed = {"number": "126", "symbol": "QĐ-SNV", "date": "01/10/2025", "title": "Về việc thu hồi khen thưởng",
             "reason": "", "signer_title": "Giám đốc", "signer_name": "Lê Quang Thắng",
             "awards": [a.pk for a in signed.awards.all()]}
    response = client_for(cast.approver).post(url, typed)
    assert response.status_code == 200 and "Về việc thu hồi khen thưởng" in response.content.decode()
    assert not Decision.objects.filter(kind=Decision.REVOKE).exists()
    response = client_for(cast.approver).post(url, {**typed, "reason": "Giả mạo giấy tờ."})
    made = Decision.objects.get(kind=Decision.REVOKE)
    assert response.status_code == 302 and response["Location"] == made.get_absolute_url()
    page = client_for(cast.reviewer).get(made.get_absolute_url()).content.decode()
    assert "Thu hồi toàn bộ khen thưởng" in page and "Giả mạo giấy tờ." in page
    page = client_for(cast.reviewer).get(signed.get_absolute_url()).content.decode()
    assert "data-revocation" in page and "Đã thu hồi (QĐ 126/QĐ-SNV" in page


def test_the_fund_shows_what_is_to_be_recovered(cast, signed):
    from funds.services import ledger

    revocation.revoke(signed, list(signed.awards.all()), revoking(126), by=cast.approver)
    book = ledger(cast.body, 2025)
    assert book.total_to_recover == 1_420_000
    assert book.total_decisions == 1_420_000  # paid is paid: the decision's line stays until the money comes back


def test_a_higher_authority_s_revocation_is_recorded_by_the_office_with_its_own_number(cast):
    from tests.factories.campaigns import award_form

    higher = Decision.objects.create(issuer=cast.body, kind=Decision.HIGHER, higher_authority="Chủ tịch UBND tỉnh",
                                     number=2150, symbol="QĐ-UBND", year=2025, date=date(2025, 9, 15),
                                     title="Về việc tặng Bằng khen", signer_name="Võ Văn Hưng", signer_title="Chủ tịch")
    award = Award.objects.create(subject_type="individual", person=cast.person_a, award_form=award_form(), year=2025,
                                 decision=higher, decision_number=higher.reference, decision_date=higher.date)
    made = revocation.revoke(higher, [award], Decision(number=126, symbol="QĐ-UBND", date=date(2025, 12, 1),
                                                       title="Về việc thu hồi Bằng khen", signer_name="Võ Văn Hưng",
                                                       signer_title="Chủ tịch", reason="Giả mạo giấy tờ."),
                             by=cast.reviewer)
    assert made.higher_authority == "Chủ tịch UBND tỉnh"
    assert decisions.next_decision_number(cast.body, 2025) == 1  # not in the body's own series
    assert "không in" in documents._revocation_refusal(made)
    with pytest.raises(PermissionDenied):
        revocation.revoke(higher, [award], revoking(), by=cast.clerk_a)
