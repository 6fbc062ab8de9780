"""The kinds of event in the audit trail ("Nhật ký hệ thống"), with their Vietnamese labels."""

LOGIN = "login"
LOGIN_FAILED = "login_failed"
LOGOUT = "logout"
LOCKED_OUT = "locked_out"
PASSWORD_CHANGED = "password_changed"
PASSWORD_SET = "password_set"
PASSWORD_RESET_REQUESTED = "password_reset_requested"
PASSWORD_RESET = "password_reset"
ROLE_GRANTED = "role_granted"
ROLE_REVOKED = "role_revoked"
ROLE_CHANGED = "role_changed"
CREATED = "created"
UPDATED = "updated"
DELETED = "deleted"

# code -> label, in the order of the page's "Loại sự kiện" filter. A kind recorded without a label here shows
# its code: add the label with the code (the second factor's kinds are here already).
KIND_LABELS = {
    LOGIN: "Đăng nhập",
    LOGIN_FAILED: "Đăng nhập không thành công",
    LOCKED_OUT: "Tạm khóa đăng nhập",
    LOGOUT: "Đăng xuất",
    PASSWORD_CHANGED: "Đổi mật khẩu",
    PASSWORD_SET: "Quản trị đặt mật khẩu mới",
    PASSWORD_RESET_REQUESTED: "Yêu cầu đặt lại mật khẩu qua thư",
    PASSWORD_RESET: "Đặt lại mật khẩu qua thư",
    # the second factor (orgs/services/second_factor.py)
    "second_factor_enrolled": "Đăng ký xác thực hai bước",
    "second_factor_enrol_failed": "Đăng ký xác thực hai bước không thành công",
    "second_factor_verified": "Xác thực hai bước",
    "second_factor_failed": "Mã xác thực hai bước không đúng",
    "second_factor_throttled": "Tạm khóa nhập mã xác thực hai bước",
    "second_factor_recovery_code_used": "Dùng mã dự phòng",
    "second_factor_new_codes": "Tạo mã dự phòng mới",
    "second_factor_disabled": "Tắt xác thực hai bước",
    "second_factor_reset": "Quản trị đặt lại xác thực hai bước",
    "second_factor_policy_changed": "Đổi quy định xác thực hai bước của tỉnh",
    ROLE_GRANTED: "Cấp vai trò",
    ROLE_REVOKED: "Thu hồi vai trò",
    ROLE_CHANGED: "Sửa vai trò",
    CREATED: "Tạo mới",
    UPDATED: "Sửa",
    DELETED: "Xóa",
}

# what the details of an event are called on the page (a key without a label is not shown)
DETAIL_LABELS = {"username": "Tên đăng nhập đã gõ", "reason": "Lý do", "left": "Số mã dự phòng còn lại",
                 "email": "Thư điện tử", "roles": "Vai trò phải xác thực hai bước"}


def kind_label(kind):
    return KIND_LABELS.get(kind, kind)
