"""The daily reminder run in Celery beat's schedule (django-celery-beat), editable in the admin."""
from django.db import migrations

NAME = "Nhắc hạn nộp hồ sơ hằng ngày"


def schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    crontab, _ = CrontabSchedule.objects.get_or_create(minute="0", hour="7", day_of_week="*", day_of_month="*",
                                                       month_of_year="*", timezone="Asia/Ho_Chi_Minh")
    PeriodicTask.objects.get_or_create(name=NAME, defaults={
        "task": "dossiers.tasks.send_due_reminders", "crontab": crontab, "enabled": True,
        "description": "Mỗi sáng 7 giờ: gửi các lời nhắc hạn nộp hồ sơ đến hạn (mỗi lời nhắc chỉ một lần)."})


def unschedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0008_reminder"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(schedule, unschedule)]
