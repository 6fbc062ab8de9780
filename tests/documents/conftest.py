"""Arrange real objects for the official documents, through the services (as the pages do).

One story for every document: the Sở Nội vụ tỉnh Thử launches Kế hoạch số 173/KH-SNV; its Phòng Tổ chức
cán bộ meets (Biên bản), sends Tờ trình số 07/TTr-TCCB of 05/8/2025 for Nguyễn Thị Hương and the Phòng
itself (two Báo cáo thành tích); the office returns it once (Phiếu yêu cầu bổ sung), the council votes
(Biên bản họp Hội đồng), the leader signs Quyết định số 05/QĐ-SNV with 1.170.000 + 2.340.000 = 3.510.000
đồng of bonus and prints the certificates; a Bằng khen of the province goes up by Tờ trình số 45/TTr-SNV.
"""
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from awards.models import BaseSalary, BonusCoefficient
from campaigns.models import CampaignParticipant, Criterion, Target
from campaigns.services.campaigns import offer_award
from campaigns.services.campaigns import transition as campaign_transition
from dossiers.enums import Outcome
from dossiers.models import CouncilSession, Decision, Forwarding, MeetingVote, NominationMeeting
from dossiers.services import building, council, decisions
from dossiers.services.workflow import transition
from tests.factories.campaigns import award_form, draft_campaign, legal_profile
from tests.factories.dossiers import complete_report

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
BASIS = [
    "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;",
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành "
    "một số điều của Luật Thi đua, khen thưởng;",
]
INDIVIDUAL_SUMMARY = "Hoàn thành xuất sắc nhiệm vụ tham mưu tổ chức bộ máy, 12 văn bản đúng hạn."
COLLECTIVE_SUMMARY = "Tập thể dẫn đầu khối thi đua, hoàn thành 100% chỉ tiêu của đợt thi đua."
# the unit's Tờ trình from its list of nominees to the signature, in the PDF and in the DOCX alike
TO_TRINH_LIST_AND_CLOSING = (
    "STT", "Họ và tên / Tên tập thể", "Chức vụ", "Đơn vị", "Tóm tắt thành tích",
    "1", "Nguyễn Thị Hương", "Chuyên viên", "Phòng Tổ chức cán bộ", INDIVIDUAL_SUMMARY,
    "2", "Phòng Tổ chức cán bộ", "Phòng Tổ chức cán bộ", COLLECTIVE_SUMMARY,
    "Hồ sơ kèm theo:", "- Biên bản họp bình xét thi đua, khen thưởng;",
    "- Báo cáo thành tích của 01 tập thể và 01 cá nhân.",
    "Kính trình Hội đồng Thi đua – Khen thưởng Sở Nội vụ tỉnh Thử xem xét./.",
    "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "TRƯỞNG PHÒNG", "Nguyễn Văn Hùng",
)
INJECTION = '<img src="http://example.com/x.png"> file:///etc/passwd <b>đậm</b>'


def local(*args):
    return datetime(*args, tzinfo=TZ)


@pytest.fixture
def profile(db):
    profile = legal_profile()
    profile.basis_lines = "\n".join(BASIS)
    profile.save()
    return profile


