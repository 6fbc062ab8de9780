"""Demo dossiers of the Quảng Trị drive of the demo's year (2150/KH-SNV) at every stage, built through the same
services as the pages: a draft, a submitted one, one returned with reasons, one in review, one at the council, one
decided (with its numbered decision and bonuses), and one forwarded to the province.

In Lạng Sơn, the provincial council (the UBND tỉnh's seats, kept by its standing office, the Sở Nội vụ) and
the Văn phòng UBND tỉnh's dossier of the provincial drive 58/KH-UBND, sent and waiting in the inbox of the
Sở Nội vụ (vanphong.ls).

Dates (issue 17): every act is dated from the demo's day (demo/seeds/anchor.py), none after it: the units' meetings
and Tờ trình in the days before, the decision three days before, the ratings and past awards of the years before.

Idempotent: nothing is created for a campaign that already has dossiers, nor seats for a council that has some.
"""
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.utils import timezone

from awards.models import AwardForm
from campaigns.models import Campaign
from campaigns.services.campaigns import profile_in_force
from dossiers.enums import Outcome
from dossiers.models import (
    AnnualRating,
    CouncilSeat,
    CouncilSession,
    Decision,
    Dossier,
    Forwarding,
    NominationMeeting,
    OutcomeChange,
    StateChange,
)
from dossiers.services import building, council, decisions, meetings, register
from dossiers.services.workflow import transition
from orgs.models import Organisation, Person

from .anchor import anchor, current_quang_tri_drive, last_rating
from .campaigns import LS_CHAIRMAN

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
RESULTS = {
    "individual": "Tham mưu hoàn thành 100% nhiệm vụ được giao trong phong trào thi đua; chủ trì xây dựng {n} văn "
                  "bản hướng dẫn, đúng hạn, được Lãnh đạo Sở đánh giá cao; tích cực tham gia các phong trào thi đua "
                  "của ngành Nội vụ.",
    "collective": "Đơn vị hoàn thành xuất sắc các chỉ tiêu của phong trào thi đua: 100% công chức hoàn thành tốt "
                  "nhiệm vụ trở lên, {n}% hoàn thành xuất sắc; không có cá nhân vi phạm kỷ luật.",
}


def _user(username):
    return get_user_model().objects.get(username=username)


def _at(day, hour=8, minute=30):
    return datetime.combine(day, time(hour, minute), tzinfo=TZ)


# The dossier's own timestamp each logged action sets (the workflow writes both when it runs).
MOMENTS = {"submit": "submitted_at", "accept": "accepted_at", "return": "returned_at", "decide": "decided_at",
           "record_higher_decision": "decided_at"}


HOUR = timedelta(hours=1)
# a nominee's outcome act -> the dossier's actions whose moment it follows, first found, with its offset
OUTCOME_ACTS = {"review": [("accept", -HOUR / 2), ("return", -HOUR / 2), ("start_review", HOUR)],
                "return": [("return", 0 * HOUR)], "approve": [("decide", -HOUR), ("forward", -HOUR)],
                "forward": [("forward", 0 * HOUR)], "sign_decision": [("decide", 0 * HOUR)]}


def date_story(dossier, day, steps):
    """Date the dossier's log as its story goes, not at the moment of seeding: `steps` {action: (days before the
    demo's day, hour)}, calendar days like the story's other dates (its Tờ trình, decisions, council session); the
    dossier's sent / accepted / returned / decided times follow (demo data only: the workflow itself always logs
    the present)."""
    fields, moments = {}, {}
    for change in dossier.state_changes.all():
        if change.action in steps:
            ago, hour = steps[change.action]
            at = min(_at(day - timedelta(days=ago), hour, 0), timezone.now())  # never after the seeding
            StateChange.objects.filter(pk=change.pk).update(at=at)
            moments[change.action] = at
            if change.action in MOMENTS:
                fields[MOMENTS[change.action]] = at
    Dossier.objects.filter(pk=dossier.pk).update(**fields)
    # each nominee's outcome log at the act that moved it (the leader approves the hour before signing)
    for act, follows in OUTCOME_ACTS.items():
        at = next((moments[action] + shift for action, shift in follows if action in moments), None)
        if at is not None:
            OutcomeChange.objects.filter(nomination__dossier=dossier, act=act).update(at=min(at, timezone.now()))


