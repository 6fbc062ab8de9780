"""Tài liệu kèm theo of a dossier: upload, download, delete.

Attachments are fetched through the dossiers the user may see (`Dossier.objects.for_user`): another
unit's attachment, or a draft's attachment for the issuing body, is a 404 even by a guessed URL.
Upload and delete need "dossiers.change_dossier" (the unit's clerk, dossier editable): 403 otherwise.
"""
import re
from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.views import View

from core.text import unaccent
from core.views import ScopedObjectMixin
from documents.once import SubmitOnceMixin

from ..models import Attachment, Dossier
from ..services.attachments import add_attachment, remove_attachment


def attachment_context(dossier, user):
    """The context templates/dossiers/_attachments.html expects (one query for the list)."""
    return {"dossier": dossier, "attachments": list(dossier.attachments.select_related("uploaded_by")),
            "can_change": user.has_perm("dossiers.change_dossier", dossier)}


def content_disposition(name):
    """`attachment` with an ASCII fallback name and the real (Vietnamese) name per RFC 5987/6266."""
    fallback = re.sub(r"[^A-Za-z0-9 ._()-]", "_", unaccent(name)).strip() or "tai-lieu"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def _back_to(dossier):
    return redirect(dossier.get_absolute_url() + "#tai-lieu")


class AttachmentScopeMixin(ScopedObjectMixin):
    """An attachment through the dossiers the user may see; the permission is checked on its dossier."""

    model = Attachment

    def get_scoped_queryset(self):
        return Attachment.objects.filter(dossier__in=Dossier.objects.for_user(self.request.user)).select_related(
            "dossier__organisation", "dossier__campaign__issuer")

    def get_permission_object(self):
        return self.get_object().dossier


class AttachmentUploadView(SubmitOnceMixin, ScopedObjectMixin, View):
    """POST (multipart): file, title, optional nomination (id of one of the dossier's nominees)."""

    model = Dossier
    permission_required = "dossiers.change_dossier"

    def get_scoped_queryset(self):
        return Dossier.objects.for_user(self.request.user).select_related("organisation", "campaign__issuer")

    def post(self, request, pk):
        dossier = self.get_object()
        upload = request.FILES.get("file")
        if upload is None:
            messages.error(request, "Hãy chọn tệp cần tải lên.")
            return _back_to(dossier)
        nomination = None
        nomination_id = request.POST.get("nomination", "").strip()
        if nomination_id:
            nomination = dossier.nominations.filter(pk=nomination_id).first() if nomination_id.isdigit() else None
            if nomination is None:
                messages.error(request, "Người, tập thể đã chọn không thuộc hồ sơ này.")
                return _back_to(dossier)
        try:
            attachment = add_attachment(dossier, upload, title=request.POST.get("title", ""),
                                        nomination=nomination, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return _back_to(dossier)
        messages.success(request, f"Đã tải lên “{attachment.title}” ({attachment.original_name}).")
        return _back_to(dossier)


class AttachmentDownloadView(AttachmentScopeMixin, View):
    """GET: the stored file, as a download under its original (cleaned) name."""

    permission_required = "dossiers.view_dossier"

    def get(self, request, pk):
        attachment = self.get_object()
        try:
            handle = attachment.file.storage.open(attachment.file.name, "rb")
        except FileNotFoundError:
            raise Http404("Không tìm thấy tệp đã lưu của tài liệu này.") from None
        response = FileResponse(handle, content_type=attachment.content_type)
        response["Content-Disposition"] = content_disposition(attachment.original_name)
        response["X-Content-Type-Options"] = "nosniff"
        patch_cache_control(response, private=True)
        return response


class AttachmentDeleteView(AttachmentScopeMixin, View):
    """POST: remove the attachment (the unit's clerk, dossier editable)."""

    permission_required = "dossiers.change_dossier"

    def post(self, request, pk):
        attachment = self.get_object()
        dossier = attachment.dossier
        try:
            remove_attachment(attachment, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Đã xoá tài liệu “{attachment.title}”.")
        return _back_to(dossier)
