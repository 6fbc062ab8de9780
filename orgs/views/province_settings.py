"""Pages that configure one province (its rule choices, its certificate calibration, its second-factor policy)."""
from django.core.exceptions import PermissionDenied

from .. import scope


class ProvinceMixin:
    """A page that configures one province: the one the user administers (?tinh= among several); None for the
    system administrator when `national` (the national layer), else their first province."""

    national = False

    def layer(self):
        """(province or None for the national layer, the provinces the user configures)."""
        user = self.request.user
        provinces = list(scope.provinces_administered(user))
        wanted = self.request.GET.get("tinh") or self.request.POST.get("tinh")
        if wanted:
            province = next((p for p in provinces if str(p.pk) == wanted), None)
            if province is None:
                raise PermissionDenied("Không có quyền cấu hình cho tỉnh này.")
            return province, provinces
        if user.is_superuser and self.national:
            return None, provinces
        if not provinces:
            raise PermissionDenied("Trang này do quản trị của tỉnh (cấp cao nhất) cấu hình.")
        return provinces[0], provinces
