"""Lấy ý kiến nhân dân (docs/domain.md, Public comment): the office's comment windows on the nominees whose award
form needs it, the public's comments, their moderation, the summary for the council, and the council's rule.

The office of a body is its REVIEWER (scope.acts_for). One writer per action: open_window, close_early,
add_nominee / remove_nominee (before the window opens), submit_comment (the public), moderate (the office).
Every write runs in one transaction with the actor in the audit log (the public's comment has no actor).
"""
from dataclasses import dataclass, field

from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from awards.services import workdays
from orgs import scope
from orgs.enums import Role

from ..enums import Outcome
from ..models import CommentNominee, CommentState, CommentWindow, Nomination, PublicComment
from ..models.public_comment import CONTACT_MAX, NAME_MAX, TEXT_MAX

NOT_OFFICE = "Chỉ Văn phòng (thường trực Hội đồng Thi đua – Khen thưởng) của cơ quan mới lấy ý kiến nhân dân."


def needs_comment_q(prefix=""):
    """Q of the nominations whose award form needs public comment under their campaign's legal-basis profile."""
    return Q(**{f"{prefix}dossier__offer__award_form__public_comment_profiles":
                F(f"{prefix}dossier__campaign__legal_profile")})


def _require_office(by, body):
    if not scope.acts_for(by, body, [Role.REVIEWER]):
        raise PermissionDenied(NOT_OFFICE)


# --- reading ---------------------------------------------------------------------------------------------
def windows_for(user):
    """The windows of the bodies the user works for as office (every window for a superuser)."""
    if user.is_superuser:
        return CommentWindow.objects.all()
    return CommentWindow.objects.filter(scope.issuer_q(user, [Role.REVIEWER], "issuer"))


def candidates(body):
    """Nominees `body`'s office may publish: accepted by the office, in a campaign of `body`, of a form needing
    comment, not yet in a window."""
    return (Nomination.objects.filter(dossier__campaign__issuer=body, outcome=Outcome.ACCEPTED)
            .filter(needs_comment_q()).exclude(comment_entries__isnull=False)
            .select_related("person", "organisation", "dossier__organisation", "dossier__offer__award_form")
            .order_by("dossier__campaign_id", "dossier__offer__order", "dossier__organisation__path", "order", "pk"))


def unit_name(nomination):
    """The unit named beside the nominee: the dossier's unit."""
    return nomination.dossier.organisation.name


def open_windows(now=None):
    now = now or timezone.now()
    return (CommentWindow.objects.filter(opens_at__lte=now, closes_at__gt=now).select_related("issuer")
            .annotate(nominee_count=Count("nominees")).order_by("closes_at", "pk"))


def public_nominees(window):
    """The window's nominees with what the public page shows (name, unit, form, summary) loaded."""
    return (window.nominees.select_related("nomination__person", "nomination__organisation",
                                           "nomination__dossier__organisation",
                                           "nomination__dossier__offer__award_form"))


# --- the office's actions ----------------------------------------------------------------------------------
def _check_dates(opens_at, closes_at):
    errors = {}
    if opens_at is None:
        errors["opens_at"] = "Nhập thời điểm bắt đầu nhận ý kiến."
    if closes_at is None:
        errors["closes_at"] = "Nhập thời điểm hết hạn nhận ý kiến."
    elif opens_at is not None and closes_at <= opens_at:
        errors["closes_at"] = "Thời điểm hết hạn phải sau thời điểm bắt đầu."
    if errors:
        raise ValidationError(errors)


def _check_candidates(body, nominations):
    """Each of `nominations` is a candidate of the body (one query for them all), else the first that is not."""
    allowed = set(candidates(body).filter(pk__in=[n.pk for n in nominations]).values_list("pk", flat=True))
    for nomination in nominations:
        if nomination.pk not in allowed:
            raise ValidationError(f"{nomination.name}: không thuộc danh sách cần lấy ý kiến của cơ quan (chưa được "
                                  "Văn phòng tiếp nhận, hình thức không phải lấy ý kiến, hoặc đã có trong một đợt "
                                  "khác).")


