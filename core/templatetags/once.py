"""{% once_token %}: the hidden one-time token of a create form (core/once.py)."""
from django import template
from django.utils.html import format_html

from core.once import FIELD, new_token

register = template.Library()


@register.simple_tag
def once_token():
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, new_token())
