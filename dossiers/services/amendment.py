"""Đính chính quyết định khen thưởng (issue 18, "Correct and revoke"): a signed decision whose text is wrong for one
or more awardees (a name, the "chức vụ, đơn vị" line, the award form's wording, the achievement) is corrected by a
new decision of the authority that issued it, with its own number, date, signer and reason.

The amending decision is a `Decision` of kind "amend" (`amends` → the corrected one). As a revocation: for the body's
own decision it is numbered in the body's one yearly series and signed by its leader; a higher authority's amendment
(of a decision recorded from it) is recorded by the office or the leader with that authority's number, not printed.
Each corrected award keeps one `AwardCorrection` row per amendment (what was written, what it now reads), and takes
the corrected values: a name goes to the person's, collective's or household's record only when the office asks for
it (`update_record`), otherwise the award keeps it (`Award.corrected_name`); the line and the form's wording are the
award's own (`corrected_unit`, `corrected_form`), the achievement its `achievement`. Nothing about money changes: a
correction never touches the award form, so the bonus stands (a wrong form is revoked and decided again).
"""
import re

from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from core.text import nfc

from ..models import Award, AwardCorrection, Decision
from .decisions import printed_unit, subject_counts
from .printing import freeze_amendment
from .revocation import may_revoke, save_act

# what a correction may change, in print order, with the words the amending decision prints
FIELDS = {"name": "Họ và tên / tên tập thể", "unit": "Chức vụ, đơn vị", "award_form": "Hình thức khen thưởng",
          "achievement": "Thành tích"}
HOUSEHOLD_NAME = re.compile(r"^Hộ\s+(ông|bà)\s+", re.IGNORECASE)


def may_amend(user, decision):
    """The same people as a revocation: the body's leader for its own decision, its office or leader recording a
    higher authority's. Only an awarding decision is amended (not a revoking or an amending one)."""
    return decision.kind in (Decision.OWN, Decision.HIGHER) and may_revoke(user, decision)


def as_decided(award, rows=None):
    """{field: text} of one award as its decision (with the amendments so far) reads: the corrected values first,
    then the signed snapshot's row, then the register row."""
    row = (rows or {}).get(award.pk) or {}
    return {"name": award.corrected_name or row.get("name") or award.subject_name,
            "unit": award.corrected_unit or (printed_unit(row) if row else _live_unit(award)),
            "award_form": award.corrected_form or row.get("award_form") or award.award_form.name,
            "achievement": award.achievement or ""}


def snapshot_rows(decision):
    """{award id: the signed list's row, with its STT}."""
    rows = {}
    for number, row in enumerate((decision.snapshot or {}).get("awardees", []), start=1):
        if row.get("award"):
            rows[row["award"]] = {**row, "stt": number}
    return rows


def _live_unit(award):
    if award.person_id:
        person = award.person
        return f"{person.position}, {person.organisation.name}" if person.position else person.organisation.name
    if award.household_id:
        return award.household.address
    return ""


def amend(decision, corrections, amending, *, by):
    """Đính chính: `amending` (an unsaved Decision: number, symbol, date, title, signer, reason) corrects `decision`
    for the awards of `corrections`, each {"award": Award, "name", "unit", "award_form", "achievement" (the texts as
    they should read; a field left out or unchanged is not corrected), "update_record": bool}.

    Side effects (one transaction): the amending decision with its snapshot, one AwardCorrection per corrected award,
    the award's corrected values (logged), the subject's record renamed where asked, each corrected certificate and
    the printed amendment frozen anew. Raises PermissionDenied for the wrong person, ValidationError (Vietnamese)
    otherwise."""
    if not may_amend(by, decision):
        if decision.kind not in (Decision.OWN, Decision.HIGHER):
            raise PermissionDenied("Chỉ đính chính quyết định khen thưởng.")
        raise PermissionDenied("Chỉ lãnh đạo cơ quan đã ban hành quyết định mới ký quyết định đính chính"
                               if decision.kind == Decision.OWN else "Bạn không ghi được quyết định đính chính này.")
    if not (amending.reason or "").strip():
        raise ValidationError({"reason": "Ghi lý do đính chính (ví dụ: sai chính tả họ tên so với hồ sơ gốc)."})
    if amending.date and amending.date < decision.date:
        raise ValidationError({"date": f"Ngày đính chính trước ngày của Quyết định số {decision.reference} "
                                       f"({decision.date:%d/%m/%Y})."})
    if not corrections:
        raise ValidationError("Chưa có nội dung nào được đính chính: sửa ít nhất một dòng.")
    try:
        with set_actor(by), transaction.atomic():
            return _amend(decision, corrections, amending, by)
    except IntegrityError:  # another amendment or decision took the number at the same moment
        amending.pk, amending._state.adding = None, True
        raise ValidationError({"number": f"Số {amending.number:02d}/{amending.symbol} năm {amending.year} vừa được "
                                         "dùng cho một quyết định khác; chưa có gì được lưu."}) from None