def open_window(body, *, title, opens_at, closes_at, nominations, by):
    """Open a comment window of `body` on `nominations` (each a candidate of the body), as its office.
    Refused: not the office (PermissionDenied); no nominee, a nominee outside candidates(body), dates in the
    wrong order, a close in the past (ValidationError). Side effects: the window, its nominees with their
    summary (the nomination's short summary), audit entries."""
    _require_office(by, body)
    _check_dates(opens_at, closes_at)
    if closes_at <= timezone.now():
        raise ValidationError({"closes_at": "Thời điểm hết hạn đã qua."})
    if not nominations:
        raise ValidationError({"nominations": "Chọn ít nhất một người, tập thể để lấy ý kiến."})
    with set_actor(by), transaction.atomic():
        _check_candidates(body, nominations)
        window = CommentWindow(issuer=body, title=(title or "").strip(), opens_at=opens_at, closes_at=closes_at,
                               opened_by=by)
        if not window.title:
            window.title = f"Lấy ý kiến nhân dân đối với đề nghị khen thưởng của {body.name}"
        window.full_clean()
        window.save()
        for nomination in nominations:
            CommentNominee.objects.create(window=window, nomination=nomination,
                                          summary=nomination.summary or "")
    return window


def close_early(window, *, by):
    """Close an open window now, as the office. Refused: not the office; the window closed already, or not
    started (remove it by its nominees instead). Side effects: closes_at = now, closed_early_by; audit entry."""
    _require_office(by, window.issuer)
    with set_actor(by), transaction.atomic():
        window = CommentWindow.objects.select_for_update().get(pk=window.pk)
        if window.has_closed():
            raise ValidationError("Đợt lấy ý kiến đã kết thúc.")
        window.closes_at, window.closed_early_by = timezone.now(), by
        if window.opens_at > window.closes_at:
            window.opens_at = window.closes_at
        window.save(update_fields=["closes_at", "opens_at", "closed_early_by", "updated_at"])
    return window


def _lock_not_started(window, by):
    _require_office(by, window.issuer)
    window = CommentWindow.objects.select_for_update().get(pk=window.pk)
    if window.has_started():
        raise ValidationError("Đợt lấy ý kiến đã bắt đầu: không thêm, bớt người, tập thể được nữa.")
    return window


def add_nominee(window, nomination, *, by):
    """Add a candidate to a window that has not opened yet, as the office."""
    with set_actor(by), transaction.atomic():
        window = _lock_not_started(window, by)
        _check_candidates(window.issuer, [nomination])
        return CommentNominee.objects.create(window=window, nomination=nomination, summary=nomination.summary or "")


def remove_nominee(window, nominee, *, by):
    """Remove a nominee from a window that has not opened yet, as the office."""
    with set_actor(by), transaction.atomic():
        window = _lock_not_started(window, by)
        if nominee.window_id != window.pk:
            raise ValidationError("Người, tập thể này không thuộc đợt lấy ý kiến.")
        nominee.delete()


def save_summary(nominee, summary, *, by):
    """The office edits the public summary of a nominee before the window opens."""
    summary = (summary or "").strip()
    if not summary:
        raise ValidationError({"summary": "Nhập tóm tắt thành tích công khai."})
    if len(summary) > 1000:
        raise ValidationError({"summary": "Tóm tắt không quá 1000 ký tự."})
    with set_actor(by), transaction.atomic():
        _lock_not_started(nominee.window, by)
        nominee.summary = summary
        nominee.save(update_fields=["summary"])
    return nominee


# --- the public's comment ----------------------------------------------------------------------------------
def submit_comment(nominee, *, name, contact, text, address=None):
    """A member of the public comments on `nominee` of an open window. Refused (ValidationError, by field):
    the window not open, a field empty or too long. Side effects: the comment, chờ duyệt."""
    values = {"name": (name or "").strip(), "contact": (contact or "").strip(), "text": (text or "").strip()}
    errors = {}
    for key, limit, label in (("name", NAME_MAX, "Họ và tên"), ("contact", CONTACT_MAX, "Địa chỉ liên hệ"),
                              ("text", TEXT_MAX, "Nội dung ý kiến")):
        if not values[key]:
            errors[key] = f"{label}: không được để trống."
        elif len(values[key]) > limit:
            errors[key] = f"{label}: không quá {limit} ký tự (đang có {len(values[key])})."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        window = CommentWindow.objects.select_for_update().get(pk=nominee.window_id)
        if not window.is_open():
            raise ValidationError("Đợt lấy ý kiến không còn nhận ý kiến.")
        return PublicComment.objects.create(nominee=nominee, address=address, **values)


# --- moderation -----------------------------------------------------------------------------------------------
def moderate(comment, *, approve, note="", by):
    """The office approves or rejects a comment (a rejection needs a note); it may change its mind until the
    window's nominee has been voted on. Side effects: state, note, who and when; audit entry."""
    window = comment.nominee.window
    _require_office(by, window.issuer)
    note = (note or "").strip()
    if not approve and not note:
        raise ValidationError({"note": "Ghi lý do không duyệt ý kiến."})
    with set_actor(by), transaction.atomic():
        comment = PublicComment.objects.select_for_update().get(pk=comment.pk)
        comment.state = CommentState.APPROVED if approve else CommentState.REJECTED
        comment.moderation_note, comment.moderated_by, comment.moderated_at = note, by, timezone.now()
        comment.save(update_fields=["state", "moderation_note", "moderated_by", "moderated_at", "updated_at"])
    return comment


