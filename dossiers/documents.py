"""What the official documents of a dossier print (docs/domain.md, Documents), as frozen JSON contexts.

Each builder reads the rows once and returns plain data; templates/documents/<kind>.html lays it out.
A document is frozen when its object may no longer change (a sent dossier, a signed decision…): see
`documents.services.current`.
"""
from datetime import date

from django.utils.text import capfirst

from awards.enums import AwardCategory, ReportLayout
from awards.models import report_template
from campaigns.models import CampaignAward
from core.letterhead import absence_text, date_text, letterhead, lines, name_only, signature, signed_by
from core.vntext import in_hoa, lower_first, so, so_thanh_chu_tien, unbroken_names
from documents.registry import register
from orgs import scope
from orgs.enums import PUBLIC_STAFF, Role

from .enums import EDITABLE_STATES
from .models import Award, CouncilSession, Decision, Dossier, Forwarding, Nomination
from .models.meeting_queries import is_frozen as meeting_is_frozen
from .models.meeting_queries import meetings_for
from .services import public_comment
from .services.decisions import printed_unit
from .services.eligibility import percent_label

OFFICE_ROLES = [Role.REVIEWER, Role.APPROVER, Role.COUNCIL, Role.ADMIN]


# --- who may print what ------------------------------------------------------------------------------

def campaign_words(campaign):
    """How a document names the dossier's campaign: its title, its citation inside a sentence, and for a track
    (awards outside campaigns) what was achieved and what is proposed ("thành tích xuất sắc đột xuất", "khen
    thưởng đột xuất"), which the templates print instead of "trong phong trào …"."""
    return {"campaign": campaign.title, "campaign_cited": campaign.cited_name,
            "track_achievement": campaign.track_achievement, "track_award": campaign.track_award}

def dossiers_for(user):
    return Dossier.objects.for_user(user)


def nominations_for(user):
    return Nomination.objects.filter(dossier__in=Dossier.objects.for_user(user))


def _issued_for(model, user):
    if user.is_superuser:
        return model.objects.all()
    return model.objects.filter(scope.issuer_q(user, OFFICE_ROLES, "issuer"))


def decisions_for(user):
    return Decision.objects.for_user(user)


def awards_for(user):
    return Award.objects.filter(decision__in=Decision.objects.for_user(user))


def dossier_frozen(dossier):
    return dossier.state not in EDITABLE_STATES


# --- shared pieces -------------------------------------------------------------------------------------
def _position(text, unit):
    """The position alone: the report's "chức vụ, đơn vị công tác" is pre-filled as "Chuyên viên, Phòng X",
    and the unit has a column (a line) of its own."""
    text = (text or "").strip()
    if not unit:
        return text
    return "" if text == unit else text.removesuffix(f", {unit}").strip()


def _nominee_row(nomination):
    person = nomination.person
    report = getattr(nomination, "report", None)
    if person is not None:
        unit = person.organisation.name
        position = _position(report.position if report and report.position else person.position, unit)
    elif nomination.household_id:
        position, unit = "", nomination.household.address
    else:
        position, unit = "", (nomination.organisation.name if nomination.organisation else "")
    return {"name": nomination.name, "individual": person is not None, "household": bool(nomination.household_id),
            "position": position, "unit": unit, "summary": nomination.summary,
            "subject": (f"p{person.pk}" if person is not None else f"h{nomination.household_id}"
                        if nomination.household_id else f"o{nomination.organisation_id}")}


def _campaign_basis(campaign, *, plan_bases=False):
    """The căn cứ of a document proposing awards in `campaign`: the legal-basis profile's lines, with `plan_bases`
    the plan's own bases ("Thực hiện Chỉ thị số …", Campaign.plan_bases), then the plan itself."""
    basis = list(campaign.legal_profile.lines()) if campaign.legal_profile else []
    if plan_bases:
        basis += campaign.plan_basis_lines()
    if campaign.plan_reference:
        basis.append(f"Căn cứ Kế hoạch số {campaign.plan_reference} {date_text(campaign.plan_date)} của "
                     f"{campaign.issuer.name} về {lower_first(campaign.title)};")
    return basis


def _counts(rows):
    """Distinct collectives, households and individuals of the rows: one person proposed for two forms is one
    cá nhân."""
    individuals = {row["subject"] for row in rows if row["individual"]}
    households = {row["subject"] for row in rows if row.get("household")}
    return {"collectives": len({row["subject"] for row in rows} - individuals - households),
            "individuals": len(individuals), "households": len(households)}


ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def award_phrase(name, category):
    """What a decision does with an award form: a danh hiệu thi đua is recognised ("công nhận danh hiệu
    “Lao động tiên tiến”"), a hình thức khen thưởng is given ("tặng Giấy khen")."""
    if category == AwardCategory.TITLE:
        return f"công nhận danh hiệu “{name.removeprefix('Danh hiệu ').removeprefix('danh hiệu ')}”"
    return f"tặng {name}"


def counts_text(collectives, individuals, households=0):
    """"01 tập thể và 10 cá nhân", "01 tập thể, 02 hộ gia đình và 10 cá nhân" (numbers below 10 with a leading 0)."""
    parts = [part for part in (f"{collectives:02d} tập thể" if collectives else "",
                               f"{households:02d} hộ gia đình" if households else "",
                               f"{individuals:02d} cá nhân" if individuals else "") if part]
    return " và ".join([", ".join(parts[:-1]), parts[-1]]) if len(parts) > 1 else "".join(parts)


