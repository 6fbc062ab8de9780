from django.core.management.base import BaseCommand
from django.db import transaction

from demo.seeds import (
    amendments,
    anchor,
    assignments,
    campaigns,
    comments,
    dossiers,
    funds,
    orgs,
    outside,
    revocations,
    second_factor,
    statistics,
)


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (chạy lại nhiều lần không tạo trùng)."

    def handle(self, *args, **options):
        with transaction.atomic():
            day = anchor.anchor()  # the demo's day: today on a first run, kept by an existing demo (anchor.py)
            result = orgs.seed()
            seeded = campaigns.seed(day=day)
            dossier_count = dossiers.seed(day=day)
            revoked = revocations.seed(day)
            amended = amendments.seed(day)  # issue 18: the decision's remaining awardee's line corrected
            fund_lines = funds.seed(day)
            second_factor.seed()
            comments.seed(day)  # issue 19: a Huân chương nominee in an open public comment window, two comments
            assignments.seed()  # issue 18: a second specialist, the dossiers in review assigned
            typed = statistics.seed(day)  # issue 19: awards of the demo's year in the biểu 0602 and 0603
            sudden = outside.seed(day)  # issue 18: the đột xuất track, a household and an enterprise nominated
        self.stdout.write(f"Dữ liệu mẫu: {result['units']} đơn vị, thêm {result['people_created']} cán bộ.")
        self.stdout.write(f"Ngày của dữ liệu mẫu: {day:%d/%m/%Y} (các phong trào, hồ sơ mẫu tính theo ngày này).")
        for campaign, created in seeded:
            self.stdout.write(f"  {'Tạo mới' if created else 'Đã có'}: {campaign.plan_reference} "
                              f"({campaign.issuer.short_name or campaign.issuer.name}) – "
                              f"{campaign.title[:70]}{'…' if len(campaign.title) > 70 else ''}")
        if dossier_count:
            self.stdout.write(f"  Tạo {dossier_count} hồ sơ đề nghị khen thưởng mẫu ở các bước xử lý.")
        if revoked:
            self.stdout.write("  Thu hồi một khen thưởng của Quyết định 125/QĐ-SNV (trang xác minh ghi “đã bị "
                              "thu hồi”).")
        if amended:
            self.stdout.write("  Đính chính chức vụ, đơn vị của một cá nhân trong Quyết định 125/QĐ-SNV (Quyết "
                              "định đính chính).")
        if fund_lines:
            self.stdout.write(f"  Ghi {fund_lines} khoản thu, chi vào Quỹ thi đua, khen thưởng năm {day.year} "
                              "của Sở Nội vụ.")
        if sudden:
            self.stdout.write(f"  Khen thưởng đột xuất: Quyết định {sudden} (hồ sơ khẩn gửi hai ngày trước); một hộ "
                              "gia đình và một doanh nghiệp được đề nghị, chờ Văn phòng.")
        if typed:
            self.stdout.write(f"  Ghi {typed} khen thưởng năm {day.year} vào sổ (biểu thống kê 0602, 0603).")
        self.stdout.write(f"Tài khoản mẫu (mật khẩu chung: {orgs.DEMO_PASSWORD}):")
        for role, username, *_ in [*orgs.ACCOUNTS, *campaigns.LS_ACCOUNTS]:
            self.stdout.write(f"  {role.label:<45} {username}")
        self.stdout.write("Xác thực hai bước: hethong (quản trị hệ thống) và quản trị, lãnh đạo, văn phòng của tỉnh "
                          "Lạng Sơn đăng ký ứng dụng xác thực ở lần đăng nhập đầu (README, Demo accounts); tỉnh "
                          "Quảng Trị tắt (bật ở Quản trị → Xác thực hai bước).")