def _fill(nomination, clerk, day, n=3, rating="tot"):
    report = nomination.report
    if nomination.subject_type == "individual":
        report.duties = report.duties or "Tham mưu công tác tổ chức, cán bộ của Sở."
    else:
        report.functions = "Tham mưu giúp Giám đốc Sở quản lý nhà nước trong lĩnh vực được giao."
        report.structure = "Lãnh đạo phòng và các chuyên viên."
    report.measures = "Xây dựng kế hoạch thi đua của đơn vị, phân công cụ thể, kiểm tra, đôn đốc hằng tháng."
    report.results = RESULTS[nomination.subject_type].format(n=n)
    year = _last_year(nomination.dossier.campaign)
    signed = date(year, 12, 25)
    report.initiatives = f"Sáng kiến “Số hóa hồ sơ cán bộ” được Hội đồng sáng kiến Sở công nhận năm {year}."
    report.rating_year, report.rating = year, rating
    report.rating_decision_number, report.rating_decision_date = f"{1500 + year % 100}/QĐ-SNV", signed
    criteria = list(nomination.dossier.campaign.criteria.filter(subject_type=nomination.subject_type))
    building.save_report(report, summary="Có nhiều thành tích xuất sắc trong phong trào thi đua.",
                         criteria=criteria, by=clerk)


def _dossier(campaign, unit, form_code, clerk, day, people=(), collective=False, memo="01"):
    offer = campaign.awards.get(award_form__code=form_code)
    dossier = building.start_dossier(campaign, unit, offer, by=clerk)
    for name in people:
        person = Person.objects.get(full_name=name, organisation__path__startswith=unit.path)
        nomination = building.add_nominee(dossier, subject_type="individual", person=person, by=clerk)
        _fill(nomination, clerk, day)
    if collective:
        _fill(building.add_nominee(dossier, subject_type="collective", organisation=unit, by=clerk), clerk, day,
              n=25)
    meeting = NominationMeeting.objects.filter(campaign=campaign, organisation=unit).first()
    if meeting is None:
        staff = list(Person.objects.filter(organisation=unit).order_by("pk"))  # its head first, as seeded
        chair, secretary = staff[0], staff[-1]
        meeting = meetings.save_meeting(NominationMeeting(
            campaign=campaign, organisation=unit, number=f"01/{unit.document_symbol('BB')}",
            held_at=_at(day - timedelta(days=10)), place=f"Phòng họp {unit.short_name or unit.name}",
            chair=f"{chair.full_name} – {chair.position}", secretary=f"{secretary.full_name} – {secretary.position}",
            members_total=6, members_present=6, ballot_type="secret", closed_at=time(10, 30),
            discussion="Bình xét các tập thể, cá nhân có thành tích tiêu biểu trong phong trào thi đua.",
            conclusion="Thống nhất đề nghị khen thưởng các tập thể, cá nhân có tên dưới đây."), by=clerk)
    meetings.record_votes(meeting, [(n, 6, 0, 0) for n in dossier.nominations.all()], by=clerk)
    dossier.refresh_from_db()
    dossier.memo_number, dossier.memo_date = f"{memo}/TTr-{unit.abbreviation}", day - timedelta(days=8)
    head = Person.objects.filter(organisation=unit).order_by("pk").first()  # its head first, as seeded
    dossier.signer_title = head.position if head and head.position else "Trưởng phòng"
    dossier.signer_name = head.full_name if head else ""
    dossier.sign_as = "kt" if dossier.signer_title.startswith("Phó ") else ""  # a deputy signs for the head
    building.save_dossier(dossier, by=clerk)
    return dossier


def _review(dossier, reviewer, outcome=Outcome.ACCEPTED):
    dossier = transition(dossier, "start_review", by=reviewer)
    for nomination in dossier.nominations.all():
        building.review_nominee(nomination, verdict=outcome, by=reviewer,
                                override_reason="Đơn vị mới sáp nhập, hồ sơ lịch sử chưa đủ; Lãnh đạo Sở đồng ý "
                                                "xem xét.")
    return dossier


def _last_year(campaign):
    """The last year rated before the campaign's end (the rules read the five years before it: rating_window)."""
    return campaign.period_end.year - 1


def _history(person, last):
    """Five years of ratings up to `last`, so the eligibility rules that read history have something to read."""
    for year, rating in zip(range(last - 4, last + 1), ("tot", "xuat_sac", "tot", "xuat_sac", "tot"), strict=True):
        AnnualRating.objects.get_or_create(person=person, year=year, defaults={
            "rating": rating, "decision_number": f"{1500 + year % 100}/QĐ-SNV", "decision_date": date(year, 12, 25)})


def seed(day=None):
    """Returns the number of dossiers created. `day`: the demo's day (demo/seeds/anchor.py)."""
    day = day or anchor()
    return _quang_tri(day) + _lang_son(day)