@pytest.fixture
def campaign(cast, profile):
    """A launched campaign of the Sở with its plan filled in: targets, criteria, the usual components."""
    campaign = draft_campaign(
        cast, kind="drive", theme="Đoàn kết, kỷ cương, đổi mới, hiệu quả",
        purpose="Động viên cán bộ, công chức thi đua hoàn thành xuất sắc nhiệm vụ.\n"
                "Phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến.",
        requirements="Thi đua thiết thực, hiệu quả, tránh hình thức.",
        tasks_text="Cải cách hành chính, nâng cao chất lượng tham mưu.\nChuyển đổi số trong công tác nội vụ.",
        awards_guidance="Mỗi đơn vị đề nghị không quá 15% số cán bộ.",
        implementation="Các phòng, đơn vị xây dựng kế hoạch hưởng ứng trước ngày 31 tháng 7 năm 2024.\n"
                       "Văn phòng Sở theo dõi, tổng hợp, báo cáo Giám đốc Sở.",
        signer_name="Lê Quang Thắng", signer_title="Giám đốc")
    Target.objects.create(campaign=campaign, order=1, text="Tỷ lệ hồ sơ giải quyết đúng hạn",
                          value=Decimal("98.5"), unit="%")
    Target.objects.create(campaign=campaign, order=2, text="Số sáng kiến được công nhận", value=Decimal("3"),
                          unit="sáng kiến")
    Criterion.objects.create(campaign=campaign, subject_type="individual", order=1,
                             text="Hoàn thành tốt nhiệm vụ năm 2024 trở lên.")
    Criterion.objects.create(campaign=campaign, subject_type="collective", order=1,
                             text="Hoàn thành 100% chỉ tiêu của đợt thi đua.")
    offer_award(campaign, award_form(), copies=2, by=cast.admin)
    CampaignParticipant.objects.create(campaign=campaign, organisation=cast.unit_a, include_subtree=True)
    return campaign_transition(campaign, "launch", by=cast.admin)


def _vote(meeting, nomination, votes_for, against):
    MeetingVote.objects.update_or_create(nomination=nomination, defaults={
        "meeting": meeting, "votes_for": votes_for, "votes_against": against})


def add_people(dossier, cast, *, individual_summary=INDIVIDUAL_SUMMARY, results=""):
    """Nguyễn Thị Hương and the Phòng Tổ chức cán bộ itself, with full reports."""
    person = building.add_nominee(dossier, subject_type="individual", person=cast.person_a, by=cast.clerk_a)
    collective = building.add_nominee(dossier, subject_type="collective", organisation=cast.unit_a,
                                      by=cast.clerk_a)
    for nomination, summary in ((person, individual_summary), (collective, COLLECTIVE_SUMMARY)):
        report = complete_report(nomination, by=cast.clerk_a)
        report.hometown = "Xã Hải Lăng, tỉnh Quảng Trị"
        report.qualification = "Cử nhân Luật"
        report.structure = "Trưởng phòng, 01 Phó Trưởng phòng và 06 chuyên viên."
        report.measures = "Xây dựng kế hoạch hưởng ứng ngay từ đầu đợt.\nPhân công từng người theo dõi chỉ tiêu."
        report.results = results or ("Giải quyết 98,7% hồ sơ đúng hạn (chỉ tiêu 98,5%).\n"
                                     "Tham mưu 12 văn bản, tất cả đúng hạn.")
        report.initiatives = "Sáng kiến “Số hóa hồ sơ cán bộ” được công nhận cấp cơ sở."
        building.save_report(report, summary=summary, by=cast.clerk_a,
                             criteria=list(dossier.campaign.criteria.filter(subject_type=nomination.subject_type)))
    return person, collective


@pytest.fixture
def people():
    """Overrides for add_people() (e.g. an injected summary): parametrize or override this fixture."""
    return {}


@pytest.fixture
def dossier(cast, campaign, people):
    """The unit's dossier, ready to send: two nominees, the meeting's votes, Tờ trình 07 of 05/8/2025."""
    cast.person_a.gender, cast.person_a.date_of_birth = "nu", date(1985, 3, 12)
    cast.person_a.save()
    dossier = building.start_dossier(campaign, cast.unit_a, campaign.awards.get(), by=cast.clerk_a)
    person, collective = add_people(dossier, cast, **people)
    meeting = NominationMeeting.objects.create(
        campaign=campaign, organisation=cast.unit_a, held_at=local(2025, 7, 25, 8, 0), place="Phòng họp đơn vị",
        chair="Nguyễn Văn Hùng", secretary="Phạm Thị Thảo", members_total=10, members_present=9,
        absentees="Trần Văn Cường (đi công tác)", ballot_type="secret",
        discussion="Thảo luận thành tích của từng cá nhân, tập thể.",
        conclusion="Thống nhất đề nghị tặng Giấy khen cho 01 tập thể và 01 cá nhân.",
        closed_at=datetime(2025, 7, 25, 10, 30).time())
    _vote(meeting, person, 8, 1)
    _vote(meeting, collective, 9, 0)
    dossier.meeting = meeting
    dossier.memo_number, dossier.memo_date = "07/TTr-TCCB", date(2025, 8, 5)
    dossier.signer_title, dossier.signer_name = "Trưởng phòng", "Nguyễn Văn Hùng"
    building.save_dossier(dossier, by=cast.clerk_a)
    return dossier


