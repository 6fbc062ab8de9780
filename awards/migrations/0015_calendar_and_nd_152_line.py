"""Two pieces of dated national data, each with its source (docs/domain.md, Working days; Legal bases).

1. The public service's days off and days worked of 2025 and 2026 (awards.CalendarDay). The fixed holidays are
   Bộ luật Lao động 2019 Điều 112 khoản 1; a holiday on a Saturday or Sunday gives the next working day off
   (Điều 111 khoản 3); the days of Tết and the swaps are the yearly notices of the Bộ Nội vụ. Rows marked
   "chưa đối chiếu" were not read in the notice itself here: the system administrator checks them at
   /danh-muc/lich-nghi/. A year with no row counts Monday–Friday only and the page says so.
2. The Căn cứ line of Nghị định 152/2025/NĐ-CP with its date and title (Nghị định 30/2020: a căn cứ names the
   document's kind, number, date and title). Profiles an admin already edited keep their text unless it is
   the old line word for word.
"""
import datetime

from django.db import migrations

D = datetime.date
ART_112 = "Điều 112 Bộ luật Lao động 2019"
ART_111 = "khoản 3 Điều 111 Bộ luật Lao động 2019 (ngày lễ trùng ngày nghỉ hằng tuần)"
TET_2025 = f"{ART_112}; lịch nghỉ Tết Ất Tỵ của Bộ Nội vụ (số, ngày thông báo chưa đối chiếu)"
SWAP_2025 = "hoán đổi ngày làm việc dịp 30/4 – 1/5/2025 theo thông báo của Bộ Nội vụ (chưa đối chiếu)"
TB_9441 = f"{ART_112}; Thông báo số 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ"
HOLIDAY, WORKDAY = "nghi", "lam-bu"

DAYS = [
    (D(2025, 1, 1), HOLIDAY, "Tết Dương lịch", ART_112),
    *[(D(2025, 1, day), HOLIDAY, "Tết Nguyên đán Ất Tỵ", TET_2025) for day in range(27, 32)],
    (D(2025, 4, 7), HOLIDAY, "Giỗ Tổ Hùng Vương (10/3 âm lịch)", ART_112),
    (D(2025, 4, 26), WORKDAY, "Làm bù cho ngày nghỉ 02/5/2025", SWAP_2025),
    (D(2025, 4, 30), HOLIDAY, "Ngày Chiến thắng (30/4)", ART_112),
    (D(2025, 5, 1), HOLIDAY, "Ngày Quốc tế Lao động (1/5)", ART_112),
    (D(2025, 5, 2), HOLIDAY, "Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)", SWAP_2025),
    (D(2025, 9, 1), HOLIDAY, "Quốc khánh (ngày liền kề)", ART_112),
    (D(2025, 9, 2), HOLIDAY, "Quốc khánh (2/9)", ART_112),
    (D(2026, 1, 1), HOLIDAY, "Tết Dương lịch", ART_112),
    *[(D(2026, 2, day), HOLIDAY, "Tết Nguyên đán Bính Ngọ", TB_9441) for day in range(16, 21)],
    (D(2026, 4, 27), HOLIDAY, "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch là Chủ nhật 26/4/2026)",
     f"{ART_112}; {ART_111}"),
    (D(2026, 4, 30), HOLIDAY, "Ngày Chiến thắng (30/4)", ART_112),
    (D(2026, 5, 1), HOLIDAY, "Ngày Quốc tế Lao động (1/5)", ART_112),
    (D(2026, 9, 2), HOLIDAY, "Quốc khánh (2/9)", ART_112),
]

OLD_152 = "Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ;"
NEW_152 = ("Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân "
           "quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật "
           "Thi đua, khen thưởng;")
OLD_NOTE = ("Áp dụng từ 01/7/2025. Cần đối chiếu văn bản gốc để bổ sung ngày ban hành và trích yếu "
            "của Nghị định vào dòng căn cứ, và kiểm tra số hiệu mẫu báo cáo thành tích.")
NEW_NOTE = ("Áp dụng từ 01/7/2025 (Điều 59: thay thế Nghị định 98/2023/NĐ-CP và 28/2024/NĐ-CP). Số hiệu mẫu báo cáo "
            "thành tích chưa đối chiếu với phụ lục của Nghị định.")


def fill(apps, schema_editor):
    CalendarDay = apps.get_model("awards", "CalendarDay")
    taken = set(CalendarDay.objects.values_list("day", flat=True))
    CalendarDay.objects.bulk_create(CalendarDay(day=day, kind=kind, name=name, legal_basis=basis)
                                    for day, kind, name, basis in DAYS if day not in taken)
    for profile in apps.get_model("awards", "LegalBasisProfile").objects.filter(code="nd-152-2025"):
        lines = profile.basis_lines.splitlines()
        fields = []
        if OLD_152 in lines:
            profile.basis_lines = "\n".join(NEW_152 if line == OLD_152 else line for line in lines)
            fields.append("basis_lines")
        if profile.notes == OLD_NOTE:
            profile.notes = NEW_NOTE
            fields.append("notes")
        if fields:
            profile.save(update_fields=fields)


class Migration(migrations.Migration):
    dependencies = [("awards", "0014_working_days")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