def _nominations(dossier):
    return list(dossier.nominations.select_related("person__organisation", "organisation", "household", "report")
                .order_by("order", "pk"))


# --- Tờ trình of a dossier -------------------------------------------------------------------------------
def _dossier_name(context):
    return f"Tờ trình {context['doc']['number'] or 'đề nghị khen thưởng'}"


@register("to_trinh", label="Tờ trình đề nghị khen thưởng", template="documents/to_trinh.html",
          model="dossiers.Dossier", visible=dossiers_for, frozen=dossier_frozen, filename=_dossier_name)
def to_trinh(dossier, part=""):
    campaign, unit = dossier.campaign, dossier.organisation
    rows = [_nominee_row(n) for n in _nominations(dossier)]
    basis = _campaign_basis(campaign, plan_bases=True)
    if dossier.meeting_id:
        meeting = dossier.meeting
        basis.append(f"Căn cứ Biên bản họp bình xét thi đua, khen thưởng {date_text(meeting.held_at.date())} "
                     f"của {unit.name};")
    award_form = str(dossier.offer.award_form)
    phrase = award_phrase(award_form, dossier.offer.award_form.category)
    attachments = []
    if dossier.meeting_id:
        attachments.append("Biên bản họp bình xét thi đua, khen thưởng")
    counts = _counts(rows)
    attachments.append(f"Báo cáo thành tích của {counts_text(**counts)}")
    attachments += [a.title for a in dossier.attachments.filter(nomination__isnull=True).order_by("pk")]
    return {
        "doc": {**letterhead(unit, number=dossier.memo_number, on=dossier.memo_date,
                             symbol=unit.document_symbol("TTr")),
                "title": "Tờ trình", "subject": f"Về việc đề nghị {phrase}",
                "signature": signed_by(dossier, unit),
                "recipients": ["Như trên;"], "archive": "VT"},
        "addressee": campaign.issuer.council_name,
        "basis": basis, "plan_bases": campaign.plan_basis_lines(),
        "unit": unit.name, **campaign_words(campaign), "award_form": award_form,
        "award_phrase": phrase, "issuer": campaign.issuer.name, "counts": counts, "counts_text": counts_text(**counts),
        "nominees": rows,
        "attachments": attachments, "copies": dossier.offer.copies,
    }


# --- Biên bản họp bình xét of a unit ----------------------------------------------------------------------
def meeting_frozen(meeting):
    return meeting_is_frozen(meeting)


@register("bien_ban", label="Biên bản họp bình xét", template="documents/bien_ban.html",
          model="dossiers.NominationMeeting", visible=meetings_for, frozen=meeting_frozen,
          filename=lambda c: f"Biên bản họp bình xét {c['unit']}")
def bien_ban(meeting, part=""):
    held = meeting.held_at
    from django.utils import timezone

    held = timezone.localtime(held) if timezone.is_aware(held) else held
    votes = []
    meeting_votes = list(meeting.votes.select_related(
        "nomination__person", "nomination__organisation", "nomination__dossier__offer__award_form",
        "nomination__dossier__offer__campaign").order_by("nomination__dossier__offer__award_form__order",
                                                          "nomination__order", "pk"))
    CampaignAward.attach_vote_rules(vote.nomination.dossier.offer for vote in meeting_votes)
    for vote in meeting_votes:
        offer = vote.nomination.dossier.offer
        votes.append({"name": vote.nomination.name, "award_form": str(offer.award_form),
                      "for": vote.votes_for, "against": vote.votes_against, "abstain": vote.votes_abstain,
                      # the rate the page and the eligibility rule show: over the base the rule counts on, cut
                      "percent": percent_label(vote.percentage(offer.vote_rule.denominator))})
    return {
        "doc": {**letterhead(meeting.organisation, number=meeting.number, on=held.date(),
                             symbol=meeting.organisation.document_symbol("BB")),
                "title": "Biên bản",
                "subject": (f"Họp xét đề nghị {meeting.campaign.track_award}" if meeting.campaign.is_track
                            else f"Họp bình xét thi đua, khen thưởng trong {meeting.campaign.cited_name}")},
        "unit": meeting.organisation.name, **campaign_words(meeting.campaign),
        "time": f"{held:%H} giờ {held:%M} phút, {date_text(held.date())}", "place": meeting.place,
        "chair": meeting.chair, "secretary": meeting.secretary,
        "chair_name": name_only(meeting.chair), "secretary_name": name_only(meeting.secretary),
        "members_present": meeting.members_present, "members_total": meeting.members_total,
        "absent_text": absence_text(meeting.members_total, meeting.members_present, lines(meeting.absentees)),
        "discussion": lines(meeting.discussion),
        "ballot_type": meeting.get_ballot_type_display(), "votes": votes, "conclusion": lines(meeting.conclusion),
        "closed_at": f"{meeting.closed_at:%H} giờ {meeting.closed_at:%M} phút" if meeting.closed_at else "",
    }


