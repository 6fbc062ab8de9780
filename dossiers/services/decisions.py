"""The leader's side: approve or not each nominee, sign the decision for the forms within the
body's authority, forward the others upward, and record the higher authority's decision.

Each nominee ends in one outcome; once every nominee of a dossier has ended, `settle()` moves the
dossier through the workflow (decide, forward, record_higher_decision), always via
workflow.record_consequence(), which checks the act is there.
"""
from datetime import date

from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Q

from awards.enums import AuthorityLevel, SubjectType
from core.letterhead import date_text
from orgs import scope
from orgs.enums import OrgKind, Role
from orgs.models import names_within

from ..enums import FINAL_OUTCOMES, DossierState, Outcome
from ..models import AnnualRating, Award, Decision, Dossier, Forwarding, Nomination
from .bonuses import plan as plan_bonuses
from .outcomes import move
from .printing import freeze_decision, freeze_forwarding
from .workflow import record_consequence

# The highest award level a body decides itself (Luật TĐKT 2022: the head of a Sở decides Giấy khen,
# Lao động tiên tiến, CSTĐ cơ sở…; the Chủ tịch UBND tỉnh the province's forms; a minister the ministry's).
AUTHORITY_BY_KIND = {
    OrgKind.UBND_TINH: AuthorityLevel.PROVINCE,
    OrgKind.BO: AuthorityLevel.MINISTER,
}
DECIDABLE = {Outcome.ACCEPTED, Outcome.COUNCIL_PASSED}


def authority_of(organisation):
    return AUTHORITY_BY_KIND.get(organisation.kind, AuthorityLevel.UNIT_HEAD)


def within_authority(nomination):
    return nomination.dossier.offer.award_form.authority <= authority_of(nomination.dossier.campaign.issuer)


def _require(user, organisation, roles, message):
    if not scope.covers(user, organisation, roles):
        raise PermissionDenied(message)


def _lock(nomination):
    return Nomination.objects.select_for_update(of=("self",)).select_related(
        "dossier__campaign__issuer", "dossier__offer__award_form", "person", "organisation", "report"
    ).get(pk=nomination.pk)


def approve(nomination, *, approved, by, reason=""):
    """Lãnh đạo phê duyệt (or not) one nominee of a dossier awaiting decision.

    Side effects: the nomination's outcome (approved / not approved with reason), audit entry; when every
    nominee of the dossier has ended, the dossier is decided (settle()).
    """
    with set_actor(by), transaction.atomic():
        nomination = _lock(nomination)
        dossier = nomination.dossier
        _require(by, dossier.campaign.issuer, [Role.APPROVER], "Chỉ lãnh đạo cơ quan phát động mới phê duyệt.")
        if dossier.state != DossierState.AWAITING_DECISION:
            raise ValidationError("Hồ sơ không ở trạng thái chờ lãnh đạo quyết định.")
        if nomination.outcome not in DECIDABLE | {Outcome.APPROVED, Outcome.NOT_APPROVED}:
            raise ValidationError(f"{nomination.name} không ở diện trình phê duyệt "
                                  f"(kết quả hiện tại: {nomination.get_outcome_display().lower()}).")
        if not approved and not reason.strip():
            raise ValidationError("Ghi lý do không phê duyệt: đơn vị sẽ được thông báo lý do này.")
        move([nomination], Outcome.APPROVED if approved else Outcome.NOT_APPROVED, act="approve", by=by,
             reason="" if approved else reason.strip())
        settle(dossier, by=by)
    return nomination


def memo_reference(nominations):
    """What "Xét đề nghị tại Tờ trình số …" names, from the units' Tờ trình the portal holds:
    "12/TTr-TCBC ngày 30 tháng 7 năm 2025 của Phòng …; 07/TTr-TTLT ngày … của Trung tâm …"."""
    dossiers = {n.dossier_id: n.dossier for n in nominations}.values()
    return "; ".join(f"{d.memo_number} {date_text(d.memo_date)} của {d.organisation.name}"
                     for d in sorted(dossiers, key=lambda d: (d.memo_date or date.min, d.pk)) if d.memo_number)


# the body's own series of decision numbers: its awarding, revoking and amending decisions (not a higher authority's)
NUMBERED = Q(kind=Decision.OWN) | Q(kind__in=[Decision.REVOKE, Decision.AMEND], higher_authority="")


def next_decision_number(issuer, year):
    top = Decision.objects.filter(NUMBERED, issuer=issuer, year=year).aggregate(top=Max("number"))["top"]
    return (top or 0) + 1


