"""Demo campaigns: the three seed plans configured as an admin would, through the services, and a provincial one.

1. Sở Nội vụ tỉnh Quảng Trị, đợt thi đua đặc biệt 80 năm ngành Tổ chức nhà nước (seed 001);
2. Sở Nội vụ tỉnh Lạng Sơn, Kế hoạch 173/KH-SNV, the same drive (seed 000), with its own organisation
   tree, a few people and its accounts;
3. Văn phòng UBND tỉnh Lạng Sơn, Kế hoạch 01/KH-VP, the annual plan 2026 with its tasks per quarter (seed 003);
4. UBND tỉnh Lạng Sơn, Kế hoạch 58/KH-UBND, a provincial drive of the demo's year (invented, no seed text) run by
   the UBND tỉnh's standing office, the Sở Nội vụ (Organisation.standing_office, issue 15);
5. Sở Nội vụ tỉnh Quảng Trị, Kế hoạch 2150/KH-SNV, the drive of the demo's year (invented) where the demo
   dossiers live (demo/seeds/dossiers.py).

Dates (issue 17, demo/seeds/anchor.py): the invented plans (4, 5) and the annual plan (3, a plan that returns
every year) follow the demo's day; the two drives of the 80th anniversary (1, 2) keep the dates of their texts
and are seeded closed, since they ended in August 2025.

Seeds 000 and 003 are OCR text that lost the diacritics: names and contents below are restored by hand,
and every guess is marked "OCR:" in a comment.

Idempotent: units by code, people by name + unit, accounts by username, blocs by name, the standing office
only when none is named, and a campaign by issuer + plan number + plan symbol (an existing campaign is left
as it is). Every row is written through the services (save_organisation, save_person, create_account,
save_bloc, create_campaign, add_section_rows, offer_award, transition), so validation and audit entries are
as in the pages.
"""
import re
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model

from awards.enums import SubjectType
from awards.models import AwardForm, LegalBasisProfile
from campaigns.enums import CampaignKind, QuotaKind, ReminderAudience, ReminderKind, TaskStatus
from campaigns.models import Campaign, CampaignParticipant, Criterion, PlanTask, ReminderRule, Target
from campaigns.services.campaigns import add_section_rows, create_campaign, offer_award, profile_in_force, transition
from orgs.enums import BlocKind, Gender, OrgKind, Role, StaffCategory
from orgs.models import EmulationBloc, Organisation, Person
from orgs.services.accounts import create_account
from orgs.services.blocs import save_bloc
from orgs.services.organisations import save_organisation
from orgs.services.people import save_person

from .anchor import PLAN_AGE, QT_PLAN_NUMBER, QT_PLAN_SYMBOL, anchor
from .orgs import DEMO_PASSWORD, REORGANISATION

INDIVIDUAL, COLLECTIVE = SubjectType.INDIVIDUAL.value, SubjectType.COLLECTIVE.value
Q_END = {1: date(2026, 3, 31), 2: date(2026, 6, 30), 3: date(2026, 9, 30), 4: date(2026, 12, 31)}

# --- Lạng Sơn: organisations, people, accounts ----------------------------------------------------
# code, parent code, kind, name, short name, abbreviation, valid_from, valid_until, successor code
LS_UNITS = [
    ("LS-UBND", None, OrgKind.UBND_TINH, "Ủy ban nhân dân tỉnh Lạng Sơn", "UBND tỉnh", "UBND", None, None, None),
    # Sở Nội vụ and its units (seed 000; the plan names the Văn phòng Sở and the fields of work, the
    # phòng / ban / chi cục names are the usual ones of a Sở Nội vụ before 2025).
    ("LS-SNV", "LS-UBND", OrgKind.SO, "Sở Nội vụ tỉnh Lạng Sơn", "Sở Nội vụ", "SNV", None, None, None),
    ("LS-SNV-VP", "LS-SNV", OrgKind.VAN_PHONG, "Văn phòng Sở Nội vụ", "Văn phòng Sở", "VP", None, None, None),
    ("LS-SNV-TCBC", "LS-SNV", OrgKind.PHONG, "Phòng Tổ chức, biên chế và tổ chức phi chính phủ",
     "Phòng TCBC và TCPCP", "TCBC", None, None, None),
    ("LS-SNV-CCVC", "LS-SNV", OrgKind.PHONG, "Phòng Công chức, viên chức", "Phòng CCVC", "CCVC", None, None, None),
    ("LS-SNV-CCHC", "LS-SNV", OrgKind.PHONG, "Phòng Cải cách hành chính", "Phòng CCHC", "CCHC", None, None, None),
    ("LS-SNV-XDCQ", "LS-SNV", OrgKind.PHONG, "Phòng Xây dựng chính quyền và công tác thanh niên",
     "Phòng XDCQ và CTTN", "XDCQ", None, None, None),
    ("LS-SNV-TDKT", "LS-SNV", OrgKind.PHONG, "Ban Thi đua - Khen thưởng", "Ban TĐKT", "BTĐKT", None, None, None),
    ("LS-SNV-BTG", "LS-SNV", OrgKind.PHONG, "Ban Tôn giáo", "Ban Tôn giáo", "BTG", None, None, None),
    ("LS-SNV-VTLT", "LS-SNV", OrgKind.CHI_CUC, "Chi cục Văn thư - Lưu trữ", "Chi cục VTLT", "CCVTLT",
     None, None, None),
    # Văn phòng UBND tỉnh (seed 003): a cơ quan chuyên môn of the UBND tỉnh, hence kind "Sở, ban, ngành".
    # The plan names only Phòng Hành chính - Quản trị; the other phòng, ban, đơn vị are the usual ones.
    ("LS-VP", "LS-UBND", OrgKind.SO, "Văn phòng Ủy ban nhân dân tỉnh Lạng Sơn", "Văn phòng UBND tỉnh", "VP",
     None, None, None),
    ("LS-VP-HCQT", "LS-VP", OrgKind.PHONG, "Phòng Hành chính - Quản trị", "Phòng HC-QT", "HCQT", None, None, None),
    ("LS-VP-TH", "LS-VP", OrgKind.PHONG, "Phòng Tổng hợp", "Phòng Tổng hợp", "TH", None, None, None),
    ("LS-VP-KT", "LS-VP", OrgKind.PHONG, "Phòng Kinh tế", "Phòng Kinh tế", "KT", None, None, None),
    ("LS-VP-KGVX", "LS-VP", OrgKind.PHONG, "Phòng Khoa giáo - Văn xã", "Phòng KG-VX", "KGVX", None, None, None),
    ("LS-VP-NC", "LS-VP", OrgKind.PHONG, "Phòng Nội chính", "Phòng Nội chính", "NC", None, None, None),
    ("LS-VP-BTCD", "LS-VP", OrgKind.PHONG, "Ban Tiếp công dân tỉnh", "Ban Tiếp công dân", "BTCD", None, None, None),
    ("LS-VP-TTHCC", "LS-VP", OrgKind.TRUNG_TAM, "Trung tâm Phục vụ hành chính công tỉnh",
     "Trung tâm PVHCC", "TTPVHCC", None, None, None),
    # Wards / communes created on 01/7/2025. A district's work went to several communes; one successor
    # per office is enough for the demo (names to be checked against the province's resolution).
    ("LS-PDK", "LS-UBND", OrgKind.UBND_XA, "Ủy ban nhân dân phường Đông Kinh", "UBND phường Đông Kinh", "UBND",
     REORGANISATION, None, None),
    ("LS-PDK-VHXH", "LS-PDK", OrgKind.PHONG_XA, "Phòng Văn hóa - Xã hội phường Đông Kinh",
     "Phòng VH-XH Đông Kinh", "VHXH", REORGANISATION, None, None),
    ("LS-XCL", "LS-UBND", OrgKind.UBND_XA, "Ủy ban nhân dân xã Chi Lăng", "UBND xã Chi Lăng", "UBND",
     REORGANISATION, None, None),
    ("LS-XCL-VHXH", "LS-XCL", OrgKind.PHONG_XA, "Phòng Văn hóa - Xã hội xã Chi Lăng", "Phòng VH-XH Chi Lăng",
     "VHXH", REORGANISATION, None, None),
    # District level, abolished on 01/7/2025 ("Phòng Nội vụ các huyện, thành phố" of plan 173/KH-SNV).
    ("LS-TPLS", "LS-UBND", OrgKind.UBND_HUYEN, "Ủy ban nhân dân thành phố Lạng Sơn", "UBND TP Lạng Sơn", "UBND",
     None, REORGANISATION, "LS-PDK"),
    ("LS-TPLS-PNV", "LS-TPLS", OrgKind.PHONG_HUYEN, "Phòng Nội vụ thành phố Lạng Sơn", "Phòng Nội vụ TP Lạng Sơn",
     "PNV", None, REORGANISATION, "LS-PDK-VHXH"),
    ("LS-HCL", "LS-UBND", OrgKind.UBND_HUYEN, "Ủy ban nhân dân huyện Chi Lăng", "UBND huyện Chi Lăng", "UBND",
     None, REORGANISATION, "LS-XCL"),
    ("LS-HCL-PNV", "LS-HCL", OrgKind.PHONG_HUYEN, "Phòng Nội vụ huyện Chi Lăng", "Phòng Nội vụ Chi Lăng", "PNV",
     None, REORGANISATION, "LS-XCL-VHXH"),
]