# --- Báo cáo thành tích (Mẫu 08) of one nominee ----------------------------------------------------------
def nomination_frozen(nomination):
    return dossier_frozen(nomination.dossier)


@register("bao_cao", label="Báo cáo thành tích", template="documents/bao_cao.html",
          model="dossiers.Nomination", visible=nominations_for, frozen=nomination_frozen,
          filename=lambda c: f"Báo cáo thành tích {c['name']}")
def bao_cao(nomination, part=""):
    dossier = nomination.dossier
    report = getattr(nomination, "report", None)
    person = nomination.person
    individual = person is not None
    profile = dossier.campaign.legal_profile
    general = []
    if individual:
        general = [("Họ và tên", person.full_name), ("Giới tính", person.get_gender_display()),
                   ("Ngày, tháng, năm sinh", person.date_of_birth.strftime("%d/%m/%Y") if person.date_of_birth else ""),
                   ("Quê quán", (report.hometown if report and report.hometown else person.hometown)),
                   ("Đơn vị công tác", person.organisation.name),
                   ("Chức vụ", _position(report.position if report and report.position else person.position,
                                         person.organisation.name)),
                   ("Trình độ chuyên môn, nghiệp vụ",
                    (report.qualification if report and report.qualification else person.qualification))]
        if person.category not in PUBLIC_STAFF:  # a farmer, a business person, a citizen: where they live, work
            general[4] = ("Nơi cư trú, nơi làm việc", person.address or person.organisation.name)
    elif nomination.household_id:
        household = nomination.household
        general = [("Họ và tên chủ hộ", household.head_name),
                   ("Địa chỉ", (report.address if report else "") or household.address),
                   ("Lĩnh vực hoạt động", (report.functions if report else "") or household.activity)]
    else:
        org = nomination.organisation
        general = [("Tên tập thể", org.name), ("Địa chỉ trụ sở", (report.address if report else "") or org.address),
                   ("Điện thoại", (report.phone if report else "") or org.phone),
                   ("Tổng số lao động" if org.is_external else "Tổng số cán bộ, công chức, viên chức",
                    str(report.headcount) if report and report.headcount else "")]
    rating = ""
    if report and report.rating:
        rating = f"Năm {report.rating_year}: {report.get_rating_display()}"
        if report.rating_decision_number:
            rating += f" (Quyết định số {report.rating_decision_number}"
            rating += f" {date_text(report.rating_decision_date)})" if report.rating_decision_date else ")"
    org = person.organisation if individual else (
        nomination.household.organisation if nomination.household_id else nomination.organisation)
    form = report_template(profile, dossier.campaign.award_type, nomination.subject_type)
    return {
        **_awards_received(nomination, dossier.memo_date),
        "doc": {**letterhead(org, on=dossier.memo_date), "title": "Báo cáo thành tích",
                "subject": f"Đề nghị tặng {dossier.offer.award_form}"},
        # the form the profile prescribes for the award's loại hình and subject (awards.models.report_template)
        "form_label": form.label, "layout": form.layout, "career": lines(report.career) if report else [],
        "name": nomination.name, "individual": individual, **campaign_words(dossier.campaign),
        "award_form": str(dossier.offer.award_form), "general": [{"label": k, "value": v or ""} for k, v in general],
        "structure": lines(report.structure) if report and not individual else [],
        # a household's activity is in its general lines already
        "functions": lines(report.functions if not individual else report.duties)
        if report and not nomination.household_id else [],
        # the drive's targets (the drive form only); the template ends each line with its own "." (after the
        # figure): the text's own stop is left off
        "targets": [{"text": t.text.strip().rstrip(".;").rstrip(), "figure": t.figure}
                    for t in dossier.campaign.targets.order_by("order", "pk")]
        if form.layout == ReportLayout.DRIVE else [],
        "measures": lines(report.measures) if report else [], "results": lines(report.results) if report else [],
        "initiatives": lines(report.initiatives) if report else [], "rating": rating,
        "confirm_title": "Xác nhận của thủ trưởng đơn vị" if individual else "Xác nhận của cấp trình khen thưởng",
        "report_title": "Người báo cáo thành tích" if individual else "Thủ trưởng đơn vị",
        "report_name": nomination.name if individual else "",
    }


def _awards_received(nomination, on=None):
    """Section III of the Báo cáo thành tích: what the register holds for the nominee (a collective's merged
    units included), apart from this proposal's own award, in two lists: danh hiệu thi đua and hình thức khen
    thưởng, each row the year, the form, the decision's number and date and who decided. A report dated `on` (its
    Tờ trình's date) lists what was decided by that day, not an award decided after it was written."""
    from awards.enums import AwardCategory

    from .models import Award

    if nomination.person_id:
        awards = Award.objects.live().of_person(nomination.person)
    elif nomination.household_id:
        awards = Award.objects.live().filter(household=nomination.household)
    else:
        awards = Award.objects.live().of_unit(nomination.organisation)
    if on is not None:
        awards = awards.filter(decision_date__lte=on)
    rows = {"titles_received": [], "commendations_received": []}
    for award in (awards.exclude(nomination=nomination).select_related("award_form")
                  .order_by("year", "decision_date", "pk")):
        key = "titles_received" if award.award_form.category == AwardCategory.TITLE else "commendations_received"
        rows[key].append({"year": award.year, "award_form": award.award_form.name,
                          "decision": f"Quyết định số {award.decision_number} {date_text(award.decision_date)}",
                          "by": award.decided_by})
    return rows


