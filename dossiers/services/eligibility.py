"""Eligibility of each nominee: computed, shown and explained (issue: Eligibility and quotas).

Each rule is a function returning a `Check` (passed or not, and why). Whether a failed rule blocks
submission or only warns is data (`EligibilityRule.is_blocking`), editable by an admin. A reviewer
may accept a nominee despite a warning with a written, logged reason.

`evaluate()` computes the verdicts; services/checks.py stores them on the nominees' rows, which is what
the pages read.
"""
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q, Subquery
from django.utils import timezone

from awards.enums import ReportLayout, SubjectType
from campaigns import sections
from campaigns.enums import ComponentKind
from core.db import aggregate_subquery

from ..enums import GOOD_OR_BETTER, DossierState
from ..models.dossier import report_layouts
from .history import register_history


@dataclass
class Check:
    code: str
    label: str
    passed: bool
    message: str
    blocking: bool = True

    def as_json(self):
        """What Nomination.checks keeps of it (services/checks.py)."""
        return {"code": self.code, "label": self.label, "passed": self.passed, "message": self.message,
                "blocking": self.blocking}

    @property
    def level(self):
        if self.passed:
            return "ok"
        return "error" if self.blocking else "warning"


RULES = {}


def rule(code, label, *, blocking=True, params=None):
    """Register a rule; `blocking` is its default when no EligibilityRule row configures it.

    `params` declares the rule's numeric parameters as {name: (Vietnamese label, default)}; the
    function receives them as keyword arguments, with the values an admin set on the rule's row.
    """
    def register(function):
        RULES[code] = (label, function, blocking, params or {})
        return function
    return register


def rule_params(code, setting=None):
    """The parameters the rule `code` runs with: its defaults, overridden by the admin's values."""
    stored = setting.parameters if setting is not None else {}
    return {name: int(stored.get(name, default)) for name, (_label, default) in RULES[code][3].items()}


def _report(nomination):
    return getattr(nomination, "report", None)


@rule("criteria", "Đạt các tiêu chuẩn của phong trào")
def criteria_rule(nomination, context):
    required = [c for c in context["criteria"] if c.subject_type == nomination.subject_type]
    confirmed = {c.pk for c in nomination.confirmed_criteria}
    mandatory = [c for c in required if c.is_blocking]
    missing = [c for c in mandatory if c.pk not in confirmed]
    if missing:
        first = missing[0].text if len(missing[0].text) <= 90 else missing[0].text[:87] + "…"
        return False, f"Chưa xác nhận {len(missing)}/{len(mandatory)} tiêu chuẩn bắt buộc (ví dụ: “{first}”)."
    done = sum(1 for c in required if c.pk in confirmed)
    optional = len(required) - len(mandatory)
    if done < len(required):
        return True, (f"Đã xác nhận {len(mandatory)}/{len(mandatory)} tiêu chuẩn bắt buộc; "
                      f"{done - len(mandatory)}/{optional} tiêu chuẩn không bắt buộc.")
    return True, f"Đã xác nhận {len(required)} tiêu chuẩn."


@rule("rating", "Xếp loại năm từ “hoàn thành tốt nhiệm vụ” trở lên")
def rating_rule(nomination, context):
    if context.get("layouts", {}).get(nomination.subject_type) == ReportLayout.SUDDEN:
        return True, "Khen thưởng đột xuất: không xét kết quả xếp loại năm."
    report = _report(nomination)
    if not report or not report.rating:
        return False, "Báo cáo thành tích chưa ghi kết quả xếp loại."
    label = report.get_rating_display().lower()
    if report.rating not in GOOD_OR_BETTER:
        return False, f"Năm {report.rating_year or '?'} xếp loại “{label}”."
    reference = f" (Quyết định số {report.rating_decision_number})" if report.rating_decision_number else ""
    return True, f"Năm {report.rating_year or '?'}: {label}{reference}."


