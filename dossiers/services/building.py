"""The unit clerk builds a dossier: start it, add nominees, fill their reports, tick criteria.

Every function checks that the actor is a clerk of the unit and that the dossier can still be
edited (draft or returned), so no page or script can change a dossier after it was sent.
"""
from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max

from awards.enums import SubjectType
from campaigns.enums import CampaignStatus
from orgs import scope
from orgs.enums import Role

from ..enums import DossierState, Outcome
from ..models import AchievementReport, Dossier, Nomination
from . import checks, outcomes


def _require_clerk(user, organisation):
    if not scope.covers(user, organisation, [Role.CLERK]):
        raise PermissionDenied("Chỉ cán bộ TĐKT của đơn vị mới được lập, sửa hồ sơ của đơn vị.")


def _require_editable(dossier):
    if not dossier.is_editable:
        raise ValidationError(f"Hồ sơ đang ở trạng thái “{dossier.get_state_display().lower()}”: "
                              "chỉ sửa được khi đang soạn hoặc bị trả lại.")


def start_dossier(campaign, organisation, offer, *, by):
    """Open the unit's dossier for one award form of a campaign (or return the one already open).

    Side effects: creates the Dossier row (draft) with an audit entry.
    """
    _require_clerk(by, organisation)
    if campaign.status != CampaignStatus.LAUNCHED:
        raise ValidationError("Phong trào chưa phát động hoặc đã kết thúc: không lập được hồ sơ mới.")
    if offer.campaign_id != campaign.pk:
        raise ValidationError("Hình thức khen thưởng không thuộc phong trào này.")
    if not campaign.is_participant(organisation):
        raise ValidationError(f"“{organisation}” không thuộc các đơn vị tham gia phong trào.")
    from .no_proposal import covering

    answer = covering(campaign, organisation, offer)
    if answer is not None:
        raise ValidationError(f"Đơn vị đã báo không đề nghị {answer.what}: hủy báo “không đề nghị” trước khi lập "
                              "hồ sơ.")
    with set_actor(by), transaction.atomic():
        existing = Dossier.objects.select_for_update().filter(
            campaign=campaign, organisation=organisation, offer=offer).exclude(state=DossierState.WITHDRAWN).first()
        if existing is not None:
            return existing
        return Dossier.objects.create(campaign=campaign, organisation=organisation, offer=offer, created_by=by,
                                      signer_title="Thủ trưởng đơn vị")


def save_dossier(dossier, *, by):
    """Save the Tờ trình details and the note. Side effects: the dossier row, audit entry."""
    _require_clerk(by, dossier.organisation)
    _require_editable(Dossier.objects.get(pk=dossier.pk))
    dossier.full_clean(exclude=["meeting"])
    with set_actor(by), transaction.atomic():
        dossier.save()
    return dossier


def add_nominee(dossier, *, subject_type, by, person=None, organisation=None, household=None,
                unregistered_reason=""):
    """Add a person (of the unit), a collective (the unit or one of its sub-units, enterprises it manages
    included) or a household (one the unit manages) to a dossier,
    with an empty achievement report pre-filled from what the portal knows. `unregistered_reason`: why one
    who is not in the campaign's accepted registrations is proposed (read by the rule "registered").

    Side effects (one transaction): Nomination and AchievementReport rows, audit entries, the eligibility
    verdicts of this dossier and of those that read it (checks.store_around).
    """
    _require_clerk(by, dossier.organisation)
    _require_editable(dossier)
    with set_actor(by), transaction.atomic():
        nomination = _new_nominee(dossier, subject_type, person, organisation, unregistered_reason,
                                  household=household)
        checks.store_around(dossier, [(nomination.person_id, nomination.organisation_id)])
    return nomination


ALREADY_IN = "Người, tập thể này đã có trong hồ sơ."


def _already_in(dossier, person, organisation, household=None):
    return dossier.nominations.filter(person=person, organisation=organisation, household=household).exists()