N, F = Gender.MALE, Gender.FEMALE
CC, VC = StaffCategory.CONG_CHUC, StaffCategory.VIEN_CHUC
# unit code -> (full name, gender, birth date, position, category, still working there)
# Invented people. The leaders who signed the plans are not created as people: their names are only
# the plans' signers.
LS_PEOPLE = {
    "LS-SNV": [("Vy Văn Thành", N, date(1974, 10, 5), "Phó Giám đốc Sở", CC, True)],
    "LS-SNV-VP": [("Lương Thị Hoa", F, date(1980, 5, 14), "Chánh Văn phòng", CC, True),
                  ("Nông Văn Tuấn", N, date(1991, 9, 2), "Chuyên viên", CC, True)],
    "LS-SNV-TCBC": [("Hà Văn Khánh", N, date(1977, 3, 21), "Trưởng phòng", CC, True)],
    "LS-SNV-CCVC": [("Triệu Thị Mai", F, date(1993, 11, 8), "Chuyên viên", CC, True)],
    "LS-SNV-TDKT": [("Lộc Văn Hùng", N, date(1975, 7, 30), "Trưởng ban", CC, True),
                    ("Vi Thị Thu Trang", F, date(1994, 1, 17), "Chuyên viên", CC, True)],
    "LS-SNV-VTLT": [("Chu Thị Ngọc Anh", F, date(1990, 6, 25), "Lưu trữ viên", VC, True)],
    "LS-VP-HCQT": [("Mông Thị Huyền", F, date(1981, 10, 12), "Trưởng phòng", CC, True),
                   ("Đinh Văn Lâm", N, date(1992, 4, 3), "Chuyên viên", CC, True)],
    "LS-VP-TH": [("Lăng Văn Nam", N, date(1986, 12, 19), "Phó Trưởng phòng", CC, True)],
    # Left with the district offices (kept for the award history).
    "LS-TPLS-PNV": [("Hoàng Văn Pao", N, date(1968, 2, 9), "Trưởng phòng Nội vụ", CC, False)],
    "LS-HCL-PNV": [("Nông Thị Liên", F, date(1970, 8, 27), "Trưởng phòng Nội vụ", CC, False)],
}

# Same shape as orgs.ACCOUNTS: role, username, full name, membership unit, person's unit.
# The Quảng Trị admin (membership on QT-UBND) gets nothing here: Lạng Sơn is another tree.
# The provincial council's people (issue 15): the Sở Nội vụ is the UBND tỉnh's standing office, so the Trưởng
# ban TĐKT (reviewer) receives the UBND tỉnh's dossiers and a Phó Giám đốc (council member) sits on the
# provincial council, both with their role at the Sở Nội vụ; the Chủ tịch UBND tỉnh (an invented name) signs;
# a clerk of the Văn phòng UBND tỉnh sends the Văn phòng's dossier.
LS_CHAIRMAN = "Nông Quang Vinh"
LS_ACCOUNTS = [
    (Role.ADMIN, "quantri.ls", "Quản trị Lạng Sơn", "LS-UBND", None),
    (Role.CLERK, "canbo.ls", "Triệu Thị Mai", "LS-SNV-CCVC", "LS-SNV-CCVC"),
    (Role.REVIEWER, "vanphong.ls", "Lộc Văn Hùng", "LS-SNV", "LS-SNV-TDKT"),
    (Role.COUNCIL, "hoidong.ls", "Vy Văn Thành", "LS-SNV", "LS-SNV"),
    (Role.APPROVER, "chutich.ls", LS_CHAIRMAN, "LS-UBND", None),
    (Role.CLERK, "canbo.vp.ls", "Đinh Văn Lâm", "LS-VP", "LS-VP-HCQT"),
]

LS_BLOC = "Khối thi đua các cơ quan tham mưu tổng hợp tỉnh Lạng Sơn"


def _save_units(rows, place, system_user):
    units = {}
    for code, parent, kind, name, short, abbr, valid_from, _, _ in rows:
        org = Organisation.objects.filter(code=code).first()
        if org is None:
            org = Organisation(code=code, parent=units.get(parent), kind=kind, name=name, short_name=short,
                               abbreviation=abbr, place_name=place, valid_from=valid_from, order=len(units))
            save_organisation(org, by=system_user)
        units[code] = org
    for code, *_, until, successor in rows:
        org = units[code]
        if successor and org.successor_id is None:
            org.valid_until, org.successor = until, units[successor]
            save_organisation(org, by=system_user)
    return units


def _name_standing_office(province, office, system_user):
    """The Sở Nội vụ is the cơ quan thường trực of the provincial council (set once: an admin's choice stays)."""
    if province.standing_office_id is None:
        province.standing_office = office
        save_organisation(province, by=system_user)


def _save_people(groups, units, hometown, system_user):
    created = 0
    for code, rows in groups.items():
        for full_name, gender, born, position, category, active in rows:
            if Person.objects.filter(organisation=units[code], full_name=full_name).exists():
                continue
            save_person(Person(full_name=full_name, gender=gender, date_of_birth=born, position=position,
                               category=category, organisation=units[code], is_active=active,
                               hometown=hometown), by=system_user)
            created += 1
    return created


def _save_accounts(accounts, units, system_user):
    User = get_user_model()
    for role, username, full_name, unit_code, person_unit in accounts:
        if User.objects.filter(username__iexact=username).exists():
            continue
        person = None
        if person_unit:
            person = Person.objects.filter(organisation=units[person_unit], full_name=full_name,
                                           user__isnull=True).first()
        create_account(username=username, full_name=full_name, email=f"{username}@example.gov.vn",
                       password=DEMO_PASSWORD, organisation=units[unit_code], role=role, person=person,
                       by=system_user)


def _save_bloc(units, system_user):
    # Named "Khối thi đua các cơ quan tham mưu tổng hợp" in 01/KH-VP and "Cụm thi đua TMTH tỉnh" in the
    # recipients of 173/KH-SNV: both bodies belong to it. The leading unit is not known.
    if EmulationBloc.objects.filter(name=LS_BLOC).exists():
        return
    bloc = EmulationBloc(name=LS_BLOC, kind=BlocKind.KHOI, organiser=units["LS-UBND"],
                         description="Giao ước thi đua hằng năm giữa các cơ quan tham mưu tổng hợp của tỉnh.")
    save_bloc(bloc, [units["LS-VP"], units["LS-SNV"]], by=system_user)


# --- campaigns ------------------------------------------------------------------------------------
def _form(code):
    return AwardForm.objects.get(code=code)


def _profile(code):
    return LegalBasisProfile.objects.get(code=code)


def _build(spec, by):
    """Create, fill and launch one campaign from `spec`; an existing one (same issuer, number, symbol)
    is returned untouched. Returns (campaign, created)."""
    fields = spec["fields"]
    existing = Campaign.objects.filter(issuer=fields["issuer"], plan_number=fields["plan_number"],
                                       plan_symbol=fields["plan_symbol"]).first()
    if existing is not None:
        return existing, False
    campaign = create_campaign(Campaign(**fields), by=by)  # adds Tờ trình, Biên bản, Báo cáo thành tích
    add_section_rows(campaign, Target, [dict(order=i, **row) for i, row in enumerate(spec.get("targets", []), 1)],
                     by=by)
    criteria = []
    for subject_type, rows in spec.get("criteria", {}).items():
        for i, row in enumerate(rows, 1):
            text, blocking = row if isinstance(row, tuple) else (row, True)
            criteria.append({"subject_type": subject_type, "order": i, "text": text, "is_blocking": blocking})
    add_section_rows(campaign, Criterion, criteria, by=by)
    offered = {}
    for order, (code, copies, note, quota) in enumerate(spec["awards"], 1):
        quota = dict(quota or {})
        if "quota_base" in quota:
            quota["quota_base"] = offered[quota["quota_base"]].award_form
        offered[code] = offer_award(campaign, _form(code), copies=copies, order=order, note=note, by=by, **quota)
    add_section_rows(campaign, CampaignParticipant,
                     [{"organisation": org, "include_subtree": subtree} for org, subtree in spec["participants"]],
                     by=by)
    add_section_rows(campaign, ReminderRule, spec.get("reminders", []), by=by)
    add_section_rows(campaign, PlanTask, spec.get("tasks", []), by=by)
    campaign = transition(campaign, "launch", by=by)
    if spec.get("closed"):  # a drive of the past, reproduced as written: ended, not overdue
        campaign = transition(campaign, "close", by=by)
    return campaign, True


# Reminder rules of the Quảng Trị drive (a typical setting; the plan says nothing about reminders).
REMINDERS = [
    {"kind": ReminderKind.BEFORE, "days": 7, "max_times": 1, "audience": ReminderAudience.CLERKS},
    {"kind": ReminderKind.ON_DAY, "days": 0, "max_times": 1, "audience": ReminderAudience.CLERKS},
    {"kind": ReminderKind.AFTER, "days": 1, "max_times": 3, "audience": ReminderAudience.UNIT_HEAD},
    {"kind": ReminderKind.RETURNED, "days": 3, "max_times": 1, "audience": ReminderAudience.CLERKS},
]


