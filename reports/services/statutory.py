"""The statistical biểu of Thông tư 02/2023/TT-BNV (chế độ báo cáo thống kê ngành Nội vụ), TĐKT section, computed
for one body and one year from the campaigns and the award register (docs/domain.md, Statistics, says where
every row and column comes from and what is unconfirmed).

- 0601.N/BNV-TĐKT, số phong trào thi đua: the campaigns proper (no tracks) issued inside the body's tree and
  launched (plan date, else start) in the year, not drafts.
- 0602.N/BNV-TĐKT, số lượng khen thưởng cấp Nhà nước, and 0603.N/BNV-TĐKT, cấp bộ, ngành, tỉnh: the awards in
  force (`Award.objects.live()`) decided in the year (`decision_date`) whose form has a column of that biểu
  (`AwardForm.stat_group`), counted in the body's tree: an award with a decision of the portal belongs to the body
  that issued or recorded the decision, one typed or imported to its subject's unit. 0603 counts the forms of the
  tree's own level (a province's: those the Chủ tịch UBND tỉnh decides).

Each builder reads its rows in a fixed number of queries (one grouped count, the catalogue's columns) and returns
one table (services.layout): the page, the PDF and the Excel file print it as it is.
"""
import datetime

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Coalesce

from awards.enums import AuthorityLevel, AwardType, StatGroup, SubjectType
from awards.models import AwardForm
from campaigns.enums import CampaignKind, CampaignStatus
from campaigns.models import Campaign
from dossiers.models import Award
from orgs import scope
from orgs.enums import OrgKind, SubjectClass
from orgs.models import Organisation

from .layout import header_rows, row, section

CIRCULAR = "Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023 của Bộ trưởng Bộ Nội vụ"
RECEIVED = "Ngày nhận báo cáo: Ngày 15 tháng 12 năm báo cáo"
MINISTRY = "Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)"

# Bodies at the level of "bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương" (our reading;
# the open-source implementation also puts a provincial Sở there)
UPPER_LEVEL_KINDS = {OrgKind.UBND_TINH, OrgKind.BO}
# "1 năm" is a period of twelve months give or take this many days (01/01 – 30/11, 15/7 – 31/7 of the next year)
ONE_YEAR_TOLERANCE_DAYS = 31

CA_NHAN, TAP_THE = "Cá nhân", "Tập thể"


def bounds(year):
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def root_of(body):
    """The province (or ministry) whose tree `body` is in: the row 2/3 of 0602 and the level 0603 counts."""
    if body.parent_id is None:
        return body
    return Organisation.objects.only("kind", "name").get(pk=scope.root_of(body.path))


def receiver_of(body):
    """Đơn vị nhận báo cáo: a province's or a ministry's report goes to the Bộ Nội vụ; a body's to its parent."""
    return MINISTRY if body.parent_id is None else body.parent.name


def _frame(body, year, code, title, *, unit_note="", received=True, landscape=False):
    return {"code": f"{code}.N/BNV-TĐKT", "circular": CIRCULAR, "received": RECEIVED if received else "",
            "title": title, "unit_note": unit_note, "year": year, "period": f"Năm {year}",
            "reporter": body.name, "receiver": receiver_of(body), "place": body.place_name or "",
            "landscape": landscape, "notes": []}


def _finish(table, paths, numbers, lead):
    table.update(header=header_rows(paths), numbers=numbers, lead=lead)
    return table


# --- 0601: số phong trào thi đua -----------------------------------------------------------------------------
def _add_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29/02
        return day.replace(year=day.year + years, day=28)


def duration_band(start, end):
    """Which "thời hạn thi đua" row (06–10) a campaign from `start` to `end` (inclusive) falls in."""
    stop = end + datetime.timedelta(days=1)
    if abs((stop - _add_years(start, 1)).days) <= ONE_YEAR_TOLERANCE_DAYS:
        return "07"
    if stop < _add_years(start, 1):
        return "06"
    if stop < _add_years(start, 3):
        return "08"
    if stop < _add_years(start, 5):
        return "09"
    return "10"


