from django.db import migrations

RULES = [
    ("criteria", "Đạt các tiêu chuẩn của phong trào", True),
    ("rating", "Xếp loại năm từ “hoàn thành tốt nhiệm vụ” trở lên", True),
    ("discipline", "Không trong thời gian thi hành kỷ luật", True),
    ("quota", "Trong chỉ tiêu của đơn vị", True),
    ("deadline", "Nộp trong hạn", False),
    ("meeting_vote", "Tỷ lệ phiếu bình xét đạt yêu cầu", True),
    ("not_yet_awarded", "Chưa được khen cùng thành tích", True),
]


def forwards(apps, schema_editor):
    EligibilityRule = apps.get_model("dossiers", "EligibilityRule")
    for order, (code, label, blocking) in enumerate(RULES, start=1):
        EligibilityRule.objects.update_or_create(code=code, defaults={
            "label": label, "is_blocking": blocking, "order": order})


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
