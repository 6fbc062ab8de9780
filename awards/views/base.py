"""What every catalogue page shares: admins only, and the history panel on edit pages."""
from django.contrib import messages
from django.shortcuts import redirect

from core.views import PermissionMixin

from ..history import history_for


class CatalogueMixin(PermissionMixin):
    """The catalogue is the same for the whole portal: every signed-in user reads it."""

    permission_required = "awards.view_catalogue"

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_edit_catalogue=self.request.user.has_perm("awards.configure"), **kwargs)


class CatalogueFormMixin(CatalogueMixin):
    """Only the system administrator changes it (others 403): it is national, read by every province."""

    permission_required = "awards.configure"

    success_message = "Đã lưu “{}”."

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        obj = form.save()
        messages.success(self.request, self.success_message.format(obj))
        return redirect(self.success_url)

    def get_context_data(self, **kwargs):
        if getattr(self, "object", None) is not None and self.object.pk:
            kwargs.setdefault("history", history_for(self.object))
        return super().get_context_data(**kwargs)
