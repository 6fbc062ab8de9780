from django.core.management.base import BaseCommand
from django.db import transaction

from demo.seeds import orgs


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (chạy lại nhiều lần không tạo trùng)."

    def handle(self, *args, **options):
        with transaction.atomic():
            result = orgs.seed()
        self.stdout.write(f"Dữ liệu mẫu: {result['units']} đơn vị, thêm {result['people_created']} cán bộ.")
        self.stdout.write(f"Tài khoản mẫu (mật khẩu chung: {orgs.DEMO_PASSWORD}):")
        for role, username, *_ in orgs.ACCOUNTS:
            self.stdout.write(f"  {role.label:<45} {username}")
