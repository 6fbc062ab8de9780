"""A new province: its root organisation and its first admin, created by the system administrator."""
from django.core.exceptions import PermissionDenied
from django.db import transaction

from ..enums import Role
from . import accounts, organisations


def create_province(province, *, admin_username, admin_full_name, admin_email, admin_password, by):
    """Create `province` (an unsaved Organisation without a parent: the UBND tỉnh) and its first admin's account
    (Role.ADMIN on it, covering everything the province will hold), as the system administrator.

    Refused: not the system administrator (PermissionDenied); a parent given, or what save_organisation and
    create_account refuse (ValidationError). Side effects (one transaction): the organisation, the user, the
    membership, audit entries. The new admin sees only their province."""
    if not (by and by.is_superuser):
        raise PermissionDenied("Chỉ quản trị hệ thống mới tạo tỉnh mới.")
    if province.parent_id is not None:
        raise ValueError("A province is a root organisation")
    with transaction.atomic():
        organisations.save_organisation(province, by=by)
        admin = accounts.create_account(username=admin_username, full_name=admin_full_name, email=admin_email,
                                        password=admin_password, organisation=province, role=Role.ADMIN, by=by)
    return province, admin