def sign_decision(decision, nominations, *, by):
    """Ký Quyết định khen thưởng: the body's decision for approved nominees within its authority.

    Side effects (one transaction): the Decision (with its signed snapshot), one Award per nominee with
    the bonus (coefficient × base salary on the decision date, rounded up to 10.000 đ; only the highest for
    several titles of one achievement: bonuses.plan, which locks the subjects' rows), nominee outcomes
    "awarded", and the dossiers that have ended are decided.
    """
    issuer = decision.issuer
    _require(by, issuer, [Role.APPROVER], "Chỉ lãnh đạo cơ quan mới ký quyết định.")
    if not nominations:
        raise ValidationError("Chọn ít nhất một người, tập thể được khen thưởng.")
    try:
        with set_actor(by), transaction.atomic():
            return _sign(decision, nominations, issuer, by)
    except IntegrityError:  # another leader signed the same number (or the same nominees) at the same moment
        decision.pk, decision._state.adding = None, True  # rolled back: the form shows the decision unsaved
        raise ValidationError(f"Số {decision.number:02d}/{decision.symbol} năm {decision.year} hoặc người, tập thể "
                              "đã chọn vừa được ghi vào một quyết định khác ký cùng lúc; chưa có gì được lưu. "
                              "Hãy tải lại trang và ký lại.") from None


def number_taken(decision):
    """Whether the decision's number is already used in its body's yearly series (awarding, revoking and amending
    share it)."""
    return Decision.objects.filter(NUMBERED, issuer=decision.issuer, year=decision.year,
                                   number=decision.number).exists()


def _sign(decision, nominations, issuer, by):
    """sign_decision's checks and rows, inside its transaction."""
    locked = [_lock(n) for n in sorted(nominations, key=lambda n: n.pk)]
    for nomination in locked:
        if nomination.dossier.campaign.issuer_id != issuer.pk:
            raise ValidationError(f"{nomination.name} không thuộc hồ sơ gửi {issuer}.")
        if nomination.outcome != Outcome.APPROVED or nomination.dossier.state != DossierState.AWAITING_DECISION:
            raise ValidationError(f"{nomination.name} chưa được lãnh đạo phê duyệt hoặc đã có quyết định.")
        if not within_authority(nomination):
            raise ValidationError(f"{nomination.dossier.offer.award_form} vượt thẩm quyền của {issuer}: "
                                  f"hãy trình cấp trên cho {nomination.name}.")
    _require_profile_in_force(decision)
    decision.kind = Decision.OWN
    decision.year = decision.date.year
    if number_taken(decision):
        raise ValidationError(f"Số {decision.number:02d}/{decision.symbol} năm {decision.year} đã được dùng.")
    decision.signed_by = by
    decision.full_clean(exclude=["snapshot", "signed_by"])
    decision.save()
    bonuses = plan_bonuses(locked, decision)
    awards = [_award(nomination, decision, bonuses[nomination.pk], by=by) for nomination in locked]
    decision.snapshot = decision_snapshot(decision, awards, bonuses)
    decision.save(update_fields=["snapshot"])
    freeze_decision(decision)
    for dossier in {n.dossier_id: n.dossier for n in locked}.values():
        settle(dossier, by=by)
    _recheck_naming(awards)
    return decision


def _require_profile_in_force(decision):
    """A decision prints the căn cứ and pays the bonuses of the law in force on the day it is signed: its
    legal-basis profile must be in force on `decision.date` (a plan of 2024 decided in August 2025 is decided
    under Nghị định 152/2025, not 98/2023)."""
    from awards.models import LegalBasisProfile
    from campaigns.services.campaigns import profile_in_force

    profile = decision.legal_profile
    if profile is None or LegalBasisProfile.objects.in_force(decision.date).filter(pk=profile.pk).exists():
        return
    right = profile_in_force(decision.date)
    hint = f": chọn “{right}”" if right else ": quản trị hệ thống cần bổ sung bộ căn cứ có hiệu lực ngày này"
    raise ValidationError({"legal_profile": f"“{profile}” không có hiệu lực ngày {decision.date:%d/%m/%Y}, ngày ký "
                                            f"quyết định{hint}."})


def _recheck_naming(awards):
    """The register changed: the open dossiers naming the awarded people or collectives are checked again
    (the history rules read it)."""
    from .checks import store_naming

    store_naming(people=[a.person for a in awards if a.person_id],
                 organisations=[a.organisation for a in awards if a.organisation_id])