def quang_tri_spec(units=None):
    """Seed 001 (clean text)."""
    units = units or {o.code: o for o in Organisation.objects.filter(code__startswith="QT-")}
    return {
        "fields": dict(
            kind=CampaignKind.SPECIAL,
            issuer=units["QT-SNV"],
            # The text (001) carries neither the number nor the date of the plan: 1468/KH-SNV of 22/7/2024
            # is invented (after the Bộ Nội vụ's Kế hoạch 3989/KH-BNV of 10/7/2024 that it carries out).
            plan_number=1468, plan_symbol="KH-SNV", plan_date=date(2024, 7, 22),
            signer_name="Ngô Quang Chiền", signer_title="Giám đốc",
            title="Thực hiện đợt thi đua đặc biệt lập thành tích chào mừng Kỷ niệm 80 năm Ngày truyền thống "
                  "ngành Tổ chức nhà nước (28/8/1945-28/8/2025) của ngành Nội vụ tỉnh Quảng Trị",
            theme="Ngành Nội vụ tỉnh Quảng Trị chung sức, đồng lòng thi đua lập nhiều thành tích chào mừng "
                  "Kỷ niệm 80 năm Ngày truyền thống ngành Tổ chức nhà nước (28/8/1945-28/8/2025)",
            purpose=(
                "Thực hiện Kế hoạch số 3989/KH-BNV ngày 10/7/2024 của Bộ Nội vụ, thiết thực hưởng ứng hoạt "
                "động kỷ niệm các sự kiện lịch sử trọng đại năm 2025.\n"
                "- Phát huy tinh thần đoàn kết, sức mạnh tập thể, tinh thần trách nhiệm, chủ động, sáng tạo, "
                "nâng cao chất lượng, hiệu quả công tác; qua đó, tạo động lực, không khí thi đua sôi nổi, quyết "
                "tâm hoàn thành xuất sắc mọi nhiệm vụ được cấp có thẩm quyền giao trong năm 2024 và năm 2025 "
                "của ngành Nội vụ tỉnh Quảng Trị.\n"
                "- Biểu dương, khen thưởng các tập thể, cá nhân có thành tích nổi trội, thực sự là tấm gương "
                "tiêu biểu, có sức lan tỏa, góp phần động viên, khích lệ các tập thể, cá nhân toàn ngành Nội vụ "
                "tỉnh Quảng Trị thi đua phấn đấu hoàn thành xuất sắc mọi nhiệm vụ được giao."),
            requirements=(
                "- Đợt thi đua đặc biệt phải được triển khai cụ thể, đồng bộ tới từng cơ quan, đơn vị của ngành "
                "Nội vụ tỉnh Quảng Trị; được thực hiện liên tục, có sức lan tỏa, thực sự tạo động lực mạnh mẽ, "
                "thu hút đông đảo công chức, viên chức và người lao động toàn ngành hưởng ứng và tham gia.\n"
                "- Công tác tổng kết, đánh giá đợt thi đua phải có tiêu chí đảm bảo khoa học, lượng hóa được kết "
                "quả, sản phẩm cụ thể của từng tập thể, cá nhân.\n"
                "- Việc bình xét khen thưởng phải đảm bảo nguyên tắc khách quan, công khai, minh bạch và chỉ đề "
                "nghị khen thưởng đối với tập thể, cá nhân có thành tích nổi trội, thực sự tiêu biểu, có sức lan "
                "tỏa, tạo động lực khích lệ công chức, viên chức và người lao động trong toàn ngành Nội vụ tỉnh "
                "Quảng Trị phấn đấu hoàn thành xuất sắc mọi nhiệm vụ được giao."),
            tasks_text=(
                "- Cải cách hành chính: đề xuất giải pháp thực hiện hiệu quả công tác CCHC, khắc phục hạn chế để "
                "nâng cao các chỉ số PAR Index, SIPAS, PAPI, PCI của tỉnh; đánh giá, chấm điểm chỉ số CCHC và "
                "mức độ hoàn thành nhiệm vụ của các cơ quan, đơn vị, địa phương thực chất, hiệu quả; đo lường sự "
                "hài lòng của người dân, tổ chức (SIPAS); xây dựng Đề án điều tra xã hội học xác định Chỉ số "
                "PAR Index.\n"
                "- Tổ chức bộ máy, biên chế: tiếp tục sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu "
                "quả, gắn với tinh giản biên chế; tổ chức lại thanh tra các Sở theo Nghị định số 03/2024/NĐ-CP; "
                "rà soát chức năng, nhiệm vụ, cơ cấu tổ chức, điều chỉnh vị trí việc làm; tham mưu Kế hoạch biên "
                "chế, số người làm việc năm 2025.\n"
                "- Công chức, viên chức: đổi mới hoạt động công vụ; kiểm tra, giám sát việc thực hiện nhiệm vụ "
                "của CBCCVC, đẩy lùi tình trạng né tránh, đùn đẩy, sợ trách nhiệm; tăng cường kỷ luật, kỷ cương "
                "công vụ; đánh giá, quy hoạch, bổ nhiệm, chính sách, tiền lương, đào tạo, bồi dưỡng kịp thời, "
                "đúng quy định; nâng cao chất lượng tuyển dụng; xét thăng hạng chức danh nghề nghiệp viên chức.\n"
                "- Sắp xếp đơn vị hành chính: hoàn thành sắp xếp ĐVHC cấp huyện, cấp xã giai đoạn 2023 - 2025 "
                "trong tháng 9/2024; giải quyết dôi dư CBCCV cấp xã trước ngày 31/12/2024; tham mưu các Nghị "
                "quyết về chính sách hỗ trợ người dôi dư và về dân chủ ở cơ sở, Quyết định về người hoạt động "
                "không chuyên trách cấp xã; bàn giao, hướng dẫn quản lý hồ sơ, bản đồ địa giới hành chính.\n"
                "- Thi đua, khen thưởng: khen thưởng theo công trạng, theo chuyên đề và đột xuất kịp thời, đúng "
                "quy định; tham mưu tổ chức Đại hội Thi đua yêu nước tỉnh Quảng Trị lần thứ VI năm 2025; phát "
                "động thi đua chào mừng Đại hội Đảng các cấp tiến tới Đại hội Đảng lần thứ XIV.\n"
                "- Tín ngưỡng, tôn giáo: quản lý nhà nước hiệu quả; kịp thời ngăn chặn các hiện tượng tôn giáo "
                "mới, “tà đạo”, “đạo lạ” hoạt động trái pháp luật; nắm chắc tình hình, tham mưu Tỉnh ủy, UBND "
                "tỉnh chỉ đạo, giải quyết.\n"
                "- Văn thư, lưu trữ: triển khai Luật Lưu trữ (sửa đổi); hướng dẫn bàn giao tài liệu lưu trữ của "
                "các xã, thị trấn sáp nhập.\n"
                "- Quản lý hội, quỹ; công tác dân vận, dân chủ ở cơ sở; công tác thanh niên; thanh tra công vụ "
                "nhằm siết chặt kỷ luật, kỷ cương hành chính.\n"
                "- Chuyển đổi số: hoàn thiện và đưa vào sử dụng phần mềm quản lý công tác thi đua, khen thưởng, "
                "hệ thống cơ sở dữ liệu về cải cách hành chính; nâng cấp cơ sở dữ liệu CBCCVC toàn tỉnh.\n"
                "- Nghiên cứu khoa học: hoàn thành 02 đề tài cấp tỉnh (phương pháp đánh giá chất lượng chuyên "
                "môn nghiệp vụ công chức, viên chức qua sát hạch định kỳ; nâng cao hiệu quả quản lý nhà nước về "
                "thi đua, khen thưởng các cấp giai đoạn 2022 – 2027).\n"
                "- Xây dựng ngành: làm tốt công tác cán bộ, đào tạo, bồi dưỡng, đánh giá, xếp loại, thi đua, khen "
                "thưởng, chế độ chính sách; kỷ luật, kỷ cương hành chính, thực hành tiết kiệm, chống lãng phí, "
                "phòng chống tham nhũng, tiêu cực; văn thư, lưu trữ, bảo vệ bí mật nhà nước; chế độ báo cáo "
                "thống kê đúng thời gian và nội dung."),
            awards_guidance=(
                "Tùy theo số lượng chỉ tiêu khen thưởng và mức độ thực hiện để đề xuất hình thức khen thưởng "
                "phù hợp.\n"
                "Trước ngày 04/8/2025, các cơ quan, đơn vị tổ chức tổng kết, đánh giá kết quả thực hiện đợt thi "
                "đua đặc biệt, bình xét, lựa chọn các tập thể, cá nhân có nhiều thành tích nổi trội, thực sự tiêu "
                "biểu, xuất sắc, gửi Sở Nội vụ tổng hợp, xem xét khen thưởng theo thẩm quyền hoặc đề nghị Thủ "
                "tướng Chính phủ, Bộ trưởng Bộ Nội vụ, Chủ tịch UBND tỉnh tặng Bằng khen.\n"
                "Báo cáo thành tích (Mẫu số 08, Phụ lục I kèm theo Nghị định số 98/2023/NĐ-CP) nêu rõ kết quả "
                "đạt được trong đợt thi đua, kết quả thực hiện nhiệm vụ; đánh giá, xếp loại năm 2024 (Quyết định "
                "số, ngày, tháng, năm) và kết quả thực hiện nhiệm vụ 7 tháng đầu năm 2025; các sáng kiến, giải "
                "pháp đã áp dụng mang lại hiệu quả cao.\n"
                "Sau khi có Hướng dẫn của Bộ Nội vụ, Sở Nội vụ sẽ hướng dẫn cụ thể số lượng tập thể, cá nhân "
                "được khen thưởng, tiêu chuẩn, đối tượng theo từng hình thức khen thưởng và thời gian gửi hồ sơ.\n"
                "Biểu dương, trao khen thưởng vào dịp Lễ kỷ niệm 80 năm Ngày truyền thống ngành Tổ chức nhà nước "
                "(thời gian sẽ được thông báo sau)."),
            implementation=(
                "1. Lãnh đạo các Phòng, Ban, Trung tâm thuộc Sở Nội vụ; Văn phòng hoặc Phòng Tổ chức – Hành chính "
                "của các cơ quan chuyên môn thuộc UBND tỉnh, BQL Khu kinh tế tỉnh, các đơn vị sự nghiệp thuộc "
                "UBND tỉnh; Phòng Nội vụ các huyện, thành phố, thị xã xác định chỉ tiêu, nhiệm vụ và biện pháp "
                "tổ chức thực hiện; phổ biến, quán triệt nội dung phong trào đến công chức, viên chức và người "
                "lao động; kết thúc phong trào thì tổng kết, bình xét và gửi hồ sơ đề nghị khen thưởng về Hội "
                "đồng Thi đua - Khen thưởng Sở Nội vụ (qua Văn phòng Sở).\n"
                "2. Thường trực Hội đồng Thi đua - Khen thưởng Sở Nội vụ (Văn phòng Sở) chủ trì, phối hợp giúp "
                "Lãnh đạo Sở tổ chức giao ước thi đua; tiếp nhận, rà soát hồ sơ đề nghị khen thưởng, báo cáo "
                "Hội đồng Thi đua - Khen thưởng Sở xem xét.\n"
                "3. Trang Thông tin điện tử Sở Nội vụ thường xuyên đăng tải, tuyên truyền các nội dung của đợt "
                "thi đua đặc biệt và các hoạt động Kỷ niệm 80 năm Ngày truyền thống ngành Tổ chức nhà nước."),
            # "từ ngày 10/7/2024 đến hết ngày 31/7/2025" (III.1.a); section II says 7/2024 – 7/2025.
            period_start=date(2024, 7, 10), period_end=date(2025, 7, 31),
            # "Trước ngày 04/8/2025 ... tổng kết ... gửi Sở Nội vụ"; the dossier deadline proper is left to a
            # later guidance (IV.6), so it is set to the same day.
            summary_deadline=date(2025, 8, 4), dossier_deadline=date(2025, 8, 4),
            legal_profile=_profile("nd-98-2023"),  # the plan cites Mẫu số 08 of NĐ 98/2023
            eligible_subject_types=[INDIVIDUAL, COLLECTIVE],
        ),
        "targets": [
            {"text": "Ngành Nội vụ tỉnh Quảng Trị phấn đấu hoàn thành thắng lợi các nhiệm vụ trong năm 2024 và 7 "
                     "tháng đầu năm 2025 theo Chương trình công tác hằng năm và Kế hoạch thực hiện đợt thi đua "
                     "đặc biệt của Bộ Nội vụ; tích cực hưởng ứng các hoạt động chào mừng Kỷ niệm 80 năm Ngày "
                     "truyền thống ngành Tổ chức nhà nước."},
            {"text": "Ít nhất 100% cơ quan, đơn vị thuộc ngành Nội vụ tỉnh Quảng Trị hoàn thành tốt nhiệm vụ trở "
                     "lên.", "value": Decimal(100), "unit": "%",
             "measured_on": "cơ quan, đơn vị hoàn thành tốt nhiệm vụ trở lên"},
            {"text": "100% công chức, viên chức và người lao động ngành Nội vụ hoàn thành tốt nhiệm vụ trở lên.",
             "value": Decimal(100), "unit": "%",
             "measured_on": "công chức, viên chức, người lao động hoàn thành tốt nhiệm vụ trở lên"},
            {"text": "20% công chức, viên chức và người lao động hoàn thành xuất sắc nhiệm vụ.",
             "value": Decimal(20), "unit": "%",
             "measured_on": "công chức, viên chức, người lao động hoàn thành xuất sắc nhiệm vụ"},
            {"text": "100% công chức, viên chức và người lao động ngành Nội vụ tỉnh Quảng Trị không vi phạm các "
                     "quy định của Đảng, pháp luật của Nhà nước và quy chế làm việc của cơ quan, đơn vị.",
             "value": Decimal(100), "unit": "%",
             "measured_on": "công chức, viên chức, người lao động không vi phạm"},
            {"text": "Không có công chức, viên chức của ngành Nội vụ bị xử lý kỷ luật do có vi phạm trong thi hành "
                     "công vụ.", "value": Decimal(0), "unit": "người",
             "measured_on": "công chức, viên chức bị xử lý kỷ luật"},
        ],
        "criteria": {
            COLLECTIVE: [
                "Nội bộ đoàn kết, gương mẫu chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà "
                "nước.",
                "Tích cực tham gia đợt thi đua đặc biệt (ban hành Kế hoạch chỉ đạo, triển khai thực hiện đợt thi "
                "đua; tuyên truyền, phổ biến đến công chức, viên chức và người lao động thuộc cơ quan, đơn vị "
                "bằng nhiều hình thức phù hợp, thiết thực...).",
                "Có nhiều thành tích trong thực hiện lĩnh vực chuyên môn được giao, thực hiện kịp thời và mang "
                "lại hiệu quả cao.",
                "Năm 2024 được xếp loại tập thể hoàn thành tốt nhiệm vụ trở lên; không có cá nhân bị xử lý kỷ "
                "luật do vi phạm trong thi hành công vụ.",
                "Tích cực tổ chức, hưởng ứng các hoạt động, phong trào có ý nghĩa Kỷ niệm 80 năm Ngày truyền "
                "thống ngành Tổ chức nhà nước do cơ quan, đơn vị tự phát động và do Sở Nội vụ tổ chức.",
            ],
            INDIVIDUAL: [
                "Gương mẫu chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
                "Tích cực tham gia phong trào thi đua lập nhiều thành tích trong công tác chuyên môn đợt thi đua "
                "đặc biệt; tích cực hưởng ứng các hoạt động, phong trào ý nghĩa do cơ quan, đơn vị tự phát động "
                "và do Sở Nội vụ tổ chức.",
                "Có nhiều thành tích trong thực hiện lĩnh vực chuyên môn được giao, thực hiện kịp thời và mang "
                "lại hiệu quả cao.",
                "Năm 2024 được xếp loại hoàn thành tốt nhiệm vụ trở lên; không trong thời gian thi hành kỷ luật.",
                ("Ưu tiên khen thưởng đối với các cá nhân có nhiều sáng kiến, giải pháp được áp dụng mang lại "
                 "hiệu quả trong thực hiện nhiệm vụ; các công chức, viên chức và người lao động trực tiếp thực "
                 "hiện nhiệm vụ, đạt được thành tích cao trong công tác.", False),
            ],
        },
        # code, copies (IV.5.a), note, quota
        "awards": [
            ("bang-khen-ttg", 4, "Bằng khen của Thủ tướng Chính phủ", None),
            ("bang-khen-bo", 4, "Bằng khen của Bộ trưởng Bộ Nội vụ", None),
            ("bang-khen-tinh", 3, "Bằng khen của Chủ tịch UBND tỉnh", None),
            # The plan leaves the numbers to a later guidance; 03 per unit is an example of a quota rule.
            ("giay-khen", 2, "Giấy khen của Giám đốc Sở Nội vụ; chỉ tiêu 03 mỗi đơn vị là ví dụ minh họa",
             {"quota_kind": QuotaKind.FIXED, "quota_value": Decimal(3)}),
        ],
        "participants": [
            (units["QT-SNV"], True),
            # "Văn phòng hoặc Phòng Tổ chức – Hành chính của các cơ quan chuyên môn thuộc UBND tỉnh"
            (units["QT-STC-VP"], False), (units["QT-SYT-VP"], False), (units["QT-SGDDT-VP"], False),
            # the communes' offices that took over from the Phòng Nội vụ dissolved on 01/7/2025
            (units["QT-XGL-VHXH"], False), (units["QT-XHL-VHXH"], False), (units["QT-PDH-VHXH"], False),
        ],
        "reminders": REMINDERS,
        # The drive of the 80th anniversary (28/8/2025) keeps the dates of its text and ended then: closed.
        # The demo's dossiers are in the current drive (current_quang_tri_spec).
        "closed": True,
    }


