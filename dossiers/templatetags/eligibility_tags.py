"""The eligibility checks of one nominee, as the dossier and review pages show them.

Rendered in Python rather than with a template: a big dossier shows ~90 nominees × 9 rules, and the
template engine's per-variable lookups made this list a third of the page's time."""
from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()

STYLE = {"ok": ("text-success", "bi-check-circle", ""),
         "warning": ("text-warning-emphasis", "bi-exclamation-triangle", " (cảnh báo)"),
         "error": ("text-danger", "bi-x-circle", "")}


def passed_labels(checks):
    """Labels (lower-case) of the checks that passed, leaving out the rules that do not apply."""
    return [check.label[0].lower() + check.label[1:] for check in checks or []
            if check.passed and not check.message.startswith("Không áp dụng")]


@register.simple_tag
def eligibility_checks(checks, full=False):
    """Failures spelled out with the reason; the passes in one line unless `full` (every rule)."""
    shown = [check for check in checks or [] if full or check.level != "ok"]
    item = '<li class="{}"><i class="bi {}" aria-hidden="true"></i> <strong>{}</strong>{}: {}</li>'
    items = format_html_join("", item, ((*STYLE[c.level][:2], c.label, STYLE[c.level][2], c.message) for c in shown))
    passed = passed_labels(checks) if not full else []
    summary = format_html('<li class="text-success"><i class="bi bi-check-circle" aria-hidden="true"></i> Đạt: {}</li>',
                          "; ".join(passed)) if passed else ""
    return format_html('<ul class="list-unstyled small mb-0 eligibility">{}{}</ul>', items, summary)
