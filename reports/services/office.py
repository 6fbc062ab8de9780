"""The office's own reports for a body and a year (issue 19, "Reports of the office's own use"): the awards in force
decided in the year, counted in the body's tree as the statutory biểu count them (statutory.in_tree_q), by
campaign, by award form, by unit (the body's direct sub-units) and by khối / cụm thi đua; and the processing time of
the dossiers sent to the tree's campaigns. Each is one list (columns, rows, total) read in a fixed number of
queries, shown on one page and downloaded as Excel."""
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Sum
from django.utils import timezone

from awards.enums import SubjectType
from awards.services import workdays
from core.xlsx import AMOUNT
from dossiers.enums import DossierState
from dossiers.models import Award, Dossier
from orgs.enums import BlocKind
from orgs.models import EmulationBloc, Organisation

from .statutory import bounds, in_tree_q

ONE_DAY = timedelta(days=1)


@dataclass
class OfficeReport:
    """One list: its columns [(label, width) or (label, width, AMOUNT)], rows of values, a total row, notes."""

    code: str
    title: str
    columns: list
    rows: list = field(default_factory=list)
    total: list | None = None
    notes: list = field(default_factory=list)


KINDS = {
    "phong-trao": "Khen thưởng theo phong trào",
    "hinh-thuc": "Khen thưởng theo danh hiệu, hình thức",
    "don-vi": "Khen thưởng theo đơn vị",
    "khoi-cum": "Khen thưởng theo khối, cụm thi đua",
    "thoi-gian": "Thời gian xử lý hồ sơ",
}
COUNT_COLUMNS = [("Cá nhân", 10), ("Tập thể", 10), ("Hộ gia đình", 12), ("Tổng số", 10),
                 ("Tiền thưởng (đồng)", 18, AMOUNT)]


def awards_of(body, year):
    start, end = bounds(year)
    return Award.objects.live().filter(in_tree_q(body.path), decision_date__gte=start, decision_date__lte=end)


def _counts(groups):
    """[cá nhân, tập thể, hộ, tổng, tiền] of {subject_type: (n, bonus)}."""
    individual, collective, household = (groups.get(t, (0, 0))[0] for t in SubjectType.values)
    bonus = sum(b for _, b in groups.values())
    return [individual, collective, household, individual + collective + household, bonus]


def _total(rows, label, texts=2):
    """The total row: `label`, then the sum of every figure column (after the `texts` text columns)."""
    if not rows:
        return None
    return [label, *[""] * (texts - 1), *[sum(row[i] or 0 for row in rows) for i in range(texts, len(rows[0]))]]


def _grouped(awards, *keys):
    """{key tuple: {subject_type: (n, bonus)}} over `keys` (one query)."""
    out = defaultdict(dict)
    for r in awards.values(*keys, "subject_type").annotate(n=Count("pk"), bonus=Sum("bonus_amount")).order_by():
        out[tuple(r[k] for k in keys)][r["subject_type"]] = (r["n"], r["bonus"] or 0)
    return out


def by_campaign(body, year):
    report = OfficeReport("phong-trao", KINDS["phong-trao"],
                          [("Phong trào, đợt khen thưởng", 60), ("Cơ quan phát động", 36), *COUNT_COLUMNS])
    groups = _grouped(awards_of(body, year), "campaign_id", "campaign__title", "campaign__issuer__name",
                      "campaign__kind")
    for (pk, title, issuer, kind), counts in sorted(groups.items(), key=lambda item: (item[0][0] is None,
                                                                                      item[0][1] or "")):
        label = title if pk else "Ngoài phong trào (nhập sổ, không gắn phong trào)"
        if kind == "track":
            label = f"{title} (khen thưởng ngoài phong trào)"
        report.rows.append([label, issuer or "", *_counts(counts)])
    report.total = _total(report.rows, "Cộng")
    return report


def by_form(body, year):
    report = OfficeReport("hinh-thuc", KINDS["hinh-thuc"], [("Danh hiệu, hình thức khen thưởng", 60),
                                                            ("Loại", 24), *COUNT_COLUMNS])
    groups = _grouped(awards_of(body, year), "award_form__order", "award_form__name", "award_form__category")
    labels = {"title": "Danh hiệu thi đua", "commendation": "Hình thức khen thưởng"}
    for (_order, name, category), counts in sorted(groups.items()):
        report.rows.append([name, labels.get(category, ""), *_counts(counts)])
    report.total = _total(report.rows, "Cộng")
    return report


def _subject_paths(body, year):
    """{subject's unit path: {subject_type: (n, bonus)}}: a person's unit, a household's managing unit, a
    collective itself."""
    groups = _grouped(awards_of(body, year), "person__organisation__path", "household__organisation__path",
                      "organisation__path")
    out = defaultdict(dict)
    for (person_path, household_path, unit_path), counts in groups.items():
        path = person_path or household_path or unit_path or ""
        for subject_type, (n, bonus) in counts.items():
            before = out[path].get(subject_type, (0, 0))
            out[path][subject_type] = (before[0] + n, before[1] + bonus)
    return out


def _merge(target, counts):
    for subject_type, (n, bonus) in counts.items():
        before = target.get(subject_type, (0, 0))
        target[subject_type] = (before[0] + n, before[1] + bonus)


