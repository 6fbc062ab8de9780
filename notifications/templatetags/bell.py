"""The bell's times: "5 phút trước" for the last week (Django's naturaltime falls back to English for days)."""
from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def ago(moment, now=None):
    """How long ago `moment` was, in Vietnamese: vừa xong, N phút / giờ / ngày trước; "" after a week (the
    absolute date dd/mm/yyyy HH:MM is shown beside it anyway)."""
    if not moment:
        return ""
    seconds = int(((now or timezone.now()) - moment).total_seconds())
    if seconds < 60:
        return "vừa xong"
    if seconds < 3600:
        return f"{seconds // 60} phút trước"
    if seconds < 86400:
        return f"{seconds // 3600} giờ trước"
    if seconds < 7 * 86400:
        return f"{seconds // 86400} ngày trước"
    return ""
