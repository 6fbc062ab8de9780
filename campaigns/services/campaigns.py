"""Actions on campaigns: create, edit (with logged amendments once launched), lifecycle, copy."""
from datetime import date
from typing import NamedTuple

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from awards.models import LegalBasisProfile

from ..enums import ACTION_LABELS, TRANSITIONS, CampaignStatus, ComponentKind
from ..models import (
    Campaign,
    CampaignAmendment,
    CampaignAward,
    CampaignParticipant,
    Criterion,
    DossierComponent,
    PlanTask,
    QuotaOverride,
    ReminderRule,
    Target,
)
from ..signals import campaign_changed, campaign_copied

DEFAULT_COMPONENTS = [
    (ComponentKind.TO_TRINH, "Tờ trình đề nghị khen thưởng của cơ quan, đơn vị", False),
    (ComponentKind.BIEN_BAN, "Biên bản họp bình xét khen thưởng của cơ quan, đơn vị", False),
    (ComponentKind.BAO_CAO, "Báo cáo thành tích của tập thể, cá nhân", True),
]


class AmendmentReasonRequired(ValidationError):
    """A launched campaign changes only with a written reason."""


def _require_reason(campaign, reason):
    if campaign.status != CampaignStatus.DRAFT and not (reason or "").strip():
        raise AmendmentReasonRequired("Kế hoạch đã phát động: phải ghi lý do sửa đổi.")


def _log_amendment(campaign, *, section, reason, changes, by):
    if campaign.status != CampaignStatus.DRAFT and changes:
        CampaignAmendment.objects.create(campaign=campaign, by=by, section=section, reason=reason.strip(),
                                         changes=changes)


def create_campaign(campaign, *, by, components=True):
    """Create a draft campaign with the usual dossier components (Tờ trình, Biên bản, Báo cáo).

    Side effects (one transaction): the campaign row, its default components, audit entries.
    """
    campaign.full_clean()
    with set_actor(by), transaction.atomic():
        campaign.created_by = by
        campaign.save()
        if components:
            for order, (kind, name, per_nominee) in enumerate(DEFAULT_COMPONENTS, start=1):
                DossierComponent.objects.create(campaign=campaign, kind=kind, name=name, per_nominee=per_nominee,
                                                order=order)
    return campaign


def _field_changes(before, after, fields):
    changes = {}
    for name in fields:
        old, new = getattr(before, name), getattr(after, name)
        if old != new:
            changes[name] = [_plain(old), _plain(new)]
    return changes


def _plain(value):
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if hasattr(value, "pk"):
        return str(value)
    return value if isinstance(value, (str, int, float, bool, list, type(None))) else str(value)


def update_campaign(campaign, *, by, reason=""):
    """Save the general information of a campaign.

    Once launched, a reason is required and an amendment row records the changed fields.
    Side effects (one transaction): the campaign row, the amendment row, audit entries.
    """
    _require_reason(campaign, reason)
    campaign.full_clean()
    with set_actor(by), transaction.atomic():
        before = Campaign.objects.select_for_update().get(pk=campaign.pk)
        fields = [f.name for f in Campaign._meta.concrete_fields if f.editable and f.name != "id"]
        changes = _field_changes(before, campaign, fields)
        campaign.save()
        _log_amendment(campaign, section="Thông tin chung", reason=reason, changes=changes, by=by)
        campaign_changed.send(sender=Campaign, campaign=campaign)
    return campaign


def save_section(campaign, formset, *, section, by, reason="", extra=None):
    """Save one section's formset (targets, criteria, award forms…) as one transaction.

    `extra` is an optional callable run inside the transaction (e.g. setting the blocs).
    Side effects: created, changed and deleted rows; an amendment row when launched; audit entries.
    """
    _require_reason(campaign, reason)
    with set_actor(by), transaction.atomic():
        Campaign.objects.select_for_update().filter(pk=campaign.pk).first()
        changed = formset.has_changed()
        formset.save()
        if extra is not None:
            changed = extra() or changed
        if changed:
            summary = {"thêm": len(formset.new_objects), "sửa": len(formset.changed_objects),
                       "xóa": len(formset.deleted_objects)}
            _log_amendment(campaign, section=section, reason=reason, changes=summary, by=by)
            campaign_changed.send(sender=Campaign, campaign=campaign)
    return formset