@rule("discipline", "Không trong thời gian thi hành kỷ luật")
def discipline_rule(nomination, context):
    report = _report(nomination)
    if nomination.subject_type == SubjectType.INDIVIDUAL and report and report.under_discipline:
        return False, "Báo cáo thành tích ghi đang trong thời gian thi hành kỷ luật."
    return True, "Không bị kỷ luật."


@rule("quota", "Trong chỉ tiêu của đơn vị")
def quota_rule(nomination, context):
    """Within the quota. A unit's quota (fixed, a share of its staff, or its own) counts the unit's nominees; a
    share of another form's nominees (Chiến sĩ thi đua cơ sở as at most 15 % of Lao động tiên tiến) counts the
    whole issuing body, the body that decides (context["quota_where"]). Over the quota, only the nominees beyond
    it fail, in the order they were proposed (context["rank"]: the unit's own order; across the body, the
    dossiers in the order they were sent), and the message says the rule and its source."""
    dossier = nomination.dossier
    limit = context["quota"]
    if limit is None:
        return True, "Hình thức này không giới hạn số lượng."
    used, where = context["used"], context.get("quota_where", "Đơn vị")
    if used <= limit:
        return True, f"{where} đề nghị {used}/{limit}."
    offer = dossier.offer
    over = f"{where} đề nghị {used} trong khi chỉ tiêu {offer.award_form} là {limit}{_quota_rule_text(offer)}"
    rank = context.get("rank", {}).get(nomination.pk)
    if rank is None:
        return False, over + "."
    if rank <= limit:
        return True, f"{over}: đề nghị thứ {rank} theo thứ tự, trong chỉ tiêu."
    return False, f"{over}: đề nghị thứ {rank} theo thứ tự, ngoài chỉ tiêu."


def _quota_rule_text(offer):
    """' (tối đa 15% số được đề nghị Lao động tiên tiến; căn cứ: …)' for a quota's message; '' without either."""
    from campaigns.enums import QuotaKind

    parts = []
    if offer.quota_kind != QuotaKind.NONE:
        label = offer.quota_label()
        parts.append(label[0].lower() + label[1:])
    if offer.quota_source:
        parts.append(f"căn cứ: {offer.quota_source}")
    return f" ({'; '.join(parts)})" if parts else ""


@rule("deadline", "Nộp trong hạn", blocking=False)
def deadline_rule(nomination, context):
    """A dossier the unit has sent (and that was not returned to it) is judged on the day it was sent; one
    still with the unit, on today."""
    dossier = nomination.dossier
    deadline = dossier.campaign.dossier_deadline
    if deadline is None:
        return True, "Phong trào chưa ấn định hạn nộp."
    if dossier.submitted_at is not None and not dossier.is_editable:
        sent = timezone.localdate(dossier.submitted_at)
        if sent > deadline:
            return False, (f"Hạn nộp hồ sơ là {deadline:%d/%m/%Y}, nộp ngày {sent:%d/%m/%Y}: "
                           f"trễ {(sent - deadline).days} ngày.")
        return True, f"Nộp ngày {sent:%d/%m/%Y}, trong hạn {deadline:%d/%m/%Y}."
    today = context["today"]
    if today > deadline:
        return False, f"Hạn nộp hồ sơ là {deadline:%d/%m/%Y}, đã quá {(today - deadline).days} ngày."
    return True, f"Hạn nộp {deadline:%d/%m/%Y}."


@rule("meeting_vote", "Tỷ lệ phiếu bình xét đạt yêu cầu")
def meeting_vote_rule(nomination, context):
    vote = getattr(nomination, "meeting_vote", None)
    if vote is None and not context.get("meeting_required", True):
        return True, "Không bắt buộc họp bình xét (khen thưởng ngoài phong trào không yêu cầu Biên bản)."
    if vote is None:
        return False, "Chưa ghi kết quả biểu quyết trong Biên bản họp bình xét."
    rule = nomination.dossier.offer.vote_rule  # the campaign's legal-basis profile's, else the catalogue's
    threshold = rule.threshold
    percent = percent_label(vote.percentage(rule.denominator))
    if not vote.reaches(threshold, rule.denominator):
        return False, f"Đạt {percent} phiếu đồng ý, cần từ {percent_label(threshold)}."
    return True, f"Đạt {percent} phiếu đồng ý."


