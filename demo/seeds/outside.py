"""Awards outside campaigns in the demo (issue 18): the Sở Nội vụ Quảng Trị's track of đột xuất awards (its Giấy
khen, no plan, no deadline, no Biên bản); an urgent proposal of the Phòng TCBC for an officer who saved two pupils
from drowning, sent two days before the demo's day and decided on it (Quyết định of the Sở's series); and, from the
Trung tâm Lưu trữ lịch sử, a household that gave its family archive and an enterprise that paid for digitising
records, nominated and waiting in the office's inbox. Idempotent: the track is looked up by its title and issuer,
and nothing is added to a track that has dossiers."""
from datetime import timedelta

from django.contrib.auth import get_user_model

from awards.models import AwardForm
from campaigns.enums import CampaignKind
from campaigns.models import Campaign, CampaignParticipant, DossierComponent
from campaigns.services.campaigns import offer_award, profile_in_force
from campaigns.services.campaigns import transition as campaign_transition
from dossiers.enums import Outcome
from dossiers.models import Decision
from dossiers.services import building, decisions
from dossiers.services.workflow import transition
from orgs.enums import OrgKind, StaffCategory
from orgs.models import Household, Organisation, Person

from .dossiers import date_story

TITLE = "Khen thưởng đột xuất của Sở Nội vụ"
ENTERPRISE_FUNCTIONS = "Sản xuất phần mềm, cung cấp dịch vụ số hóa tài liệu lưu trữ."


def seed(day):
    """The track and its dossiers; returns the decided dossier's decision reference, or "" when already there."""
    users = {u.username: u for u in get_user_model().objects.filter(
        username__in=["quantri", "vanphong", "lanhdao", "canbo.tcbc", "canbo.luutru"])}
    body = Organisation.objects.filter(code="QT-SNV").first()
    if body is None or len(users) < 5 or Campaign.objects.filter(issuer=body, title=TITLE).exists():
        return ""
    track = _track(body, day, users["quantri"])
    decided = _sudden_act(track, day, users)
    _archive_donors(track, day, users)
    return decided.reference if decided else ""


def _track(body, day, admin):
    track = Campaign.objects.create(
        kind=CampaignKind.TRACK, award_type="dot_xuat", issuer=body, title=TITLE,
        period_start=day.replace(month=1, day=1), legal_profile=profile_in_force(day), created_by=admin,
        eligible_subject_types=["individual", "collective", "household"],
        awards_guidance="Đơn vị đề nghị ngay khi có thành tích xuất sắc đột xuất; hồ sơ gồm Tờ trình và Báo cáo "
                        "thành tích, không cần họp bình xét.")
    offer = offer_award(track, AwardForm.objects.get(code="giay-khen"), copies=1, order=1, by=admin)
    offer.council_vote = "no"
    offer.save(update_fields=["council_vote"])
    track.components.all().delete()
    DossierComponent.objects.bulk_create([
        DossierComponent(campaign=track, kind="to_trinh", name="Tờ trình đề nghị khen thưởng", order=1),
        DossierComponent(campaign=track, kind="bao_cao", name="Báo cáo thành tích", per_nominee=True, order=2)])
    CampaignParticipant.objects.create(campaign=track, organisation=body, include_subtree=True)
    return campaign_transition(track, "launch", by=admin)


def _propose(track, unit_code, nominees, *, memo, on, urgent, clerk):
    """A dossier of `unit_code` in the track with `nominees` [(kwargs of add_nominee, summary, results)]; a
    collective's Báo cáo says what it does (ENTERPRISE_FUNCTIONS), a person's keeps the post the portal knows."""
    unit = Organisation.objects.get(code=unit_code)
    dossier = building.start_dossier(track, unit, track.awards.get(), by=clerk)
    for subject, summary, results in nominees:
        nomination = building.add_nominee(dossier, by=clerk, **subject)
        report = nomination.report
        if subject["subject_type"] == "individual":
            report.position = report.position or "Chuyên viên"
        elif subject["subject_type"] == "collective":
            report.functions = ENTERPRISE_FUNCTIONS
        report.results = results
        building.save_report(report, summary=summary, criteria=[], by=clerk)
    dossier.memo_number, dossier.memo_date, dossier.urgent = memo, on, urgent
    dossier.signer_title, dossier.signer_name = "Trưởng phòng", clerk.get_full_name()
    building.save_dossier(dossier, by=clerk)
    return transition(dossier, "submit", by=clerk)


