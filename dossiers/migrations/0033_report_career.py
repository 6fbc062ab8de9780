from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("dossiers", "0032_nominee_kinds"),
    ]

    operations = [
        migrations.AddField(
            model_name="achievementreport",
            name="career",
            field=models.TextField(blank=True, help_text="Mỗi dòng một giai đoạn, ví dụ: 01/1990 – 12/1999: Trưởng phòng …, Sở Nội vụ.", verbose_name="quá trình công tác (thời gian, chức vụ, đơn vị)"),
        ),
    ]
