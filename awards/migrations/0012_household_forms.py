"""Giấy khen and the province's Bằng khen are given to households too (Luật Thi đua, khen thưởng 2022: the Bằng
khen of a province's chairman and the Giấy khen are given "cho cá nhân, tập thể, hộ gia đình"; docs/domain.md,
Every kind of nominee). Adds "household" where the catalogue row lacks it; changes nothing else."""
from django.db import migrations


def add_household(apps, schema_editor):
    AwardForm = apps.get_model("awards", "AwardForm")
    for form in AwardForm.objects.filter(code__in=["giay-khen", "bang-khen-tinh"]):
        if "household" not in form.subject_types:
            form.subject_types = [*form.subject_types, "household"]
            form.save(update_fields=["subject_types"])


class Migration(migrations.Migration):

    dependencies = [("awards", "0011_stat_group")]

    operations = [migrations.RunPython(add_household, migrations.RunPython.noop)]
