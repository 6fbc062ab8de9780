"""Thu hồi khen thưởng (Luật Thi đua, khen thưởng 2022, Chương VII; issue 18): a decision revoked in whole or in
part by a new decision of the authority that issued it, with its own number, date, signer and reason.

The revoking decision is a `Decision` of kind "revoke" (`revokes` → the revoked one). For the body's own decision it
is numbered in the body's yearly series and signed by its leader; a higher authority's revocation (of a decision
recorded from it) is recorded by the office or the leader with that authority's number. Each revoked award keeps
its row, marked `revoked_by`: it leaves the live register (`Award.objects.live()`), stays in the history marked
"đã thu hồi", counts for nothing in eligibility or in the "highest bonus only" rule, its certificate is no longer
printed and its QR page says so; the bonus it paid is shown as to be recovered (funds).
"""
from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from campaigns.services.campaigns import profile_in_force
from core.vntext import so
from orgs import scope
from orgs.enums import Role

from ..models import Award, Decision
from .decisions import _recheck_naming, number_taken
from .printing import freeze_revocation


def may_revoke(user, decision):
    """Who signs (own decision: the body's leader) or records (a higher authority's: its office or leader) it."""
    if decision.kind == Decision.OWN:
        return scope.covers(user, decision.issuer, [Role.APPROVER])
    if decision.kind == Decision.HIGHER:
        return scope.acts_for(user, decision.issuer, [Role.APPROVER, Role.REVIEWER])
    return False


def revoke(decision, awards, revoking, *, by):
    """Thu hồi: `revoking` (an unsaved Decision: number, symbol, date, title, signer, reason) revokes `awards` of
    `decision` (all of its live awards: in whole). One transaction: the revoking decision with its snapshot, each
    award marked (logged), the open dossiers naming the subjects checked again, the document frozen.
    Raises PermissionDenied for the wrong person, ValidationError with a Vietnamese message otherwise."""
    if not may_revoke(by, decision):
        raise PermissionDenied("Chỉ lãnh đạo cơ quan đã ban hành quyết định mới ký quyết định thu hồi"
                               if decision.kind == Decision.OWN else "Bạn không ghi được quyết định thu hồi này.")
    if not (revoking.reason or "").strip():
        raise ValidationError({"reason": "Ghi lý do thu hồi (khai man hồ sơ, giả mạo giấy tờ, xét không đúng quy "
                                         "định, không đủ tiêu chuẩn…)."})
    if revoking.date and revoking.date < decision.date:
        raise ValidationError({"date": f"Ngày thu hồi trước ngày của Quyết định số {decision.reference} "
                                       f"({decision.date:%d/%m/%Y})."})
    wanted = sorted({award.pk for award in awards})
    if not wanted:
        raise ValidationError("Chọn ít nhất một cá nhân, tập thể bị thu hồi khen thưởng.")
    try:
        with set_actor(by), transaction.atomic():
            return _revoke(decision, wanted, revoking, by)
    except IntegrityError:  # another revocation took the number at the same moment
        revoking.pk, revoking._state.adding = None, True
        raise ValidationError({"number": f"Số {revoking.number:02d}/{revoking.symbol} năm {revoking.year} vừa được "
                                         "dùng cho một quyết định khác; chưa có gì được lưu."}) from None


def save_act(act, decision, kind, *, by):
    """Write a decision acting on the signed `decision` (kind REVOKE or AMEND, its link to `decision` set by the
    caller): the same issuer, campaign and, for a higher authority's decision, that authority; else the profile in
    force on its date and a number of the body's series not yet used. Part of the caller's transaction."""
    higher = decision.kind == Decision.HIGHER
    act.kind, act.issuer, act.campaign_id = kind, decision.issuer, decision.campaign_id
    act.year = act.date.year
    act.higher_authority = decision.higher_authority if higher else ""
    if not higher:
        act.legal_profile = profile_in_force(act.date) or decision.legal_profile
        if number_taken(act):
            raise ValidationError({"number": f"Số {act.number:02d}/{act.symbol} năm {act.year} đã được dùng."})
    act.signed_by = by
    act.full_clean(exclude=["snapshot", "signed_by", "revokes", "amends", "campaign"])
    act.save()
    return act


def _revoke(decision, wanted, revoking, by):
    locked = list(Award.objects.select_for_update(of=("self",)).filter(pk__in=wanted).select_related(
        "person__organisation", "organisation", "award_form", "revoked_by").order_by("pk"))
    if len(locked) != len(wanted) or any(award.decision_id != decision.pk for award in locked):
        raise ValidationError(f"Có khen thưởng không thuộc Quyết định số {decision.reference}.")
    for award in locked:
        if award.revoked_by_id:
            raise ValidationError(f"Khen thưởng của {award.subject_name} đã bị thu hồi theo Quyết định số "
                                  f"{award.revoked_by.reference}.")
    live_left = decision.awards.live().exclude(pk__in=wanted).count()
    higher = decision.kind == Decision.HIGHER
    revoking.revokes = decision
    save_act(revoking, decision, Decision.REVOKE, by=by)
    rows = [{"award": award.pk, "name": award.subject_name,
             "unit": award.person.organisation.name if award.person_id else "",
             "award_form": str(award.award_form), "bonus": award.bonus_amount or 0} for award in locked]
    revoking.snapshot = {
        "whole": live_left == 0, "revokes": decision.reference, "revokes_date": decision.date.isoformat(),
        "revokes_title": decision.title, "revokes_authority": decision.higher_authority if higher
        else decision.issuer.authority, "reason": revoking.reason.strip(), "awardees": rows,
        "individuals": len({award.person_id for award in locked if award.person_id}),
        "collectives": len({award.organisation_id for award in locked if not award.person_id}),
        "to_recover": sum(row["bonus"] for row in rows),
        "basis": revoking.legal_profile.lines() if revoking.legal_profile_id else [],
    }
    revoking.save(update_fields=["snapshot"])
    for award in locked:
        award.revoked_by = revoking
        award.save(update_fields=["revoked_by", "updated_at"])
    _recheck_naming(locked)
    if not higher:
        freeze_revocation(revoking)
    return revoking


def to_recover_text(decision):
    """'3.510.000 đồng' to recover for a revoking decision ('' when nothing was paid)."""
    amount = (decision.snapshot or {}).get("to_recover") or 0
    return f"{so(amount)} đồng" if amount else ""