# --- Phiếu yêu cầu bổ sung (the return slip) --------------------------------------------------------------
def _local_date(moment):
    """The calendar date of a stored (UTC) moment where the document is issued, or None."""
    from django.utils import timezone

    if moment is None:
        return None
    return (timezone.localtime(moment) if timezone.is_aware(moment) else moment).date()


@register("phieu_bo_sung", label="Phiếu yêu cầu bổ sung hồ sơ", template="documents/phieu_bo_sung.html",
          model="dossiers.Dossier", visible=dossiers_for, frozen=lambda d: True,
          filename=lambda c: f"Phiếu yêu cầu bổ sung {c['unit']} lần {c['version']}",
          parts=lambda d: ["", str(d.version)] if d.version else [""])  # the latest return's, by its number
def phieu_bo_sung(dossier, part=""):
    from .models import StateChange

    change = (StateChange.objects.filter(dossier=dossier, action="return").select_related("by")
              .order_by("-at", "-pk").first())
    returned = change.at if change else dossier.returned_at
    reviewer = (change.by.get_full_name() or change.by.username) if change and change.by else ""
    issuer = dossier.campaign.issuer
    notes = [{"name": n.name, "note": n.review_note} for n in _nominations(dossier) if n.review_note]
    return {
        "doc": {**letterhead(issuer, on=_local_date(returned)),
                "title": "Phiếu yêu cầu bổ sung hồ sơ",
                "subject": f"Hồ sơ đề nghị tặng {dossier.offer.award_form} của {dossier.organisation.name}",
                "signature": signature("Người thẩm định hồ sơ", reviewer),
                "recipients": [f"{dossier.organisation.name};"], "archive": "VT"},
        "unit": dossier.organisation.name, "version": dossier.version or 1, **campaign_words(dossier.campaign),
        "memo": dossier.memo_number, "reasons": lines(change.note if change else dossier.return_reason),
        "notes": notes,
        "deadline": dossier.campaign.dossier_deadline.strftime("%d/%m/%Y") if dossier.campaign.dossier_deadline else "",
    }


# --- Quyết định khen thưởng with its attached list ----------------------------------------------------------
def _not_an_award_decision(decision):
    if decision.kind == Decision.AMEND:
        return "Đây là quyết định đính chính: in bằng nút “In Quyết định đính chính”."
    return ("Đây là quyết định thu hồi khen thưởng: in bằng nút “In Quyết định thu hồi”."
            if decision.kind == Decision.REVOKE else "")


@register("quyet_dinh", label="Quyết định khen thưởng", template="documents/quyet_dinh.html",
          model="dossiers.Decision", visible=decisions_for, frozen=lambda d: True, refuse=_not_an_award_decision,
          filename=lambda c: f"Quyết định {c['doc']['number']}")
def quyet_dinh(decision, part=""):
    snap = decision.snapshot or {}
    issuer = decision.issuer
    rows = snap.get("awardees", [])
    total = snap.get("total_bonus", 0) or 0
    forms = sorted({row["award_form"] for row in rows})
    authority_line = in_hoa(issuer.authority)
    awardees, notes = [], []
    previous_form, sections = None, 0
    for row in rows:
        mark = ""
        if row.get("bonus_note"):
            notes.append({"mark": f"({len(notes) + 1})", "name": row["name"], "text": row["bonus_note"]})
            mark = notes[-1]["mark"]
        # several forms: a row naming the form above its awardees (the snapshot lists them form by form)
        section = ""
        if len(forms) > 1 and row["award_form"] != previous_form:
            sections += 1
            number = ROMAN[sections - 1] if sections <= len(ROMAN) else str(sections)
            section = f"{number}. {capfirst(award_phrase(row['award_form'], row.get('category')))}"
        previous_form = row["award_form"]
        awardees.append({**row, "bonus_text": _money(row.get("bonus")) or ("0" if mark else ""), "note_mark": mark,
                         "section": section, "unit_line": printed_unit(row)})
    return {
        "doc": {**letterhead(issuer, number=decision.reference, on=decision.date),
                "title": "Quyết định", "subject": decision.title,
                "signature": signed_by(decision, issuer),
                "recipients": ["Như Điều 3;"], "archive": "VT, TĐKT"},
        "authority_line": authority_line, "issuer": issuer.name, "basis": snap.get("basis", []),
        # the plan's own bases, for a decision that cites them (it prints the profile's lines only): read when the
        # decision is signed, as its document is frozen then
        "plan_bases": decision.campaign.plan_basis_lines() if decision.campaign_id else [],
        "memo_reference": decision.memo_reference, "forms": forms,
        "collectives": snap.get("collectives", 0), "individuals": snap.get("individuals", 0),
        **_article_one(snap), "awardees": awardees, "notes": notes,
        "title_bonus_basis": " và ".join(snap.get("title_bonus_basis", [])),
        "total": _money(total), "total_words": so_thanh_chu_tien(total) if total else "",
        "list_caption": f"(Kèm theo Quyết định số {decision.reference} {date_text(decision.date)} của "
                        f"{issuer.authority})",
    }