def _quang_tri(day):
    campaign = current_quang_tri_drive()
    # A demo loaded before its dates followed the day has its dossiers in the anniversary drive: left as they are
    # (its decisions and people are taken), README: delete the database for a demo of today.
    if campaign is None or Dossier.objects.filter(campaign__issuer=campaign.issuer).exists():
        return 0
    tcbc, ttlt = Organisation.objects.get(code="QT-SNV-TCBC"), Organisation.objects.get(code="QT-SNV-TTLT")
    clerk_tcbc, clerk_ttlt = _user("canbo.tcbc"), _user("canbo.luutru")
    reviewer, leader = _user("vanphong"), _user("lanhdao")
    for person in Person.objects.filter(organisation__in=[tcbc, ttlt]):
        _history(person, _last_year(campaign))
    year = _last_year(campaign) + 1

    # decided: Giấy khen of the Phòng TCBC, Decision 125/QĐ-SNV with bonuses
    decided = _dossier(campaign, tcbc, "giay-khen", clerk_tcbc, day, ["Nguyễn Văn Hùng", "Trần Minh Tuấn"],
                       memo="12")
    decided = transition(decided, "submit", by=clerk_tcbc)
    decided = transition(_review(decided, reviewer), "accept", by=reviewer)
    decided = transition(decided, "to_leader", by=reviewer)
    for nomination in decided.nominations.all():
        decisions.approve(nomination, approved=True, by=leader)
    signed = day - timedelta(days=3)
    decisions.sign_decision(Decision(
        issuer=campaign.issuer, campaign=campaign, number=125, symbol="QĐ-SNV", date=signed,
        title=f"Về việc tặng Giấy khen cho các cá nhân có thành tích xuất sắc trong phong trào thi đua năm "
              f"{campaign.plan_date.year}",
        signer_name="Lê Quang Thắng", signer_title="Giám đốc", legal_profile=profile_in_force(signed),
        memo_reference=decisions.memo_reference(decided.nominations.select_related("dossier__organisation"))),
        list(decided.nominations.all()), by=leader)
    date_story(decided, day, {"submit": (7, 9), "start_review": (6, 8), "accept": (5, 15), "to_leader": (5, 16),
                              "decide": (3, 10)})

    # forwarded: Bằng khen of the Chủ tịch UBND tỉnh for the Phòng TCBC as a collective
    forwarded = _dossier(campaign, tcbc, "bang-khen-tinh", clerk_tcbc, day, ["Lê Thị Phương"], collective=True,
                         memo="13")
    forwarded = transition(forwarded, "submit", by=clerk_tcbc)
    forwarded = transition(_review(forwarded, reviewer), "accept", by=reviewer)
    forwarded = transition(forwarded, "to_council" if forwarded.offer.needs_council else "to_leader", by=reviewer)
    if forwarded.state == "awaiting_decision":
        for nomination in forwarded.nominations.all():
            decisions.approve(nomination, approved=True, by=leader)
        decisions.forward(Forwarding(
            issuer=campaign.issuer, campaign=campaign, to_authority="Chủ tịch UBND tỉnh", memo_number="45/TTr-SNV",
            memo_date=day - timedelta(days=2), signer_name="Lê Quang Thắng", signer_title="Giám đốc"),
            list(forwarded.nominations.all()), by=leader)
    date_story(forwarded, day, {"submit": (7, 9), "start_review": (6, 8), "accept": (5, 15), "to_leader": (5, 16),
                                "to_council": (5, 16), "forward": (2, 10)})

    # returned with reasons: Giấy khen of the Trung tâm Lưu trữ
    returned = _dossier(campaign, ttlt, "giay-khen", clerk_ttlt, day, ["Phạm Quang Huy", "Lê Thị Xuân"], memo="05")
    returned = transition(transition(returned, "submit", by=clerk_ttlt), "start_review", by=reviewer)
    first, *others = returned.nominations.all()
    building.review_nominee(first, verdict=Outcome.NEEDS_MORE, by=reviewer,
                            reason="Bổ sung số liệu cụ thể về số hồ sơ đã chỉnh lý, số hóa.")
    for nomination in others:  # kept through the return: the next review starts from it
        building.review_nominee(nomination, verdict=Outcome.ACCEPTED, by=reviewer,
                                override_reason="Lãnh đạo Sở đồng ý xem xét.")
    transition(returned, "return", by=reviewer,
               note="Báo cáo thành tích chưa nêu số liệu cụ thể; Biên bản họp chưa có chữ ký của thư ký.")
    date_story(returned, day, {"submit": (7, 10), "start_review": (6, 9), "return": (4, 15)})

    # in review: Bằng khen Bộ trưởng for the Trung tâm Lưu trữ as a collective
    in_review = _dossier(campaign, ttlt, "bang-khen-bo", clerk_ttlt, day, collective=True, memo="06")
    transition(transition(in_review, "submit", by=clerk_ttlt), "start_review", by=reviewer)
    date_story(in_review, day, {"submit": (6, 9), "start_review": (5, 9)})

    # submitted, waiting for the office: Bằng khen Bộ trưởng for the Phòng TCBC
    submitted = _dossier(campaign, tcbc, "bang-khen-bo", clerk_tcbc, day, ["Phạm Thị Thảo"], memo="14")
    transition(submitted, "submit", by=clerk_tcbc)
    date_story(submitted, day, {"submit": (2, 14)})

    # at the council: Bằng khen Thủ tướng for a chuyên viên with the history the rule reads; the
    # session is open: the chair and the secretary have voted, the Phó Chủ tịch (hoidong) has not yet
    long = Person.objects.get(full_name="Dương Quốc Long", organisation=tcbc)
    for ago, code, number in ((4, "cstd-co-so", "980/QĐ-SNV"), (3, "cstd-co-so", "1012/QĐ-SNV"),
                              (3, "bang-khen-tinh", "2870/QĐ-UBND"), (2, "cstd-co-so", "1105/QĐ-SNV")):
        register.record_award(person=long, award_form=AwardForm.objects.get(code=code),
                              decision_number=number, decision_date=date(year - ago, 12, 20),
                              decided_by="Giám đốc Sở Nội vụ" if code == "cstd-co-so" else "Chủ tịch UBND tỉnh",
                              by=reviewer)
    voted = _dossier(campaign, tcbc, "bang-khen-ttg", clerk_tcbc, day, ["Dương Quốc Long"], memo="15")
    voted = transition(voted, "submit", by=clerk_tcbc)
    voted = transition(_review(voted, reviewer), "accept", by=reviewer)
    voted = transition(voted, "to_council", by=reviewer)
    date_story(voted, day, {"submit": (7, 9), "start_review": (6, 8), "accept": (5, 15), "to_council": (4, 9)})
    seats = [CouncilSeat(full_name="Lê Quang Thắng", position="Giám đốc Sở Nội vụ", title="chair", user=leader),
             CouncilSeat(full_name="Phạm Văn Lợi", position="Phó Giám đốc Sở Nội vụ", title="vice_chair",
                         user=_user("hoidong")),
             CouncilSeat(full_name="Nguyễn Thị Hương", position="Chánh Văn phòng Sở", title="secretary", user=reviewer),
             CouncilSeat(full_name="Trần Văn Bình", position="Trưởng phòng Thi đua – Khen thưởng", title="member"),
             CouncilSeat(full_name="Hà Thị Mai", position="Chủ tịch Công đoàn Sở", title="member")]
    council.save_seats(campaign.issuer, seats, by=reviewer)
    session = council.open_session(CouncilSession(
        issuer=campaign.issuer, campaign=campaign, held_at=_at(day - timedelta(days=1), 14, 0),
        place="Phòng họp Sở Nội vụ"), by=reviewer, attendance={
            seats[0].pk: "present", seats[1].pk: "present", seats[2].pk: "present", seats[3].pk: "written",
            seats[4].pk: "absent"})
    for voter in (leader, reviewer):
        council.cast_votes(session, {voted.nominations.get().pk: "for"}, by=voter)

    # draft: Bằng khen Thủ tướng for the Trung tâm Lưu trữ, still being prepared
    draft_offer = campaign.awards.get(award_form__code="bang-khen-ttg")
    draft = building.start_dossier(campaign, ttlt, draft_offer, by=clerk_ttlt)
    building.add_nominee(draft, subject_type="individual", by=clerk_ttlt,
                         person=Person.objects.get(full_name="Nguyễn Văn Toàn", organisation=ttlt))
    return Dossier.objects.filter(campaign=campaign).count()


