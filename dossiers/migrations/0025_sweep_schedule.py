"""The sweep in Celery beat's schedule (django-celery-beat), editable in the admin: every 5 minutes, the work
left pending while the broker was down is queued again (core.queue, dossiers.tasks.sweep_pending)."""
from django.db import migrations

NAME = "Gửi lại việc chạy nền còn chờ"


def schedule(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every, _ = IntervalSchedule.objects.get_or_create(every=5, period="minutes")
    PeriodicTask.objects.get_or_create(name=NAME, defaults={
        "task": "dossiers.tasks.sweep_pending", "interval": every, "enabled": True,
        "description": "Mỗi 5 phút: xếp hàng lại thư báo, tệp PDF, tệp Excel còn chờ vì hệ thống hàng đợi "
                       "tạm ngừng hoặc tiến trình xử lý bị ngắt (mỗi việc chỉ làm một lần)."})


def unschedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0024_render_started_at"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(schedule, unschedule)]
