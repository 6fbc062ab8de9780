"""Template helpers every page uses: Vietnamese money and dates, query-string building."""
from django import template
from django.utils.http import urlencode

from core.vntext import so, tien

register = template.Library()


register.filter("tien", tien)  # 3510000 -> '3.510.000 đ'
register.filter("so", so)  # 1234 -> '1.234' (counts, not ids)


@register.simple_tag(takes_context=True)
def query_replace(context, **kwargs):
    """The current query string with some parameters replaced (pagination, filters)."""
    params = context["request"].GET.copy()
    for key, value in kwargs.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + urlencode(params, doseq=True) if params else "?"


@register.filter
def days_left(campaign_or_date, today=None):
    """Days from `today` to a deadline (an object with days_to_deadline(), or a date)."""
    if hasattr(campaign_or_date, "days_to_deadline"):
        return campaign_or_date.days_to_deadline(today)
    if campaign_or_date is None:
        return None
    from django.utils import timezone

    return (campaign_or_date - (today or timezone.localdate())).days


@register.filter
def absval(value):
    return abs(value) if value is not None else None


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None