def lang_son_spec(units):
    """Seed 000 (OCR without diacritics, restored)."""
    return {
        "fields": dict(
            kind=CampaignKind.SPECIAL,
            issuer=units["LS-SNV"],
            # OCR: "ngay /2 thang 7 nam 2024": the "1" was read as "/" (the same slip as in 003), so 12/7/2024,
            # which also falls before the drive starts on 15/7/2024.
            plan_number=173, plan_symbol="KH-SNV", plan_date=date(2024, 7, 12),
            # OCR: "GIAM DBOC ... Hoang Thi Hién": read as Hoàng Thị Hiền.
            signer_name="Hoàng Thị Hiền", signer_title="Giám đốc",
            title="Phát động phong trào thi đua đặc biệt lập thành tích chào mừng kỷ niệm 80 năm Ngày thành "
                  "lập ngành Tổ chức Nhà nước (28/8/1945 - 28/8/2025)",
            theme="Chung sức, đồng lòng, thi đua lập thành tích xuất sắc chào mừng kỷ niệm 80 năm Ngày thành lập "
                  "ngành Tổ chức Nhà nước, nay là ngành Nội vụ (28/8/1945 - 28/8/2025)",
            purpose=(
                "Phát huy tinh thần đoàn kết, sức mạnh tập thể, tinh thần trách nhiệm, chủ động, sáng tạo, nâng "
                "cao chất lượng, hiệu quả công tác, qua đó tạo động lực, không khí thi đua sôi nổi, quyết tâm "
                "hoàn thành xuất sắc các nhiệm vụ được giao 6 tháng cuối năm 2024 và 6 tháng đầu năm 2025 của "
                "ngành Nội vụ.\n"
                "Biểu dương, khen thưởng các tập thể, cá nhân có thành tích nổi trội, thực sự là tấm gương tiêu "
                "biểu có sức lan tỏa, góp phần động viên, khích lệ các tập thể, cá nhân thi đua phấn đấu hoàn "
                "thành xuất sắc mọi nhiệm vụ được giao."),
            requirements=(
                "Phong trào thi đua phải được thực hiện thường xuyên, liên tục, có sức lan tỏa, thực sự tạo động "
                "lực mạnh mẽ, thu hút đông đảo công chức, viên chức, người lao động toàn ngành Nội vụ tham gia.\n"
                "Công tác tổng kết, đánh giá kết quả phong trào thi đua phải có các tiêu chí khoa học, lượng hóa "
                "được kết quả, sản phẩm cụ thể của từng tập thể, cá nhân.\n"
                "Việc bình xét khen thưởng phải bảo đảm nguyên tắc khách quan, công khai, minh bạch và có thành "
                "tích nổi trội, thực sự là tấm gương tiêu biểu có sức lan tỏa, góp phần động viên, khích lệ các "
                "tập thể, cá nhân thi đua phấn đấu hoàn thành xuất sắc nhiệm vụ được giao."),
            tasks_text=(
                "a) Tổ chức bộ máy, biên chế, nhân sự: tham mưu Đề án thành lập Văn phòng Điều phối các Chương "
                "trình mục tiêu quốc gia cấp tỉnh; báo cáo tổ chức và hoạt động các cơ quan chuyên môn cấp tỉnh; "
                "trình giao biên chế công chức, số lượng người làm việc năm 2025; tinh giản biên chế; hướng dẫn, "
                "đôn đốc sắp xếp tổ chức bộ máy theo các Đề án đã được phê duyệt; bổ nhiệm, bổ nhiệm lại cán bộ "
                "lãnh đạo, quản lý.\n"
                "b) Cải cách hành chính: nâng cao hiệu quả hoạt động của Ban Chỉ đạo cải cách hành chính tỉnh; "
                "triển khai Chương trình tổng thể cải cách hành chính; xác định Chỉ số cải cách hành chính các "
                "sở, ban, ngành, UBND các huyện, thành phố và đo lường sự hài lòng của người dân, tổ chức năm "
                "2025; kế hoạch cải cách hành chính năm 2025 và giai đoạn 2021 - 2030.\n"
                "c) Quản lý đội ngũ cán bộ, công chức, viên chức: kiểm tra, sát hạch khi tiếp nhận vào làm công "
                "chức; thi nâng ngạch, xét thăng hạng chức danh nghề nghiệp; đào tạo, bồi dưỡng năm 2024, 2025, "
                "kể cả Đề án đào tạo, bồi dưỡng tại nước ngoài giai đoạn 2020 - 2025; phát triển nguồn nhân lực "
                "theo Nghị quyết số 69-NQ/TU của Ban Chấp hành Đảng bộ tỉnh.\n"
                "d) Xây dựng chính quyền, quản lý địa giới hành chính: hồ sơ Đề án sắp xếp đơn vị hành chính cấp "
                "huyện, cấp xã giai đoạn 2023 - 2025 trình Bộ Nội vụ trước 31/7/2024; Đề án nhập huyện Cao Lộc "
                "vào thành phố Lạng Sơn và thành lập các phường; Dự án bản đồ hành chính cấp tỉnh, cấp huyện; "
                "chính sách đối với cán bộ, công chức dôi dư; bồi dưỡng cán bộ, công chức cấp xã.\n"
                "đ) Thi đua, khen thưởng: triển khai phần mềm quản lý thi đua, khen thưởng; tổ chức thành công "
                "Đại hội Thi đua yêu nước tỉnh Lạng Sơn lần thứ VI; hướng dẫn Hội nghị biểu dương điển hình tiên "
                "tiến các cấp; tổng kết Đề án “Nâng cao chất lượng công tác TĐKT trên địa bàn tỉnh Lạng Sơn giai "
                "đoạn 2021 - 2025”; đẩy mạnh phong trào thi đua yêu nước ở các cấp, các ngành.\n"
                "e) Quản lý nhà nước về tôn giáo, tín ngưỡng: công bố danh mục thủ tục hành chính lĩnh vực tín "
                "ngưỡng, tôn giáo; phần mềm cơ sở dữ liệu về tín ngưỡng, tôn giáo; tuyên truyền, vận động chức "
                "sắc, chức việc, tín đồ; thăm hỏi, chúc mừng dịp lễ trọng, Tết Nguyên đán; kiểm tra thi hành pháp "
                "luật; nắm tình hình, tham mưu giải quyết những vấn đề phát sinh.\n"
                "g) Thanh tra, kiểm tra: thanh tra công tác nội vụ; kiểm tra kỷ luật, kỷ cương hành chính, kiểm "
                "tra công vụ, kiểm tra chuyên đề lĩnh vực Nội vụ năm 2024, 2025.\n"
                "h) Văn thư, lưu trữ: văn bản chỉ đạo, hướng dẫn theo Luật Lưu trữ (sửa đổi); lập hồ sơ điện tử "
                "và nộp hồ sơ điện tử vào lưu trữ cơ quan; phần mềm kết nối Lưu trữ cơ quan với Lưu trữ lịch sử "
                "tỉnh.\n"
                "i) Lưu trữ lịch sử: phát huy giá trị tài liệu lưu trữ; thu, nộp tài liệu vào Lưu trữ lịch sử; cơ "
                "sở dữ liệu, số hóa; giới thiệu các phông tài liệu; triển lãm tài liệu lưu trữ theo chủ đề.\n"
                "k) Nghiên cứu khoa học: tổng kết, nghiệm thu các đề tài cấp tỉnh về mức độ hài lòng của người "
                "dân, tổ chức và về quản lý nhà nước về thanh niên tỉnh Lạng Sơn giai đoạn 2022 - 2030.\n"
                "l) Chuyển đổi số: chuyển đổi số đồng bộ, toàn diện, thực chất; sử dụng hiệu quả VNPT-iOffice, "
                "Hệ thống thông tin giải quyết TTHC, các phần mềm quản lý cán bộ, công chức, viên chức, chỉ số "
                "cải cách hành chính, thi đua, khen thưởng, tín ngưỡng, tôn giáo, bản đồ hành chính điện tử.\n"
                "m) Quản trị văn phòng: công tác cán bộ, đào tạo, đánh giá, thi đua, khen thưởng, chế độ chính "
                "sách, điều kiện làm việc; kỷ luật, kỷ cương, tiết kiệm; văn thư, lưu trữ, bảo vệ bí mật nhà "
                "nước; hậu cần; gặp mặt kỷ niệm ngày truyền thống và hội nghị biểu dương điển hình tiên tiến "
                "ngành Nội vụ năm 2025.\n"
                "n) Quản lý nhà nước về hội, quỹ và tổ chức phi chính phủ; công tác thanh niên; công tác dân vận, "
                "dân chủ và các lĩnh vực khác của ngành Nội vụ năm 2024, 2025."),
            awards_guidance=(
                "Trước ngày 05/8/2025, các phòng, đơn vị tổ chức tổng kết, đánh giá kết quả thực hiện phong trào "
                "thi đua; bình xét, lựa chọn tập thể, cá nhân có thành tích tiêu biểu, xuất sắc, đề nghị Thủ "
                "tướng Chính phủ, Bộ trưởng Bộ Nội vụ, Giám đốc Sở Nội vụ khen thưởng.\n"
                "Số lượng hồ sơ: 02 bộ. Báo cáo thành tích (Mẫu số 08, Phụ lục I kèm theo Nghị định số "
                "98/2023/NĐ-CP) phải nêu rõ kết quả đạt được trong phong trào thi đua, kết quả thực hiện nhiệm "
                "vụ; Quyết định đánh giá, xếp loại tập thể, cá nhân năm 2024 và kết quả thực hiện nhiệm vụ 7 "
                "tháng đầu năm 2025.\n"
                "Thời gian gửi hồ sơ: sẽ có hướng dẫn chi tiết sau.\n"
                "Biểu dương, khen thưởng vào dịp kỷ niệm 80 năm Ngày thành lập ngành Tổ chức Nhà nước, nay là "
                "ngành Nội vụ (28/8/1945 - 28/8/2025)."),
            implementation=(
                "1. Lãnh đạo các phòng, đơn vị thuộc, trực thuộc Sở Nội vụ, Phòng Nội vụ các huyện, thành phố có "
                "trách nhiệm quán triệt thực hiện phong trào thi đua bảo đảm thiết thực, hiệu quả, phù hợp với "
                "điều kiện của đơn vị; bình xét, đề xuất khen thưởng cho tập thể, cá nhân có thành tích tiêu "
                "biểu, xuất sắc trong phong trào thi đua.\n"
                "2. Giao Văn phòng Sở Nội vụ (bộ phận thường trực Hội đồng Thi đua - Khen thưởng của Sở) theo "
                "dõi, hướng dẫn, đôn đốc việc triển khai thực hiện phong trào thi đua."),
            period_start=date(2024, 7, 15), period_end=date(2025, 7, 31),
            # "Thời gian gửi hồ sơ: sẽ có hướng dẫn chi tiết sau": the summary day stands in for it.
            summary_deadline=date(2025, 8, 5), dossier_deadline=date(2025, 8, 5),
            # The plan of 07/2024 is issued under NĐ 98/2023 (it cites its Mẫu 08) and prints that căn cứ; its
            # awards, decided after 01/7/2025, are decided under NĐ 152/2025: the decision's own profile, the
            # one in force on the day it is signed (docs/domain.md, Legal rules).
            legal_profile=_profile("nd-98-2023"),
            eligible_subject_types=[INDIVIDUAL, COLLECTIVE],
        ),
        "targets": [
            {"text": "Tập thể, công chức, viên chức, người lao động các phòng, đơn vị thuộc, trực thuộc Sở; Phòng "
                     "Nội vụ các huyện, thành phố thi đua hoàn thành 100% các nhiệm vụ được cấp có thẩm quyền "
                     "giao theo chương trình công tác và các nhiệm vụ phát sinh, đột xuất trong năm 2024 và 7 "
                     "tháng đầu năm 2025 bảo đảm chất lượng, tiến độ, hiệu quả.",
             "value": Decimal(100), "unit": "%", "measured_on": "nhiệm vụ được giao hoàn thành"},
            {"text": "100% công chức, viên chức, người lao động thực hiện nghiêm túc kỷ cương, kỷ luật hành chính, "
                     "tích cực tham gia hưởng ứng các phong trào thi đua yêu nước.",
             "value": Decimal(100), "unit": "%",
             "measured_on": "công chức, viên chức, người lao động chấp hành nghiêm kỷ cương, kỷ luật"},
            {"text": "Nội bộ đoàn kết, thống nhất; chấp hành nghiêm đạo đức công vụ, văn hóa công sở; thực hiện "
                     "công tác phòng, chống tham nhũng; không có công chức, viên chức, người lao động vi phạm các "
                     "quy định của pháp luật, nội quy, quy chế của cơ quan, đơn vị.",
             "value": Decimal(0), "unit": "người", "measured_on": "công chức, viên chức, người lao động vi phạm"},
            {"text": "Các phòng, đơn vị có mô hình mới, cách làm hay, sáng tạo, hiệu quả trong thực hiện nhiệm vụ "
                     "được giao."},
        ],
        "criteria": {
            COLLECTIVE: [
                "Được đánh giá, xếp loại hoàn thành tốt nhiệm vụ năm 2024 trở lên, có thành tích xuất sắc, tiêu "
                "biểu, nổi trội, góp phần xây dựng và phát triển Sở Nội vụ, ngành Nội vụ tỉnh Lạng Sơn.",
                "Gương mẫu, chấp hành tốt chủ trương của Đảng, chính sách pháp luật của Nhà nước; nội quy, quy "
                "chế của cơ quan, đơn vị.",
                "Chấp hành nghiêm kỷ luật, kỷ cương hành chính; thực hành tiết kiệm, chống lãng phí; bảo đảm "
                "thực hiện tốt quy chế dân chủ ở cơ sở, nội bộ đoàn kết.",
                "Tích cực tham gia đợt thi đua đặc biệt; hoàn thành 100% các nhiệm vụ được giao theo Chương trình "
                "công tác năm 2024 và 6 tháng đầu năm 2025, có nhiều thành tích, sản phẩm, kết quả cụ thể được "
                "cấp có thẩm quyền công nhận.",
            ],
            INDIVIDUAL: [
                "Được xếp loại hoàn thành tốt nhiệm vụ trở lên năm 2024, có thành tích xuất sắc, tiêu biểu, nổi "
                "trội, góp phần xây dựng và phát triển Sở Nội vụ, ngành Nội vụ tỉnh Lạng Sơn.",
                "Gương mẫu, chấp hành tốt chủ trương của Đảng, chính sách pháp luật của Nhà nước; nội quy, quy "
                "chế của cơ quan, đơn vị.",
                "Tích cực tham gia đợt thi đua đặc biệt; có tinh thần đoàn kết, ý thức trách nhiệm; chủ động, "
                "sáng tạo nâng cao chất lượng, hiệu quả công tác, là tấm gương tiêu biểu, nổi trội, có nhiều "
                "thành tích, sản phẩm, sáng kiến, kết quả cụ thể được cấp có thẩm quyền công nhận.",
            ],
        },
        "awards": [
            ("bang-khen-ttg", 2, "Bằng khen của Thủ tướng Chính phủ", None),
            ("bang-khen-bo", 2, "Bằng khen của Bộ trưởng Bộ Nội vụ", None),
            ("giay-khen", 2, "Giấy khen của Giám đốc Sở Nội vụ", None),
        ],
        "participants": [
            (units["LS-SNV"], True),
            # "Phòng Nội vụ các huyện, thành phố", as they were during the drive (dissolved on 01/7/2025)
            (units["LS-TPLS-PNV"], False), (units["LS-HCL-PNV"], False),
        ],
        "closed": True,  # the same anniversary drive as seed 001, as written: ended in August 2025
    }


