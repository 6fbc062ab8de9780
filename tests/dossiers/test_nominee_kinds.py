"""Every kind of nominee (issue 18): households, citizens and business people, enterprises, with the class the
statistical reports count them under (orgs.classification), through the dossier, the decision and the register."""
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from awards.models import AwardForm, LegalBasisProfile
from campaigns.models import CampaignParticipant
from campaigns.services.campaigns import offer_award
from campaigns.services.campaigns import transition as campaign_transition
from dossiers.documents import counts_text
from dossiers.enums import Outcome
from dossiers.models import Award, Decision
from dossiers.services import building, decisions
from dossiers.services.workflow import transition
from orgs.classification import person_class
from orgs.enums import LeadershipLevel, OrgKind, StaffCategory, SubjectClass
from orgs.models import Household
from tests.factories.campaigns import draft_campaign
from tests.factories.dossiers import complete_report, record_vote
from tests.factories.orgs import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("category", "leadership", "expected"), [
    (StaffCategory.CONG_CHUC, LeadershipLevel.NONE, SubjectClass.DIRECT_WORKER),
    (StaffCategory.VIEN_CHUC, LeadershipLevel.OTHER, SubjectClass.LEADER_OTHER),
    (StaffCategory.CAN_BO, LeadershipLevel.MINISTRY_PROVINCE, SubjectClass.LEADER_MINISTRY_PROVINCE),
    (StaffCategory.CONG_CHUC, LeadershipLevel.DEPARTMENT, SubjectClass.LEADER_DEPARTMENT),
    (StaffCategory.DOANH_NHAN, LeadershipLevel.NONE, SubjectClass.BUSINESS_PERSON),
    (StaffCategory.DOANH_NHAN, LeadershipLevel.OTHER, SubjectClass.LEADER_OTHER),  # the post first
    (StaffCategory.NONG_DAN, LeadershipLevel.NONE, SubjectClass.DIRECT_WORKER),
    (StaffCategory.CONG_NHAN, LeadershipLevel.NONE, SubjectClass.DIRECT_WORKER),
    (StaffCategory.CONG_DAN, LeadershipLevel.NONE, SubjectClass.DIRECT_WORKER),
])
def test_the_class_of_a_person(category, leadership, expected):
    assert person_class(PersonFactory.build(category=category, leadership=leadership)) == expected


@pytest.mark.parametrize(("args", "expected"), [
    ((1, 10), "01 tập thể và 10 cá nhân"), ((1, 10, 2), "01 tập thể, 02 hộ gia đình và 10 cá nhân"),
    ((0, 3), "03 cá nhân"), ((0, 0, 2), "02 hộ gia đình"), ((2, 0, 1), "02 tập thể và 01 hộ gia đình"),
])
def test_counts_name_households_apart(args, expected):
    assert counts_text(*args) == expected


@pytest.fixture
def campaign(cast):
    """The Sở's launched campaign offering its Giấy khen (given to people, collectives and households), not
    through the council."""
    campaign = draft_campaign(cast, kind="annual", legal_profile=LegalBasisProfile.objects.get(code="nd-152-2025"),
                              eligible_subject_types=["individual", "collective", "household"])
    offer = offer_award(campaign, AwardForm.objects.get(code="giay-khen"), copies=1, order=1, by=cast.admin)
    offer.council_vote = "no"
    offer.save(update_fields=["council_vote"])
    CampaignParticipant.objects.create(campaign=campaign, organisation=cast.unit_a, include_subtree=True)
    return campaign_transition(campaign, "launch", by=cast.admin)


@pytest.fixture
def outsiders(cast):
    """A household, a farmer and an enterprise managed by unit A, and a household of unit B."""
    return {
        "household": Household.objects.create(head_name="Trần Văn Lộc", address="thôn Đông Hà, xã Cam Lộ",
                                              organisation=cast.unit_a, activity="Kinh tế vườn đồi"),
        "farmer": PersonFactory(full_name="Lê Thị Na", organisation=cast.unit_a, category=StaffCategory.NONG_DAN,
                                position=""),
        "enterprise": OrganisationFactory(code="T-DN-1", name="Công ty TNHH Minh Phát", kind=OrgKind.DOANH_NGHIEP,
                                          parent=cast.unit_a),
        "far_household": Household.objects.create(head_name="Hồ Văn Phúc", address="thôn Tây",
                                                  organisation=cast.unit_b),
    }


def test_a_household_of_another_unit_is_refused(cast, campaign, outsiders):
    dossier = building.start_dossier(campaign, cast.unit_a, campaign.awards.get(), by=cast.clerk_a)
    with pytest.raises(ValidationError) as error:
        building.add_nominee(dossier, subject_type="household", household=outsiders["far_household"],
                             by=cast.clerk_a)
    assert error.value.messages == ["Hộ ông Hồ Văn Phúc không thuộc Phòng Tổ chức cán bộ hoặc đơn vị trực thuộc."]
    with pytest.raises(ValidationError):
        building.add_nominee(dossier, subject_type="household", by=cast.clerk_a)
    assert dossier.nominations.count() == 0