# --- Lạng Sơn: the provincial council and a department's dossier of the UBND tỉnh's drive ------------------
def _provincial_council(province, office):
    """The Hội đồng Thi đua – Khen thưởng tỉnh: the UBND tỉnh's seats, saved by its standing office. The seats
    of the Giám đốc Sở Nội vụ and the Chánh Văn phòng UBND tỉnh have no voting account in the demo."""
    if CouncilSeat.objects.filter(body=province).exists():
        return
    seats = [CouncilSeat(full_name=LS_CHAIRMAN, position="Chủ tịch UBND tỉnh", title="chair", user=_user("chutich.ls")),
             CouncilSeat(full_name="Hoàng Thị Hiền", position="Giám đốc Sở Nội vụ", title="vice_chair"),
             CouncilSeat(full_name="Vy Văn Thành", position="Phó Giám đốc Sở Nội vụ", title="member",
                         user=_user("hoidong.ls")),
             CouncilSeat(full_name="Nguyễn Văn Hà", position="Chánh Văn phòng UBND tỉnh", title="member"),
             CouncilSeat(full_name="Lộc Văn Hùng", position="Trưởng ban Thi đua - Khen thưởng, Sở Nội vụ",
                         title="secretary", user=office)]
    council.save_seats(province, seats, by=office)


