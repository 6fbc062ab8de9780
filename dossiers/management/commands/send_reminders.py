"""python manage.py send_reminders [--ngay dd/mm/yyyy]: the daily reminder run, on demand (embedded mode)."""
from datetime import datetime

from django.core.management.base import BaseCommand, CommandError

from dossiers.services.reminders import send_due


class Command(BaseCommand):
    help = "Gửi các lời nhắc hạn nộp hồ sơ đến hạn hôm nay (mỗi lời nhắc chỉ gửi một lần)."

    def add_arguments(self, parser):
        parser.add_argument("--ngay", help="Chạy như vào ngày này (dd/mm/yyyy); mặc định hôm nay.")

    def handle(self, *args, ngay=None, **options):
        day = None
        if ngay:
            try:
                day = datetime.strptime(ngay, "%d/%m/%Y").date()
            except ValueError:
                raise CommandError(f"Ngày “{ngay}” không đúng dạng dd/mm/yyyy.") from None
        sent = send_due(day)
        self.stdout.write(f"Đã gửi {sent} lời nhắc.")
