"""The eligibility rules that read the award register (sổ khen thưởng): Bằng khen của Thủ tướng Chính
phủ and Chiến sĩ thi đua toàn quốc. Idempotent (update_or_create by code); an admin may later make
them warnings only or switch them off."""
from django.db import migrations

RULES = [
    ("history_bk_ttg", "Đủ điều kiện đề nghị Bằng khen của Thủ tướng Chính phủ (theo sổ khen thưởng)", True, 8),
    ("history_cstd_toan_quoc", "Đủ điều kiện đề nghị Chiến sĩ thi đua toàn quốc (theo sổ khen thưởng)", True, 9),
]


def forwards(apps, schema_editor):
    EligibilityRule = apps.get_model("dossiers", "EligibilityRule")
    for code, label, blocking, order in RULES:
        EligibilityRule.objects.update_or_create(code=code, defaults={
            "label": label, "is_blocking": blocking, "order": order})


def backwards(apps, schema_editor):
    EligibilityRule = apps.get_model("dossiers", "EligibilityRule")
    EligibilityRule.objects.filter(code__in=[code for code, *_ in RULES]).delete()


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0004_award_trigram")]
    operations = [migrations.RunPython(forwards, backwards)]
