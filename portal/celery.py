"""Celery application. Tasks are thin wrappers around services (docs/design.md, Jobs and notifications)."""
import os

from celery import Celery
from celery.signals import worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_process_init.connect
def _warm_renderer(**kwargs):
    """Each worker process loads WeasyPrint and the documents' font and stylesheet when it starts, not on its
    first document (~0.5 s), and freezes what it loaded out of the garbage collector's walks (core.pdf.warm_up)."""
    from core.pdf import warm_up

    warm_up()
