"""Actions on registrations (đăng ký thi đua): start, save the entries, submit, return, accept.

Every action locks the registration row (`select_for_update`) and re-reads its status under the
lock, so two clicks arriving together cannot both apply: the second one sees the new status and is
refused with a clear message. Illegal moves are refused for everybody, admins included.
"""
from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from awards.enums import AwardCategory, SubjectType
from awards.models import AwardForm
from orgs import scope
from orgs.enums import Role

from ..enums import CampaignStatus, RegistrationStatus
from ..models import Campaign, Registration, RegistrationEntry

EDITABLE = (RegistrationStatus.DRAFT, RegistrationStatus.RETURNED)
REGISTRABLE = (SubjectType.INDIVIDUAL, SubjectType.COLLECTIVE)  # a registration names no household


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


def require_editing(campaign, organisation, *, by):
    """Refuse one who may not change the unit's registration of the campaign now (PermissionDenied: not a clerk
    of the unit; ValidationError: the campaign not launched, the registration sent), before a file is read."""
    _require_clerk(by, organisation)
    _require_launched(campaign, "sửa đăng ký")
    registration = Registration.objects.filter(campaign=campaign, organisation=organisation).first()
    if registration is not None and registration.status not in EDITABLE:
        _refuse(registration, "sửa")


def registrable_types(campaign):
    """The subject types a registration line of `campaign` may name: those it awards that a registration takes."""
    eligible = set(campaign.eligible_subject_types or SubjectType.values)
    return [value for value in REGISTRABLE if value in eligible] or list(REGISTRABLE)


def registrable_forms(campaign):
    """The award forms a registration line may aim at: the campaign's offered forms and the catalogue's active
    titles (danh hiệu thi đua) for the subject types it awards."""
    eligible = set(campaign.eligible_subject_types or SubjectType.values)
    titles = [form.pk for form in AwardForm.objects.filter(category=AwardCategory.TITLE, is_active=True)
              if eligible & set(form.subject_types)]
    return AwardForm.objects.filter(Q(campaign_offers__campaign=campaign) | Q(pk__in=titles)).distinct()


def add_entries(campaign, organisation, rows, *, by):
    """Add lines to the unit's registration of the campaign (started if it has none), all or nothing: the Excel
    import (services.registration_import). Each row a dict of subject_type, person or organisation, award_form and
    target_note, checked as a line of the page is: a subject type the campaign takes, one of the unit's active
    people or its current units, a form it offers (or a title) that is given to that subject type, not a line the
    registration has already. Returns (the registration, the lines added, [(index of the row, message)]); when
    any row is refused nothing is written (a registration started for the file neither).

    Side effects (one transaction, only when no row is refused): at most one new Registration (draft), the
    RegistrationEntry rows, audit entries."""
    _require_clerk(by, organisation)
    types, forms = registrable_types(campaign), set(registrable_forms(campaign).values_list("pk", flat=True))
    added, refused = [], []
    with set_actor(by), transaction.atomic():
        registration = _lock(start_registration(campaign, organisation, by=by))
        if registration.status not in EDITABLE:
            _refuse(registration, "sửa")
        _require_launched(registration.campaign, "sửa đăng ký")
        taken = set(registration.entries.values_list("subject_type", "person_id", "organisation_id", "award_form_id"))
        for index, row in enumerate(rows):
            problem = _line_problem(row, organisation, types, forms, taken)
            if problem:
                refused.append((index, problem))
                continue
            individual = row["subject_type"] == SubjectType.INDIVIDUAL
            entry = RegistrationEntry(
                registration=registration, subject_type=row["subject_type"], award_form=row["award_form"],
                person=row["person"] if individual else None, organisation=None if individual else row["organisation"],
                target_note=row.get("target_note", ""))
            try:
                entry.full_clean()
            except ValidationError as error:
                refused.append((index, " ".join(error.messages)))
                continue
            entry.save()
            taken.add((entry.subject_type, entry.person_id, entry.organisation_id, entry.award_form_id))
            added.append(entry)
        if refused:
            transaction.set_rollback(True)
            return registration, [], refused
    return registration, added, refused


def _line_problem(row, unit, types, forms, taken):
    """Why a registration line cannot be added (a sentence), or ""."""
    subject_type, form = row["subject_type"], row["award_form"]
    if subject_type not in types:
        return f"Phong trào không nhận đăng ký của {SubjectType(subject_type).label.lower()}."
    if form.pk not in forms:
        return f"“{form}” không có trong các danh hiệu, hình thức của phong trào."
    if subject_type == SubjectType.INDIVIDUAL:
        person = row.get("person")
        if person is None or not person.is_active or not person.organisation.path.startswith(unit.path):
            return "Cá nhân này không thuộc đơn vị đăng ký (hoặc đã thôi công tác)."
        key = (subject_type, person.pk, None, form.pk)
    else:
        collective = row.get("organisation")
        if collective is None or not collective.path.startswith(unit.path):
            return "Tập thể này không thuộc đơn vị đăng ký."
        key = (subject_type, None, collective.pk, form.pk)
    if key in taken:
        return "Đăng ký đã có dòng này (cùng đối tượng, cùng danh hiệu, hình thức)."
    return ""


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
