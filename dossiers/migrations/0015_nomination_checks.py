"""Each nominee's eligibility verdicts kept on its row (dossiers.services.checks), the warnings the office
accepted, the nightly recheck in Celery beat's schedule; and the dossier page cache's PL/pgSQL functions
(migrations 0012, 0013 of an earlier install) dropped: the page is built for each request (issue 13)."""
from django.db import migrations, models

NAME = "Kiểm tra lại điều kiện khen thưởng hằng đêm"


def schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    crontab, _ = CrontabSchedule.objects.get_or_create(minute="30", hour="0", day_of_week="*", day_of_month="*",
                                                       month_of_year="*", timezone="Asia/Ho_Chi_Minh")
    PeriodicTask.objects.get_or_create(name=NAME, defaults={
        "task": "dossiers.tasks.refresh_checks", "crontab": crontab, "enabled": True,
        "description": "Mỗi đêm 0 giờ 30: kiểm tra lại điều kiện của mọi người, tập thể trong các hồ sơ đang "
                       "soạn, đã nộp, bị trả lại hoặc đang thẩm định (hạn nộp tính theo ngày mới, sổ khen "
                       "thưởng vừa nhập)."})


def unschedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=NAME).delete()


def drop_page_cache_functions(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS dossier_page_version(bigint)")
        schema_editor.execute("DROP FUNCTION IF EXISTS dossier_page_fingerprint(bigint, bigint)")


class Migration(migrations.Migration):

    dependencies = [
        ("dossiers", "0014_export"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [
        migrations.AddField(
            model_name="nomination",
            name="accepted_warnings",
            field=models.JSONField(blank=True, default=list, editable=False, verbose_name="cảnh báo đã chấp nhận"),
        ),
        migrations.AddField(
            model_name="nomination",
            name="checked_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="kiểm tra điều kiện lúc"),
        ),
        migrations.AddField(
            model_name="nomination",
            name="checks",
            field=models.JSONField(blank=True, editable=False, null=True, verbose_name="kết quả kiểm tra điều kiện"),
        ),
        migrations.RunPython(schedule, unschedule),
        migrations.RunPython(drop_page_cache_functions, migrations.RunPython.noop),
    ]