def _article_one(snap):
    """Điều 1 and the list's heading, with the verb of each award form (công nhận danh hiệu / tặng) and the
    distinct people and collectives. A snapshot signed before the counts per form were kept has no "groups":
    its Điều 1 prints as it did ("Tặng … cho …")."""
    groups = snap.get("groups")
    if not groups:
        forms = ", ".join(sorted({row["award_form"] for row in snap.get("awardees", [])}))
        return {"clauses": [], "lead": f"tặng {forms}", "counts_text": counts_text(
            snap.get("collectives", 0), snap.get("individuals", 0), snap.get("households", 0)),
            "bonus_of": "các hình thức khen thưởng",
            "annex_heading": f"Tập thể, cá nhân được tặng {forms}"}
    clauses = [{"phrase": award_phrase(g["award_form"], g["category"]), "title": g["category"] == AwardCategory.TITLE,
                "counts_text": counts_text(g["collectives"], g["individuals"], g.get("households", 0))}
               for g in groups]
    titles = [g for g in groups if g["category"] == AwardCategory.TITLE]
    commendations = [g["award_form"] for g in groups if g["category"] != AwardCategory.TITLE]
    if len(clauses) == 1:
        lead = clauses[0]["phrase"]
    else:
        lead = " và ".join(part for part in ("công nhận danh hiệu thi đua" if titles else "",
                                             f"tặng {', '.join(commendations)}" if commendations else "") if part)
    collectives, individuals = snap.get("collectives", 0) + snap.get("households", 0), snap.get("individuals", 0)
    subjects = "Tập thể, cá nhân" if collectives and individuals else ("Tập thể" if collectives else "Cá nhân")
    return {"clauses": clauses, "lead": lead,
            "counts_text": counts_text(snap.get("collectives", 0), individuals, snap.get("households", 0)),
            "bonus_of": ("các danh hiệu thi đua, hình thức khen thưởng" if titles and commendations
                         else "các danh hiệu thi đua" if titles else "các hình thức khen thưởng"),
            "annex_heading": f"{subjects} được {lead}"}


def _money(amount):
    return so(amount) if amount else ""


# --- Quyết định thu hồi, đính chính (dossiers/services/revocation.py, amendment.py) ---------------------------
def _act_refusal(kind, label, short):
    """Why a decision does not print as the act `kind` (`label`: "thu hồi khen thưởng", `short`: "thu hồi"): another
    kind, or a higher authority's act the portal records without printing."""
    def refuse(decision):
        if decision.kind != kind:
            return f"Không phải quyết định {label}."
        if decision.higher_authority:
            return (f"Quyết định {short} của {decision.higher_authority}: cổng ghi nhận, không in; văn bản do cấp đã "
                    "quyết định ban hành.")
        return ""
    return refuse


_revocation_refusal = _act_refusal(Decision.REVOKE, "thu hồi khen thưởng", "thu hồi")
_amendment_refusal = _act_refusal(Decision.AMEND, "đính chính", "đính chính")


def _act_context(decision, key):
    """What a decision acting on another prints in common: the frame, the căn cứ ending with the decision it acts
    on (`key`: "revokes", "amends" in the snapshot), how it cites it, the counts. Returns (snapshot, context)."""
    snap, issuer = decision.snapshot or {}, decision.issuer
    on = date.fromisoformat(snap[f"{key}_date"]) if snap.get(f"{key}_date") else None
    cited = f"Quyết định số {snap.get(key, '')} {date_text(on) if on else ''}".strip()
    cited_full = f"{cited} của {snap.get(f'{key}_authority', issuer.authority)} " \
                 f"{lower_first(snap.get(f'{key}_title', ''))}".replace("  ", " ").strip()
    return snap, {
        "doc": {**letterhead(issuer, number=decision.reference, on=decision.date),
                "title": "Quyết định", "subject": decision.title, "signature": signed_by(decision, issuer),
                "recipients": ["Như Điều 3;"], "archive": "VT, TĐKT"},
        "authority_line": in_hoa(issuer.authority), "issuer": issuer.name,
        "basis": [*snap.get("basis", []), f"Căn cứ {cited_full};"],
        "cited": cited, "cited_full": cited_full, "reason": snap.get("reason", ""),
        "counts_text": counts_text(snap.get("collectives", 0), snap.get("individuals", 0), snap.get("households", 0)),
    }


@register("quyet_dinh_thu_hoi", label="Quyết định thu hồi khen thưởng", template="documents/quyet_dinh_thu_hoi.html",
          model="dossiers.Decision", visible=decisions_for, frozen=lambda d: True,
          refuse=_revocation_refusal,
          filename=lambda c: f"Quyết định thu hồi {c['doc']['number']}")
def quyet_dinh_thu_hoi(decision, part=""):
    snap, context = _act_context(decision, "revokes")
    total = snap.get("to_recover", 0) or 0
    return {
        **context, "whole": snap.get("whole", False), "awardees": snap.get("awardees", []), "total": _money(total),
        "total_words": so_thanh_chu_tien(total) if total else "",
        "list_caption": f"(Kèm theo Quyết định số {decision.reference} {date_text(decision.date)} của "
                        f"{decision.issuer.authority})",
    }


