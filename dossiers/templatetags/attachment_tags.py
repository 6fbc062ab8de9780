"""Helpers of templates/dossiers/_attachments.html (Tài liệu kèm theo)."""
from django import template
from django.conf import settings

from campaigns import sections

from ..services.attachments import ACCEPT, MAX_ATTACHMENTS_PER_DOSSIER, human_size

register = template.Library()


@register.filter
def dung_luong(size):
    """A file size in KB/MB with the Vietnamese decimal comma: 3460000 -> '3,3 MB'."""
    if size in (None, ""):
        return ""
    return human_size(int(size))


@register.simple_tag
def attachment_rules():
    """What the upload form tells the user (and the browser's file picker and static/js/upload.js) about allowed
    files: the same constant and setting the upload service checks."""
    return {"accept": ACCEPT, "max_bytes": settings.DOSSIER_ATTACHMENT_MAX_BYTES,
            "max_size": human_size(settings.DOSSIER_ATTACHMENT_MAX_BYTES),
            "max_count": MAX_ATTACHMENTS_PER_DOSSIER}


@register.simple_tag
def attachment_nominees(dossier, nominations=None):
    """The dossier's nominees for the upload form: the page's own list when it has one, else one query."""
    if isinstance(nominations, list | tuple) or hasattr(nominations, "model"):
        return nominations
    return list(dossier.nominations.select_related("person", "organisation"))


@register.simple_tag
def attachment_title_suggestions(dossier, components=None):
    """The campaign's dossier components (the page's checklist read them: `components`; else one query): a
    title naming one ticks it off the checklist."""
    return [component.name for component in (sections.components(dossier.campaign) if components is None
                                              else components)]


@register.simple_tag
def nominee_name(nominees, nomination_id):
    """The name of the nominee an attachment belongs to, from the list already loaded."""
    return next((nomination.name for nomination in nominees if nomination.pk == nomination_id), "")