def percent_label(value):
    """66.6667 -> '66,67%'; 70.00 -> '70%'."""
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


@rule("not_yet_awarded", "Chưa được khen cùng thành tích")
def not_yet_awarded_rule(nomination, context):
    """Not proposed twice for one achievement in the campaign. Luật Thi đua, khen thưởng 2022 (the principles
    of awarding, Điều 5, to be checked against the official text): "không tặng nhiều hình thức khen thưởng cho
    một thành tích đạt được". Danh hiệu thi đua are recognised, not given for an achievement: one person may be
    proposed for Lao động tiên tiến and Chiến sĩ thi đua cơ sở of the same year, or for a danh hiệu and a
    hình thức. So the rule refuses the same form twice, and two hình thức khen thưởng."""
    form = nomination.dossier.offer.award_form
    same = [other for other in context["same_campaign"]
            if other.pk != nomination.pk and other.subject_type == nomination.subject_type
            and (other.person_id, other.organisation_id, other.household_id) == (
                nomination.person_id, nomination.organisation_id, nomination.household_id)
            and _one_achievement(form, other.dossier.offer.award_form)]
    if same:
        other = same[0]
        return False, (f"Đã được đề nghị {other.dossier.offer.award_form} trong cùng phong trào "
                       f"(hồ sơ của {other.dossier.organisation}).")
    return True, "Chưa được đề nghị, khen thưởng cho thành tích này."


@rule("registered", "Đã đăng ký thi đua (danh hiệu thi đua)", blocking=False)
def registered_rule(nomination, context):
    """A danh hiệu thi đua rewards a registered aim: the nominee is in an accepted registration of the campaign
    for this form (Luật Thi đua, khen thưởng 2022 on đăng ký thi đua; the article is to be checked against the
    official text: docs/domain.md). Whether this blocks, warns or does not apply is each province's choice."""
    from awards.enums import AwardCategory

    if nomination.dossier.offer.award_form.category != AwardCategory.TITLE:
        return True, "Không áp dụng: hình thức khen thưởng không cần đăng ký thi đua."
    if nomination.subject_type not in (SubjectType.INDIVIDUAL, SubjectType.COLLECTIVE):
        return True, "Không áp dụng: đối tượng này không đăng ký thi đua trên cổng."
    if context["registered"] is None:  # the campaign holds no accepted registration: registrations kept elsewhere
        return True, "Không áp dụng: phong trào chưa có đăng ký thi đua nào được tiếp nhận trên cổng."
    subject = (nomination.subject_type, nomination.person_id or nomination.organisation_id)
    if subject in context["registered"]:
        return True, "Có trong đăng ký thi đua đã được tiếp nhận."
    reason = f" Lý do đề nghị ngoài đăng ký: {nomination.unregistered_reason}" if nomination.unregistered_reason else ""
    return False, f"Không có trong đăng ký thi đua đã được tiếp nhận của phong trào.{reason}"


def registered_subjects(dossier):
    """{(subject type, person or unit id)} registered for the dossier's form in the campaign's accepted
    registrations; None when the campaign has no accepted registration at all: two queries."""
    from campaigns.enums import RegistrationStatus
    from campaigns.models import Registration, RegistrationEntry

    accepted = Registration.objects.filter(campaign_id=dossier.campaign_id, status=RegistrationStatus.ACCEPTED)
    if not accepted.exists():
        return None
    rows = RegistrationEntry.objects.filter(registration__in=accepted, award_form_id=dossier.offer.award_form_id
                                            ).values_list("subject_type", "person_id", "organisation_id")
    return {(subject_type, person or unit) for subject_type, person, unit in rows}


