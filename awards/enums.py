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