@register("quyet_dinh_dinh_chinh", label="Quyết định đính chính", template="documents/quyet_dinh_dinh_chinh.html",
          model="dossiers.Decision", visible=decisions_for, frozen=lambda d: True,
          refuse=_amendment_refusal,
          filename=lambda c: f"Quyết định đính chính {c['doc']['number']}")
def quyet_dinh_dinh_chinh(decision, part=""):
    snap, context = _act_context(decision, "amends")
    rows = [{**row, "where": (f"Tại số thứ tự {row['stt']:02d} của Danh sách kèm theo Quyết định, {row['name']}"
                              if row.get("stt") else row["name"])} for row in snap.get("awardees", [])]
    return {**context, "awardees": rows}


# --- Certificates (Bằng khen, Giấy khen) ------------------------------------------------------------------
def _certificate_unit(award, subject):
    """The line under the name: position and unit of a person, the parent body of a collective (unless the
    collective's name already ends with it: "Phòng …, Sở Nội vụ tỉnh …")."""
    if award.corrected_unit:  # an amending decision corrected the line (dossiers/services/amendment.py)
        return award.corrected_unit
    if award.person_id:
        return f"{subject.position}, {subject.organisation.name}" if subject.position else subject.organisation.name
    if award.household_id:
        return subject.address
    parent = subject.parent.name if subject.parent else ""
    return "" if parent and subject.name.endswith(parent) else parent


def certificate_refusal(award):
    """Why the portal does not print this award's certificate, "" when it does. It prints what its own bodies
    decided on the portal; a Bằng khen of the Prime Minister or any award a higher authority decided (a
    decision recorded from that authority, or an award imported or entered by hand in the register) is
    recorded, and its certificate is printed and given by the authority that decided it."""
    decision = award.decision
    if award.is_revoked:
        revoking = award.revoked_by
        return (f"{award.award_form} của {award.subject_name} đã bị thu hồi theo Quyết định số {revoking.reference} "
                f"{date_text(revoking.date)}: không in bằng khen, giấy khen.")
    if decision is not None and decision.kind == Decision.OWN and award.source == Award.PORTAL:
        return ""
    if decision is not None and decision.kind == Decision.HIGHER:
        by = decision.higher_authority or award.decided_by
    else:
        by = award.decided_by
    return (f"{award.award_form} của {award.subject_name} do {by or 'cơ quan khác'} quyết định (Quyết định số "
            f"{award.decision_number} {date_text(award.decision_date)}): cổng ghi nhận vào sổ khen thưởng, không "
            f"in. Bằng do cấp đã quyết định khen thưởng in và trao; cổng chỉ in bằng khen, giấy khen theo quyết "
            f"định do cơ quan ký trên cổng.")


def _certificate(award):
    """The certificate's text. The QR code and the address under it are made when the PDF is rendered, from
    `verify_path` and the portal's address then (settings.SITE_URL): a snapshot frozen at signing prints the
    address where the portal runs, not where it ran that day."""
    from django.urls import reverse

    decision = award.decision  # the body's own (certificate_refusal keeps the others from printing)
    subject = award.person if award.person_id else award.household if award.household_id else award.organisation
    return {
        "title": in_hoa(award.award_form.certificate_title or award.form_name),
        "authority": in_hoa(decision.issuer.authority),
        "name": award.subject_name, "award_form": award.form_name, "individual": bool(award.person_id),
        "unit": _certificate_unit(award, subject),
        "achievement": award.achievement or (award.campaign.title if award.campaign_id else ""),
        "decision": f"Quyết định số {award.decision_number} {date_text(award.decision_date)}",
        "place_date": letterhead(decision.issuer, on=decision.date)["place_date"],
        "signature": signed_by(decision, decision.issuer), "number": f"{award.pk:05d}",
        "verification_code": award.verification_code,
        "verify_path": reverse("dossiers:verify_award", args=[award.verification_code]),
        "offsets": certificate_offsets(award.award_form, province=decision.issuer.root_id()),
    }


def certificate_offsets(award_form, province=None):
    """{field: [x_mm, y_mm]} for printing on blank stock: the province's calibration of the form
    (CertificateLayout), else the form's national one, over the defaults of CERTIFICATE_FIELDS, as plain
    numbers (they go into a style attribute)."""
    from awards.models import CERTIFICATE_FIELDS

    from .models import CertificateLayout

    own = CertificateLayout.objects.filter(province=province, award_form=award_form).first() if province else None
    stored = own.offsets if own is not None else award_form.certificate_offsets
    stored = stored if isinstance(stored, dict) else {}
    offsets = {}
    for key, (_label, default) in CERTIFICATE_FIELDS.items():
        try:
            x, y = (float(value) for value in stored.get(key, default))
        except (TypeError, ValueError):
            x, y = (float(value) for value in default)
        offsets[key] = [round(x, 1), round(y, 1)]
    return offsets


@register("giay_chung_nhan", label="Bằng khen, Giấy khen (giấy trắng)", template="documents/certificate.html",
          model="dossiers.Award", visible=awards_for, frozen=lambda a: True, refuse=certificate_refusal,
          filename=lambda c: f"{c['award_form']} - {c['name']}", site_bound=True)
