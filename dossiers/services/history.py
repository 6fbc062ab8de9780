"""The award register as the eligibility rules read it: each nominee's past awards and annual ratings.

`register_history(nominations)` is built once per `eligibility.evaluate()` call and put in the rules'
context as `context["history"]`. It reads the register rows of every nominee of the dossier in one
query (awards and ratings together, as a UNION), plus one query for the merger links when a
collective is nominated, whatever the number of nominees.

A collective's history follows mergers: an award or a rating of a unit merged into the nominee (at
any depth, `Organisation.successor`) counts as the nominee's own, as `Award.objects.of_unit()` does.
"""
from dataclasses import dataclass, field

from django.db.models import CharField, F, Q, Value

from awards.enums import SubjectType

from ..enums import GOOD_OR_BETTER, Rating

AWARD, RATING = "award", "rating"

# The award forms the rules of Luật TĐKT 2022 name (codes of the catalogue, awards/migrations/0002).
BANG_KHEN_TTG = "bang-khen-ttg"
BANG_KHEN_BO_TINH = ("bang-khen-bo", "bang-khen-tinh")
CSTD_CO_SO = "cstd-co-so"
CSTD_TINH = "cstd-tinh"
CSTD_TOAN_QUOC = "cstd-toan-quoc"


@dataclass(frozen=True)
class PastAward:
    code: str
    year: int
    decision_number: str
    organisation_id: int | None = None


@dataclass
class NomineeHistory:
    """What the register holds about one nominee: awards and {year: rating}."""

    awards: list = field(default_factory=list)
    ratings: dict = field(default_factory=dict)

    def awards_of(self, *codes):
        return sorted((a for a in self.awards if a.code in codes), key=lambda a: (a.year, a.decision_number))


class RegisterHistory:
    """Past awards and ratings of a dossier's nominees, looked up per nomination."""

    def __init__(self, people=None, units=None, lineages=None):
        self._people = people or {}
        self._units = units or {}
        self._lineages = lineages or {}

    def of(self, nomination):
        if nomination.subject_type == SubjectType.INDIVIDUAL and nomination.person_id:
            return self._people.get(nomination.person_id, NomineeHistory())
        if nomination.organisation_id:
            merged = NomineeHistory()
            for unit_id in sorted(self._lineages.get(nomination.organisation_id, {nomination.organisation_id})):
                unit = self._units.get(unit_id)
                if unit is not None:
                    merged.awards.extend(unit.awards)
                    for year, rating in unit.ratings.items():
                        merged.ratings.setdefault(year, rating)
            return merged
        return NomineeHistory()


def _lineages(unit_ids):
    """{unit id: ids of the unit and of every unit merged into it}, from one query."""
    from orgs.models import Organisation

    merged_into = {}
    for pk, successor_id in Organisation.objects.filter(successor__isnull=False).values_list("pk", "successor_id"):
        merged_into.setdefault(successor_id, []).append(pk)
    lineages = {}
    for unit_id in unit_ids:
        ids, frontier = {unit_id}, [unit_id]
        while frontier:
            frontier = [pk for parent in frontier for pk in merged_into.get(parent, []) if pk not in ids]
            ids.update(frontier)
        lineages[unit_id] = ids
    return lineages


def _register_rows(person_ids, unit_ids):
    """(kind, person id, unit id, code, year, decision number) of awards and ratings, in one query."""
    from ..models import AnnualRating, Award

    subjects = Q(person_id__in=person_ids) | Q(organisation_id__in=unit_ids)
    columns = ("kind", "subject_person", "subject_unit", "code", "row_year", "reference")

    def shaped(queryset, kind, code):
        return queryset.filter(subjects).annotate(
            kind=Value(kind, output_field=CharField()), subject_person=F("person_id"),
            subject_unit=F("organisation_id"), code=F(code), row_year=F("year"),
            reference=F("decision_number"),
        ).values_list(*columns).order_by()

    awards = shaped(Award.objects.live(), AWARD, "award_form__code")  # a revoked award counts for nothing
    ratings = shaped(AnnualRating.objects.all(), RATING, "rating")
    return awards.union(ratings, all=True)


def register_history(nominations):
    """A RegisterHistory for these nominations (one query for the register rows)."""
    person_ids = {n.person_id for n in nominations if n.subject_type == SubjectType.INDIVIDUAL and n.person_id}
    collective_ids = {n.organisation_id for n in nominations
                      if n.subject_type != SubjectType.INDIVIDUAL and n.organisation_id}
    lineages = _lineages(collective_ids) if collective_ids else {}
    unit_ids = set().union(*lineages.values()) if lineages else set()
    if not person_ids and not unit_ids:
        return RegisterHistory()
    people, units = {}, {}
    for kind, person_id, unit_id, code, year, reference in _register_rows(person_ids, unit_ids):
        if person_id in person_ids:
            target = people.setdefault(person_id, NomineeHistory())
        elif person_id is None and unit_id in unit_ids:
            target = units.setdefault(unit_id, NomineeHistory())
        else:
            continue
        if kind == AWARD:
            target.awards.append(PastAward(code, int(year), reference or "", unit_id))
        else:
            target.ratings[int(year)] = code
    return RegisterHistory(people, units, lineages)