def _one_achievement(form, other):
    """Whether two award forms proposed for one subject would reward the same achievement twice: the same form,
    or two hình thức khen thưởng (a danh hiệu thi đua goes with any other form)."""
    from awards.enums import AwardCategory

    if form.pk is not None and form.pk == other.pk:
        return True
    return AwardCategory.TITLE not in (form.category, other.category)


@dataclass(frozen=True)
class RuleSetting:
    """A rule as it applies somewhere: the national default overlaid by the province's and the campaign's choice
    (`where`: "national", "province" or "campaign", the layer that decided)."""

    code: str
    label: str
    is_active: bool
    is_blocking: bool
    parameters: dict
    where: str = "national"
    note: str = ""

    @property
    def mode_label(self):
        """'áp dụng, chặn' / 'áp dụng, chỉ cảnh báo' / 'không áp dụng': how it applies, in the pages' words."""
        if not self.is_active:
            return "không áp dụng"
        return "áp dụng, chặn" if self.is_blocking else "áp dụng, chỉ cảnh báo"


def _overlay(base, row, where):
    # a layer without parameters of its own (a campaign's exception) keeps those of the layer below
    return RuleSetting(base.code, base.label, row.is_active, row.is_blocking, row.parameters or base.parameters,
                       where, getattr(row, "note", ""))


def rule_settings(campaign=None, *, province=None):
    """{code: RuleSetting} for every configured rule: the national defaults (EligibilityRule), overlaid by the
    province's choices (ProvinceRule of `province`, or of the root of `campaign`'s issuer) and by `campaign`'s
    own exceptions (CampaignRule). Three queries at most."""
    from ..models.rules import CampaignRule, EligibilityRule, ProvinceRule

    settings = {row.code: RuleSetting(row.code, row.label, row.is_active, row.is_blocking, row.parameters or {})
                for row in EligibilityRule.objects.all()}
    if province is None and campaign is not None:  # the issuer's root, read the same way whatever is cached
        from orgs.models import Organisation

        province = Organisation(path=Organisation.objects.values_list("path", flat=True).get(
            pk=campaign.issuer_id)).root_id()
    layers = []
    if province is not None:
        layers.append((ProvinceRule.objects.filter(province=province), "province"))
    if campaign is not None:
        layers.append((CampaignRule.objects.filter(campaign=campaign), "campaign"))
    for rows, where in layers:
        for row in rows:
            if row.code in settings:
                settings[row.code] = _overlay(settings[row.code], row, where)
    return settings


def nominations_query(dossier):
    """The dossier's nominees with the rows each one's line on the page reads, in order."""
    return dossier.nominations.select_related(
        "person__organisation", "organisation", "report", "meeting_vote__meeting").order_by("order", "pk")


def load_nominations(dossier):
    """The dossier's nominees with everything the page, the checklist and the rules read, in two queries.

    Each nominee's `.dossier` is `dossier` itself (read through its related manager): its campaign and
    award form come with it, not joined again. `confirmed_criteria`: the campaign's criteria the unit
    confirmed for the nominee, from one read of the link table (a prefetch would build a related manager
    and clone a queryset per nominee: a third of a big dossier's page time)."""
    from ..models import Nomination

    nominations = list(nominations_query(dossier))
    links = Nomination.criteria_confirmed.through.objects.filter(
        nomination_id__in=[n.pk for n in nominations]).values_list("nomination_id", "criterion_id")
    confirmed = defaultdict(set)
    for nomination_id, criterion_id in links:
        confirmed[nomination_id].add(criterion_id)
    criteria = sections.criteria(dossier.campaign)
    for nomination in nominations:
        nomination.confirmed_criteria = [c for c in criteria if c.pk in confirmed[nomination.pk]]
    return nominations


