"""The legal-basis profile in force before 2024: Luật Thi đua, khen thưởng 2003 (amended 2005 and 2013) with Nghị
định 91/2017/NĐ-CP, its căn cứ lines, its bonus coefficients with the article each comes from, and the base salaries
of 2017–2023, so that a plan and a decision of 2023 print and pay by the law in force then (issue 15).

Idempotent and careful with what an admin may have entered already: the profile is created only when no profile
has its code, a coefficient only when the profile has none for that form and subject, a base salary only when no
row starts on that date (nothing an admin changed is overwritten). Reversing keeps the rows (they may be referenced).
What was and was not checked against the official texts: docs/domain.md (Decrees and legal-basis profiles, Bonus)
and the profile's own note.
"""
import datetime
from decimal import Decimal

from django.db import migrations

INDIVIDUAL, COLLECTIVE = "individual", "collective"
ND = "Nghị định số 91/2017/NĐ-CP"

PROFILE = {
    "code": "nd-91-2017",
    "name": "Luật Thi đua, khen thưởng 2003 (sửa đổi 2005, 2013) – Nghị định 91/2017/NĐ-CP",
    "valid_from": datetime.date(2017, 9, 15),
    "valid_until": datetime.date(2024, 1, 1),
    "basis_lines": "\n".join([
        "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật "
        "Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013;",
        "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một "
        "số điều của Luật Thi đua, khen thưởng;",
    ]),
    "report_form_label": "Mẫu số 07",
    "collective_multiplier": Decimal("2"),
    "title_bonus_rule": "highest",
    "title_bonus_reference": f"điểm c khoản 2 Điều 66 {ND}",
    "title_bonus_text": (
        "“Trong cùng một thời điểm, cùng một thành tích, một đối tượng nếu đạt nhiều danh hiệu thi đua kèm theo các "
        "mức tiền thưởng khác nhau thì được nhận mức tiền thưởng cao nhất.” (điểm c khoản 2 Điều 66 Nghị định "
        "91/2017/NĐ-CP)"),
    "notes": (
        "Áp dụng cho kế hoạch và quyết định khen thưởng trước ngày 01/01/2024 (Luật Thi đua, khen thưởng 2022 và "
        "Nghị định 98/2023/NĐ-CP có hiệu lực từ ngày đó). Nghị định ban hành ngày 31/7/2017; ngày có hiệu lực "
        "15/9/2017, các hệ số tiền thưởng (Điều 70–76: danh hiệu thi đua, Huân chương, Bằng khen, Giấy khen), điều, "
        "khoản ghi ở từng hệ số và số hiệu mẫu báo cáo thành tích theo đợt, chuyên đề (Mẫu số 07) được ghi theo "
        "nội dung thường trích dẫn của Nghị định, chưa đối chiếu với bản gốc đăng Công báo: cần kiểm tra trước khi "
        "dùng để chi tiền thưởng."),
}

# (form code, subject type, coefficient × mức lương cơ sở, where the decree sets it). A collective without its own
# row gets the individual's × the profile's multiplier, 2: the decree pays a collective twice an individual's bonus
# for a Huân chương, a Bằng khen or a Giấy khen.
COEFFICIENTS = [
    ("cstd-toan-quoc", INDIVIDUAL, "4.5", f"điểm a khoản 1 Điều 70 {ND}"),
    ("cstd-tinh", INDIVIDUAL, "3.0", f"điểm b khoản 1 Điều 70 {ND}"),
    ("cstd-co-so", INDIVIDUAL, "1.0", f"điểm c khoản 1 Điều 70 {ND}"),
    ("ldtt", INDIVIDUAL, "0.3", f"điểm d khoản 1 Điều 70 {ND}"),
    ("co-thi-dua-cp", COLLECTIVE, "12.0", f"khoản 2 Điều 70 {ND}"),
    ("co-thi-dua-tinh", COLLECTIVE, "8.0", f"khoản 2 Điều 70 {ND}"),
    ("ttldxs", COLLECTIVE, "1.5", f"khoản 2 Điều 70 {ND}"),
    ("ttldtt", COLLECTIVE, "0.8", f"khoản 2 Điều 70 {ND}"),
    ("huan-chuong-ld-3", INDIVIDUAL, "4.5", f"Điều 71 {ND}"),
    ("bang-khen-ttg", INDIVIDUAL, "1.5", f"Điều 75 {ND}"),
    ("bang-khen-bo", INDIVIDUAL, "1.0", f"Điều 76 {ND}"),
    ("bang-khen-tinh", INDIVIDUAL, "1.0", f"Điều 76 {ND}"),
    ("giay-khen", INDIVIDUAL, "0.3", f"Điều 76 {ND}"),
]

# Mức lương cơ sở before 01/7/2023 (the table had 1.800.000 đ from then on): a decision of May 2023 pays on 1.490.000 đ.
BASE_SALARIES = [
    (datetime.date(2017, 7, 1), 1_300_000, "Nghị định số 47/2017/NĐ-CP"),
    (datetime.date(2018, 7, 1), 1_390_000, "Nghị định số 72/2018/NĐ-CP"),
    (datetime.date(2019, 7, 1), 1_490_000, "Nghị định số 38/2019/NĐ-CP"),
]


def fill(apps, schema_editor):
    LegalBasisProfile = apps.get_model("awards", "LegalBasisProfile")
    AwardForm = apps.get_model("awards", "AwardForm")
    BonusCoefficient = apps.get_model("awards", "BonusCoefficient")
    BaseSalary = apps.get_model("awards", "BaseSalary")

    profile, _ = LegalBasisProfile.objects.get_or_create(
        code=PROFILE["code"], defaults={key: value for key, value in PROFILE.items() if key != "code"})
    forms = {form.code: form for form in AwardForm.objects.filter(code__in={row[0] for row in COEFFICIENTS})}
    for code, subject_type, coefficient, source in COEFFICIENTS:
        if code in forms:  # a catalogue form an admin deleted is not brought back
            BonusCoefficient.objects.get_or_create(
                profile=profile, award_form=forms[code], subject_type=subject_type,
                defaults={"coefficient": Decimal(coefficient), "source": source})
    for valid_from, amount, legal_basis in BASE_SALARIES:
        BaseSalary.objects.get_or_create(valid_from=valid_from,
                                         defaults={"amount": amount, "legal_basis": legal_basis})


class Migration(migrations.Migration):

    dependencies = [
        ("awards", "0007_coefficient_source"),
    ]

    operations = [
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
