"""Rút hồ sơ, and what the unit may do with a dossier it withdrew: open it again, or copy it into a new draft.

The state moves go through the one writer of a dossier's state (workflow.transition: "withdraw", "reopen");
copying writes no state: it starts a new draft (building.start_dossier) and copies into it.
"""
from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from campaigns.enums import CampaignStatus
from orgs import scope
from orgs.enums import Role

from ..enums import DossierState
from ..models import AchievementReport, Attachment, Dossier, MeetingVote, Nomination
from . import building, checks
from .workflow import transition

# what the confirmation page says withdrawing does, in the order it happens (the page and the docs read it)
WITHDRAW_CONSEQUENCES = {
    "sent": [
        "Hồ sơ rời khỏi hộp hồ sơ của Văn phòng {office}: Văn phòng không thẩm định hồ sơ này nữa và được thông "
        "báo việc rút.",
        "Những người, tập thể trong hồ sơ không còn được tính vào chỉ tiêu của đơn vị và không còn là "
        "“đã được đề nghị” trong phong trào.",
        "Các văn bản đã nộp (lần nộp {version}) vẫn được lưu và xem lại được trong nhật ký hồ sơ.",
    ],
    "unsent": [
        "Hồ sơ dừng soạn: không sửa, không nộp được nữa cho đến khi mở lại.",
        "Những người, tập thể trong hồ sơ không còn được tính vào chỉ tiêu của đơn vị và không còn là "
        "“đã được đề nghị” trong phong trào.",
    ],
    "after": [
        "Sau khi rút, đơn vị có thể mở lại chính hồ sơ này (trở về “đang soạn”) hoặc sao chép thành một hồ sơ "
        "mới, khi phong trào còn nhận hồ sơ.",
        "Nếu đơn vị không đề nghị ai cho hình thức này, hãy báo “Đơn vị không đề nghị” để Văn phòng không nhắc "
        "hạn.",
    ],
}


def withdraw_consequences(dossier):
    """The lines the confirmation page shows before the clerk withdraws `dossier`."""
    office = dossier.campaign.issuer.reviewing_office()
    lines = WITHDRAW_CONSEQUENCES["sent" if dossier.is_sent else "unsent"] + WITHDRAW_CONSEQUENCES["after"]
    return [line.format(office=office.name, version=dossier.version) for line in lines]


def withdraw(dossier, *, by, note=""):
    """Rút hồ sơ: the unit takes back a draft, a submitted or a returned dossier.

    Side effects (workflow.transition, one transaction): the state (withdrawn), a StateChange row with `note`,
    the verdicts of the dossiers that counted its nominees, the office's notification after commit.
    """
    return transition(dossier, "withdraw", by=by, note=note)


def refusal(dossier):
    """Why `dossier` (withdrawn) can neither be opened again nor copied now, or "": the campaign no longer takes
    dossiers, the unit has another live dossier for the same form (one per form), or it answered that it proposes
    nobody for it (services/no_proposal.py)."""
    from .no_proposal import covering

    if dossier.campaign.status != CampaignStatus.LAUNCHED:
        return "Phong trào không còn nhận hồ sơ (chưa phát động hoặc đã kết thúc)."
    other = (Dossier.objects.filter(campaign_id=dossier.campaign_id, organisation_id=dossier.organisation_id,
                                    offer_id=dossier.offer_id).exclude(pk=dossier.pk)
             .exclude(state=DossierState.WITHDRAWN).first())
    if other is not None:
        return (f"Đơn vị đang có hồ sơ đề nghị {dossier.offer.award_form} khác trong phong trào (hồ sơ số "
                f"{other.pk}, {other.get_state_display().lower()}): mỗi hình thức chỉ một hồ sơ.")
    answer = covering(dossier.campaign, dossier.organisation, dossier.offer)
    if answer is not None:
        return (f"Đơn vị đã báo không đề nghị {answer.what}: hủy báo “không đề nghị” trước khi mở lại hoặc "
                "sao chép hồ sơ.")
    return ""


def withdrawn_panel(dossier):
    """What a withdrawn dossier's page offers (None for any other): why it can neither be opened again nor
    copied now (`refusal`, "" when it can), and the drafts copied from it (`copies`)."""
    if dossier.state != DossierState.WITHDRAWN:
        return None
    return {"refusal": refusal(dossier), "copies": list(dossier.copies.only("pk", "state", "created_at"))}