def _new_nominee(dossier, subject_type, person, organisation, unregistered_reason="", household=None):
    """add_nominee's checks and rows, without storing the verdicts (the caller does, once)."""
    award_form = dossier.offer.award_form
    if not award_form.applies_to(subject_type):
        raise ValidationError(f"“{award_form}” không tặng cho {SubjectType(subject_type).label.lower()}.")
    eligible = dossier.campaign.eligible_subject_types
    if eligible and subject_type not in eligible:
        raise ValidationError(f"Phong trào không khen thưởng {SubjectType(subject_type).label.lower()}.")
    unit_path = dossier.organisation.path
    if subject_type == SubjectType.INDIVIDUAL:
        if person is None:
            raise ValidationError("Chọn cá nhân được đề nghị.")
        if not person.organisation.path.startswith(unit_path) or not person.is_active:
            raise ValidationError(f"{person.full_name} không phải cán bộ đang công tác tại đơn vị.")
        organisation = household = None
    elif subject_type == SubjectType.HOUSEHOLD:
        if household is None:
            raise ValidationError("Chọn hộ gia đình được đề nghị.")
        if not household.organisation.path.startswith(unit_path):
            raise ValidationError(f"{household.name} không thuộc {dossier.organisation} hoặc đơn vị trực thuộc.")
        person = organisation = None
    else:
        household = None
        if organisation is None:
            raise ValidationError("Chọn tập thể được đề nghị.")
        if not organisation.path.startswith(unit_path):
            raise ValidationError(f"“{organisation}” không phải đơn vị hoặc đơn vị trực thuộc của "
                                  f"{dossier.organisation}.")
        person = None
    if _already_in(dossier, person, organisation, household):
        raise ValidationError(ALREADY_IN)
    with transaction.atomic():
        order = (dossier.nominations.aggregate(top=Max("order"))["top"] or 0) + 1
        try:
            with transaction.atomic():  # two clicks at once both pass the check above: the constraint keeps one
                nomination = Nomination.objects.create(dossier=dossier, subject_type=subject_type, person=person,
                                                       organisation=organisation, household=household, order=order,
                                                       unregistered_reason=unregistered_reason.strip())
        except IntegrityError:
            raise ValidationError(ALREADY_IN) from None
        if person is not None:
            report = AchievementReport(nomination=nomination, hometown=person.hometown,
                                       qualification=person.qualification,
                                       position=", ".join(p for p in (person.position, person.organisation.name) if p))
        elif household is not None:
            report = AchievementReport(nomination=nomination, address=household.address,
                                       functions=household.activity)
        else:
            report = AchievementReport(nomination=nomination, address=organisation.address, phone=organisation.phone,
                                       headcount=organisation.people.filter(is_active=True).count() or None)
        report.save()
    return nomination


def add_registered(dossier, *, by):
    """"Lập hồ sơ từ đăng ký": add to `dossier` everyone its unit's accepted registration of the campaign names
    for the dossier's award form (people and collectives), in the registration's order, leaving out those
    already in. Returns (added nominations, [(name, why not added)]): someone who left the unit, or whom the
    form or the campaign does not take, is reported, not added. The clerk then removes whom the year did not
    confirm. Side effects: those of add_nominee, in one transaction."""
    from campaigns.enums import RegistrationStatus
    from campaigns.models import RegistrationEntry

    _require_clerk(by, dossier.organisation)
    _require_editable(dossier)
    entries = RegistrationEntry.objects.filter(
        registration__campaign_id=dossier.campaign_id, registration__organisation_id=dossier.organisation_id,
        registration__status=RegistrationStatus.ACCEPTED, award_form_id=dossier.offer.award_form_id,
    ).select_related("person__organisation", "organisation").order_by("subject_type", "pk")
    taken = set(dossier.nominations.values_list("person_id", "organisation_id"))
    added, skipped = [], []
    with set_actor(by), transaction.atomic():
        for entry in entries:
            if (entry.person_id, entry.organisation_id if entry.person_id is None else None) in taken:
                continue
            try:
                added.append(_new_nominee(dossier, entry.subject_type, entry.person, entry.organisation))
            except ValidationError as error:
                skipped.append((str(entry.subject), " ".join(error.messages)))
        if added:  # the verdicts once for all of them, not once per nominee
            checks.store_around(dossier, [(n.person_id, n.organisation_id) for n in added])
    return added, skipped


def require_adding(dossier, *, by):
    """Refuse one who may not add nominees to `dossier` now (PermissionDenied: not a clerk of its unit;
    ValidationError: no longer editable), before a file is read for it."""
    _require_clerk(by, dossier.organisation)
    _require_editable(dossier)


def add_nominees(dossier, rows, *, by):
    """Add several nominees at once, all or nothing (the Excel import, services.nominee_import): each row a dict
    with add_nominee's keywords (subject_type, person, organisation, household, unregistered_reason) and an
    optional `summary` (Tóm tắt thành tích), run through add_nominee's own checks in order. Returns (the
    nominations added, [(index of the row, message)]); when any row is refused nothing is written.

    Side effects (one transaction, only when no row is refused): those of add_nominee for every row, with the
    eligibility verdicts stored once for all of them."""
    require_adding(dossier, by=by)
    added, refused = [], []
    with set_actor(by), transaction.atomic():
        for index, row in enumerate(rows):
            try:
                with transaction.atomic():
                    nomination = _new_nominee(dossier, row["subject_type"], row.get("person"),
                                              row.get("organisation"), row.get("unregistered_reason", ""),
                                              household=row.get("household"))
            except ValidationError as error:
                refused.append((index, " ".join(error.messages)))
                continue
            if row.get("summary"):
                nomination.summary = row["summary"]
                nomination.save(update_fields=["summary", "updated_at"])
            added.append(nomination)
        if refused:
            transaction.set_rollback(True)
            return [], refused
        if added:
            checks.store_around(dossier, [(n.person_id, n.organisation_id) for n in added])
    return added, refused


