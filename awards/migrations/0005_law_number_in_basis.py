"""The Căn cứ line of the Law carries its number (Nghị định 30/2020: a căn cứ names the document's kind,
number, date and title): "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022". Profiles an
admin already edited keep their text unless it is the old line word for word."""
from django.db import migrations

OLD = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"
NEW = "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;"


def add_number(apps, schema_editor):
    for profile in apps.get_model("awards", "LegalBasisProfile").objects.all():
        lines = profile.basis_lines.splitlines()
        if OLD in lines:
            profile.basis_lines = "\n".join(NEW if line == OLD else line for line in lines)
            profile.save(update_fields=["basis_lines"])


class Migration(migrations.Migration):
    dependencies = [("awards", "0004_title_bonus_rule")]
    operations = [migrations.RunPython(add_number, migrations.RunPython.noop)]