def _fill_provincial(nomination, clerk, day):
    report = nomination.report
    report.duties = report.duties or "Tham mưu, tổng hợp, phục vụ sự chỉ đạo, điều hành của UBND tỉnh."
    report.measures = "Rà soát quy trình nội bộ, số hóa hồ sơ, theo dõi tiến độ giải quyết công việc hằng tuần."
    report.results = ("Tham mưu đưa 100% thủ tục hành chính đủ điều kiện lên dịch vụ công trực tuyến toàn trình; "
                      "số hóa 100% hồ sơ, kết quả giải quyết thủ tục hành chính của Văn phòng; không có hồ sơ "
                      "trễ hạn.")
    year = nomination.dossier.campaign.plan_date.year
    report.initiatives = f"Giải pháp “Theo dõi văn bản chỉ đạo trên hệ thống điều hành” được áp dụng từ năm {year}."
    report.rating_year, report.rating = last_rating(day)[0], "xuat_sac"
    report.rating_decision_number, report.rating_decision_date = "25/QĐ-VP", last_rating(day)[1]
    criteria = list(nomination.dossier.campaign.criteria.filter(subject_type=nomination.subject_type))
    building.save_report(report, summary=f"Có nhiều đóng góp trong cải cách hành chính, chuyển đổi số năm {year}.",
                         criteria=criteria, by=clerk)


def _lang_son(day):
    campaign = Campaign.objects.filter(issuer__code="LS-UBND", plan_number=58, plan_symbol="KH-UBND").first()
    if campaign is None:
        return 0
    office = _user("vanphong.ls")
    _provincial_council(campaign.issuer, office)
    if Dossier.objects.filter(campaign=campaign).exists():
        return 0
    # the Văn phòng UBND tỉnh's dossier for the Bằng khen of the Chủ tịch UBND tỉnh, sent to the UBND tỉnh
    vp, clerk = Organisation.objects.get(code="LS-VP"), _user("canbo.vp.ls")
    offer = campaign.awards.get(award_form__code="bang-khen-tinh")
    dossier = building.start_dossier(campaign, vp, offer, by=clerk)
    for name in ("Mông Thị Huyền", "Lăng Văn Nam"):
        person = Person.objects.get(full_name=name, organisation__path__startswith=vp.path)
        nomination = building.add_nominee(dossier, subject_type="individual", person=person, by=clerk)
        _fill_provincial(nomination, clerk, day)
    meeting = meetings.save_meeting(NominationMeeting(
        campaign=campaign, organisation=vp, number="05/BB-VP", held_at=_at(day - timedelta(days=5)),
        place="Phòng họp Văn phòng UBND tỉnh", chair="Nguyễn Văn Hà – Chánh Văn phòng",
        secretary="Đinh Văn Lâm – Chuyên viên Phòng Hành chính - Quản trị", members_total=9, members_present=9,
        ballot_type="secret", closed_at=time(10, 0),
        discussion="Bình xét các cá nhân tiêu biểu trong phong trào thi đua cải cách hành chính, chuyển đổi số.",
        conclusion="Thống nhất đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho các cá nhân có tên dưới đây."),
        by=clerk)
    meetings.record_votes(meeting, [(n, 9, 0, 0) for n in dossier.nominations.all()], by=clerk)
    dossier.refresh_from_db()
    dossier.memo_number, dossier.memo_date = "112/TTr-VP", day - timedelta(days=4)
    dossier.signer_title, dossier.signer_name = "Chánh Văn phòng", "Nguyễn Văn Hà"
    building.save_dossier(dossier, by=clerk)
    date_story(transition(dossier, "submit", by=clerk), day, {"submit": (3, 9)})
    return 1