# --- the conditions of the higher forms (Luật TĐKT 2022) ----------------------------------------------
# Defaults of the rules' parameters; an admin may change them per rule (EligibilityRule.parameters).
RATING_YEARS = 5        # 5 năm liên tục hoàn thành tốt nhiệm vụ trở lên
CSTD_CO_SO_TIMES = 3    # 3 lần Chiến sĩ thi đua cơ sở trong thời gian đó
CSTD_TINH_TIMES = 2     # 2 lần liên tục Chiến sĩ thi đua cấp bộ, tỉnh
CSTD_TINH_CYCLE = 3     # CSTĐ cấp tỉnh is given at most once per 3-year cycle: "liên tục" = at most 3 years apart


def rating_window(campaign, years=RATING_YEARS):
    """The 5 years whose ratings count: the 5 years *before* the year the campaign ends.

    A drive ending 31/7/2025 is reviewed in 2025, when the 2025 ratings do not exist yet, so it reads
    2020–2024. (An annual campaign of 2024 ends in 2024 and reads 2019–2023.) A period ending with an event
    counts from the year of the dossier deadline.
    """
    # a period that ends with an event (no end date) is judged when its dossiers are due
    end_date = campaign.period_end or campaign.dossier_deadline or campaign.period_start
    end = end_date.year
    return list(range(end - years, end))


def _years(years):
    years = sorted(years)
    return ("năm " if len(years) == 1 else "các năm ") + ", ".join(str(y) for y in years)


def _span(years):
    return f"{years[0]}–{years[-1]}"


def bang_khen_ttg_shortfalls(history, years, *, individual=True, cstd_times=CSTD_CO_SO_TIMES):
    """([what is missing], [what was found]) for Bằng khen của Thủ tướng Chính phủ.

    Individual: a Bằng khen bộ/tỉnh, 5 consecutive years rated "tốt" or "xuất sắc", 3 times CSTĐ cơ sở
    within those 5 years. Collective: a Bằng khen bộ/tỉnh of the unit or of a unit merged into it.
    """
    missing, found = [], []
    bang_khen = history.awards_of(*BANG_KHEN_BO_TINH)
    if bang_khen:
        found.append(f"có Bằng khen cấp bộ, tỉnh năm {bang_khen[-1].year}"
                     + (f" (Quyết định số {bang_khen[-1].decision_number})" if bang_khen[-1].decision_number else ""))
    else:
        missing.append("Chưa có Bằng khen của Bộ trưởng hoặc Chủ tịch UBND tỉnh trong sổ khen thưởng")
    if not individual:
        return missing, found
    absent = [y for y in years if y not in history.ratings]
    low = [y for y in years if y in history.ratings and history.ratings[y] not in GOOD_OR_BETTER]
    good = len(years) - len(absent) - len(low)
    if absent or low:
        reasons = []
        if absent:
            reasons.append(f"thiếu {_years(absent)}")
        for y in low:
            reasons.append(f"năm {y} xếp loại “{Rating(history.ratings[y]).label.lower()}”")
        missing.append(f"Chỉ có {good}/{len(years)} năm liên tục hoàn thành tốt nhiệm vụ trở lên "
                       f"({'; '.join(reasons)})")
    else:
        found.append(f"{good}/{len(years)} năm hoàn thành tốt nhiệm vụ trở lên ({_span(years)})")
    cstd = [a for a in history.awards_of(CSTD_CO_SO) if a.year in years]
    if len(cstd) < cstd_times:
        found_years = f": {_years({a.year for a in cstd})}" if cstd else ""
        missing.append(f"Chỉ có {len(cstd)}/{cstd_times} lần Chiến sĩ thi đua cơ sở trong "
                       f"{_span(years)}{found_years}")
    else:
        found.append(f"{len(cstd)} lần Chiến sĩ thi đua cơ sở trong {_span(years)}")
    return missing, found


def cstd_toan_quoc_shortfalls(history, initiatives, *, cycle=CSTD_TINH_CYCLE):
    """([what is missing], [what was found]) for Chiến sĩ thi đua toàn quốc: 2 consecutive CSTĐ cấp
    bộ/tỉnh (consecutive = the second within one 3-year cycle of the first) and a sáng kiến."""
    missing, found = [], []
    years = sorted({a.year for a in history.awards_of(CSTD_TINH)})
    pairs = [(a, b) for a, b in zip(years, years[1:], strict=False) if b - a <= cycle]
    if pairs:
        found.append(f"2 lần liên tục Chiến sĩ thi đua cấp bộ, tỉnh ({pairs[-1][0]}, {pairs[-1][1]})")
    elif len(years) >= CSTD_TINH_TIMES:
        missing.append(f"Các lần Chiến sĩ thi đua cấp bộ, tỉnh ({_years(years)}) không liên tục")
    else:
        where = f" ({_years(years)})" if years else ""
        missing.append(f"Chỉ có {len(years)}/{CSTD_TINH_TIMES} lần Chiến sĩ thi đua cấp bộ, tỉnh{where}")
    if (initiatives or "").strip():
        found.append("có sáng kiến")
    else:
        missing.append("Báo cáo thành tích chưa ghi sáng kiến")
    return missing, found
