"""The demo's public comment (lấy ý kiến nhân dân, docs/domain.md "Public comment"): the Quảng Trị drive also offers
Huân chương Lao động hạng Ba; the Trung tâm Lưu trữ proposes one of its staff, the office (`vanphong`) accepts her and
opens a comment window on her (open for ten more days from the seed), where two citizens have commented: one
comment approved, one rejected by moderation. Visible at /cong-khai/lay-y-kien/ without an account, and to the
office at Hội đồng TĐKT → Lấy ý kiến nhân dân."""
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from awards.models import AwardForm
from campaigns.services.campaigns import offer_award
from dossiers.models import CommentWindow
from dossiers.services import public_comment
from dossiers.services.workflow import transition
from orgs.models import Organisation, Person

from .anchor import current_quang_tri_drive
from .dossiers import _dossier, _review, date_story

FORM = "huan-chuong-ld-3"
SUMMARY = ("5 năm liền hoàn thành xuất sắc nhiệm vụ; chủ trì số hóa hơn 120.000 "
           "hồ sơ lưu trữ của tỉnh; 2 sáng kiến được công nhận cấp tỉnh.")


def seed(day):
    """Returns 1 when the window was created, 0 when it is there already (or the drive is missing)."""
    campaign = current_quang_tri_drive()
    form = AwardForm.objects.filter(code=FORM).first()
    if campaign is None or form is None or CommentWindow.objects.filter(issuer=campaign.issuer).exists():
        return 0
    users = get_user_model().objects
    reviewer, clerk = users.get(username="vanphong"), users.get(username="canbo.luutru")
    ttlt = Organisation.objects.get(code="QT-SNV-TTLT")
    if not campaign.awards.filter(award_form=form).exists():
        offer_award(campaign, form, copies=4, order=90, by=reviewer,
                    note="Đề nghị Chủ tịch nước tặng; lấy ý kiến nhân dân trước khi Hội đồng họp.")
    person = Person.objects.filter(organisation=ttlt, nominations__isnull=True).order_by("pk").first()
    if person is None:
        return 0
    dossier = _dossier(campaign, ttlt, FORM, clerk, day, [person.full_name], memo="07")
    dossier = transition(dossier, "submit", by=clerk)
    dossier = _review(dossier, reviewer)
    date_story(dossier, day, {"submit": (7, 9), "start_review": (6, 10)})
    nomination = dossier.nominations.get()
    nomination.summary = SUMMARY
    nomination.save(update_fields=["summary"])
    now = timezone.now()
    window = public_comment.open_window(
        campaign.issuer, title="Lấy ý kiến nhân dân đối với cá nhân đề nghị tặng Huân chương Lao động hạng Ba",
        opens_at=now - timedelta(days=2), closes_at=now + timedelta(days=10), nominations=[nomination], by=reviewer)
    entry = window.nominees.get()
    kept = public_comment.submit_comment(
        entry, name="Hoàng Văn Minh", contact="Phường Đông Hà, tỉnh Quảng Trị – 0912 345 678",
        text="Tôi là cán bộ nghỉ hưu của ngành, biết đồng chí làm việc tận tụy nhiều năm; đồng ý với đề nghị khen "
             "thưởng.")
    dropped = public_comment.submit_comment(
        entry, name="Khách", contact="khach@example.com", text="Xem khuyến mãi tại trang web của chúng tôi!")
    public_comment.moderate(kept, approve=True, by=reviewer)
    public_comment.moderate(dropped, approve=False, note="Quảng cáo, không liên quan đến đề nghị khen thưởng.",
                            by=reviewer)
    return 1