def _sudden_act(track, day, users):
    person = Person.objects.filter(organisation__code="QT-SNV-TCBC", is_active=True).exclude(
        full_name="Phạm Thị Thảo").order_by("pk").last()
    if person is None:
        return None
    sent = day - timedelta(days=2)
    dossier = _propose(track, "QT-SNV-TCBC", [(
        {"subject_type": "individual", "person": person}, "Dũng cảm cứu 02 học sinh bị đuối nước.",
        f"Chiều ngày {sent - timedelta(days=1):%d/%m/%Y}, trên đường đi công tác qua cầu Hiền Lương, đồng chí đã "
        "dũng cảm lao xuống sông Bến Hải cứu sống 02 học sinh bị đuối nước, được chính quyền và nhân dân địa "
        "phương ghi nhận.")], memo="15/TTr-TCBC", on=sent, urgent=True, clerk=users["canbo.tcbc"])
    office, leader = users["vanphong"], users["lanhdao"]
    dossier = transition(dossier, "start_review", by=office)
    for nomination in dossier.nominations.all():
        building.review_nominee(nomination, verdict=Outcome.ACCEPTED, by=office)
    dossier = transition(transition(dossier, "accept", by=office), "to_leader", by=office)
    nominations = list(dossier.nominations.all())
    for nomination in nominations:
        decisions.approve(nomination, approved=True, by=leader)
    body = track.issuer
    decision = decisions.sign_decision(Decision(
        issuer=body, campaign=track, number=decisions.next_decision_number(body, day.year),
        symbol=body.document_symbol("QĐ"), date=day, title="Về việc khen thưởng đột xuất",
        signer_name=leader.get_full_name(), signer_title="Giám đốc", legal_profile=profile_in_force(day),
        # the decision prints "Xét đề nghị tại Tờ trình số {memo_reference}"
        memo_reference=f"15/TTr-TCBC ngày {sent:%d/%m/%Y} của Phòng Tổ chức, biên chế và tổ chức phi chính phủ"),
        nominations, by=leader)
    date_story(dossier, day, {"submit": (2, 9), "start_review": (2, 14), "accept": (1, 9), "to_leader": (1, 10),
                              "decide": (0, 10)})
    return decision


def _archive_donors(track, day, users):
    centre = Organisation.objects.get(code="QT-SNV-TTLT")
    household = Household.objects.get_or_create(
        head_name="Trần Văn Lộc", organisation=centre,
        defaults={"address": "thôn An Mỹ, xã Gio Linh, tỉnh Quảng Trị",
                  "activity": "Gia đình lưu giữ và hiến tặng tài liệu lưu trữ quý, hiếm"})[0]
    enterprise = Organisation.objects.filter(code="QT-DN-CNSDH").first() or Organisation.objects.create(
        code="QT-DN-CNSDH", kind=OrgKind.DOANH_NGHIEP, parent=centre, name="Công ty Cổ phần Công nghệ số Đông Hà",
        short_name="Công ty CNS Đông Hà", address="số 12 Lê Duẩn, phường Đông Hà, tỉnh Quảng Trị")
    Person.objects.get_or_create(full_name="Hoàng Minh Đức", organisation=enterprise, defaults={
        "gender": "nam", "category": StaffCategory.DOANH_NHAN, "position": "Giám đốc"})
    sent = _propose(track, "QT-SNV-TTLT", [
        ({"subject_type": "household", "household": household}, "Hiến tặng 126 tài liệu lưu trữ quý, hiếm.",
         "Gia đình đã hiến tặng Trung tâm 126 tài liệu, hiện vật (thư từ, nhật ký, ảnh) thời kỳ 1954 – 1975, nhiều "
         "tài liệu độc bản, bổ sung nguồn sử liệu quý cho tỉnh."),
        ({"subject_type": "collective", "organisation": enterprise}, "Tài trợ số hóa 40.000 trang tài liệu.",
         "Công ty tài trợ toàn bộ kinh phí và nhân lực số hóa 40.000 trang tài liệu phông Ủy ban hành chính tỉnh, "
         "hoàn thành trước thời hạn 02 tháng."),
    ], memo="08/TTr-TTLT", on=day - timedelta(days=1), urgent=False, clerk=users["canbo.luutru"])
    date_story(sent, day, {"submit": (1, 15)})