class ProfileCheck(NamedTuple):
    """A legal-basis profile not in force on the plan's date: what to tell the planner, and the profile that was."""

    message: str
    proposed: LegalBasisProfile | None


def basis_date(campaign):
    """The day the plan's legal basis is judged on: its date of issue, else (a draft without one) its start."""
    return campaign.plan_date or campaign.period_start


def profile_in_force(on):
    """The legal-basis profile in force on `on` (the latest to take effect), or None."""
    if on is None:
        return None
    return LegalBasisProfile.objects.in_force(on).order_by("-valid_from", "pk").first()


def legal_profile_check(campaign, profile=None):
    """A ProfileCheck when `profile` (default: the campaign's) was not in force on the plan's date — a plan of 2023
    under Nghị định 98/2023, in force from 01/01/2024, prints căn cứ lines of a decree not yet issued and pays
    with its coefficients —, else None. Reads the profiles; writes nothing."""
    profile = profile or campaign.legal_profile
    on = basis_date(campaign)
    if profile is None or on is None:
        return None
    if on < profile.valid_from:
        reason = f"trước khi bộ căn cứ “{profile}” có hiệu lực (từ {profile.valid_from:%d/%m/%Y})"
    elif profile.valid_until and on >= profile.valid_until:
        reason = f"khi bộ căn cứ “{profile}” đã hết hiệu lực (từ {profile.valid_until:%d/%m/%Y})"
    else:
        return None
    when = (f"Kế hoạch ban hành ngày {on:%d/%m/%Y}" if campaign.plan_date
            else f"Kế hoạch chưa có ngày ban hành, phong trào bắt đầu ngày {on:%d/%m/%Y}")
    proposed = profile_in_force(on)
    proposal = (f"Bộ căn cứ có hiệu lực ngày {on:%d/%m/%Y}: “{proposed}”." if proposed else
                f"Chưa có bộ căn cứ nào có hiệu lực ngày {on:%d/%m/%Y}: quản trị hệ thống cần bổ sung vào danh mục.")
    return ProfileCheck(f"{when}, {reason}: Kế hoạch sẽ in căn cứ của bộ này và quyết định khen thưởng mặc định tính "
                        f"tiền thưởng theo bộ này. {proposal}", proposed)


def check_ready_to_launch(campaign):
    problems = []
    if not campaign.dossier_deadline and not campaign.is_track:  # a track takes proposals all year
        problems.append("chưa có hạn nộp hồ sơ khen thưởng")
    if not campaign.awards.exists():
        problems.append("chưa chọn hình thức khen thưởng nào")
    if not campaign.participants.exists() and not campaign.participant_blocs.exists():
        problems.append("chưa có đơn vị tham gia")
    if not campaign.eligible_subject_types:
        problems.append("chưa chọn đối tượng được khen")
    if not campaign.legal_profile_id:
        problems.append("chưa chọn bộ căn cứ pháp lý")
    return problems


def transition(campaign, action, *, by):
    """Move a campaign along its lifecycle (phát động, kết thúc, lưu trữ, mở lại).

    Locks the row, checks the transitions map and (for launching) that the plan is complete.
    Side effects: the campaign row (status and timestamps), audit entry; on launching, a notification to each
    clerk of the participating units (campaigns.services.notices) and their e-mails after commit.
    """
    with set_actor(by), transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        allowed = TRANSITIONS[campaign.status]
        if action not in allowed:
            raise ValidationError(
                f"Không thể “{ACTION_LABELS.get(action, action).lower()}” phong trào đang ở trạng thái "
                f"“{campaign.get_status_display().lower()}”.")
        if action == "launch":
            problems = check_ready_to_launch(campaign)
            if problems:
                raise ValidationError("Chưa thể phát động: " + "; ".join(problems) + ".")
            campaign.launched_at = timezone.now()
        if action == "close":
            campaign.closed_at = timezone.now()
        campaign.status = allowed[action]
        campaign.save(update_fields=["status", "launched_at", "closed_at", "updated_at"])
        if action == "launch":  # once: a campaign is launched from a draft only (reopening is not launching)
            from .notices import tell_participants

            tell_participants(campaign)
    return campaign


