"""The rule for one subject reaching several danh hiệu thi đua for the same achievement (only the highest
bonus is paid) as data of each legal-basis profile, and the number of years a danh hiệu counts.

The data part sets the two pre-filled profiles and the multi-year titles of the catalogue (idempotent,
by code; an admin edits them later at /danh-muc/). What was and was not checked against the official
texts is in docs/domain.md (Bonus). Reversing keeps the values.
"""
import django.core.validators
from django.db import migrations, models

HIGHEST = "highest"
SENTENCE = ("“Trong cùng một thời điểm, cùng một thành tích, một đối tượng nếu đạt nhiều danh hiệu thi đua kèm "
            "theo các mức tiền thưởng khác nhau thì được nhận mức tiền thưởng cao nhất.”")
PROFILES = {
    "nd-98-2023": {
        "title_bonus_rule": HIGHEST,
        "title_bonus_reference": "Điều 53 Nghị định số 98/2023/NĐ-CP",
        "title_bonus_text": (
            SENTENCE + "\n"
            "Cùng Điều 53: khoản 5 – đạt nhiều danh hiệu thi đua có thời gian đạt được khác nhau thì được nhận tiền "
            "thưởng của các danh hiệu tương ứng; khoản 7 – vừa được công nhận danh hiệu thi đua vừa được quyết định "
            "hình thức khen thưởng thì được nhận tiền thưởng của danh hiệu và của hình thức khen thưởng.\n"
            "Câu trên là điểm c khoản 2 Điều 66 Nghị định 91/2017/NĐ-CP; khoản 5 và 7 Điều 53 Nghị định 98/2023 "
            "theo trả lời của Bộ Nội vụ. Khoản của Điều 53 chứa câu “mức tiền thưởng cao nhất” chưa đối chiếu "
            "với văn bản gốc."),
    },
    "nd-152-2025": {
        "title_bonus_rule": HIGHEST,
        "title_bonus_reference": "Nghị định số 152/2025/NĐ-CP",
        "title_bonus_text": (
            SENTENCE + "\n"
            "Nguyên tắc của Điều 53 Nghị định số 98/2023/NĐ-CP (và điểm c khoản 2 Điều 66 Nghị định 91/2017/NĐ-CP), "
            "giữ nguyên khi Nghị định 152/2025/NĐ-CP thay thế. Điều, khoản của Nghị định 152/2025/NĐ-CP chưa đối "
            "chiếu với văn bản gốc: cần kiểm tra và ghi vào ô “Điều, khoản quy định”."),
    },
}
# Titles counting more than the year they are given for (the rest count one year): CSTĐ cấp tỉnh asks for
# three consecutive CSTĐ cơ sở, CSTĐ toàn quốc for two consecutive CSTĐ cấp tỉnh (2 × 3 years).
ACHIEVEMENT_YEARS = {"cstd-tinh": 3, "cstd-toan-quoc": 6}


def fill(apps, schema_editor):
    LegalBasisProfile = apps.get_model("awards", "LegalBasisProfile")
    AwardForm = apps.get_model("awards", "AwardForm")
    for code, values in PROFILES.items():
        LegalBasisProfile.objects.filter(code=code).update(**values)
    for code, years in ACHIEVEMENT_YEARS.items():
        AwardForm.objects.filter(code=code).update(achievement_years=years)


class Migration(migrations.Migration):

    dependencies = [
        ('awards', '0003_certificate_layout'),
    ]

    operations = [
        migrations.AddField(
            model_name='awardform',
            name='achievement_years',
            field=models.PositiveSmallIntegerField(default=1, help_text='Với danh hiệu thi đua: thành tích của mấy năm (Lao động tiên tiến, Chiến sĩ thi đua cơ sở: 1; Chiến sĩ thi đua cấp tỉnh: 3). Hai danh hiệu cùng năm và cùng số năm là cùng một thành tích.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(20)], verbose_name='số năm tính thành tích'),
        ),
        migrations.AddField(
            model_name='legalbasisprofile',
            name='title_bonus_reference',
            field=models.CharField(blank=True, help_text='In trong Quyết định bên cạnh khoản tiền thưởng được giảm, ví dụ: Điều 53 Nghị định số 98/2023/NĐ-CP.', max_length=200, verbose_name='điều, khoản quy định'),
        ),
        migrations.AddField(
            model_name='legalbasisprofile',
            name='title_bonus_rule',
            field=models.CharField(choices=[('highest', 'Chỉ nhận mức tiền thưởng cao nhất'), ('each', 'Nhận đủ tiền thưởng của từng danh hiệu')], default='highest', max_length=10, verbose_name='tiền thưởng khi đạt nhiều danh hiệu thi đua cùng thời điểm, cùng thành tích'),
        ),
        migrations.AddField(
            model_name='legalbasisprofile',
            name='title_bonus_text',
            field=models.TextField(blank=True, verbose_name='nội dung quy định (trích)'),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