# --- the summary and the council's rule ------------------------------------------------------------------------
@dataclass
class CommentSummary:
    """What the council's file says of one nominee's public comment."""

    window: CommentWindow
    total: int = 0
    approved: list = field(default_factory=list)
    rejected: int = 0
    pending: int = 0

    @property
    def line(self):
        return (f"{self.total} ý kiến: {len(self.approved)} được duyệt, {self.rejected} không duyệt"
                + (f", {self.pending} chờ duyệt" if self.pending else "") + ".")


def summaries(nominations):
    """{nomination id: CommentSummary} for the nominations that were in a comment window (the latest)."""
    ids = [n.pk for n in nominations]
    entries = (CommentNominee.objects.filter(nomination_id__in=ids).select_related("window")
               .prefetch_related("comments").order_by("window__opens_at", "pk"))
    result = {}
    for entry in entries:
        summary = CommentSummary(window=entry.window)
        for comment in entry.comments.all():
            summary.total += 1
            if comment.state == CommentState.APPROVED:
                summary.approved.append(comment)
            elif comment.state == CommentState.REJECTED:
                summary.rejected += 1
            else:
                summary.pending += 1
        result[entry.nomination_id] = summary
    return result


@dataclass
class MeetingFrom:
    """The first day the council may meet on a window's nominees: the list public for `days` working days."""

    day: object
    days: int
    reference: str


def meeting_from(window):
    """The MeetingFrom of `window` (the longest period its nominees' profiles ask), or None without nominees."""
    rules = list(window.nominees.values_list("nomination__dossier__campaign__legal_profile__public_comment_days",
                                             "nomination__dossier__campaign__legal_profile__public_comment_reference")
                 .distinct())
    if not rules:
        return None
    days, reference = max(rules, key=lambda rule: rule[0] or 0)
    published = timezone.localtime(window.opens_at).date()
    return MeetingFrom(workdays.earliest_meeting_day(published, days), days, reference)


def blockers(nominations, now=None, held_on=None):
    """{nomination id: why the council may not vote yet} for the nominations that need public comment and have no
    window, or whose window has not closed, or (with `held_on`, the day the council meets) whose list was published
    fewer working days before that day than their profile asks (LegalBasisProfile.public_comment_days, counted by
    awards/services/workdays.py)."""
    now = now or timezone.now()
    needing = {pk: (days, reference) for pk, days, reference in Nomination.objects.filter(
        pk__in=[n.pk for n in nominations]).filter(needs_comment_q()).values_list(
        "pk", "dossier__campaign__legal_profile__public_comment_days",
        "dossier__campaign__legal_profile__public_comment_reference")}
    if not needing:
        return {}
    opens, closes = {}, {}
    for nomination_id, opens_at, closes_at in CommentNominee.objects.filter(nomination_id__in=needing).values_list(
            "nomination_id", "window__opens_at", "window__closes_at"):
        opens[nomination_id] = min(opens.get(nomination_id, opens_at), opens_at)
        closes[nomination_id] = max(closes.get(nomination_id, closes_at), closes_at)
    result, earliest = {}, {}
    for nomination_id, (days, reference) in needing.items():
        if nomination_id not in closes:
            result[nomination_id] = "Chưa lấy ý kiến nhân dân: Hội đồng chỉ biểu quyết sau khi lấy ý kiến."
        elif closes[nomination_id] > now:
            until = timezone.localtime(closes[nomination_id])
            result[nomination_id] = (f"Đang lấy ý kiến nhân dân đến {until:%H:%M %d/%m/%Y}: Hội đồng chỉ biểu quyết "
                                     "sau khi hết thời hạn.")
        elif held_on is not None:
            published = timezone.localtime(opens[nomination_id]).date()
            if (published, days) not in earliest:
                earliest[published, days] = workdays.earliest_meeting_day(published, days)
            first_day = earliest[published, days]
            if held_on < first_day:
                result[nomination_id] = (
                    f"Danh sách công khai từ ngày {published:%d/%m/%Y}, chưa đủ {days} ngày làm việc trước ngày họp "
                    f"{held_on:%d/%m/%Y}{f' theo {reference}' if reference else ''}; Hội đồng họp xét từ ngày "
                    f"{first_day:%d/%m/%Y}.")
    return result
