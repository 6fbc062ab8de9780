"""python manage.py purge_audit --truoc-ngay dd/mm/yyyy: delete the audit trail's events before a day (retention,
docs/operations.md). django-auditlog's own entries have their own command: auditlogflush --before-date."""
from datetime import datetime

from django.core.management.base import BaseCommand, CommandError

from audit.services.retention import purge_before


class Command(BaseCommand):
    help = "Xóa các sự kiện của Nhật ký hệ thống trước một ngày (thời hạn lưu giữ)."

    def add_arguments(self, parser):
        parser.add_argument("--truoc-ngay", required=True, help="Xóa các sự kiện trước ngày này (dd/mm/yyyy).")

    def handle(self, *args, truoc_ngay, **options):
        try:
            day = datetime.strptime(truoc_ngay, "%d/%m/%Y").date()
        except ValueError:
            raise CommandError(f"Ngày “{truoc_ngay}” không đúng dạng dd/mm/yyyy.") from None
        self.stdout.write(f"Đã xóa {purge_before(day)} sự kiện trước ngày {day:%d/%m/%Y}.")