def certificate(award, part=""):
    return _certificate(award)


@register("giay_chung_nhan_phoi", label="Bằng khen, Giấy khen (in lên phôi)",
          template="documents/certificate_blank.html", model="dossiers.Award", visible=awards_for,
          frozen=lambda a: False, refuse=certificate_refusal,
          filename=lambda c: f"{c['award_form']} - {c['name']} (in lên phôi)", site_bound=True)
def certificate_on_blank(award, part=""):
    # not frozen: the offsets are calibrated by an admin, and a new calibration must print anew
    return _certificate(award)


# --- every certificate of a decision, as one PDF -----------------------------------------------------------
def _printable_awards(decision):
    """The decision's awards whose certificate the portal prints, in the order of the decision's list."""
    awards = decision.awards.live().select_related(
        "decision__issuer", "person__organisation", "organisation__parent", "award_form", "campaign").order_by(
        "nomination__dossier__organisation__path", "nomination__order", "pk")
    return [award for award in awards if not certificate_refusal(award)]


def decision_certificates_refusal(decision):
    """Why the portal prints no certificate of this decision ("" when it prints some)."""
    if decision.kind != Decision.OWN:
        return (f"Quyết định của {decision.higher_authority or 'cấp trên'}: cổng ghi nhận các khen thưởng vào sổ "
                "khen thưởng, không in bằng khen, giấy khen. Bằng do cấp quyết định khen thưởng in và trao.")
    if not decision.awards.live().filter(source=Award.PORTAL).exists():
        return "Quyết định không có người, tập thể nào được cổng in bằng khen, giấy khen (hoặc đã bị thu hồi hết)."
    return ""


def _certificates(decision, template):
    """One part per awardee of the decision, each the single certificate's own template and context."""
    return {"parts": [{"template": template, "context": _certificate(award)} for award in _printable_awards(decision)],
            "copies": 1, "reference": decision.reference}


@register("giay_chung_nhan_qd", label="Toàn bộ bằng khen, giấy khen của quyết định (giấy trắng)",
          # frozen once printed, until a revocation takes certificates out of it or an amendment corrects one
          model="dossiers.Decision", visible=decisions_for, merged=True,
          frozen=lambda d: not (d.revocations.exists() or d.amendments.exists()),
          refuse=decision_certificates_refusal,
          filename=lambda c: f"Bằng khen, giấy khen theo Quyết định {c['reference']}", site_bound=True)
def decision_certificates(decision, part=""):
    return _certificates(decision, "documents/certificate.html")


@register("giay_chung_nhan_qd_phoi", label="Toàn bộ bằng khen, giấy khen của quyết định (in lên phôi)",
          model="dossiers.Decision", visible=decisions_for, frozen=lambda d: False, merged=True,
          refuse=decision_certificates_refusal,
          filename=lambda c: f"Bằng khen, giấy khen theo Quyết định {c['reference']} (in lên phôi)", site_bound=True)
def decision_certificates_on_blank(decision, part=""):
    # not frozen, as one certificate on blank stock: a new calibration of the province's layout prints anew
    return _certificates(decision, "documents/certificate_blank.html")


# --- Tờ trình to the higher authority ------------------------------------------------------------------------
@register("to_trinh_cap_tren", label="Tờ trình đề nghị cấp trên khen thưởng",
          template="documents/to_trinh_cap_tren.html",
          model="dossiers.Forwarding", visible=lambda user: _issued_for(Forwarding, user), frozen=lambda f: True,
          filename=lambda c: f"Tờ trình {c['doc']['number']}")
def to_trinh_cap_tren(forwarding, part=""):
    nominations = list(forwarding.nominations.select_related(
        "person__organisation", "organisation", "report", "dossier__offer__award_form").order_by(
        "dossier__offer__award_form__order", "dossier__organisation__path", "order"))
    rows = [{**_nominee_row(n), "award_form": str(n.dossier.offer.award_form)} for n in nominations]
    groups = {}
    for row in rows:
        group = groups.setdefault(row["award_form"], {"award_form": row["award_form"], "collectives": 0,
                                                      "individuals": 0})
        group["individuals" if row["individual"] else "collectives"] += 1
    issuer = forwarding.issuer
    basis = _campaign_basis(forwarding.campaign) if forwarding.campaign_id else []
    return {
        "doc": {**letterhead(issuer, number=forwarding.memo_number, on=forwarding.memo_date),
                "title": "Tờ trình", "subject": "Về việc đề nghị khen thưởng",
                "signature": signed_by(forwarding, issuer),
                "recipients": ["Như trên;", "Ban Thi đua – Khen thưởng;"], "archive": "VT, TĐKT"},
        "addressee": forwarding.to_authority, "issuer": issuer.name, "basis": basis,
        # a track has no movement to name: "trên cơ sở hồ sơ đề nghị của các cơ quan, đơn vị" alone
        "campaign": forwarding.campaign.title if forwarding.campaign_id and not forwarding.campaign.is_track else "",
        "campaign_cited": forwarding.campaign.cited_name if forwarding.campaign_id else "",
        "groups": list(groups.values()), "nominees": rows, "counts": _counts(rows),
    }


