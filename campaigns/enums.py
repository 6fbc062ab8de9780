"""Choices and the lifecycle of campaigns, with Vietnamese labels and badge colours."""
from django.db import models


class CampaignKind(models.TextChoices):
    ANNUAL = "annual", "Thi đua thường xuyên (hằng năm)"
    DRIVE = "drive", "Thi đua theo đợt"
    THEMATIC = "thematic", "Thi đua theo chuyên đề"
    SPECIAL = "special", "Đợt thi đua đặc biệt"
    # Not a campaign: the body's standing intake of proposals of one loại hình outside any campaign (đột xuất,
    # cống hiến, niên hạn, đối ngoại…): no plan, no registration, no deadline; dossiers follow the same path.
    TRACK = "track", "Khen thưởng ngoài phong trào (đột xuất, cống hiến, niên hạn…)"


# the kinds that are campaigns (phong trào thi đua) proper: the ones the campaign lists and statistics count
CAMPAIGN_KINDS = [CampaignKind.ANNUAL, CampaignKind.DRIVE, CampaignKind.THEMATIC, CampaignKind.SPECIAL]


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", "Dự thảo"
    LAUNCHED = "launched", "Đã phát động"
    CLOSED = "closed", "Đã kết thúc"
    ARCHIVED = "archived", "Lưu trữ"


STATUS_BADGES = {
    CampaignStatus.DRAFT: "secondary",
    CampaignStatus.LAUNCHED: "success",
    CampaignStatus.CLOSED: "warning",
    CampaignStatus.ARCHIVED: "dark",
}

# state -> {action: next state}
TRANSITIONS = {
    CampaignStatus.DRAFT: {"launch": CampaignStatus.LAUNCHED},
    CampaignStatus.LAUNCHED: {"close": CampaignStatus.CLOSED},
    CampaignStatus.CLOSED: {"archive": CampaignStatus.ARCHIVED, "reopen": CampaignStatus.LAUNCHED},
    CampaignStatus.ARCHIVED: {},
}
ACTION_LABELS = {
    "launch": "Phát động",
    "close": "Kết thúc",
    "archive": "Lưu trữ",
    "reopen": "Mở lại",
}


class ComponentKind(models.TextChoices):
    TO_TRINH = "to_trinh", "Tờ trình đề nghị khen thưởng"
    BIEN_BAN = "bien_ban", "Biên bản họp bình xét"
    BAO_CAO = "bao_cao", "Báo cáo thành tích"
    OTHER = "other", "Tài liệu khác"


class QuotaKind(models.TextChoices):
    NONE = "none", "Không giới hạn"
    FIXED = "fixed", "Số lượng tối đa mỗi đơn vị"
    PERCENT_HEADCOUNT = "percent_headcount", "Tỷ lệ % trên số cán bộ của đơn vị"
    RATIO_OF_FORM = "ratio_of_form", "Tỷ lệ % trên số được đề nghị hình thức khác"


class TaskStatus(models.TextChoices):
    TODO = "todo", "Chưa thực hiện"
    IN_PROGRESS = "in_progress", "Đang thực hiện"
    DONE = "done", "Đã hoàn thành"


class ReminderKind(models.TextChoices):
    BEFORE = "before", "Trước hạn nộp hồ sơ N ngày"
    ON_DAY = "on_day", "Đúng ngày hết hạn"
    AFTER = "after", "Sau hạn (hằng ngày, tối đa M lần)"
    RETURNED = "returned", "Hồ sơ bị trả lại chưa nộp lại sau N ngày"


class ReminderAudience(models.TextChoices):
    CLERKS = "clerks", "Cán bộ TĐKT của đơn vị"
    UNIT_HEAD = "unit_head", "Thủ trưởng đơn vị"
    OFFICE = "office", "Thường trực, Văn phòng cơ quan phát động"


class RegistrationStatus(models.TextChoices):
    DRAFT = "draft", "Đang soạn"
    SUBMITTED = "submitted", "Đã gửi"
    RETURNED = "returned", "Bị trả lại để sửa"
    ACCEPTED = "accepted", "Đã tiếp nhận"


REGISTRATION_BADGES = {
    RegistrationStatus.DRAFT: "secondary",
    RegistrationStatus.SUBMITTED: "primary",
    RegistrationStatus.RETURNED: "danger",
    RegistrationStatus.ACCEPTED: "success",
}