def _live(campaign):
    """The nominations of a campaign that count: every dossier but the withdrawn ones."""
    from ..models import Nomination

    return Nomination.objects.filter(dossier__campaign=campaign).exclude(dossier__state=DossierState.WITHDRAWN)


def _figures(campaign, unit, offer, quota_base):
    """The figures' expressions for one dossier's campaign, unit, offer and the award form its quota is a
    share of (ids)."""
    from campaigns.models import QuotaOverride
    from orgs.models import Person

    own = _live(campaign).filter(dossier__organisation=unit)
    figures = {
        "used": aggregate_subquery(own.filter(dossier__offer=offer)),
        "headcount": aggregate_subquery(Person.objects.filter(organisation=unit, is_active=True)),
        "override": Subquery(QuotaOverride.objects.filter(
            campaign_award=offer, organisation=unit).values("max_count")[:1])}
    if quota_base is not None:
        figures["base_count"] = aggregate_subquery(own.filter(dossier__offer__award_form_id=quota_base))
    return figures


def dossier_figures(dossier):
    """The unit's nominees for the dossier's form in this campaign (`used`), its active staff
    (`headcount`), its nominees for the form the quota is a share of (`base_count`), its own quota if
    the office set one (`override`): in one query."""
    from ..models import Dossier

    quota_base = dossier.offer.quota_base_id
    row = Dossier.objects.filter(pk=dossier.pk).values(
        **_figures(dossier.campaign_id, dossier.organisation_id, dossier.offer_id, quota_base)).get()
    if quota_base is None:
        row["base_count"] = None
    return row


def quota_figures(dossier, figures):
    """{quota, used, quota_where, rank}: the quota rule's context for `dossier` (see quota_rule), `figures`
    its dossier_figures(); two queries more at most, whatever the number of nominees."""
    from django.db.models import Count, F

    offer = dossier.offer
    body_wide = offer.quota_counted_over_body and figures["override"] is None
    used, base_count, where = figures["used"], figures["base_count"], "Đơn vị"
    live = _live(dossier.campaign_id).filter(dossier__offer_id=offer.pk)
    if body_wide:
        counts = _live(dossier.campaign_id).aggregate(
            used=Count("pk", filter=Q(dossier__offer_id=offer.pk)),
            base=Count("pk", filter=Q(dossier__offer__award_form_id=offer.quota_base_id)))
        used, base_count, where = counts["used"], counts["base"], "Toàn cơ quan phát động"
    else:
        live = live.filter(dossier__organisation_id=dossier.organisation_id)
    limit = offer.quota_limit(figures["override"], figures["headcount"], base_count)
    rank = {}
    if limit is not None and used > limit:
        ordered = live.order_by(F("dossier__submitted_at").asc(nulls_last=True), "dossier_id", "order", "pk")
        rank = {pk: number for number, pk in enumerate(ordered.values_list("pk", flat=True), start=1)}
    return {"quota": limit, "used": used, "quota_where": where, "rank": rank}


def evaluate(dossier, today=None, nominations=None):
    """{nomination id: [Check, …]} for every nominee of the dossier, in a fixed number of queries.
    `nominations`: what load_nominations() returns, when the caller has it already."""
    nominations = load_nominations(dossier) if nominations is None else nominations
    same_campaign = list(_live(dossier.campaign_id).exclude(dossier=dossier).filter(
        Q(person_id__in=[n.person_id for n in nominations if n.person_id])
        | Q(organisation_id__in=[n.organisation_id for n in nominations if n.organisation_id])
        | Q(household_id__in=[n.household_id for n in nominations if n.household_id])
    ).select_related("dossier__offer__award_form", "dossier__organisation"))
    figures = dossier_figures(dossier)
    quota = quota_figures(dossier, figures)
    context = {
        "criteria": sections.criteria(dossier.campaign),
        **quota, "today": today or timezone.localdate(),
        "same_campaign": same_campaign,
        "history": register_history(nominations),
        "registered": registered_subjects(dossier),
        # what each kind of subject's Báo cáo form asks (an đột xuất act is not rated)
        "layouts": report_layouts(dossier.campaign, fresh=True),
        # a track (awards outside campaigns) asks for a Biên bản only if it lists one among its components
        "meeting_required": not dossier.campaign.is_track or dossier.campaign.components.filter(
            kind=ComponentKind.BIEN_BAN).exists(),
    }
    settings = rule_settings(dossier.campaign)
    results = {}
    for nomination in nominations:
        checks = []
        for code, (label, function, default_blocking, _params) in RULES.items():
            setting = settings.get(code)
            if setting is not None and not setting.is_active:
                continue
            passed, message = function(nomination, context, **rule_params(code, setting))
            checks.append(Check(code, setting.label if setting else label, passed, message,
                                blocking=setting.is_blocking if setting else default_blocking))
        results[nomination.pk] = checks
    return results


