"""Actions on registrations (đăng ký thi đua): start, save the entries, submit, return, accept.

Every action locks the registration row (`select_for_update`) and re-reads its status under the
lock, so two clicks arriving together cannot both apply: the second one sees the new status and is
refused with a clear message. Illegal moves are refused for everybody, admins included.
"""
from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from orgs import scope
from orgs.enums import Role

from ..enums import CampaignStatus, RegistrationStatus
from ..models import Campaign, Registration, RegistrationEntry

EDITABLE = (RegistrationStatus.DRAFT, RegistrationStatus.RETURNED)


def sent_entries(campaign):
    """The entries of every registration a participating unit has sent (drafts stay the unit's until sent): what
    the consolidated page counts and its Excel file lists."""
    return RegistrationEntry.objects.filter(
        registration__campaign=campaign, registration__organisation__in=campaign.participating_units().values("pk")
    ).exclude(registration__status=RegistrationStatus.DRAFT)


def _lock(registration):
    return Registration.objects.select_for_update().get(pk=registration.pk)


def _require_clerk(by, organisation):
    """Only a clerk whose scope covers the unit writes its registration (the view checks it too)."""
    if not scope.covers(by, organisation, [Role.CLERK]):
        raise PermissionDenied("Bạn không phải cán bộ làm công tác thi đua, khen thưởng của đơn vị này.")


def _require_reviewer(by, campaign):
    if not by.has_perm("campaigns.review_campaign", campaign):
        raise PermissionDenied("Bạn không có quyền tiếp nhận, trả lại đăng ký của phong trào này.")


def _require_launched(campaign, action):
    if campaign.status != CampaignStatus.LAUNCHED:
        raise ValidationError(f"Phong trào đang ở trạng thái “{campaign.get_status_display().lower()}”: "
                              f"không thể {action}.")


def _refuse(registration, action):
    raise ValidationError(f"Không thể {action} đăng ký đang ở trạng thái "
                          f"“{registration.get_status_display().lower()}”.")


def start_registration(campaign, organisation, *, by):
    """The unit's registration for the campaign: the existing one, or a new draft.

    Refused when the campaign is not launched or the unit does not take part in it.
    Side effects (one transaction): at most one new Registration row (draft), audit entry.
    """
    _require_clerk(by, organisation)
    with set_actor(by), transaction.atomic():
        existing = Registration.objects.filter(campaign=campaign, organisation=organisation).first()
        if existing is not None:
            return existing
        campaign = Campaign.objects.get(pk=campaign.pk)  # the status as it is now
        _require_launched(campaign, "đăng ký thi đua")
        if not campaign.is_participant(organisation):
            raise ValidationError(f"{organisation} không tham gia phong trào này.")
        # two first saves at once: the unique constraint keeps one row, get_or_create returns it
        registration, _ = Registration.objects.get_or_create(campaign=campaign, organisation=organisation)
    return registration


def save_entries(registration, formset, note, *, by):
    """Save the entries (a validated RegistrationEntryFormSet over `registration`) and the note.

    Only while the registration is a draft or returned for correction, and the campaign launched.
    Side effects (one transaction): created, changed and deleted RegistrationEntry rows, the
    registration's note, audit entries.
    """
    _require_clerk(by, registration.organisation)
    with set_actor(by), transaction.atomic():
        locked = _lock(registration)
        if locked.status not in EDITABLE:
            _refuse(locked, "sửa")
        _require_launched(locked.campaign, "sửa đăng ký")
        locked.note = (note or "").strip()
        locked.save(update_fields=["note", "updated_at"])
        formset.instance = locked
        formset.save()
    registration.note = locked.note
    return locked


def submit_registration(registration, *, by):
    """Gửi đăng ký: draft or returned → submitted; needs at least one entry and a launched campaign.

    Side effects (one transaction): the registration's status and submitted_at, audit entry.
    """
    _require_clerk(by, registration.organisation)
    with set_actor(by), transaction.atomic():
        locked = _lock(registration)
        if locked.status not in EDITABLE:
            _refuse(locked, "gửi")
        _require_launched(locked.campaign, "gửi đăng ký")
        if not locked.entries.exists():
            raise ValidationError("Chưa có nội dung đăng ký nào: thêm ít nhất một cá nhân hoặc tập thể "
                                  "trước khi gửi.")
        locked.status = RegistrationStatus.SUBMITTED
        locked.submitted_at = timezone.now()
        locked.save(update_fields=["status", "submitted_at", "updated_at"])
    return locked


def return_registration(registration, reason, *, by):
    """Trả lại để sửa: submitted → returned, with the reason the unit will read.

    Side effects (one transaction): the registration's status, returned_at and return_reason
    (the latest reason replaces the previous one), audit entry.
    """
    reason = (reason or "").strip()
    with set_actor(by), transaction.atomic():
        locked = _lock(registration)
        _require_reviewer(by, locked.campaign)
        if not reason:
            raise ValidationError({"reason": "Phải ghi lý do trả lại."})
        if locked.status != RegistrationStatus.SUBMITTED:
            _refuse(locked, "trả lại")
        locked.status = RegistrationStatus.RETURNED
        locked.returned_at = timezone.now()
        locked.return_reason = reason
        locked.save(update_fields=["status", "returned_at", "return_reason", "updated_at"])
    return locked


def accept_registration(registration, *, by):
    """Tiếp nhận: submitted → accepted.

    Side effects (one transaction): the registration's status, audit entry.
    """
    with set_actor(by), transaction.atomic():
        locked = _lock(registration)
        _require_reviewer(by, locked.campaign)
        if locked.status != RegistrationStatus.SUBMITTED:
            _refuse(locked, "tiếp nhận")
        locked.status = RegistrationStatus.ACCEPTED
        locked.save(update_fields=["status", "updated_at"])
    return locked