def _task(quarter, order, content, responsible, cooperating=(), note="", status=TaskStatus.TODO, done_on=None):
    return {"quarter": quarter, "order": order, "content": content, "responsible": list(responsible),
            "cooperating": list(cooperating), "responsible_note": note, "due_date": Q_END[quarter],
            "status": status, "done_on": done_on}


def annual_plan_spec(units, day):
    """Seed 003, the plan of 2026, moved to the demo's year: an annual plan comes back every year with the same
    tasks, so the year of its text and of its dates follows `day` (the year before until the plan's date, 21/01,
    is reached). A task is done only if its day of completion (as of 22/11/2026 in the text) is not after `day`;
    Quý II row 1 is never done, so it shows as late after 30/6."""
    year = day.year if day >= date(day.year, 1, 21) else day.year - 1
    spec = _move_years(_annual_plan_as_written(units), year - 2026)
    for task in spec["tasks"]:
        started = day >= date(year, 3 * task["quarter"] - 2, 1)
        if task["done_on"] is not None and task["done_on"] > day:
            task["status"], task["done_on"] = TaskStatus.IN_PROGRESS if started else TaskStatus.TODO, None
        elif task["status"] == TaskStatus.IN_PROGRESS and not started:
            task["status"] = TaskStatus.TODO
    spec["closed"] = year < day.year  # before 21/01: last year's plan, whose year has ended
    return spec