def campaigns_counted(body, year):
    """The campaigns 0601 counts, as plain rows (kind, issuer's kind, dates, whether it runs in a khối or cụm)."""
    start, end = bounds(year)
    blocs = Campaign.participant_blocs.through.objects.filter(campaign_id=OuterRef("pk"))
    return list(Campaign.objects.campaigns().exclude(status=CampaignStatus.DRAFT)
                .filter(issuer__path__startswith=body.path)
                .annotate(launched_on=Coalesce("plan_date", "period_start"), in_bloc=Exists(blocs))
                .filter(launched_on__gte=start, launched_on__lte=end)
                .values("pk", "kind", "issuer__kind", "period_start", "period_end", "dossier_deadline",
                        "summary_deadline", "in_bloc"))


def bieu_0601(body, year):
    table = _frame(body, year, "0601", "SỐ PHONG TRÀO THI ĐUA", unit_note="Đơn vị tính: Phong trào")
    columns = ("central", "upper", "unit")  # cấp chủ trì phát động: Trung ương; bộ, tỉnh; cơ quan, đơn vị
    facts = []
    for c in campaigns_counted(body, year):
        end = c["period_end"] or c["dossier_deadline"] or c["summary_deadline"] or c["period_start"]
        level = "upper" if c["issuer__kind"] in UPPER_LEVEL_KINDS else "unit"
        scope_row = "04" if c["in_bloc"] else ("03" if level == "upper" else "05")
        method = "12" if c["kind"] == CampaignKind.ANNUAL else "11"
        facts.append((level, {"01", scope_row, duration_band(c["period_start"], end), method}))

    def values(code):
        cells = [sum(1 for level, codes in facts if level == column and code in codes) for column in columns]
        return [sum(cells), *cells]

    line = lambda label, code, style="item": row(label, code, values=values(code), style=style)  # noqa: E731
    table["rows"] = [
        line("Tổng số", "01", "total"),
        section("1. Chia theo phạm vi tổ chức thi đua"),
        line("- Toàn quốc", "02"),
        line("- Bộ, ban, ngành, đoàn thể, địa phương", "03"),
        line("- Cụm, khối thi đua do Hội đồng Thi đua - Khen thưởng các cấp tổ chức", "04"),
        line("- Cơ quan, tổ chức, đơn vị", "05"),
        section("2. Chia theo thời hạn thi đua"),
        line("- Dưới 1 năm", "06"),
        line("- 1 năm", "07"),
        line("- Từ 1 năm đến dưới 3 năm", "08"),
        line("- Từ 3 năm đến dưới 5 năm", "09"),
        line("- Từ 5 năm trở lên", "10"),
        section("3. Chia theo phương thức tổ chức phong trào thi đua"),
        line("- Thi đua theo chuyên đề", "11"),
        line("- Thi đua thường xuyên hàng năm", "12"),
    ]
    by_level = "Số phong trào thi đua chia theo cấp chủ trì phát động thi đua"
    paths = [("", None), ("Mã số", None), ("Tổng số", None), (by_level, "Cấp Trung ương (Hội đồng Thi đua - Khen "
                                                                        "thưởng Trung ương)"),
             (by_level, "Cấp bộ, ban ngành đoàn thể trung ương, tỉnh, thành phố trực thuộc Trung ương"),
             (by_level, "Cơ quan, tổ chức, đơn vị")]
    table["total_note"] = "1 = 2 + 3 + 4"
    return _finish(table, paths, ["A", "B", "1", "2", "3", "4"], 2)


# --- 0602 and 0603: số lượng khen thưởng ---------------------------------------------------------------------
def in_tree_q(path):
    """Q of the awards counted in the tree under `path`: by the body that issued or recorded the decision, or for
    an award typed or imported without one, by its subject's unit."""
    return (Q(decision__issuer__path__startswith=path)
            | Q(decision__isnull=True) & (Q(person__organisation__path__startswith=path)
                                          | Q(person__isnull=True, organisation__path__startswith=path)
                                          | Q(household__organisation__path__startswith=path)))