# --- history rules: read the award register (sổ khen thưởng) through context["history"] -------------
def _history(nomination, context):
    history = context.get("history") or register_history([nomination])
    return history.of(nomination)


def _verdict(missing, found):
    parts = missing or found
    text = "; ".join([parts[0]] + [part[0].lower() + part[1:] for part in parts[1:]])
    return not missing, text[0].upper() + text[1:] + "."


@rule("history_bk_ttg", "Đủ điều kiện đề nghị Bằng khen của Thủ tướng Chính phủ (theo sổ khen thưởng)",
      params={"years": ("Số năm liên tục hoàn thành tốt nhiệm vụ trở lên", 5),
              "cstd_times": ("Số lần Chiến sĩ thi đua cơ sở trong các năm đó", 3)})
def history_bang_khen_ttg_rule(nomination, context, *, years, cstd_times):
    """Luật TĐKT 2022, Điều 73: an individual needs a Bằng khen of a bộ/tỉnh, 5 consecutive years rated
    "hoàn thành tốt nhiệm vụ" or better and 3 times Chiến sĩ thi đua cơ sở within those years; a
    collective needs a Bằng khen bộ/tỉnh of the unit or of a unit merged into it.

    The 5 years are those *before* the year the campaign ends (a drive ending 31/7/2025 reads
    2020–2024: its own year has no rating yet when the dossiers are reviewed); see history.rating_window().
    """
    from . import history as register

    if nomination.dossier.offer.award_form.code != register.BANG_KHEN_TTG:
        return True, "Không áp dụng."
    if nomination.subject_type not in (SubjectType.INDIVIDUAL, SubjectType.COLLECTIVE):
        return True, "Không áp dụng."
    individual = nomination.subject_type == SubjectType.INDIVIDUAL
    window = register.rating_window(nomination.dossier.campaign, years)
    return _verdict(*register.bang_khen_ttg_shortfalls(_history(nomination, context), window,
                                                       individual=individual, cstd_times=cstd_times))


@rule("history_cstd_toan_quoc", "Đủ điều kiện đề nghị Chiến sĩ thi đua toàn quốc (theo sổ khen thưởng)",
      params={"cycle": ("Hai lần CSTĐ cấp bộ, tỉnh cách nhau tối đa (năm)", 3)})
def history_cstd_toan_quoc_rule(nomination, context, *, cycle):
    """Luật TĐKT 2022: 2 consecutive Chiến sĩ thi đua cấp bộ/tỉnh (the second within one 3-year cycle of
    the first) and a sáng kiến, written in the report's “sáng kiến” section."""
    from . import history as register

    if (nomination.dossier.offer.award_form.code != register.CSTD_TOAN_QUOC
            or nomination.subject_type != SubjectType.INDIVIDUAL):
        return True, "Không áp dụng."
    report = _report(nomination)
    return _verdict(*register.cstd_toan_quoc_shortfalls(_history(nomination, context),
                                                        report.initiatives if report else "", cycle=cycle))