def test_household_farmer_and_enterprise_are_decided_and_enter_the_register(cast, campaign, outsiders):
    dossier = building.start_dossier(campaign, cast.unit_a, campaign.awards.get(), by=cast.clerk_a)
    added = [
        building.add_nominee(dossier, subject_type="household", household=outsiders["household"], by=cast.clerk_a),
        building.add_nominee(dossier, subject_type="individual", person=outsiders["farmer"], by=cast.clerk_a),
        building.add_nominee(dossier, subject_type="collective", organisation=outsiders["enterprise"],
                             by=cast.clerk_a),
    ]
    with pytest.raises(ValidationError):  # once in a dossier
        building.add_nominee(dossier, subject_type="household", household=outsiders["household"], by=cast.clerk_a)
    assert added[0].name == "Hộ ông Trần Văn Lộc"
    assert added[0].report.address == "thôn Đông Hà, xã Cam Lộ"
    for nomination in added:
        complete_report(nomination, by=cast.clerk_a)
        record_vote(dossier, nomination)
    dossier.memo_number, dossier.memo_date = "08/TTr-TCCB", date(2025, 7, 28)
    building.save_dossier(dossier, by=cast.clerk_a)
    dossier = transition(transition(dossier, "submit", by=cast.clerk_a), "start_review", by=cast.reviewer)
    for nomination in dossier.nominations.all():
        building.review_nominee(nomination, verdict=Outcome.ACCEPTED, by=cast.reviewer, override_reason="Đồng ý")
    dossier = transition(transition(dossier, "accept", by=cast.reviewer), "to_leader", by=cast.reviewer)
    for nomination in dossier.nominations.all():
        decisions.approve(nomination, approved=True, by=cast.approver)
    decision = decisions.sign_decision(Decision(
        issuer=cast.body, campaign=campaign, number=31, symbol="QĐ-SNV", date=date(2025, 8, 20),
        title="Về việc khen thưởng", signer_name="Lê Quang Thắng", signer_title="Giám đốc",
        legal_profile=campaign.legal_profile), list(dossier.nominations.all()), by=cast.approver)

    awards = {a.subject_name: (a.subject_type, a.subject_class, a.award_type) for a in decision.awards.all()}
    assert awards == {
        "Hộ ông Trần Văn Lộc": ("household", "ho_gia_dinh", "cong_trang"),
        "Lê Thị Na": ("individual", "truc_tiep", "cong_trang"),
        "Công ty TNHH Minh Phát": ("collective", "doanh_nghiep", "cong_trang"),
    }
    assert (decision.snapshot["collectives"], decision.snapshot["households"], decision.snapshot["individuals"]) == (
        1, 1, 1)
    household_row = next(r for r in decision.snapshot["awardees"] if r["subject_type"] == "household")
    assert household_row["unit"] == "thôn Đông Hà, xã Cam Lộ"
    assert Award.objects.filter(household=outsiders["household"]).live().count() == 1


def test_the_clerk_adds_a_household_through_the_page_and_the_picker_keeps_its_walls(cast, campaign, outsiders,
                                                                                    client_for):
    from django.urls import reverse

    dossier = building.start_dossier(campaign, cast.unit_a, campaign.awards.get(), by=cast.clerk_a)
    client = client_for(cast.clerk_a)
    page = client.get(reverse("dossiers:nominee_add", args=[dossier.pk])).content.decode()
    assert "hoặc hộ gia đình" in page
    found = client.get(reverse("pick_households"), {"pham-vi": "de-nghi", "ho-so": dossier.pk, "q": "tran van"})
    assert [row["label"] for row in found.json()["results"]] == ["Hộ ông Trần Văn Lộc – thôn Đông Hà, xã Cam Lộ"]
    far = client.post(reverse("dossiers:nominee_add", args=[dossier.pk]), {
        "subject_type": "household", "household": outsiders["far_household"].pk})
    assert far.status_code == 400 and dossier.nominations.count() == 0  # another unit's household: not a choice
    response = client.post(reverse("dossiers:nominee_add", args=[dossier.pk]), {
        "subject_type": "household", "household": outsiders["household"].pk})
    assert response.status_code == 302
    assert [n.name for n in dossier.nominations.all()] == ["Hộ ông Trần Văn Lộc"]
    again = client.get(reverse("pick_households"), {"pham-vi": "de-nghi", "ho-so": dossier.pk, "q": "tran"})
    assert again.json()["results"] == []  # once in the dossier, not offered again
    other = client_for(cast.clerk_b).get(reverse("pick_households"), {"pham-vi": "de-nghi", "ho-so": dossier.pk})
    assert other.status_code == 404


def test_the_reports_of_a_household_and_an_enterprise_read_as_theirs(cast, campaign, outsiders):
    from core.pdf import render_pdf
    from dossiers import documents
    from tests.pdf_assertions import assert_in_order, pdf_text

    dossier = building.start_dossier(campaign, cast.unit_a, campaign.awards.get(), by=cast.clerk_a)
    home = building.add_nominee(dossier, subject_type="household", household=outsiders["household"], by=cast.clerk_a)
    firm = building.add_nominee(dossier, subject_type="collective", organisation=outsiders["enterprise"],
                                by=cast.clerk_a)
    text = pdf_text(render_pdf("bao_cao.html", documents.bao_cao(home), strict=True))
    assert_in_order(text, ["Họ và tên chủ hộ: Trần Văn Lộc", "Lĩnh vực hoạt động: Kinh tế vườn đồi",
                           "II. THÀNH TÍCH ĐẠT ĐƯỢC"])
    assert "Chức năng, nhiệm vụ" not in text  # the activity is said once
    context = documents.bao_cao(firm)
    assert context["doc"]["parent_body"] == ""  # an enterprise is not under the unit that keeps its record
    assert "Tổng số lao động" in [line["label"] for line in context["general"]]