def accept_all(cast, dossier):
    for nomination in dossier.nominations.all():
        building.review_nominee(nomination, verdict=Outcome.ACCEPTED, by=cast.reviewer,
                                override_reason="Đã xem xét")


@pytest.fixture
def returned_dossier(cast, dossier):
    """Sent, then returned by the office with two reasons and a note for Nguyễn Thị Hương."""
    cast.reviewer.first_name, cast.reviewer.last_name = "Trần Thị", "Lan"
    cast.reviewer.save()
    dossier = transition(transition(dossier, "submit", by=cast.clerk_a), "start_review", by=cast.reviewer)
    building.set_review_note(dossier.nominations.get(person=cast.person_a),
                             "Bổ sung quyết định xếp loại năm 2024.", by=cast.reviewer)
    return transition(dossier, "return", by=cast.reviewer,
                      note="Tờ trình chưa ghi số lượng tập thể.\nThiếu chữ ký của thủ trưởng đơn vị.")


def council_rule(campaign):
    form = campaign.awards.first().award_form
    form.needs_council, form.vote_threshold, form.vote_denominator = True, Decimal("70"), "all"
    form.save()
    return form


@pytest.fixture
def council_session(cast, campaign, dossier):
    """The council's session of 12/8/2025 on the dossier's two nominees, closed."""
    council_rule(campaign)
    dossier = transition(transition(dossier, "submit", by=cast.clerk_a), "start_review", by=cast.reviewer)
    accept_all(cast, dossier)
    dossier = transition(transition(dossier, "accept", by=cast.reviewer), "to_council", by=cast.reviewer)
    session = council.open_session(CouncilSession(
        issuer=cast.body, campaign=campaign, held_at=local(2025, 8, 12, 8, 30), place="Phòng họp số 1",
        chair="Nguyễn Văn Hải", secretary="Lê Thị Thu", members_total=10, members_present=9,
        absentees="Hoàng Văn Nam (gửi phiếu bằng văn bản)", mode="paper"), by=cast.reviewer)
    person = dossier.nominations.get(person=cast.person_a)
    collective = dossier.nominations.get(organisation=cast.unit_a)
    council.record_ballot(session, person, votes_for=7, votes_against=2, votes_abstain=0, written_votes_for=1,
                          by=cast.reviewer)
    council.record_ballot(session, collective, votes_for=6, votes_against=3, votes_abstain=0, by=cast.reviewer)
    council.attach_count_sheet(session, SimpleUploadedFile("kiem-phieu.pdf", b"%PDF-1.4\n"), by=cast.reviewer)
    return council.close_session(session, by=cast.reviewer, conclusion="Thống nhất đề nghị Giám đốc Sở khen thưởng.")


def awaiting(cast, dossier):
    dossier = transition(transition(dossier, "submit", by=cast.clerk_a), "start_review", by=cast.reviewer)
    accept_all(cast, dossier)
    return transition(transition(dossier, "accept", by=cast.reviewer), "to_leader", by=cast.reviewer)


@pytest.fixture
def bonus(campaign):
    """Individual 0,5 × 2.340.000 = 1.170.000 đồng; a collective twice that (the profile's multiplier)."""
    BaseSalary.objects.get_or_create(valid_from=date(2024, 7, 1), defaults={"amount": 2_340_000})
    return BonusCoefficient.objects.create(profile=campaign.legal_profile, subject_type="individual",
                                           award_form=campaign.awards.get().award_form, coefficient=Decimal("0.5"))


@pytest.fixture
def decision(cast, campaign, dossier, bonus):
    """Quyết định số 05/QĐ-SNV of 20/8/2025: Giấy khen for both nominees, 1.170.000 + 2.340.000 đồng."""
    return sign(cast, campaign, dossier)


