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
    # outside the public service: collectives a unit may nominate (they hold no accounts)
    DOANH_NGHIEP = "doanh_nghiep", "Doanh nghiệp"
    TO_CHUC_KHAC = "to_chuc_khac", "Hợp tác xã, hội, tổ chức khác"
    KHAC = "khac", "Khác"


# The title of a body's head, by kind (Nghị định 30/2020 signs "GIÁM ĐỐC", "CHỦ TỊCH"…): the default of
# Organisation.head_title, which an admin may set for a body that differs (a Trường: "Hiệu trưởng").
HEAD_TITLES = {
    "ubnd_tinh": "Chủ tịch", "ubnd_huyen": "Chủ tịch", "ubnd_xa": "Chủ tịch", "so": "Giám đốc",
    "phong": "Trưởng phòng", "van_phong": "Chánh Văn phòng", "chi_cuc": "Chi cục trưởng", "trung_tam": "Giám đốc",
    "don_vi_su_nghiep": "Giám đốc", "phong_huyen": "Trưởng phòng", "phong_xa": "Trưởng phòng", "bo": "Bộ trưởng",
    "doanh_nghiep": "Giám đốc", "to_chuc_khac": "Thủ trưởng", "khac": "Thủ trưởng",
}

# A collective body (tập thể lãnh đạo) signs "TM." in its collective name: the UBND of each level.
COLLECTIVE_NAMES = {"ubnd_tinh": "Ủy ban nhân dân", "ubnd_huyen": "Ủy ban nhân dân", "ubnd_xa": "Ủy ban nhân dân"}


class Gender(models.TextChoices):
    MALE = "nam", "Nam"
    FEMALE = "nu", "Nữ"


class StaffCategory(models.TextChoices):
    """Who a person is: the public service's staff, and the citizens, workers and business people a unit may
    nominate too (Luật Thi đua, khen thưởng 2022 awards every citizen)."""

    CONG_CHUC = "cong_chuc", "Công chức"
    VIEN_CHUC = "vien_chuc", "Viên chức"
    NGUOI_LAO_DONG = "nguoi_lao_dong", "Người lao động"
    CAN_BO = "can_bo", "Cán bộ"
    CONG_NHAN = "cong_nhan", "Công nhân, người lao động trong doanh nghiệp"
    NONG_DAN = "nong_dan", "Nông dân"
    DOANH_NHAN = "doanh_nhan", "Doanh nhân"
    CONG_DAN = "cong_dan", "Công dân, người dân"


# organisations outside the public service a unit may nominate (no accounts, no governing body on their papers)
EXTERNAL_KINDS = {OrgKind.DOANH_NGHIEP, OrgKind.TO_CHUC_KHAC}

# the categories of the public service's own staff (the others are nominated from outside it)
PUBLIC_STAFF = {StaffCategory.CONG_CHUC, StaffCategory.VIEN_CHUC, StaffCategory.NGUOI_LAO_DONG, StaffCategory.CAN_BO}


class LeadershipLevel(models.TextChoices):
    """The level of a leading post, as the statistical reports class individuals (TT 02/2023/TT-BNV, biểu
    0602/0603; docs/domain.md, Statistics)."""

    NONE = "", "Không giữ chức vụ lãnh đạo"
    MINISTRY_PROVINCE = "bo_tinh", "Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên"
    DEPARTMENT = "vu_so", "Lãnh đạo cấp vụ, sở, ngành và tương đương"
    OTHER = "khac", "Lãnh đạo khác từ phó phòng trở lên"


class SubjectClass(models.TextChoices):
    """Phân loại đối tượng of an award, as the statistical reports count it: recorded on the award when it is
    decided (a person promoted later keeps the class of the day). orgs.classification computes it."""

    LEADER_MINISTRY_PROVINCE = "lanh_dao_bo_tinh", "Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên"
    LEADER_DEPARTMENT = "lanh_dao_vu_so", "Lãnh đạo cấp vụ, sở, ngành và tương đương"
    LEADER_OTHER = "lanh_dao_khac", "Các cấp lãnh đạo khác từ phó phòng trở lên"
    BUSINESS_PERSON = "doanh_nhan", "Doanh nhân"
    DIRECT_WORKER = "truc_tiep", "Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu"
    PUBLIC_BODY = "co_quan", "Cơ quan hành chính, đơn vị sự nghiệp, tổ chức"
    ENTERPRISE = "doanh_nghiep", "Doanh nghiệp"
    HOUSEHOLD = "ho_gia_dinh", "Hộ gia đình"


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
