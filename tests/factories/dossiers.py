from datetime import date, datetime
from zoneinfo import ZoneInfo

from dossiers.models import MeetingVote, NominationMeeting
from dossiers.services import building, checks
from tests.factories.campaigns import launched_campaign

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def complete_report(nomination, *, by, rating="tot"):
    report = nomination.report
    report.position = report.position or "Chuyên viên"
    report.functions = report.functions or "Tham mưu công tác tổ chức cán bộ."
    report.results = "Hoàn thành 100% chỉ tiêu được giao; tham mưu 12 văn bản đúng hạn."
    report.rating_year, report.rating = 2024, rating
    report.rating_decision_number, report.rating_decision_date = "15/QĐ-SNV", date(2025, 1, 10)
    criteria = list(nomination.dossier.campaign.criteria.filter(subject_type=nomination.subject_type))
    building.save_report(report, summary="Có nhiều thành tích trong đợt thi đua.", criteria=criteria, by=by)
    return report


def record_vote(dossier, nomination, votes_for=8, present=9, total=10):
    """The meeting's vote written directly (quicker than the Biên bản pages), the verdicts stored after it."""
    meeting = dossier.meeting or NominationMeeting.objects.create(
        campaign=dossier.campaign, organisation=dossier.organisation, held_at=datetime(2025, 7, 25, 8, 0, tzinfo=TZ),
        place="Phòng họp đơn vị", chair="Nguyễn Văn Hùng", secretary="Phạm Thị Thảo", members_total=total,
        members_present=present, ballot_type="secret")
    MeetingVote.objects.update_or_create(nomination=nomination, defaults={
        "meeting": meeting, "votes_for": votes_for, "votes_against": present - votes_for})
    if dossier.meeting_id != meeting.pk:
        dossier.meeting = meeting
        dossier.save(update_fields=["meeting"])
    checks.store(dossier)  # as meetings.record_votes() does
    return meeting


def ready_dossier(cast, campaign=None, person=None):
    """A draft dossier of unit A that passes every blocking check: one nominee with a full report,
    the meeting's vote, the Tờ trình number and date."""
    campaign = campaign or launched_campaign(cast, participants=[cast.unit_a])
    offer = campaign.awards.first()
    dossier = building.start_dossier(campaign, cast.unit_a, offer, by=cast.clerk_a)
    nomination = building.add_nominee(dossier, subject_type="individual", person=person or cast.person_a,
                                      by=cast.clerk_a)
    complete_report(nomination, by=cast.clerk_a)
    record_vote(dossier, nomination)
    dossier.memo_number, dossier.memo_date = "07/TTr-TCCB", date(2025, 7, 28)
    building.save_dossier(dossier, by=cast.clerk_a)
    return dossier