def _shift(day, years):
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29/02
        return day.replace(year=day.year + years, day=28)


def copy_campaign(source, *, by, years=1, title=None):
    """Start next year's edition: a draft copy with every section, dates moved by `years`.

    Side effects (one transaction): the new campaign and copies of all its rows, audit entries.
    """
    with set_actor(by), transaction.atomic():
        copy = Campaign.objects.get(pk=source.pk)
        copy.pk = None
        copy.status = CampaignStatus.DRAFT
        copy.copied_from = source
        copy.created_by = by
        copy.launched_at = copy.closed_at = None
        copy.plan_number, copy.plan_date = None, None
        copy.title = title or source.title
        for name in ("period_start", "period_end", "summary_deadline", "dossier_deadline"):
            setattr(copy, name, _shift(getattr(source, name), years))
        copy.save()
        copy.participant_blocs.set(source.participant_blocs.all())
        for model in (Target, Criterion, DossierComponent, ReminderRule, CampaignParticipant):
            for row in model.objects.filter(campaign=source):
                row.pk = None
                row.campaign = copy
                row.save()
        for offer in source.awards.prefetch_related("quota_overrides"):
            overrides = list(offer.quota_overrides.all())
            offer.pk = None
            offer.campaign = copy
            offer.save()
            for override in overrides:
                QuotaOverride.objects.create(campaign_award=offer, organisation_id=override.organisation_id,
                                             max_count=override.max_count)
        for task in source.tasks.prefetch_related("responsible", "cooperating"):
            responsible, cooperating = list(task.responsible.all()), list(task.cooperating.all())
            task.pk = None
            task.campaign = copy
            task.due_date = _shift(task.due_date, years)
            task.status, task.done_on = PlanTask._meta.get_field("status").default, None
            task.save()
            task.responsible.set(responsible)
            task.cooperating.set(cooperating)
        campaign_copied.send(sender=Campaign, source=source, copy=copy)
    return copy


def offer_award(campaign, award_form, *, copies, by, quota_kind="none", quota_value=None, quota_base=None,
                order=0, note=""):
    """Add one award form to a campaign (used by seeds and tests; pages use the section formset)."""
    offer = CampaignAward(campaign=campaign, award_form=award_form, copies=copies, quota_kind=quota_kind,
                          quota_value=quota_value, quota_base=quota_base, order=order, note=note)
    offer.full_clean()
    with set_actor(by):
        offer.save()
    return offer


def set_task_status(task, status, *, by):
    """Record progress on a plan task; finishing it stamps today's date. Side effects: row, audit."""
    from ..enums import TaskStatus

    with set_actor(by), transaction.atomic():
        task.status = status
        task.done_on = timezone.localdate() if status == TaskStatus.DONE else None
        task.save(update_fields=["status", "done_on"])
    return task


def add_section_rows(campaign, model, rows, *, by):
    """Add rows of one section (targets, criteria, components, participants, tasks…) from dicts.

    Used where there is no form: the demo data and imports. Many-to-many values (a task's
    responsible and cooperating units) are given as lists. Validation as in the pages.
    Side effects (one transaction): the rows, audit entries.
    """
    created = []
    with set_actor(by), transaction.atomic():
        for values in rows:
            values = dict(values)
            many = {name: values.pop(name) for name in ("responsible", "cooperating") if name in values}
            row = model(campaign=campaign, **values)
            row.full_clean()
            row.save()
            for name, items in many.items():
                getattr(row, name).set(items)
            created.append(row)
        campaign_changed.send(sender=Campaign, campaign=campaign)
    return created
