"""Choices of the organisation app, with their Vietnamese labels."""
from django.db import models


class OrgKind(models.TextChoices):
    UBND_TINH = "ubnd_tinh", "UBND tỉnh"
    SO = "so", "Sở, ban, ngành"
    PHONG = "phong", "Phòng, ban thuộc Sở"
    VAN_PHONG = "van_phong", "Văn phòng"
    CHI_CUC = "chi_cuc", "Chi cục"
    TRUNG_TAM = "trung_tam", "Trung tâm"
    DON_VI_SU_NGHIEP = "don_vi_su_nghiep", "Đơn vị sự nghiệp"
    UBND_HUYEN = "ubnd_huyen", "UBND huyện, thị xã, thành phố"
    PHONG_HUYEN = "phong_huyen", "Phòng chuyên môn cấp huyện"
    UBND_XA = "ubnd_xa", "UBND xã, phường, đặc khu"
    PHONG_XA = "phong_xa", "Phòng chuyên môn cấp xã"
    BO = "bo", "Bộ, cơ quan trung ương"
    KHAC = "khac", "Khác"


class Gender(models.TextChoices):
    MALE = "nam", "Nam"
    FEMALE = "nu", "Nữ"


class StaffCategory(models.TextChoices):
    CONG_CHUC = "cong_chuc", "Công chức"
    VIEN_CHUC = "vien_chuc", "Viên chức"
    NGUOI_LAO_DONG = "nguoi_lao_dong", "Người lao động"
    CAN_BO = "can_bo", "Cán bộ"


class Role(models.TextChoices):
    CLERK = "clerk", "Cán bộ làm công tác TĐKT của đơn vị"
    REVIEWER = "reviewer", "Thường trực / Văn phòng (thẩm định hồ sơ)"
    COUNCIL = "council", "Thành viên Hội đồng TĐKT"
    APPROVER = "approver", "Lãnh đạo (phê duyệt, ký quyết định)"
    ADMIN = "admin", "Quản trị hệ thống"


# the roles of an issuing body's staff: they receive, review, vote on and decide the dossiers sent to it
ISSUER_STAFF = (Role.REVIEWER, Role.COUNCIL, Role.APPROVER, Role.ADMIN)


ROLE_BADGES = {
    Role.CLERK: "primary",
    Role.REVIEWER: "info",
    Role.COUNCIL: "warning",
    Role.APPROVER: "success",
    Role.ADMIN: "danger",
}


class BlocKind(models.TextChoices):
    KHOI = "khoi", "Khối thi đua"
    CUM = "cum", "Cụm thi đua"