def _award(nomination, decision, bonus, *, by, act="sign_decision", decided_by=""):
    """One register row for an awarded nominee, with the bonus bonuses.plan() gave it."""
    award_form = nomination.dossier.offer.award_form
    award = Award.objects.create(
        subject_type=nomination.subject_type, person=nomination.person, organisation=nomination.organisation,
        household=nomination.household, award_form=award_form, year=decision.date.year, decision=decision,
        decision_number=decision.reference,
        decision_date=decision.date, decided_by=decided_by or decision.issuer.authority,
        campaign=nomination.dossier.campaign, award_type=nomination.dossier.campaign.award_type,
        nomination=nomination, achievement=nomination.summary, bonus_amount=bonus.amount, source=Award.PORTAL)
    move([nomination], Outcome.AWARDED, act=act, by=by)
    _record_rating(nomination)
    return award


def _record_rating(nomination):
    """The year's rating the unit reported in the nominee's Báo cáo thành tích enters the register's annual
    ratings once the award is decided, so that the history rules read what the units reported. A rating the
    register already holds for that year (imported, or entered by the office) is kept as it is."""
    if nomination.subject_type not in (SubjectType.INDIVIDUAL, SubjectType.COLLECTIVE):
        return  # a household's rating is not its unit's
    report = getattr(nomination, "report", None)
    if report is None or not (report.rating_year and report.rating):
        return
    subject = ({"person_id": nomination.person_id} if nomination.person_id
               else {"organisation_id": nomination.organisation_id})
    AnnualRating.objects.get_or_create(**subject, year=report.rating_year, defaults={
        "rating": report.rating, "decision_number": report.rating_decision_number,
        "decision_date": report.rating_decision_date})


def forward(forwarding, nominations, *, by):
    """Trình cấp trên: the body's own Tờ trình for approved nominees beyond its authority.

    Side effects (one transaction): the Forwarding row and its nominees, their outcome "forwarded",
    and dossiers whose nominees have all ended or gone up are moved to "forwarded" or "decided".
    """
    _require(by, forwarding.issuer, [Role.APPROVER], "Chỉ lãnh đạo cơ quan mới ký Tờ trình gửi cấp trên.")
    if not nominations:
        raise ValidationError("Chọn ít nhất một người, tập thể trình cấp trên.")
    with set_actor(by), transaction.atomic():
        locked = [_lock(n) for n in sorted(nominations, key=lambda n: n.pk)]
        for nomination in locked:
            if nomination.outcome != Outcome.APPROVED or nomination.dossier.state != DossierState.AWAITING_DECISION:
                raise ValidationError(f"{nomination.name} chưa được lãnh đạo phê duyệt hoặc đã được xử lý.")
            if within_authority(nomination):
                raise ValidationError(f"{nomination.dossier.offer.award_form} thuộc thẩm quyền của cơ quan: "
                                      f"hãy ký quyết định cho {nomination.name}.")
        forwarding.created_by = by
        forwarding.full_clean(exclude=["decision"])
        forwarding.save()
        forwarding.nominations.set(locked)
        move(locked, Outcome.FORWARDED, act="forward", by=by)
        freeze_forwarding(forwarding)
        for dossier in {n.dossier_id: n.dossier for n in locked}.values():
            settle(dossier, by=by)
    return forwarding


def record_higher_decision(forwarding, decision, awarded, *, by, reason_not_awarded=""):
    """Ghi nhận quyết định của cấp trên for a forwarding: which of its nominees were awarded.

    Side effects (one transaction): the Decision (kind "higher"), Awards for the awarded nominees (bonuses
    as in sign_decision), the others "not approved" with the given reason, and the dossiers that have ended
    are decided.
    """
    _require(by, forwarding.issuer, [Role.REVIEWER, Role.APPROVER],
             "Chỉ Văn phòng hoặc lãnh đạo cơ quan mới ghi nhận quyết định của cấp trên.")
    with set_actor(by), transaction.atomic():
        forwarding = Forwarding.objects.select_for_update().get(pk=forwarding.pk)
        if forwarding.decision_id:
            raise ValidationError("Đã ghi nhận quyết định của cấp trên cho Tờ trình này.")
        pending = list(forwarding.nominations.filter(outcome=Outcome.FORWARDED))
        awarded_ids = {n.pk for n in awarded}
        if awarded_ids - {n.pk for n in pending}:
            raise ValidationError("Chỉ chọn người, tập thể thuộc Tờ trình này.")
        if len(awarded_ids) < len(pending) and not reason_not_awarded.strip():
            raise ValidationError("Ghi lý do cho những người, tập thể không được cấp trên khen thưởng.")
        decision.issuer = forwarding.issuer
        decision.kind = Decision.HIGHER
        decision.year = decision.date.year
        decision.signed_by = by
        decision.full_clean(exclude=["snapshot", "signed_by"])
        decision.save()
        locked = [_lock(n) for n in sorted(pending, key=lambda n: n.pk)]
        bonuses = plan_bonuses([n for n in locked if n.pk in awarded_ids], decision)
        awards = []
        for nomination in locked:
            if nomination.pk in awarded_ids:
                awards.append(_award(nomination, decision, bonuses[nomination.pk], by=by, act="higher_decision",
                                     decided_by=decision.higher_authority))
            else:
                move([nomination], Outcome.NOT_APPROVED, act="higher_decision", by=by,
                     reason=reason_not_awarded.strip())
        decision.snapshot = decision_snapshot(decision, awards, bonuses)
        decision.save(update_fields=["snapshot"])
        forwarding.decision = decision
        forwarding.save(update_fields=["decision"])
        for dossier_id in {n.dossier_id for n in pending}:
            settle(Dossier.objects.get(pk=dossier_id), by=by)
        _recheck_naming(awards)
    return decision