def sign(cast, campaign, dossier):
    """The leader approves both nominees and signs Quyết định số 05/QĐ-SNV (with a bonus if one is set)."""
    dossier = awaiting(cast, dossier)
    nominations = list(dossier.nominations.order_by("order"))
    for nomination in nominations:
        decisions.approve(nomination, approved=True, by=cast.approver)
    return decisions.sign_decision(Decision(
        issuer=cast.body, campaign=campaign, number=5, symbol="QĐ-SNV", date=date(2025, 8, 20),
        title="Về việc tặng Giấy khen cho các tập thể, cá nhân có thành tích xuất sắc trong đợt thi đua",
        signer_name="Lê Quang Thắng", signer_title="Giám đốc", legal_profile=campaign.legal_profile,
        memo_reference="07/TTr-TCCB ngày 05 tháng 8 năm 2025 của Phòng Tổ chức cán bộ"), nominations,
        by=cast.approver)


@pytest.fixture
def forwarding(cast, campaign, dossier):
    """Both nominees proposed for the province's Bằng khen, forwarded by Tờ trình số 45/TTr-SNV."""
    province_form = award_form(code="bk-tinh-test", name="Bằng khen của Chủ tịch UBND tỉnh", authority=40)
    offer = campaign.awards.create(award_form=province_form, copies=3)
    dossier.offer = offer
    dossier.save(update_fields=["offer"])
    dossier = awaiting(cast, dossier)
    nominations = list(dossier.nominations.order_by("order"))
    for nomination in nominations:
        decisions.approve(nomination, approved=True, by=cast.approver)
    return decisions.forward(Forwarding(
        issuer=cast.body, campaign=campaign, to_authority="Chủ tịch Ủy ban nhân dân tỉnh Thử",
        memo_number="45/TTr-SNV", memo_date=date(2025, 8, 22), signer_name="Lê Quang Thắng",
        signer_title="Giám đốc"), nominations, by=cast.approver)


# What the individual Báo cáo thành tích (Mẫu 08) of the story reads, in order: the PDF and the DOCX alike.
BAO_CAO_INDIVIDUAL = (
    "Mẫu số 08", "SỞ NỘI VỤ TỈNH THỬ", "PHÒNG TỔ CHỨC CÁN BỘ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Quảng Trị, ngày 05 tháng 8 năm 2025",  # the date of the unit's Tờ trình it goes with, not a blank
    "BÁO CÁO THÀNH TÍCH", "Đề nghị tặng Giấy khen (thử)",
    "(trong đợt thi đua đặc biệt chào mừng 80 năm ngành Nội vụ)",
    "I. SƠ LƯỢC LÝ LỊCH", "- Họ và tên: Nguyễn Thị Hương", "- Giới tính: Nữ",
    "- Ngày, tháng, năm sinh: 12/03/1985", "- Quê quán: Xã Hải Lăng, tỉnh Quảng Trị",
    "- Đơn vị công tác: Phòng Tổ chức cán bộ", "- Chức vụ: Chuyên viên",
    "- Trình độ chuyên môn, nghiệp vụ: Cử nhân Luật",
    "II. THÀNH TÍCH ĐẠT ĐƯỢC",
    "1. Các chỉ tiêu của phong trào thi đua", "- Tỷ lệ hồ sơ giải quyết đúng hạn: 98,5%.",
    "- Số sáng kiến được công nhận: 3 sáng kiến.",
    "2. Biện pháp, giải pháp đã thực hiện", "Xây dựng kế hoạch hưởng ứng ngay từ đầu đợt.",
    "3. Kết quả đạt được", "Giải quyết 98,7% hồ sơ đúng hạn (chỉ tiêu 98,5%).",
    "4. Sáng kiến, giải pháp được công nhận", "Sáng kiến “Số hóa hồ sơ cán bộ” được công nhận cấp cơ sở.",
    "5. Kết quả đánh giá, xếp loại",
    "Năm 2024: Hoàn thành tốt nhiệm vụ (Quyết định số 15/QĐ-SNV ngày 10 tháng 01 năm 2025).",
    "XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ", "(Ký, đóng dấu)",
    "NGƯỜI BÁO CÁO THÀNH TÍCH", "(Ký, ghi rõ họ và tên)", "Nguyễn Thị Hương",
)
