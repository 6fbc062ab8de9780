"""The nominees' rows of the dossier page and their eligibility verdicts (also on the review page).

Rendered in Python rather than with a template: a big dossier shows 100+ nominees × 9 rules, and the
template engine's per-variable lookups were half of the page's time (docs/performance.md, section 9). Each
verdict's icon and colour come from its class (`ok`, `warn`, `err`: static/css/portal.css), not from
markup repeated in every row. Everything printed goes through format_html (escaped)."""
from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

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



ROW = ('<tr><td>{}</td><td><strong>{}</strong><div class="small text-muted">{}</div>{}</td>'
       '<td class="small">{}<div><a href="{}">{}</a> · '
       '<a href="{}" aria-label="In báo cáo thành tích của {}">In</a></div></td><td>{}</td>'
       '<td><span class="badge text-bg-{}">{}</span>{}</td>{}</tr>\n')
COMPLETE = mark_safe('<span class="text-success">Đầy đủ</span>')
REMOVE = ('<td><button class="btn btn-sm btn-outline-danger" form="nominee-remove" formaction="{}" '
          'data-confirm="Bỏ {} khỏi hồ sơ?" aria-label="Bỏ {}"><i class="bi bi-x-lg" aria-hidden="true"></i>'
          '</button></td>')


@register.simple_tag
def nominee_rows(nominations, can_change, common=()):
    """The <tr> of each nominee of the dossier page (templates/dossiers/_nominees.html): name, position and
    summary, the Mẫu 08's state and link, the verdicts (leaving out the `common` ones), the outcome, and
    for the clerk the button that removes the nominee (the shared form #nominee-remove). What each row shows
    is worked out by dossiers.services.dossier_page.label_rows()."""
    link = "Điền, sửa Mẫu 08" if can_change else "Xem Mẫu 08"
    return format_html_join("", ROW, (
        (number, n.name, n.subtitle,
         format_html('<div class="small">{}</div>', n.summary) if n.summary else "",
         format_html('<span class="text-danger">Còn thiếu {} mục</span>', n.missing) if n.missing
         else COMPLETE,
         n.report_url, link, n.print_url, n.name, eligibility_checks(n.verdicts, common=common),
         n.outcome_badge, n.get_outcome_display(),
         format_html('<div class="small text-danger">{}</div>', n.outcome_reason) if n.outcome_reason else "",
         format_html(REMOVE, n.remove_url, n.name, n.name) if can_change else "")
        for number, n in enumerate(nominations, 1)))