_YEAR = re.compile(r"\b20\d\d\b")


def _move_years(value, delta):
    """`value` with every year of its texts and dates moved by `delta` years (model instances untouched)."""
    if isinstance(value, dict):
        return {key: _move_years(item, delta) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_move_years(item, delta) for item in value)
    if isinstance(value, str):
        return _YEAR.sub(lambda m: str(int(m.group()) + delta), value)
    if isinstance(value, date):
        return value.replace(year=value.year + delta)
    return value


def _annual_plan_as_written(units):
    """Seed 003 (OCR without diacritics, restored), with the dates of 2026. Tasks as of 22/11/2026: Quý I and III
    done, Quý II done but for one (late), Quý IV under way."""
    vp, hcqt = units["LS-VP"], units["LS-VP-HCQT"]
    others = [units[c] for c in ("LS-VP-TH", "LS-VP-KT", "LS-VP-KGVX", "LS-VP-NC", "LS-VP-BTCD", "LS-VP-TTHCC")]
    done = TaskStatus.DONE
    khoi = "Khối thi đua các cơ quan tham mưu tổng hợp"
    tasks = [
        # Quý I
        # OCR: the "đơn vị thực hiện" cell of row 1 is garbled ("Sanh 420 Van phong / Ehonghl…an trl / ac
        # PRons, batl"): read as Lãnh đạo Văn phòng; Phòng Hành chính - Quản trị; các phòng, ban, đơn vị.
        _task(1, 1, "Trình UBND tỉnh, Văn phòng Chính phủ xét tặng danh hiệu thi đua, khen thưởng thành tích "
                    "cho các tập thể, cá nhân thuộc Văn phòng UBND tỉnh năm 2025.",
              [hcqt], others, "Lãnh đạo Văn phòng; Phòng Hành chính - Quản trị; các phòng, ban, đơn vị",
              done, date(2026, 2, 26)),
        # The text says "Kế hoạch ... năm 2025", an evident slip in a plan for 2026: the plan itself is meant.
        _task(1, 2, "Ban hành Kế hoạch công tác thi đua, khen thưởng của Văn phòng UBND tỉnh năm 2026.",
              [hcqt], (), "Lãnh đạo Văn phòng; Phòng Hành chính - Quản trị", done, date(2026, 1, 21)),
        _task(1, 3, "Phát động phong trào thi đua phấn đấu hoàn thành thắng lợi nhiệm vụ công tác năm 2026.",
              [hcqt], (), "Lãnh đạo Văn phòng; Phòng Hành chính - Quản trị", done, date(2026, 2, 10)),
        _task(1, 4, "Rà soát, sửa đổi, bổ sung Quy chế thi đua, khen thưởng của Văn phòng. Triển khai các văn "
                    "bản quy định về công tác thi đua, khen thưởng.",
              [hcqt], others, "Phòng Hành chính - Quản trị; các phòng, ban, đơn vị", done, date(2026, 3, 20)),
        # Quý II: row 1 left undone, so it shows as late after 30/6/2026.
        _task(2, 1, "Tham gia các lớp bồi dưỡng nghiệp vụ công tác thi đua, khen thưởng do cấp trên tổ chức.",
              [hcqt], (), "Phòng Hành chính - Quản trị"),
        _task(2, 2, "Báo cáo sơ kết công tác thi đua, khen thưởng 06 tháng đầu năm, triển khai nhiệm vụ 06 tháng "
                    "cuối năm 2026 của Văn phòng.",
              [hcqt], others, "Phòng Hành chính - Quản trị; các phòng, ban, đơn vị", done, date(2026, 6, 24)),
        _task(2, 3, "Xem xét đề nghị tặng Kỷ niệm chương (nếu có).", [hcqt], (), "Phòng Hành chính - Quản trị",
              done, date(2026, 5, 29)),
        # Quý III
        _task(3, 1, f"Tham dự Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm, triển khai nhiệm "
                    f"vụ 6 tháng cuối năm 2026 của {khoi}.",
              [hcqt], (), "Lãnh đạo Văn phòng; Phòng Hành chính - Quản trị", done, date(2026, 7, 16)),
        _task(3, 2, "Xem xét đề nghị tặng Kỷ niệm chương (nếu có).", [hcqt], (), "Phòng Hành chính - Quản trị",
              done, date(2026, 8, 28)),
        _task(3, 3, "Triển khai, đôn đốc nộp sáng kiến năm 2026.", [hcqt], others, "Phòng Hành chính - Quản trị",
              done, date(2026, 9, 15)),
        # Quý IV (the councils are bodies of the Văn phòng, not units: named in the note, the Văn phòng
        # itself is the responsible unit)
        _task(4, 1, "Hướng dẫn, triển khai tổng kết công tác thi đua, khen thưởng năm 2026 trong cơ quan.",
              [hcqt], others, "Phòng Hành chính - Quản trị", TaskStatus.IN_PROGRESS),
        _task(4, 2, "Họp Hội đồng sáng kiến, tổ chức chấm điểm, đánh giá sáng kiến năm 2026. Quyết định công "
                    "nhận sáng kiến năm 2026.",
              [vp], (), "Hội đồng sáng kiến Văn phòng"),
        _task(4, 3, "Xây dựng báo cáo tổng kết công tác thi đua, khen thưởng năm 2026, triển khai nhiệm vụ công "
                    "tác thi đua, khen thưởng năm 2027 của Văn phòng; chấm điểm thi đua; tổng hợp kết quả thi "
                    "đua, khen thưởng năm 2026.",
              [hcqt], (), "Phòng Hành chính - Quản trị"),
        _task(4, 4, "Tổ chức họp bình xét danh hiệu thi đua, hình thức khen thưởng năm 2026.",
              [vp], others, "Hội đồng Thi đua - Khen thưởng Văn phòng; các phòng, ban, đơn vị"),
        _task(4, 5, "Quyết định tặng danh hiệu thi đua, hình thức khen thưởng năm 2026. Hướng dẫn các tập thể, "
                    "cá nhân hoàn thiện hồ sơ đề nghị các cấp khen thưởng.",
              [hcqt], (), "Chánh Văn phòng (quyết định); Phòng Hành chính - Quản trị (hướng dẫn hồ sơ)"),
        _task(4, 6, f"Tham dự Hội nghị tổng kết công tác thi đua, khen thưởng năm 2026, triển khai nhiệm vụ công "
                    f"tác năm 2027 của {khoi}.",
              [hcqt], (), "Lãnh đạo Văn phòng; Phòng Hành chính - Quản trị"),
    ]
    return {
        "fields": dict(
            kind=CampaignKind.ANNUAL,
            issuer=vp,
            # OCR: "ngay 2/ thang 01 nam 2026". The plan carries out Kế hoạch 01/KH-UBND of 04/01/2026, so
            # the day is 20–29; the "/" stands for a "1" as in 000 ("/2" for 12): 21/01/2026.
            plan_number=1, plan_symbol="KH-VP", plan_date=date(2026, 1, 21),
            # OCR: "Nguyén Vin Ha": Nguyễn Văn Hà.
            signer_name="Nguyễn Văn Hà", signer_title="Chánh Văn phòng",
            title="Công tác thi đua, khen thưởng năm 2026",
            purpose=(
                "Thực hiện Kế hoạch số 01/KH-UBND ngày 04/01/2026 của UBND tỉnh về công tác thi đua, khen thưởng "
                "năm 2026.\n"
                "- Đẩy mạnh các phong trào thi đua, thiết thực lập thành tích chào mừng các ngày lễ, kỷ niệm "
                "trong năm 2026; quyết tâm phấn đấu nâng cao chất lượng, hiệu quả công tác, thực hiện thắng lợi "
                "các nhiệm vụ chính trị được giao, góp phần thực hiện thắng lợi các chỉ tiêu kinh tế - xã hội "
                "năm 2026 của tỉnh.\n"
                "- Tổ chức thực hiện tốt công tác thi đua, khen thưởng; nâng cao chất lượng, hiệu quả các phong "
                "trào thi đua; bảo đảm thực hiện đồng bộ, có hiệu quả các nội dung về công tác thi đua, khen "
                "thưởng (TĐKT)."),
            requirements=(
                "Các phong trào thi đua phải bảo đảm tính thiết thực, chất lượng và hiệu quả; có sự lan tỏa "
                "trong cơ quan, trong ngành và có ảnh hưởng đến các lĩnh vực khác của đời sống xã hội.\n"
                "Công tác khen thưởng bảo đảm chính xác, công khai, minh bạch, kịp thời, đúng thành tích, đúng "
                "đối tượng. Chú trọng khen thưởng theo kết quả và thành tích nhiệm vụ công tác đạt được, khen "
                "thưởng thành tích đột xuất, trong đó quan tâm đến các tập thể nhỏ, người lao động trực tiếp, tạo "
                "tiền đề cho phong trào nghiên cứu, sáng kiến kinh nghiệm."),
            tasks_text="Nội dung, thời gian thực hiện theo từng quý (Quý I – IV): xem bảng nhiệm vụ của kế hoạch.",
            implementation=(
                "1. Các phòng, ban, đơn vị trực thuộc: tổ chức, triển khai quán triệt nội dung kế hoạch đến toàn "
                "thể công chức, viên chức và người lao động theo hình thức phù hợp; có kế hoạch, biện pháp tổ "
                "chức triển khai phong trào thi đua trên cơ sở chức năng, nhiệm vụ được giao; đánh giá, đề xuất "
                "biểu dương kịp thời những tập thể, cá nhân có thành tích tiêu biểu; báo cáo kết quả và đề nghị "
                "Chánh Văn phòng xem xét khen thưởng đối với tập thể, cá nhân.\n"
                "2. Phòng Hành chính - Quản trị: tổng hợp, theo dõi, đôn đốc các phòng, ban, đơn vị thuộc Văn "
                "phòng UBND tỉnh thực hiện theo Kế hoạch; bảo đảm các điều kiện cần thiết tổ chức thực hiện các "
                "nội dung theo kế hoạch; tổng hợp, báo cáo định kỳ theo quy định."),
            period_start=date(2026, 1, 1), period_end=date(2026, 12, 31),
            # The plan gives no dates for the year-end review: the units' dossiers before the bình xét
            # meeting of Quý IV (15/12, a guess), the summary by the end of the year.
            summary_deadline=date(2026, 12, 31), dossier_deadline=date(2026, 12, 15),
            legal_profile=_profile("nd-152-2025"),
            eligible_subject_types=[INDIVIDUAL, COLLECTIVE],
        ),
        # The plan names no award forms: the usual year-end titles decided by the Chánh Văn phòng.
        # Copies: the plan does not say; 01 bộ for a dossier that stays inside the Văn phòng.
        "awards": [
            ("ldtt", 1, "", None),
            ("cstd-co-so", 1, "Không quá 15% số cá nhân đạt danh hiệu Lao động tiên tiến",
             {"quota_kind": QuotaKind.RATIO_OF_FORM, "quota_value": Decimal(15), "quota_base": "ldtt"}),
            ("ttldtt", 1, "", None),
            ("giay-khen", 1, "Giấy khen của Chánh Văn phòng UBND tỉnh", None),
        ],
        "participants": [(vp, True)],
        "tasks": tasks,
    }