# --- the council's Biên bản ----------------------------------------------------------------------------------

def _council_purpose(campaign):
    """" xét khen thưởng trong phong trào …", " xét đề nghị khen thưởng đột xuất" (a track), or nothing."""
    if campaign is None:
        return ""
    if campaign.is_track:
        return f" xét đề nghị {campaign.track_award}"
    return f" xét khen thưởng trong {campaign.cited_name}"


@register("bien_ban_hoi_dong", label="Biên bản họp Hội đồng Thi đua – Khen thưởng",
          template="documents/bien_ban_hoi_dong.html", model="dossiers.CouncilSession",
          visible=lambda user: _issued_for(CouncilSession, user), frozen=lambda s: s.closed_at is not None,
          filename=lambda c: f"Biên bản họp Hội đồng {c['date']}")
def bien_ban_hoi_dong(session, part=""):
    from django.utils import timezone

    held = timezone.localtime(session.held_at)
    members = list(session.members.all())
    ballots = []
    for ballot in session.ballots.select_related("nomination__person", "nomination__organisation",
                                                 "nomination__dossier__offer__award_form",
                                                 "nomination__dossier__organisation").order_by(
            "nomination__dossier__offer__award_form__order", "pk"):
        ballots.append({
            "name": ballot.nomination.name, "unit": ballot.nomination.dossier.organisation.name,
            "award_form": str(ballot.nomination.dossier.offer.award_form),
            "ballot_type": ballot.get_ballot_type_display(), "for": ballot.votes_for,
            "against": ballot.votes_against, "abstain": ballot.votes_abstain, "written": ballot.written_votes_for,
            "percent": percent_label(ballot.percentage) if ballot.percentage is not None else "",
            "result": "Đạt" if ballot.passed else ("Không đạt" if ballot.passed is False else ""),
        })
    # the public comment the office reported before the vote (docs/domain.md, Public comment): only when there was one
    voted = {b.nomination_id: b.nomination for b in session.ballots.select_related(
        "nomination__person", "nomination__organisation", "nomination__dossier__offer__award_form")}
    summaries = public_comment.summaries(voted.values())
    public_comments = [{"name": voted[pk].name, "award_form": str(voted[pk].dossier.offer.award_form),
                        "line": summary.line, "approved": [{"name": c.name, "text": c.text} for c in summary.approved]}
                       for pk, summary in summaries.items() if pk in voted]
    return {
        "public_comments": public_comments,
        # the council issues its own minutes, under its body, in its own series of numbers (docs/domain.md, Documents)
        "doc": {**letterhead(session.issuer, number=session.minutes_number, on=held.date(), symbol="BB-HĐTĐKT"),
                "parent_body": unbroken_names(in_hoa(session.issuer.name)),
                "issuer": unbroken_names(in_hoa("Hội đồng Thi đua – Khen thưởng")),
                "title": "Biên bản",
                "subject": "Họp Hội đồng Thi đua – Khen thưởng" + _council_purpose(session.campaign)},
        "issuer": session.issuer.name, "date": held.strftime("%d-%m-%Y"),
        "time": f"{held:%H} giờ {held:%M} phút, {date_text(held.date())}", "place": session.place,
        "chair": session.chair, "chair_title": session.chair_title, "secretary": session.secretary,
        # the roll call's members present, as the minutes name them: "Phạm Thu Hà (Chánh Văn phòng), Ủy viên"
        "present_members": [f"{m.full_name}{f' ({m.position})' if m.position else ''}, {m.get_title_display()}"
                            for m in members if m.is_present],
        # under the signatures, the names alone (the roll call's; on paper, what was typed)
        "chair_name": next((m.full_name for m in members if m.presides), name_only(session.chair)),
        "secretary_name": next((m.full_name for m in members if m.is_present and m.title == "secretary"),
                               name_only(session.secretary)),
        "members_present": session.members_present,
        "members_total": session.members_total, "ballots": ballots,
        "absent_text": absence_text(session.members_total, session.members_present, lines(session.absentees)),
        "ballot_types": list(dict.fromkeys(b["ballot_type"] for b in ballots)),
        "passed": sum(1 for b in ballots if b["result"] == "Đạt"), "conclusion": lines(session.conclusion),
    }


# --- the whole dossier as one PDF ------------------------------------------------------------------------------
@register("ho_so", label="Toàn bộ hồ sơ (gộp một tệp)", model="dossiers.Dossier", visible=dossiers_for,
          frozen=dossier_frozen, merged=True, filename=lambda c: f"Hồ sơ {c['name']}")
def ho_so(dossier, part=""):
    """Tờ trình, Biên bản, then every nominee's Báo cáo, repeated for the number of copies asked."""
    parts = [{"template": "documents/to_trinh.html", "context": to_trinh(dossier)}]
    meeting = dossier.meeting
    if meeting is not None:
        parts.append({"template": "documents/bien_ban.html", "context": bien_ban(meeting)})
    for nomination in _nominations(dossier):
        parts.append({"template": "documents/bao_cao.html", "context": bao_cao(nomination)})
    return {"parts": parts, "copies": dossier.offer.copies,
            "name": f"{dossier.offer.award_form} – {dossier.organisation.name}"}


from . import docx  # noqa: E402,F401
