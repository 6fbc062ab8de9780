"""The catalogue's high forms whose nominees are published for comment before the council meets (docs/domain.md,
Public comment): Huân chương and Chiến sĩ thi đua toàn quốc, under each national profile, with the article that
asks it. A profile or form an admin deleted is not brought back; a profile already set is left alone."""
from django.db import migrations

FORMS = ["huan-chuong-ld-3", "cstd-toan-quoc"]
REFERENCES = {
    "nd-91-2017": "khoản 10 Điều 45 Nghị định số 91/2017/NĐ-CP; Thông tư số 12/2019/TT-BNV",
    "nd-98-2023": "khoản 2 Điều 46 Nghị định số 98/2023/NĐ-CP",
    "nd-152-2025": "Nghị định số 152/2025/NĐ-CP (điều, khoản chưa xác minh: kiểm tra và ghi lại)",
}


def fill(apps, schema_editor):
    LegalBasisProfile = apps.get_model("awards", "LegalBasisProfile")
    AwardForm = apps.get_model("awards", "AwardForm")
    forms = list(AwardForm.objects.filter(code__in=FORMS))
    for profile in LegalBasisProfile.objects.filter(code__in=REFERENCES):
        if profile.public_comment_forms.exists() or profile.public_comment_reference:
            continue
        profile.public_comment_forms.set(forms)
        profile.public_comment_reference = REFERENCES[profile.code]
        profile.save(update_fields=["public_comment_reference"])


class Migration(migrations.Migration):
    dependencies = [("awards", "0009_public_comment")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