def _require_clerk(dossier, by):
    if not scope.covers(by, dossier.organisation, [Role.CLERK]):
        raise PermissionDenied("Chỉ cán bộ TĐKT của đơn vị mới mở lại, sao chép hồ sơ của đơn vị.")


def _require_withdrawn(dossier):
    if dossier.state != DossierState.WITHDRAWN:
        raise ValidationError(f"Hồ sơ đang ở trạng thái “{dossier.get_state_display().lower()}”: chỉ mở lại "
                              "hoặc sao chép được hồ sơ đã rút. Có thể người khác vừa xử lý; hãy tải lại trang.")


def reopen(dossier, *, by, note=""):
    """Mở lại hồ sơ: the same withdrawn dossier becomes a draft again (its nominees, reports, attachments and
    log as they were). Refused with the reason of refusal().

    Side effects (workflow.transition, one transaction): the state (draft), a StateChange row "reopen" with
    `note`, the verdicts of this dossier and of those that count its nominees; the unit's other clerks are
    notified after commit.
    """
    _require_clerk(dossier, by)  # the state is checked by transition(), under the row's lock
    return transition(dossier, "reopen", by=by, note=note)


REPORT_FIELDS = [f.name for f in AchievementReport._meta.concrete_fields
                 if f.name not in ("id", "nomination", "created_at", "updated_at")]


def copy_dossier(dossier, *, by):
    """Sao chép thành hồ sơ mới: a new draft of the same unit and award form, with the withdrawn dossier's
    Tờ trình details, its nominees (order, summary, confirmed criteria, reason outside the registration) and
    their Mẫu 08 reports copied; its attachments referenced (new rows naming the same stored files: nothing is
    copied on disk, and removing one from the copy leaves the other's file); the Biên bản's votes on the
    nominees follow them into the copy (a meeting votes once on a person: the Biên bản does not list anyone
    twice). The withdrawn dossier stays as it was, its nominees without those votes.
    Refused with the reason of refusal().

    Side effects (one transaction): the Dossier row (draft, `copied_from`), Nomination, AchievementReport,
    criteria, Attachment rows, the MeetingVote rows moved, audit entries, the eligibility verdicts of the new
    dossier and of those that count its nominees (checks.store_around).
    """
    _require_clerk(dossier, by)
    with set_actor(by), transaction.atomic():
        locked = Dossier.objects.select_for_update().select_related(
            "campaign", "organisation", "offer__award_form").get(pk=dossier.pk)
        _require_withdrawn(locked)
        problem = refusal(locked)
        if problem:
            raise ValidationError(problem)
        copy = building.start_dossier(locked.campaign, locked.organisation, locked.offer, by=by)
        for name in ("memo_number", "memo_date", "signer_name", "signer_title", "sign_as", "meeting", "note"):
            setattr(copy, name, getattr(locked, name))
        copy.copied_from = locked
        copy.save()
        copies = {}
        for old in locked.nominations.select_related("report").prefetch_related("criteria_confirmed").order_by(
                "order", "pk"):
            new = Nomination.objects.create(
                dossier=copy, subject_type=old.subject_type, person_id=old.person_id,
                organisation_id=old.organisation_id, order=old.order, summary=old.summary,
                unregistered_reason=old.unregistered_reason)
            new.criteria_confirmed.set(old.criteria_confirmed.all())
            report = getattr(old, "report", None)
            if report is not None:
                AchievementReport.objects.create(nomination=new, **{name: getattr(report, name)
                                                                    for name in REPORT_FIELDS})
            copies[old.pk] = new.pk
        for vote in MeetingVote.objects.filter(nomination_id__in=copies):
            vote.nomination_id = copies[vote.nomination_id]
            vote.save(update_fields=["nomination"])
        Attachment.objects.bulk_create([
            Attachment(dossier=copy, nomination_id=copies.get(a.nomination_id), title=a.title, file=a.file.name,
                       original_name=a.original_name, stored_name=a.stored_name, content_type=a.content_type,
                       size=a.size, uploaded_by_id=a.uploaded_by_id)
            for a in locked.attachments.all()])
        checks.store_around(copy)
    return copy