def award_counts(body, year, groups, authority=None):
    """[{form, name, group, subject_type, subject_class, award_type, n}]: the live awards of the body's tree decided
    in `year` whose form is in one of `groups`, counted by form, subject, class and loại hình (one query)."""
    start, end = bounds(year)
    awards = (Award.objects.live().filter(in_tree_q(body.path), decision_date__gte=start, decision_date__lte=end,
                                          award_form__stat_group__in=groups))
    if authority is not None:
        awards = awards.filter(award_form__authority=authority)
    return [{"form": r["award_form_id"], "name": r["award_form__name"], "group": r["award_form__stat_group"],
             "subject_type": r["subject_type"], "subject_class": r["subject_class"], "award_type": r["award_type"],
             "n": r["n"]}
            for r in awards.values("award_form_id", "award_form__name", "award_form__stat_group", "subject_type",
                                   "subject_class", "award_type").annotate(n=Count("pk")).order_by()]


def _sub_column(subject_type):
    """Tập thể / Cá nhân, the two sub-columns of a form: a household counts with the collectives."""
    return CA_NHAN if subject_type == SubjectType.INDIVIDUAL else TAP_THE


def _subject_rows(individual_classes_first=False):
    """(label, code-key, unit, predicate) of the "chia theo đối tượng" lines shared by 0602 and 0603."""
    individual = lambda r: r["subject_type"] == SubjectType.INDIVIDUAL  # noqa: E731
    of_class = lambda c: lambda r: individual(r) and r["subject_class"] == c  # noqa: E731
    return [
        ("- Tập thể", "Tập thể", lambda r: r["subject_type"] == SubjectType.COLLECTIVE),
        ("Trong đó: Doanh nghiệp", "Doanh nghiệp",
         lambda r: r["subject_type"] == SubjectType.COLLECTIVE and r["subject_class"] == SubjectClass.ENTERPRISE),
        ("- Hộ gia đình", "Hộ", lambda r: r["subject_type"] == SubjectType.HOUSEHOLD),
        ("- Cá nhân", "Người", individual),
        ("+ Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên", "Người",
         of_class(SubjectClass.LEADER_MINISTRY_PROVINCE)),
        ("+ Lãnh đạo cấp vụ, sở, ngành và tương đương", "Người", of_class(SubjectClass.LEADER_DEPARTMENT)),
        ("+ Doanh nhân", "Người", of_class(SubjectClass.BUSINESS_PERSON)),
        ("+ Các cấp lãnh đạo khác từ phó phòng trở lên", "Người", of_class(SubjectClass.LEADER_OTHER)),
        ("+ Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu (công nhân, nông dân,...)",
         "Người", of_class(SubjectClass.DIRECT_WORKER)),
    ]


METHOD_ROWS = [  # "chia theo phương thức khen thưởng": the loại hình of each award (Award.award_type)
    ("- Thường xuyên", AwardType.MERIT), ("- Chuyên đề", AwardType.DRIVE), ("- Đột xuất", AwardType.SUDDEN),
    ("- Đối ngoại", AwardType.FOREIGN), ("- Cống hiến", AwardType.CONTRIBUTION), ("- Niên hạn", AwardType.SENIORITY),
    ("- Kháng chiến", None),  # no loại hình of the register: always 0 (docs/domain.md, Statistics)
]


def _unclassified_notes(records):
    missing_people = sum(r["n"] for r in records if r["subject_type"] == SubjectType.INDIVIDUAL
                         and not r["subject_class"])
    missing_units = sum(r["n"] for r in records if r["subject_type"] == SubjectType.COLLECTIVE
                        and not r["subject_class"])
    notes = []
    if missing_people:
        notes.append(f"{missing_people} khen thưởng cá nhân chưa có phân loại đối tượng: có trong dòng “Cá nhân”, "
                     "không có trong dòng nào bên dưới.")
    if missing_units:
        notes.append(f"{missing_units} khen thưởng tập thể chưa có phân loại đối tượng (không rõ có phải doanh "
                     "nghiệp).")
    return notes


def _cells(records, columns, predicate):
    return [sum(r["n"] for r in records if predicate(r) and column(r)) for column in columns]