def remove_nominee(nomination, *, by):
    """Take a nominee out of a dossier. Side effects: deletes the nomination and its report; the eligibility
    verdicts of this dossier and of those that read it (checks.store_around)."""
    dossier = nomination.dossier
    _require_clerk(by, dossier.organisation)
    _require_editable(dossier)
    with set_actor(by), transaction.atomic():
        subject = (nomination.person_id, nomination.organisation_id)
        nomination.delete()
        checks.store_around(dossier, [subject])


def save_report(report, *, summary, criteria, by):
    """Save a nominee's Mẫu 08 report, its one-line summary and the criteria the unit confirms.

    Side effects (one transaction): the report and nomination rows, the confirmed-criteria rows, audit,
    the dossier's eligibility verdicts.
    """
    nomination = report.nomination
    _require_clerk(by, nomination.dossier.organisation)
    _require_editable(nomination.dossier)
    allowed = {c.pk for c in nomination.dossier.campaign.criteria.filter(subject_type=nomination.subject_type)}
    if any(c.pk not in allowed for c in criteria):
        raise ValidationError("Tiêu chuẩn không thuộc phong trào hoặc không áp dụng cho đối tượng này.")
    report.full_clean()
    with set_actor(by), transaction.atomic():
        report.save()
        nomination.summary = summary
        nomination.save(update_fields=["summary", "updated_at"])
        nomination.criteria_confirmed.set(criteria)
        checks.store(nomination.dossier)
    return report


def review_nominee(nomination, *, verdict, by, reason="", override_reason=""):
    """The office's verdict on one nominee while the dossier is in review: accepted, not qualified with a
    reason, or to be completed by the unit ("cần bổ sung", with what to complete: also the nominee's
    `review_note`, which the unit reads once the dossier is returned). The verdicts are computed again first:
    the office accepts on what holds now. Accepting despite failed warnings needs a written reason, which is
    kept with the warnings it answers (`accepted_warnings`).

    Side effects: the nomination row (outcome, reasons, review note, accepted warnings), the dossier's
    eligibility verdicts, audit entry.
    """
    from .review import REASON_MISSING

    dossier = nomination.dossier
    if not scope.acts_for(by, dossier.campaign.issuer, [Role.REVIEWER]):
        raise PermissionDenied("Chỉ Văn phòng (thường trực) của cơ quan phát động mới thẩm định hồ sơ.")
    if dossier.state != DossierState.IN_REVIEW:
        raise ValidationError("Chỉ kết luận từng người khi hồ sơ đang được thẩm định.")
    reason, override_reason = reason.strip(), override_reason.strip()
    if verdict in REASON_MISSING and not reason:
        raise ValidationError(REASON_MISSING[verdict])
    failed = []
    if verdict == Outcome.ACCEPTED:
        failed = [c for c in checks.store(dossier)[nomination.pk] if not c.passed]
        if any(c.blocking for c in failed):
            raise ValidationError("Không thể kết luận đủ điều kiện: " + "; ".join(
                f"{c.label} ({c.message})" for c in failed if c.blocking))
        if failed and not override_reason:
            raise ValidationError("Có cảnh báo chưa đạt: ghi lý do vẫn chấp nhận (" + "; ".join(
                c.label for c in failed) + ").")
        reason = ""
    elif verdict not in REASON_MISSING:
        raise ValidationError("Kết luận không hợp lệ.")
    with set_actor(by), transaction.atomic():
        outcomes.move([nomination], verdict, act="review", by=by, reason=reason,
                      override_reason=override_reason if verdict == Outcome.ACCEPTED else "",
                      accepted_warnings=[check.as_json() for check in failed],
                      review_note=reason if verdict == Outcome.NEEDS_MORE else "")
    return nomination


def set_review_note(nomination, note, *, by):
    """What the office asks the unit to fix for one nominee (shown when the dossier is returned)."""
    if not scope.acts_for(by, nomination.dossier.campaign.issuer, [Role.REVIEWER]):
        raise PermissionDenied("Chỉ Văn phòng của cơ quan phát động mới ghi yêu cầu bổ sung.")
    with set_actor(by):
        nomination.review_note = note.strip()
        nomination.save(update_fields=["review_note", "updated_at"])
    return nomination