def by_unit(body, year):
    """By the body's direct sub-units (each with its own sub-units), the body's own staff, and outside the tree."""
    report = OfficeReport("don-vi", KINDS["don-vi"], [("Đơn vị", 60), ("Ghi chú", 30), *COUNT_COLUMNS])
    children = list(Organisation.objects.filter(parent=body).order_by("order", "name").values("pk", "name", "path"))
    lines = {child["path"]: {} for child in children}
    own, outside = {}, {}
    for path, counts in _subject_paths(body, year).items():
        child = next((c for c in lines if path.startswith(c)), None)
        if child is not None:
            _merge(lines[child], counts)
        elif path.startswith(body.path):
            _merge(own, counts)
        else:
            _merge(outside, counts)
    if own:
        report.rows.append([body.name, "cán bộ, tập thể của chính cơ quan", *_counts(own)])
    for child in children:
        if lines[child["path"]]:
            report.rows.append([child["name"], "gồm các đơn vị trực thuộc", *_counts(lines[child["path"]])])
    if outside:
        report.rows.append(["Ngoài cơ quan", "người, tập thể ngoài cây đơn vị", *_counts(outside)])
    report.total = _total(report.rows, "Cộng")
    return report


def by_bloc(body, year):
    """By the khối / cụm thi đua organised in the body's tree: the awards of their member units (and sub-units).
    A unit in two blocs counts in both, so there is no total."""
    report = OfficeReport("khoi-cum", KINDS["khoi-cum"], [("Khối, cụm thi đua", 50), ("Số đơn vị thành viên", 14),
                                                          *COUNT_COLUMNS])
    members = defaultdict(list)
    names = {}
    for bloc_id, name, kind, member_path in (EmulationBloc.objects.filter(organiser__path__startswith=body.path)
                                             .order_by("name").values_list("pk", "name", "kind", "members__path")):
        names[bloc_id] = f"{BlocKind(kind).label}: {name}" if kind in BlocKind.values else name
        if member_path:
            members[bloc_id].append(member_path)
    paths = _subject_paths(body, year)
    for bloc_id, name in names.items():
        counts = {}
        for path, figures in paths.items():
            if any(path.startswith(member) for member in members[bloc_id]):
                _merge(counts, figures)
        report.rows.append([name, len(members[bloc_id]), *_counts(counts)])
    report.notes.append("Một đơn vị ở hai khối, cụm được tính ở cả hai: bảng không có dòng cộng.")
    return report


def _median(days):
    """The median, to one decimal; a whole number of days prints without a decimal (3, not 3,0)."""
    if not days:
        return None
    value = round(statistics.median(days), 1)
    return int(value) if value == int(value) else value


def processing_time(body, year):
    """Per campaign of the tree: the dossiers sent in the year (last submission), working days from the submission
    to the office's answer (accepted, or returned) and to the decision: median and longest. Working days as the
    law counts them (awards/services/workdays.py): from the day after the submission to the day of the answer."""
    report = OfficeReport("thoi-gian", KINDS["thoi-gian"], [
        ("Phong trào", 60), ("Số hồ sơ đã nộp", 12), ("Đến khi tiếp nhận, trả lại: trung vị (ngày làm việc)", 16),
        ("Đến khi tiếp nhận, trả lại: dài nhất (ngày làm việc)", 16),
        ("Đến khi có quyết định: trung vị (ngày làm việc)", 16),
        ("Đến khi có quyết định: dài nhất (ngày làm việc)", 16)])
    start, end = bounds(year)
    rows = list(Dossier.objects.filter(campaign__issuer__path__startswith=body.path, submitted_at__date__gte=start,
                                       submitted_at__date__lte=end)
                .exclude(state__in=[DossierState.DRAFT, DossierState.WITHDRAWN])
                .values_list("campaign_id", "campaign__title", "state", "submitted_at", "accepted_at", "returned_at",
                             "decided_at").order_by("campaign__title", "campaign_id"))
    moments = [moment for row in rows for moment in row[3:] if moment is not None]
    last = max((timezone.localtime(moment).date() for moment in moments), default=end)
    calendar = workdays.WorkCalendar(start, max(last, end) + ONE_DAY)

    def working_days(since, until):
        return calendar.count(timezone.localtime(since).date(), timezone.localtime(until).date() + ONE_DAY)

    per = {}
    everything = {"count": 0, "answered": [], "decided": []}
    for campaign_id, title, state, submitted, accepted, returned, decided in rows:
        line = per.setdefault(campaign_id, {"title": title, "count": 0, "answered": [], "decided": []})
        for bucket in (line, everything):
            bucket["count"] += 1
            if accepted and accepted >= submitted:
                bucket["answered"].append(working_days(submitted, accepted))
            elif state == DossierState.RETURNED and returned and returned >= submitted:
                bucket["answered"].append(working_days(submitted, returned))
            if decided and decided >= submitted:
                bucket["decided"].append(working_days(submitted, decided))

    def figures(bucket):
        return [bucket["count"], _median(bucket["answered"]), max(bucket["answered"], default=None),
                _median(bucket["decided"]), max(bucket["decided"], default=None)]

    for line in per.values():
        report.rows.append([line["title"], *figures(line)])
    if per:
        report.total = ["Tất cả hồ sơ", *figures(everything)]
    report.notes.append("Tính theo ngày làm việc (không tính thứ Bảy, Chủ nhật, ngày nghỉ lễ, Tết theo lịch ngày "
                        "nghỉ), từ ngày sau lần nộp cuối cùng của hồ sơ đến ngày tiếp nhận, trả lại hoặc quyết định.")
    for missing in workdays.missing_years(range(start.year, last.year + 1)):
        report.notes.append(f"Chưa nhập lịch ngày nghỉ năm {missing}: năm này chỉ trừ thứ Bảy, Chủ nhật.")
    return report


BUILDERS = {"phong-trao": by_campaign, "hinh-thuc": by_form, "don-vi": by_unit, "khoi-cum": by_bloc,
            "thoi-gian": processing_time}


def build(kind, body, year):
    return BUILDERS[kind](body, year)