# 0602's groups, left to right: (group, top header, one column per form?, sub-columns the form prints)
STATE_GROUPS = [
    (StatGroup.ORDER, "Các loại huân chương, huy chương (Mỗi hình thức khen thưởng ghi riêng một cột)", True,
     (TAP_THE, CA_NHAN)),
    (StatGroup.MEDAL, "Các loại huân chương, huy chương (Mỗi hình thức khen thưởng ghi riêng một cột)", True,
     (TAP_THE, CA_NHAN)),
    (StatGroup.HO_CHI_MINH_PRIZE, "Giải thưởng Hồ Chí Minh", False, (CA_NHAN,)),
    (StatGroup.STATE_PRIZE, "Giải thưởng Nhà nước", False, (CA_NHAN,)),
    (StatGroup.HONOURARY_TITLE, "Danh hiệu vinh dự nhà nước (Mỗi hình thức khen thưởng ghi riêng một cột)", True,
     (TAP_THE, CA_NHAN)),
    (StatGroup.GOVERNMENT_FLAG, "Cờ thi đua của Chính phủ", False, (TAP_THE,)),
    (StatGroup.PRIME_MINISTER_COMMENDATION, "Bằng khen của Thủ tướng Chính phủ", False, (TAP_THE, CA_NHAN)),
    (StatGroup.NATIONAL_EMULATION_FIGHTER, "Danh hiệu “Chiến sĩ thi đua toàn quốc”", False, (CA_NHAN,)),
    (StatGroup.STATE_OTHER, "Các hình thức khen thưởng khác (Mỗi hình thức khen thưởng ghi riêng một cột)", True,
     (TAP_THE, CA_NHAN)),
]
PLACEHOLDER = {StatGroup.ORDER: "Huân chương", StatGroup.MEDAL: "Huy chương",
               StatGroup.HONOURARY_TITLE: "Danh hiệu vinh dự", StatGroup.STATE_OTHER: "Hình thức khác"}


def _state_columns(records):
    """(paths, predicates) of 0602's columns after A, B, C and Tổng số: a form of a per-form group has its own pair
    (the catalogue's active forms of the group and any form with awards, in the catalogue's order; a group with
    none prints one empty pair); a sub-column the form does not print is added when an award needs it."""
    groups = [group for group, *_ in STATE_GROUPS]
    forms = {f.pk: f for f in AwardForm.objects.filter(stat_group__in=groups)
             .filter(Q(is_active=True) | Q(pk__in={r["form"] for r in records})).order_by("order", "name")}
    paths, predicates = [], []
    for group, label, per_form, printed in STATE_GROUPS:
        in_group = [r for r in records if r["group"] == group]
        if per_form:
            members = [f for f in forms.values() if f.stat_group == group]
            if not members:
                for sub in printed:
                    paths.append(("Chia ra", label, PLACEHOLDER[group], sub))
                    predicates.append(lambda r: False)
            for form in members:
                for sub in printed:
                    paths.append(("Chia ra", label, form.name, sub))
                    predicates.append(lambda r, pk=form.pk, sub=sub: r["form"] == pk and _sub_column(
                        r["subject_type"]) == sub)
        else:
            subs = [s for s in (TAP_THE, CA_NHAN) if s in printed
                    or any(_sub_column(r["subject_type"]) == s for r in in_group)]
            for sub in subs:
                paths.append(("Chia ra", label, None, sub))
                predicates.append(lambda r, group=group, sub=sub: r["group"] == group and _sub_column(
                    r["subject_type"]) == sub)
    return paths, predicates


