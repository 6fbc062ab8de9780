"""The eligibility verdicts of one nominee, as the dossier and review pages show them.

Rendered in Python rather than with a template (a big dossier shows ~100 nominees × 9 rules); each line's
icon and colour come from its class (`ok`, `warn`, `err`: static/css/portal.css), not from markup repeated
in every row."""
from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()

CLASS = {"ok": "ok", "warning": "warn", "error": "err"}


def applies(check):
    return not (check.passed and check.message.startswith("Không áp dụng"))


@register.simple_tag
def eligibility_checks(checks, full=False, common=()):
    """`full` (the review page): every rule with its label and verdict. Otherwise (the dossier page): each
    failure's reason (the messages name what they check), a warning marked as such, then how many of the
    other rules that apply are met; the labels are on the review page and in the checklist. `common`: the
    (code, message) of failures the page shows once for the whole dossier
    (services.dossier_page.common_failures()), left out."""
    checks = checks or []
    if full:
        items = format_html_join("", '<li class="{}"><strong>{}</strong>{}: {}</li>', (
            (CLASS[c.level], c.label, " (cảnh báo)" if c.level == "warning" else "", c.message) for c in checks))
        return format_html('<ul class="eligibility">{}</ul>', items)
    failed = [c for c in checks if not c.passed and (c.code, c.message) not in common]
    items = format_html_join("", '<li class="{}">{}{}</li>', (
        (CLASS[c.level], "Cảnh báo: " if c.level == "warning" else "", c.message) for c in failed))
    passed = sum(1 for c in checks if c.passed and applies(c))
    summary = ""
    if passed:
        summary = format_html('<li class="ok">Đạt {} điều kiện{}</li>', passed, " khác" if failed else "")
    return format_html('<ul class="eligibility">{}{}</ul>', items, summary)