def provincial_spec(units, day):
    """A provincial drive issued by the UBND tỉnh Lạng Sơn (invented for the demo, no seed text): the
    Sở Nội vụ, its standing office, receives and reviews the departments' dossiers and takes them to the
    provincial council; the Chủ tịch UBND tỉnh decides the Bằng khen of the province and forwards the Bằng
    khen of the Thủ tướng Chính phủ (above the province's authority) with a Tờ trình.

    Dated from the demo's day `day`: issued ten weeks before, activities until a week after, the dossiers due
    three weeks after; its year is the year of its date."""
    issued, deadline = day - timedelta(weeks=10), day + timedelta(weeks=3)
    year = issued.year
    return {
        "fields": dict(
            kind=CampaignKind.DRIVE,
            issuer=units["LS-UBND"],
            plan_number=58, plan_symbol="KH-UBND", plan_date=issued,
            signer_name=LS_CHAIRMAN, signer_title="Chủ tịch", sign_as="tm",
            title="Phát động phong trào thi đua đẩy mạnh cải cách hành chính, chuyển đổi số, vận hành hiệu quả "
                  f"chính quyền địa phương hai cấp tỉnh Lạng Sơn năm {year}",
            theme="Chính quyền hai cấp gần dân, sát dân, phục vụ nhân dân",
            plan_bases=f"Căn cứ Kế hoạch công tác thi đua, khen thưởng năm {year} của Ủy ban nhân dân tỉnh.",
            purpose=(
                "- Tạo khí thế thi đua sôi nổi trong các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, góp phần "
                "đưa chính quyền địa phương hai cấp vận hành thông suốt, hiệu lực, hiệu quả.\n"
                "- Phát hiện, biểu dương, khen thưởng kịp thời các tập thể, cá nhân có thành tích tiêu biểu trong "
                "cải cách hành chính, chuyển đổi số, giải quyết thủ tục hành chính cho người dân, doanh nghiệp."),
            requirements=(
                "- Phong trào thi đua được triển khai thiết thực, gắn với nhiệm vụ chính trị của từng cơ quan, "
                "đơn vị; kết quả được lượng hóa bằng các chỉ số cải cách hành chính của tỉnh.\n"
                "- Việc bình xét, đề nghị khen thưởng bảo đảm chính xác, công khai, công bằng, đúng đối tượng, "
                "đúng quy định của Luật Thi đua, khen thưởng."),
            tasks_text=(
                "- Rà soát, đơn giản hóa thủ tục hành chính; 100% thủ tục hành chính đủ điều kiện được cung cấp "
                "dịch vụ công trực tuyến toàn trình.\n"
                "- Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; sử dụng hiệu quả hệ thống quản lý văn bản "
                "và điều hành, chữ ký số.\n"
                f"- Nâng cao chỉ số PAR Index, SIPAS, PAPI của tỉnh năm {year} so với năm {year - 1}."),
            awards_guidance=(
                "Kết thúc phong trào, các cơ quan, đơn vị bình xét, lựa chọn tập thể, cá nhân tiêu biểu, gửi hồ sơ "
                "đề nghị khen thưởng về Ủy ban nhân dân tỉnh (qua Sở Nội vụ – cơ quan thường trực Hội đồng Thi "
                f"đua – Khen thưởng tỉnh) trước ngày {deadline:%d/%m/%Y}.\n"
                "Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen cho các tập thể, cá nhân có thành tích xuất sắc; "
                "trường hợp đặc biệt xuất sắc, Ủy ban nhân dân tỉnh đề nghị Thủ tướng Chính phủ tặng Bằng khen."),
            implementation=(
                "1. Các sở, ban, ngành, Văn phòng Ủy ban nhân dân tỉnh triển khai phong trào đến công chức, viên "
                "chức, người lao động; tổng kết, bình xét và gửi hồ sơ đề nghị khen thưởng đúng thời hạn.\n"
                "2. Sở Nội vụ (cơ quan thường trực Hội đồng Thi đua – Khen thưởng tỉnh) hướng dẫn, theo dõi, đôn "
                "đốc; tiếp nhận, thẩm định hồ sơ, trình Hội đồng Thi đua – Khen thưởng tỉnh xét, trình Chủ tịch "
                "Ủy ban nhân dân tỉnh quyết định khen thưởng hoặc đề nghị cấp trên khen thưởng."),
            period_start=issued, period_end=day + timedelta(weeks=1),
            summary_deadline=deadline, dossier_deadline=deadline,
            legal_profile=profile_in_force(issued),  # the decree in force on the plan's date
            eligible_subject_types=[INDIVIDUAL, COLLECTIVE],
        ),
        "targets": [
            {"text": "100% thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình.",
             "value": Decimal(100), "unit": "%", "measured_on": "thủ tục hành chính đủ điều kiện"},
            {"text": "100% hồ sơ giải quyết thủ tục hành chính được số hóa.", "value": Decimal(100), "unit": "%",
             "measured_on": "hồ sơ thủ tục hành chính"},
        ],
        "criteria": {
            COLLECTIVE: [
                f"Hoàn thành xuất sắc nhiệm vụ năm {year}; dẫn đầu hoặc có nhiều đóng góp nâng cao chỉ số cải cách "
                "hành chính, chuyển đổi số của tỉnh.",
                "Nội bộ đoàn kết; không có cá nhân bị xử lý kỷ luật.",
            ],
            INDIVIDUAL: [
                f"Hoàn thành xuất sắc nhiệm vụ năm {year}; có sáng kiến, giải pháp cải cách hành chính, chuyển đổi "
                "số được áp dụng hiệu quả.",
                "Gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước; không trong thời "
                "gian thi hành kỷ luật.",
            ],
        },
        "awards": [
            ("bang-khen-ttg", 3, "Bằng khen của Thủ tướng Chính phủ: Ủy ban nhân dân tỉnh trình cấp trên", None),
            ("bang-khen-tinh", 2, "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", None),
        ],
        "participants": [(units["LS-SNV"], True), (units["LS-VP"], True)],
        "reminders": REMINDERS,
    }