def bieu_0602(body, year):
    table = _frame(body, year, "0602", "SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC", landscape=True)
    records = award_counts(body, year, [group for group, *_ in STATE_GROUPS])
    ministry = root_of(body).kind == OrgKind.BO
    paths, predicates = _state_columns(records)
    columns = [lambda r: True, *predicates]

    def line(label, code, unit, predicate, style="item"):
        return row(label, code, unit, _cells(records, columns, predicate), style)

    nothing = lambda r: False  # noqa: E731
    everything = lambda r: True  # noqa: E731
    subjects = _subject_rows()
    codes = ["6", "7", "8", "9", "10", "11", "12", "13", "14"]
    table["rows"] = [
        line("Tổng số", "1", "", everything, "total"),
        section("1. Chia theo đơn vị ban hành tờ trình Thủ tướng Chính phủ về khen thưởng"),
        line("- Bộ, ban, ngành, đoàn thể Trung ương", "2", "Bộ, ngành", everything if ministry else nothing),
        line("- Tỉnh, thành phố trực thuộc Trung ương", "3", "Tỉnh, TP", nothing if ministry else everything),
        section("2. Chia theo đối tượng khen thưởng"),
        *[line(label, code, unit, predicate) for (label, unit, predicate), code in zip(subjects, codes, strict=True)],
        section("3. Chia theo phương thức khen thưởng"),
        *[line(label, str(15 + index), "", (lambda r, t=kind: r["award_type"] == t) if kind else nothing)
          for index, (label, kind) in enumerate(METHOD_ROWS)],
    ]
    table["notes"] = _unclassified_notes(records)
    lead = [("", None, None, None), ("Mã số", None, None, None), ("Đơn vị tính", None, None, None),
            ("Tổng số", None, None, None)]
    numbers = ["A", "B", "C", *[str(n) for n in range(1, len(columns) + 1)]]
    return _finish(table, lead + paths, numbers, 3)


PROVINCE_GROUPS = [
    (StatGroup.COMMENDATION, "Bằng khen"),
    (StatGroup.EMULATION_FIGHTER, "Chiến sĩ thi đua cấp bộ, cấp tỉnh"),
    (StatGroup.FLAG, "Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương"),
    (StatGroup.BADGE, "Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực "
                      "thuộc Trung ương"),
]


def bieu_0603(body, year):
    table = _frame(body, year, "0603", "SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, "
                   "THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG", received=False, landscape=True)
    level = AuthorityLevel.MINISTER if root_of(body).kind == OrgKind.BO else AuthorityLevel.PROVINCE
    records = award_counts(body, year, [group for group, _ in PROVINCE_GROUPS], authority=level)
    columns = [lambda r: True, *[lambda r, g=group: r["group"] == g for group, _ in PROVINCE_GROUPS]]

    def line(label, code, unit, predicate, style="item"):
        return row(label, code, unit, _cells(records, columns, predicate), style)

    subjects = _subject_rows()
    table["rows"] = [
        line("Tổng số", "01", "", lambda r: True, "total"),
        section("1. Chia theo đối tượng khen thưởng"),
        *[line(label, f"{index:02d}", unit, predicate)
          for index, (label, unit, predicate) in enumerate(subjects, start=2)],
        section("2. Chia theo phương thức khen thưởng"),
        *[line(label, f"{index:02d}", "", (lambda r, t=kind: r["award_type"] == t) if kind else (lambda r: False))
          for index, (label, kind) in enumerate(METHOD_ROWS, start=11)],
    ]
    table["notes"] = _unclassified_notes(records)
    paths = [("", None), ("Mã số", None), ("Đơn vị tính", None), ("Tổng số", None),
             *[("Chia ra", label) for _, label in PROVINCE_GROUPS]]
    return _finish(table, paths, ["A", "B", "C", "1", "2", "3", "4", "5"], 3)


FORMS = {
    "0601": ("Số phong trào thi đua", bieu_0601),
    "0602": ("Số lượng khen thưởng cấp Nhà nước", bieu_0602),
    "0603": ("Số lượng khen thưởng cấp bộ, ban, ngành, đoàn thể Trung ương và tỉnh", bieu_0603),
}
# The biểu of the circular's TĐKT section the portal cannot compute (docs/domain.md, Statistics): the portal does
# not record which units and staff do the TĐKT work, nor the staff's training and years in it.
NOT_COMPUTED = {
    "0604": "Số lượng tổ chức làm công tác thi đua, khen thưởng",
    "0605": "Số lượng công chức làm công tác thi đua, khen thưởng",
}


def build(code, body, year):
    return FORMS[code][1](body, year)
