"""Pre-fill the award catalogue: the award forms of Luật Thi đua, khen thưởng 2022, the two
legal-basis profiles (Nghị định 98/2023 and 152/2025) with their bonus coefficients, and the
base salary table.

Idempotent (update_or_create by code / natural key), so it can run on a database that already
holds some of these rows. Everything here stays editable by an admin in the portal's catalogue
pages; the values are a starting point, to be checked against the official texts (docs/domain.md, Legal rules).
The data is written out here, not imported from app code, so the migration keeps working when the
code changes later.
"""
import datetime
from decimal import Decimal

from django.db import migrations

INDIVIDUAL, COLLECTIVE, HOUSEHOLD = "individual", "collective", "household"
TITLE, COMMENDATION = "title", "commendation"
UNIT_HEAD, MINISTER, PROVINCE, PRIME_MINISTER, PRESIDENT = 10, 30, 40, 50, 60
PRESENT, ALL = "present", "all"
HANDS, SECRET = "hands", "secret"

NO_COUNCIL = {"needs_council": False, "vote_threshold": None, "vote_denominator": PRESENT,
              "ballot_type": SECRET}


def council(threshold, denominator, ballot=SECRET):
    return {"needs_council": True, "vote_threshold": Decimal(threshold), "vote_denominator": denominator,
            "ballot_type": ballot}


# legal_reference is filled only where the article was checked; the rest is left for the admin.
AWARD_FORMS = [
    # danh hiệu thi đua – cá nhân
    {"code": "cstd-toan-quoc", "name": "Chiến sĩ thi đua toàn quốc", "short_name": "CSTĐ toàn quốc",
     "category": TITLE, "subject_types": [INDIVIDUAL], "authority": PRIME_MINISTER,
     **council(90, ALL), "order": 10},
    {"code": "cstd-tinh", "name": "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh", "short_name": "CSTĐ cấp tỉnh",
     "category": TITLE, "subject_types": [INDIVIDUAL], "authority": PROVINCE,
     **council(70, ALL), "order": 20},
    {"code": "cstd-co-so", "name": "Chiến sĩ thi đua cơ sở", "short_name": "CSTĐ cơ sở",
     "category": TITLE, "subject_types": [INDIVIDUAL], "authority": UNIT_HEAD,
     **council(70, PRESENT), "order": 30},
    {"code": "ldtt", "name": "Lao động tiên tiến", "short_name": "LĐTT",
     "category": TITLE, "subject_types": [INDIVIDUAL], "authority": UNIT_HEAD,
     **NO_COUNCIL, "order": 40},
    # danh hiệu thi đua – tập thể
    {"code": "co-thi-dua-cp", "name": "Cờ thi đua của Chính phủ", "short_name": "Cờ thi đua Chính phủ",
     "category": TITLE, "subject_types": [COLLECTIVE], "authority": PRIME_MINISTER,
     **council(70, ALL), "order": 50},
    {"code": "co-thi-dua-tinh", "name": "Cờ thi đua cấp bộ, ban, ngành, tỉnh", "short_name": "Cờ thi đua cấp tỉnh",
     "category": TITLE, "subject_types": [COLLECTIVE], "authority": PROVINCE,
     **council(70, ALL), "order": 60},
    {"code": "ttldxs", "name": "Tập thể lao động xuất sắc", "short_name": "TTLĐXS",
     "category": TITLE, "subject_types": [COLLECTIVE], "authority": PROVINCE,
     **council(70, ALL), "order": 70},
    {"code": "ttldtt", "name": "Tập thể lao động tiên tiến", "short_name": "TTLĐTT",
     "category": TITLE, "subject_types": [COLLECTIVE], "authority": UNIT_HEAD,
     **NO_COUNCIL, "order": 80},
    # danh hiệu thi đua – hộ gia đình (Chủ tịch UBND cấp xã)
    {"code": "gia-dinh-van-hoa", "name": "Gia đình văn hóa", "short_name": "Gia đình văn hóa",
     "category": TITLE, "subject_types": [HOUSEHOLD], "authority": UNIT_HEAD,
     **NO_COUNCIL, "order": 90},
    # hình thức khen thưởng
    {"code": "huan-chuong-ld-3", "name": "Huân chương Lao động hạng Ba", "short_name": "Huân chương LĐ hạng Ba",
     "category": COMMENDATION, "subject_types": [INDIVIDUAL, COLLECTIVE], "authority": PRESIDENT,
     **council(70, ALL), "report_form": "Mẫu số 08", "order": 100},
    {"code": "bang-khen-ttg", "name": "Bằng khen của Thủ tướng Chính phủ", "short_name": "Bằng khen Thủ tướng",
     "category": COMMENDATION, "subject_types": [INDIVIDUAL, COLLECTIVE], "authority": PRIME_MINISTER,
     **council(70, ALL), "report_form": "Mẫu số 08",
     "legal_reference": "Điều 73 Luật Thi đua, khen thưởng 2022", "order": 110},
    {"code": "bang-khen-bo", "name": "Bằng khen của Bộ trưởng", "short_name": "Bằng khen Bộ trưởng",
     "category": COMMENDATION, "subject_types": [INDIVIDUAL, COLLECTIVE], "authority": MINISTER,
     **NO_COUNCIL, "report_form": "Mẫu số 08", "order": 120},
    {"code": "bang-khen-tinh", "name": "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
     "short_name": "Bằng khen Chủ tịch UBND tỉnh",
     "category": COMMENDATION, "subject_types": [INDIVIDUAL, COLLECTIVE], "authority": PROVINCE,
     **NO_COUNCIL, "report_form": "Mẫu số 08", "order": 130},
    {"code": "giay-khen", "name": "Giấy khen", "short_name": "Giấy khen",
     "category": COMMENDATION, "subject_types": [INDIVIDUAL, COLLECTIVE], "authority": UNIT_HEAD,
     **NO_COUNCIL, "report_form": "Mẫu số 08", "order": 140},
]