def _amend(decision, corrections, amending, by):
    wanted = {c["award"].pk: c for c in corrections}
    locked = list(Award.objects.select_for_update(of=("self",)).filter(pk__in=wanted).select_related(
        "person__organisation", "organisation", "household", "award_form", "revoked_by").order_by("pk"))
    if len(locked) != len(wanted) or any(award.decision_id != decision.pk for award in locked):
        raise ValidationError(f"Có khen thưởng không thuộc Quyết định số {decision.reference}.")
    rows = snapshot_rows(decision)
    plan = []
    for award in locked:
        if award.revoked_by_id:
            raise ValidationError(f"Khen thưởng của {award.subject_name} đã bị thu hồi theo Quyết định số "
                                  f"{award.revoked_by.reference}: không đính chính.")
        before, wished = as_decided(award, rows), wanted[award.pk]
        changes = []
        for field, label in FIELDS.items():
            typed = str(wished.get(field, before[field]) or "").replace("\r\n", "\n")
            after = nfc(typed.strip() if field == "achievement" else " ".join(typed.split()))
            if after != before[field]:
                if not after and field != "achievement":
                    raise ValidationError(f"{label} của {before['name']} không được để trống.")
                changes.append({"field": field, "label": label, "before": before[field], "after": after})
        if changes:
            plan.append((award, before, changes, bool(wished.get("update_record"))))
    if not plan:
        raise ValidationError("Chưa có nội dung nào được đính chính: sửa ít nhất một dòng.")
    higher = decision.kind == Decision.HIGHER
    amending.amends = decision
    save_act(amending, decision, Decision.AMEND, by=by)
    printed = []
    for award, before, changes, update_record in sorted(plan, key=lambda p: (rows.get(p[0].pk, {}).get("stt", 10**6),
                                                                             p[0].pk)):
        renamed = _apply(award, changes, update_record)
        AwardCorrection.objects.create(amendment=amending, award=award, changes=changes, record_updated=renamed)
        printed.append({"award": award.pk, "stt": rows.get(award.pk, {}).get("stt"), "name": before["name"],
                        "unit": before["unit"], "award_form": before["award_form"], "changes": changes,
                        "record_updated": renamed, "bonus": award.bonus_amount or 0})
    amending.snapshot = {
        "amends": decision.reference, "amends_date": decision.date.isoformat(), "amends_title": decision.title,
        "amends_authority": decision.higher_authority if higher else decision.issuer.authority,
        "reason": amending.reason.strip(), "awardees": printed,
        **subject_counts([award for award, *_ in plan]),
        # a correction never changes the form, so no bonus changes: said in the decision, nothing recomputed
        "money_unchanged": True, "bonus_of_corrected": sum(row["bonus"] for row in printed),
        "basis": amending.legal_profile.lines() if amending.legal_profile_id else [],
    }
    amending.save(update_fields=["snapshot"])
    if not higher:
        freeze_amendment(amending, [award for award, *_ in plan if award.source == Award.PORTAL])
    return amending


def _apply(award, changes, update_record):
    """The award takes the corrected values; a new name goes to the subject's record when asked (and possible).
    Returns whether the record was renamed."""
    renamed = False
    for change in changes:
        field, after = change["field"], change["after"]
        if field == "name":
            renamed = update_record and _rename_record(award, after)
            award.corrected_name = "" if renamed else after
        elif field == "unit":
            award.corrected_unit = after
        elif field == "award_form":
            award.corrected_form = "" if after == award.award_form.name else after
        elif field == "achievement":
            award.achievement = after
    award.save(update_fields=["corrected_name", "corrected_unit", "corrected_form", "achievement", "search_text",
                              "updated_at"])
    return renamed


def _rename_record(award, name):
    """Đính chính the record itself: the person's full name, the collective's name, the household head's name
    ("Hộ ông X" → X). Logged by auditlog as any edit of the record."""
    if award.person_id:
        award.person.full_name = name
        award.person.save()
    elif award.household_id:
        award.household.head_name = HOUSEHOLD_NAME.sub("", name).strip()
        award.household.save()
    elif award.organisation_id:
        award.organisation.name = name
        award.organisation.save()
    else:
        return False
    return True


def history_line(correction):
    """"Đính chính theo Quyết định số 15/QĐ-SNV ngày 01/10/2025" for the histories and the QR page."""
    amendment = correction.amendment
    return f"Đính chính theo Quyết định số {amendment.reference} ngày {amendment.date:%d/%m/%Y}"
