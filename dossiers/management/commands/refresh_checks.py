"""python manage.py refresh_checks [--phong-trao ID]: the nightly recheck of eligibility, on demand (after a
deploy that changes a rule, or from cron in embedded mode, which has no beat)."""
from django.core.management.base import BaseCommand

from dossiers.services.checks import refresh_open


class Command(BaseCommand):
    help = ("Kiểm tra lại điều kiện của mọi người, tập thể trong các hồ sơ đang soạn, bị trả lại, đã nộp "
            "hoặc đang thẩm định (của một phong trào nếu chỉ định).")

    def add_arguments(self, parser):
        parser.add_argument("--phong-trao", type=int, dest="campaign", help="Chỉ các hồ sơ của phong trào này (id).")

    def handle(self, *args, campaign=None, **options):
        done = refresh_open(campaign)
        self.stdout.write(f"Đã kiểm tra lại {done} hồ sơ.")