LAW_LINE = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"

PROFILES = [
    {"code": "nd-98-2023", "name": "Luật Thi đua, khen thưởng 2022 – Nghị định 98/2023/NĐ-CP",
     "valid_from": datetime.date(2024, 1, 1), "valid_until": datetime.date(2025, 7, 1),
     "basis_lines": "\n".join([
         LAW_LINE,
         "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết "
         "thi hành một số điều của Luật Thi đua, khen thưởng;",
     ]),
     "report_form_label": "Mẫu số 08", "collective_multiplier": Decimal("2"),
     "notes": "Áp dụng từ 01/01/2024 đến hết 30/6/2025."},
    {"code": "nd-152-2025", "name": "Luật Thi đua, khen thưởng 2022 – Nghị định 152/2025/NĐ-CP",
     "valid_from": datetime.date(2025, 7, 1), "valid_until": None,
     "basis_lines": "\n".join([
         LAW_LINE,
         "Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ;",
     ]),
     "report_form_label": "Mẫu số 08", "collective_multiplier": Decimal("2"),
     "notes": "Áp dụng từ 01/7/2025. Cần đối chiếu văn bản gốc để bổ sung ngày ban hành và trích yếu "
              "của Nghị định vào dòng căn cứ, và kiểm tra số hiệu mẫu báo cáo thành tích."},
]

# Individual coefficients (× mức lương cơ sở); a collective gets the profile's multiplier (× 2)
# unless the form is for collectives only, which has its own collective row.
COMMON_COEFFICIENTS = [
    ("cstd-toan-quoc", INDIVIDUAL, "4.5"),
    ("cstd-tinh", INDIVIDUAL, "3.0"),
    ("cstd-co-so", INDIVIDUAL, "1.0"),
    ("ldtt", INDIVIDUAL, "0.3"),
    ("ttldxs", COLLECTIVE, "1.5"),
    ("ttldtt", COLLECTIVE, "0.8"),
    ("bang-khen-ttg", INDIVIDUAL, "3.5"),
    ("giay-khen", INDIVIDUAL, "0.3"),
]
COEFFICIENTS = {
    "nd-98-2023": COMMON_COEFFICIENTS + [("bang-khen-bo", INDIVIDUAL, "1.0"),
                                         ("bang-khen-tinh", INDIVIDUAL, "1.0")],
    "nd-152-2025": COMMON_COEFFICIENTS + [("bang-khen-bo", INDIVIDUAL, "1.5"),
                                          ("bang-khen-tinh", INDIVIDUAL, "1.5")],
}

BASE_SALARIES = [
    (datetime.date(2023, 7, 1), 1_800_000, "Nghị định số 24/2023/NĐ-CP"),
    (datetime.date(2024, 7, 1), 2_340_000, "Nghị định số 73/2024/NĐ-CP"),
]


def fill_catalogue(apps, schema_editor):
    AwardForm = apps.get_model("awards", "AwardForm")
    LegalBasisProfile = apps.get_model("awards", "LegalBasisProfile")
    BonusCoefficient = apps.get_model("awards", "BonusCoefficient")
    BaseSalary = apps.get_model("awards", "BaseSalary")

    forms = {}
    for row in AWARD_FORMS:
        defaults = {"short_name": "", "report_form": "", "legal_reference": "", "is_active": True,
                    **{key: value for key, value in row.items() if key != "code"}}
        forms[row["code"]], _ = AwardForm.objects.update_or_create(code=row["code"], defaults=defaults)

    for row in PROFILES:
        profile, _ = LegalBasisProfile.objects.update_or_create(
            code=row["code"], defaults={key: value for key, value in row.items() if key != "code"})
        for form_code, subject_type, coefficient in COEFFICIENTS[row["code"]]:
            BonusCoefficient.objects.update_or_create(
                profile=profile, award_form=forms[form_code], subject_type=subject_type,
                defaults={"coefficient": Decimal(coefficient)})

    for valid_from, amount, legal_basis in BASE_SALARIES:
        BaseSalary.objects.update_or_create(valid_from=valid_from,
                                            defaults={"amount": amount, "legal_basis": legal_basis})


class Migration(migrations.Migration):

    dependencies = [
        ("awards", "0001_initial"),
    ]

    # Reversing keeps the rows: they may have been edited or referenced since.
    operations = [
        migrations.RunPython(fill_catalogue, migrations.RunPython.noop),
    ]
