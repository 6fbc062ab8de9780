"""Choices of the award catalogue, with their Vietnamese labels."""
from django.db import models


class SubjectType(models.TextChoices):
    INDIVIDUAL = "individual", "Cá nhân"
    COLLECTIVE = "collective", "Tập thể"
    HOUSEHOLD = "household", "Hộ gia đình"


class AwardCategory(models.TextChoices):
    TITLE = "title", "Danh hiệu thi đua"
    COMMENDATION = "commendation", "Hình thức khen thưởng"


class TitleBonusRule(models.TextChoices):
    """What one person or collective reaching several danh hiệu thi đua for the same achievement is paid
    (a legal-basis profile's rule; docs/domain.md, Bonus)."""

    HIGHEST = "highest", "Chỉ nhận mức tiền thưởng cao nhất"
    EACH = "each", "Nhận đủ tiền thưởng của từng danh hiệu"


class AuthorityLevel(models.IntegerChoices):
    """Who decides an award form, from the lowest level up (Luật TĐKT 2022, Chương IV)."""

    UNIT_HEAD = 10, "Thủ trưởng cơ quan, đơn vị (Giám đốc Sở, Chủ tịch UBND cấp xã)"
    MINISTER = 30, "Bộ trưởng, Thủ trưởng cơ quan ngang bộ"
    PROVINCE = 40, "Chủ tịch UBND tỉnh"
    PRIME_MINISTER = 50, "Thủ tướng Chính phủ"
    PRESIDENT = 60, "Chủ tịch nước"


class VoteDenominator(models.TextChoices):
    PRESENT = "present", "Trên số thành viên có mặt"
    ALL = "all", "Trên tổng số thành viên"


class BallotType(models.TextChoices):
    SHOW_OF_HANDS = "hands", "Biểu quyết giơ tay"
    SECRET = "secret", "Bỏ phiếu kín"


class AwardType(models.TextChoices):
    """Loại hình khen thưởng: the kinds of award the law names and the statistical reports count by
    (docs/domain.md, "Kinds of award"). Every award of the register carries one."""

    MERIT = "cong_trang", "Khen thưởng theo công trạng và thành tích đạt được (thường xuyên)"
    DRIVE = "dot_chuyen_de", "Khen thưởng theo đợt hoặc chuyên đề"
    SUDDEN = "dot_xuat", "Khen thưởng đột xuất"
    CONTRIBUTION = "cong_hien", "Khen thưởng quá trình cống hiến"
    SENIORITY = "nien_han", "Khen thưởng theo niên hạn"
    FOREIGN = "doi_ngoai", "Khen thưởng đối ngoại"


# the short names lists and badges use
AWARD_TYPE_SHORT = {
    AwardType.MERIT: "Thường xuyên", AwardType.DRIVE: "Theo đợt, chuyên đề", AwardType.SUDDEN: "Đột xuất",
    AwardType.CONTRIBUTION: "Cống hiến", AwardType.SENIORITY: "Niên hạn", AwardType.FOREIGN: "Đối ngoại",
}


class StatGroup(models.TextChoices):
    """The column of the statistical report forms (Thông tư 02/2023/TT-BNV, biểu 0602 and 0603.N/BNV-TĐKT) an award
    form is counted in: data of the catalogue, set per form (docs/domain.md, Statistics). Empty: counted in
    neither (Giấy khen, Lao động tiên tiến, CSTĐ cơ sở…)."""

    NONE = "", "Không tính vào biểu 0602, 0603"
    # biểu 0602: khen thưởng cấp Nhà nước
    ORDER = "huan_chuong", "0602 – Huân chương (mỗi hình thức một cột)"
    MEDAL = "huy_chuong", "0602 – Huy chương (mỗi hình thức một cột)"
    HO_CHI_MINH_PRIZE = "giai_thuong_hcm", "0602 – Giải thưởng Hồ Chí Minh"
    STATE_PRIZE = "giai_thuong_nn", "0602 – Giải thưởng Nhà nước"
    HONOURARY_TITLE = "vinh_du_nn", "0602 – Danh hiệu vinh dự Nhà nước (mỗi hình thức một cột)"
    GOVERNMENT_FLAG = "co_thi_dua_cp", "0602 – Cờ thi đua của Chính phủ"
    PRIME_MINISTER_COMMENDATION = "bang_khen_ttg", "0602 – Bằng khen của Thủ tướng Chính phủ"
    NATIONAL_EMULATION_FIGHTER = "cstd_toan_quoc", "0602 – Chiến sĩ thi đua toàn quốc"
    STATE_OTHER = "nha_nuoc_khac", "0602 – Hình thức khen thưởng khác (mỗi hình thức một cột)"
    # biểu 0603: khen thưởng cấp bộ, ban, ngành, đoàn thể Trung ương, tỉnh
    COMMENDATION = "bang_khen", "0603 – Bằng khen của bộ, ban, ngành, tỉnh"
    EMULATION_FIGHTER = "cstd_bo_tinh", "0603 – Chiến sĩ thi đua cấp bộ, cấp tỉnh"
    FLAG = "co_thi_dua", "0603 – Cờ thi đua của bộ, ban, ngành, tỉnh"
    BADGE = "huy_hieu", "0603 – Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, tỉnh"


class ReportLayout(models.TextChoices):
    """What a Báo cáo thành tích form asks, section by section (dossiers/documents.py `bao_cao`)."""

    MERIT = "cong_trang", "Thành tích thực hiện nhiệm vụ (khen thưởng thường xuyên, danh hiệu hằng năm)"
    DRIVE = "dot_chuyen_de", "Thành tích trong phong trào theo đợt, chuyên đề (có chỉ tiêu của phong trào)"
    SUDDEN = "dot_xuat", "Thành tích xuất sắc đột xuất (tóm tắt hành động, không xếp loại)"
    CONTRIBUTION = "cong_hien", "Quá trình cống hiến (quá trình công tác, chức vụ qua các thời kỳ)"


class DayKind(models.TextChoices):
    """A dated exception to the Monday–Friday week of the public service (awards.CalendarDay)."""

    HOLIDAY = "nghi", "Ngày nghỉ (lễ, Tết, nghỉ bù, nghỉ hoán đổi)"
    WORKDAY = "lam-bu", "Ngày làm việc bù (thứ Bảy, Chủ nhật đi làm)"