def current_quang_tri_spec(day):
    """The drive of the Sở Nội vụ tỉnh Quảng Trị in the demo's year (invented, no seed text), where the demo
    dossiers are at every stage (demo/seeds/dossiers.py). Issued PLAN_AGE before the demo's day `day` (the
    anchor is read back from this date), activities until a week before it, the dossiers due two weeks after."""
    units = {o.code: o for o in Organisation.objects.filter(code__startswith="QT-")}
    issued, deadline = day - PLAN_AGE, day + timedelta(weeks=2)
    year = issued.year
    return {
        "fields": dict(
            kind=CampaignKind.DRIVE,
            issuer=units["QT-SNV"],
            plan_number=QT_PLAN_NUMBER, plan_symbol=QT_PLAN_SYMBOL, plan_date=issued,
            signer_name="Lê Quang Thắng", signer_title="Giám đốc",
            title=f"Phát động phong trào thi đua “Cán bộ Nội vụ tận tụy, chuyên nghiệp, phục vụ nhân dân” năm {year} "
                  "của ngành Nội vụ tỉnh Quảng Trị",
            theme="Cán bộ Nội vụ tận tụy, chuyên nghiệp, phục vụ nhân dân",
            plan_bases=f"Căn cứ Kế hoạch công tác thi đua, khen thưởng năm {year} của Ủy ban nhân dân tỉnh Quảng Trị.",
            purpose=(
                "- Tạo khí thế thi đua sôi nổi trong toàn ngành Nội vụ tỉnh, góp phần hoàn thành xuất sắc nhiệm vụ "
                f"chính trị năm {year}, vận hành hiệu quả chính quyền địa phương hai cấp.\n"
                "- Phát hiện, biểu dương, khen thưởng kịp thời các tập thể, cá nhân có thành tích tiêu biểu."),
            requirements=(
                "- Phong trào được triển khai thiết thực, gắn với nhiệm vụ chuyên môn của từng cơ quan, đơn vị.\n"
                "- Việc bình xét khen thưởng bảo đảm khách quan, công khai, minh bạch, đúng đối tượng, đúng quy định."),
            tasks_text=(
                "- Tham mưu tổ chức bộ máy, biên chế, chính sách cán bộ kịp thời, đúng quy định.\n"
                "- Cải cách hành chính, chuyển đổi số trong toàn ngành; nâng cao chỉ số PAR Index, SIPAS của tỉnh.\n"
                "- Thực hiện tốt công tác thi đua, khen thưởng, văn thư, lưu trữ, tín ngưỡng, tôn giáo."),
            awards_guidance=(
                "Kết thúc phong trào, các cơ quan, đơn vị tổ chức bình xét, gửi hồ sơ đề nghị khen thưởng về Sở Nội "
                f"vụ (qua Văn phòng Sở) trước ngày {deadline:%d/%m/%Y}."),
            implementation=(
                "1. Lãnh đạo các phòng, ban, trung tâm thuộc Sở; Văn phòng các sở, ngành; Phòng Văn hóa - Xã hội "
                "các xã, phường triển khai phong trào, bình xét và gửi hồ sơ đúng hạn.\n"
                "2. Văn phòng Sở (thường trực Hội đồng Thi đua - Khen thưởng Sở) theo dõi, đôn đốc; tiếp nhận, "
                "thẩm định hồ sơ, trình Hội đồng Thi đua - Khen thưởng Sở xem xét."),
            period_start=issued, period_end=day - timedelta(weeks=1),
            summary_deadline=deadline, dossier_deadline=deadline,
            legal_profile=profile_in_force(issued),  # the decree in force on the plan's date
            eligible_subject_types=[INDIVIDUAL, COLLECTIVE],
        ),
        "targets": [
            {"text": "100% công chức, viên chức và người lao động hoàn thành tốt nhiệm vụ trở lên.",
             "value": Decimal(100), "unit": "%",
             "measured_on": "công chức, viên chức, người lao động hoàn thành tốt nhiệm vụ trở lên"},
            {"text": "20% công chức, viên chức và người lao động hoàn thành xuất sắc nhiệm vụ.",
             "value": Decimal(20), "unit": "%",
             "measured_on": "công chức, viên chức, người lao động hoàn thành xuất sắc nhiệm vụ"},
        ],
        "criteria": {
            COLLECTIVE: [
                "Nội bộ đoàn kết, gương mẫu chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà "
                "nước.",
                f"Năm {year - 1} được xếp loại tập thể hoàn thành tốt nhiệm vụ trở lên; không có cá nhân bị xử lý "
                "kỷ luật.",
            ],
            INDIVIDUAL: [
                "Gương mẫu chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
                f"Năm {year - 1} được xếp loại hoàn thành tốt nhiệm vụ trở lên; không trong thời gian thi hành "
                "kỷ luật.",
                ("Ưu tiên các cá nhân có sáng kiến, giải pháp được áp dụng mang lại hiệu quả.", False),
            ],
        },
        "awards": quang_tri_spec_part(units, "awards"),  # the same forms, copies and quota as seed 001
        "participants": quang_tri_spec_part(units, "participants"),
        "reminders": REMINDERS,
    }


def quang_tri_spec_part(units, key):
    return quang_tri_spec(units)[key]


def seed(system_user=None, day=None):
    """Create the Lạng Sơn tree and the five campaigns, dated from the demo's day `day` (demo/seeds/anchor.py;
    today when not given). Returns [(campaign, created), …] in seed order (Quảng Trị 1468/KH-SNV, Lạng Sơn
    173/KH-SNV, Văn phòng UBND tỉnh Lạng Sơn 01/KH-VP, UBND tỉnh Lạng Sơn 58/KH-UBND, Quảng Trị 2150/KH-SNV)."""
    day = day or anchor()
    units = _save_units(LS_UNITS, "Lạng Sơn", system_user)
    _name_standing_office(units["LS-UBND"], units["LS-SNV"], system_user)
    _save_people(LS_PEOPLE, units, "Lạng Sơn", system_user)
    _save_accounts(LS_ACCOUNTS, units, system_user)
    _save_bloc(units, system_user)
    return [_build(spec, system_user) for spec in (quang_tri_spec(), lang_son_spec(units), annual_plan_spec(units, day),
                                                   provincial_spec(units, day), current_quang_tri_spec(day))]
