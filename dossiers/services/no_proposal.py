"""Đơn vị không đề nghị: a unit answers that it proposes nobody, for one award form of a campaign or for the
whole campaign. The campaign's progress (services/reminders.py: answered_q) then counts it as answered, not late,
and no deadline reminder reaches it. The answer can be undone until the dossier deadline.

`declare()` and `undo()` are the only writers of NoProposal rows.
"""
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from campaigns.enums import CampaignStatus
from orgs import scope
from orgs.enums import Role

from ..enums import DossierState
from ..models import Dossier, NoProposal


def declined(campaign):
    """The answers of `campaign` that stand: the units that said they propose nobody (for a form or all)."""
    return NoProposal.objects.active().filter(campaign=campaign)


def covering(campaign, organisation, offer):
    """The answer that stands for this unit and award form (its own, or the whole campaign's), or None."""
    return declined(campaign).filter(Q(offer__isnull=True) | Q(offer=offer), organisation=organisation).select_related(
        "offer__award_form").first()


def _require_clerk(user, organisation):
    if not scope.covers(user, organisation, [Role.CLERK]):
        raise PermissionDenied("Chỉ cán bộ TĐKT của đơn vị mới báo, hủy báo không đề nghị của đơn vị.")


def may_undo(answer, today=None):
    """Whether the answer can still be undone: it stands and the dossier deadline has not passed."""
    deadline = answer.campaign.dossier_deadline
    return answer.undone_at is None and (deadline is None or (today or timezone.localdate()) <= deadline)


def declare(campaign, organisation, *, by, offer=None, reason=""):
    """Báo “đơn vị không đề nghị” for `offer` (an award form of the campaign) or, without one, for the whole
    campaign. Refused while the unit has a live dossier it covers (withdraw it first), when it already answered
    so, for a unit that does not take part, and once the campaign no longer takes dossiers.

    Side effects: one NoProposal row (the unique constraints keep one standing answer per form and per
    campaign, so a double click writes one).
    """
    _require_clerk(by, organisation)
    if campaign.status != CampaignStatus.LAUNCHED:
        raise ValidationError("Phong trào chưa phát động hoặc đã kết thúc: không báo được.")
    if organisation.pk == campaign.issuer_id or not campaign.is_participant(organisation):
        raise ValidationError(f"“{organisation}” không thuộc các đơn vị gửi hồ sơ cho phong trào này.")
    if offer is not None and offer.campaign_id != campaign.pk:
        raise ValidationError("Hình thức khen thưởng không thuộc phong trào này.")
    live = Dossier.objects.filter(campaign=campaign, organisation=organisation).exclude(
        state=DossierState.WITHDRAWN).select_related("offer__award_form")
    if offer is not None:
        live = live.filter(offer=offer)
    dossier = live.first()
    if dossier is not None:
        raise ValidationError(f"Đơn vị đang có hồ sơ đề nghị {dossier.offer.award_form} "
                              f"({dossier.get_state_display().lower()}): rút hồ sơ đó trước khi báo không đề nghị.")
    answer = covering(campaign, organisation, offer)  # the form's own answer, or the whole campaign's
    if answer is not None:
        what = answer.what if answer.offer_id else f"{answer.what} này"
        raise ValidationError(f"Đơn vị đã báo không đề nghị {what}.")
    try:
        with transaction.atomic():
            return NoProposal.objects.create(campaign=campaign, organisation=organisation, offer=offer,
                                             reason=(reason or "").strip(), by=by)
    except IntegrityError:
        raise ValidationError("Đơn vị vừa báo không đề nghị (có thể do bấm hai lần).") from None


def undo(answer, *, by, today=None):
    """Hủy báo không đề nghị, until the dossier deadline: the unit is again expected to send (and reminded).

    Side effects: the row's undone_at / undone_by (the row stays, for the record); a second click changes
    nothing and is told so.
    """
    _require_clerk(by, answer.organisation)
    if not may_undo(answer, today):
        if answer.undone_at is not None:
            raise ValidationError("Báo không đề nghị này đã được hủy.")
        raise ValidationError(f"Đã quá hạn nộp hồ sơ ({answer.campaign.dossier_deadline:%d/%m/%Y}): không hủy "
                              "được báo không đề nghị.")
    updated = NoProposal.objects.filter(pk=answer.pk, undone_at__isnull=True).update(
        undone_at=timezone.now(), undone_by=by)
    if not updated:
        raise ValidationError("Báo không đề nghị này đã được hủy.")
    answer.refresh_from_db()
    return answer


def answers_of(user, campaign):
    """Every answer (standing and undone) of the units the user is a clerk of, in `campaign`, newest first."""
    return NoProposal.objects.filter(campaign=campaign).filter(
        scope.covered_q(user, [Role.CLERK], "organisation__path")).select_related(
        "organisation", "offer__award_form", "by", "undone_by", "campaign")
