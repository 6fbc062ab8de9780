"""Template helpers every page uses: Vietnamese money and dates, query-string building."""
from django import template
from django.utils.http import urlencode

register = template.Library()


@register.filter
def tien(value):
    """3510000 -> '3.510.000 đ'."""
    if value in (None, ""):
        return ""
    return f"{int(value):,}".replace(",", ".") + " đ"


@register.filter
def so(value):
    """1234 -> '1.234' (counts, not ids)."""
    if value in (None, ""):
        return ""
    return f"{int(value):,}".replace(",", ".")


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
