"""AwardForm.stat_group: the column of the statistical biểu 0602 / 0603 (Thông tư 02/2023/TT-BNV) each form is
counted in, filled for the catalogue's own codes. A form an admin added, or one whose group was set already, is
left as it is; the data is written out here so the migration keeps working when the code changes."""
from django.db import migrations, models

GROUPS = {
    "cstd-toan-quoc": "cstd_toan_quoc",
    "co-thi-dua-cp": "co_thi_dua_cp",
    "huan-chuong-ld-3": "huan_chuong",
    "bang-khen-ttg": "bang_khen_ttg",
    "cstd-tinh": "cstd_bo_tinh",
    "co-thi-dua-tinh": "co_thi_dua",
    "bang-khen-bo": "bang_khen",
    "bang-khen-tinh": "bang_khen",
}


def fill(apps, schema_editor):
    AwardForm = apps.get_model("awards", "AwardForm")
    for code, group in GROUPS.items():
        AwardForm.objects.filter(code=code, stat_group="").update(stat_group=group)


class Migration(migrations.Migration):
    dependencies = [("awards", "0010_public_comment_forms")]

    operations = [
        migrations.AddField(
            model_name="awardform",
            name="stat_group",
            field=models.CharField(
                blank=True, default="", max_length=16, verbose_name="cột trong biểu thống kê",
                help_text="Biểu 0602 (khen thưởng cấp Nhà nước) hoặc 0603 (cấp bộ, tỉnh) của Thông tư 02/2023/TT-BNV "
                          "đếm hình thức này ở cột nào. Để trống: không đếm (Giấy khen, Lao động tiên tiến…).",
                choices=[("", "Không tính vào biểu 0602, 0603"),
                         ("huan_chuong", "0602 – Huân chương (mỗi hình thức một cột)"),
                         ("huy_chuong", "0602 – Huy chương (mỗi hình thức một cột)"),
                         ("giai_thuong_hcm", "0602 – Giải thưởng Hồ Chí Minh"),
                         ("giai_thuong_nn", "0602 – Giải thưởng Nhà nước"),
                         ("vinh_du_nn", "0602 – Danh hiệu vinh dự Nhà nước (mỗi hình thức một cột)"),
                         ("co_thi_dua_cp", "0602 – Cờ thi đua của Chính phủ"),
                         ("bang_khen_ttg", "0602 – Bằng khen của Thủ tướng Chính phủ"),
                         ("cstd_toan_quoc", "0602 – Chiến sĩ thi đua toàn quốc"),
                         ("nha_nuoc_khac", "0602 – Hình thức khen thưởng khác (mỗi hình thức một cột)"),
                         ("bang_khen", "0603 – Bằng khen của bộ, ban, ngành, tỉnh"),
                         ("cstd_bo_tinh", "0603 – Chiến sĩ thi đua cấp bộ, cấp tỉnh"),
                         ("co_thi_dua", "0603 – Cờ thi đua của bộ, ban, ngành, tỉnh"),
                         ("huy_hieu", "0603 – Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, tỉnh")]),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