def settle(dossier, *, by):
    """Move a dossier on once its nominees have ended: all final → decide; some gone up → forward;
    a forwarded dossier whose nominees all came back → record_higher_decision."""
    outcomes = set(dossier.nominations.values_list("outcome", flat=True))
    if not outcomes:
        return dossier
    dossier.refresh_from_db()
    if dossier.state == DossierState.AWAITING_DECISION:
        if outcomes <= FINAL_OUTCOMES:
            return record_consequence(dossier, "decide", by=by)
        if outcomes <= FINAL_OUTCOMES | {Outcome.FORWARDED}:
            return record_consequence(dossier, "forward", by=by)
    if dossier.state == DossierState.FORWARDED and outcomes <= FINAL_OUTCOMES:
        return record_consequence(dossier, "record_higher_decision", by=by)
    return dossier


def subject_counts(awards):
    """{"individuals", "collectives", "households"}: distinct people, organisations and households, not award rows
    (one person with two titles is one cá nhân)."""
    return {"individuals": len({a.person_id for a in awards if a.subject_type == SubjectType.INDIVIDUAL}),
            "collectives": len({a.organisation_id for a in awards if a.subject_type == SubjectType.COLLECTIVE}),
            "households": len({a.household_id for a in awards if a.subject_type == SubjectType.HOUSEHOLD})}


def printed_unit(row):
    """The "Chức vụ, đơn vị" line the decision's list prints for a snapshot row: the position, then the unit unless
    it is the awardee itself (a collective). The PDF, its Word copy and the amendments read it here."""
    position, unit = row.get("position") or "", row.get("unit") or ""
    unit = "" if unit == row.get("name") else unit
    return ", ".join(part for part in (position, unit) if part)


def decision_snapshot(decision, awards, bonuses=None):
    """What the signed decision prints, frozen (names, units, amounts and why an amount is lower than its
    form's, counts per award form), for the documents to render."""
    bonuses = bonuses or {}
    units = names_within({a.subject_unit for a in awards}, decision.issuer)
    forms = sorted({award.award_form for award in awards}, key=lambda form: (form.order, form.name, form.pk))
    # the list form by form (its STT is the row's place here: the documents and amendments read it so)
    place = {form.pk: index for index, form in enumerate(forms)}
    rows = []
    for award in sorted(awards, key=lambda a: place[a.award_form_id]):  # stable: the given order within a form
        bonus = bonuses.get(award.nomination_id)
        rows.append({
            "award": award.pk, "name": award.subject_name, "subject_type": award.subject_type,
            "position": (award.person.position if award.person_id else ""),
            "unit": award.household.address if award.household_id else units[award.subject_unit.pk],
            "award_form": str(award.award_form), "category": award.award_form.category,
            "bonus": award.bonus_amount, "bonus_note": bonus.note if bonus else "",
        })
    groups = [{"award_form": str(form), "category": form.category,
               **subject_counts([a for a in awards if a.award_form_id == form.pk])} for form in forms]
    return {
        "reference": decision.reference, "date": decision.date.isoformat(), "title": decision.title,
        "issuer": decision.issuer.name, "signer": decision.signer_name, "signer_title": decision.signer_title,
        "basis": decision.legal_profile.lines() if decision.legal_profile else [],
        "memo_reference": decision.memo_reference, "awardees": rows, "groups": groups, **subject_counts(awards),
        "title_bonus_basis": sorted({b.basis for b in bonuses.values() if b.note and b.basis}),
        "total_bonus": sum(r["bonus"] or 0 for r in rows),
    }
