"""The nominees' rows of the dossier page and their eligibility verdicts (also on the review page).

Rendered in Python rather than with a template: a big dossier shows 100+ nominees × 9 rules, and the
template engine's per-variable lookups were half of the page's time (docs/performance.md, section 9). Each
verdict's icon and colour come from its class (`ok`, `warn`, `err`: static/css/portal.css), not from
markup repeated in every row. Every text printed goes through django.utils.html.escape."""
from django import template
from django.utils.html import escape
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
    return mark_safe(_checks_html(checks or [], full, common))


def _checks_html(checks, full=False, common=()):
    if full:
        return "".join(['<ul class="eligibility">', *(
            f'<li class="{CLASS[c.level]}"><strong>{escape(c.label)}</strong>'
            f'{" (cảnh báo)" if c.level == "warning" else ""}: {escape(c.message)}</li>' for c in checks), "</ul>"])
    failed = [c for c in checks if not c.passed and (c.code, c.message) not in common]
    items = [f'<li class="{CLASS[c.level]}">{"Cảnh báo: " if c.level == "warning" else ""}{escape(c.message)}</li>'
             for c in failed]
    passed = sum(1 for c in checks if c.passed and applies(c))
    if passed:
        items.append(f'<li class="ok">Đạt {passed} điều kiện{" khác" if failed else ""}</li>')
    return "".join(['<ul class="eligibility">', *items, "</ul>"])


@register.simple_tag
def nominee_rows(nominations, can_change, common=()):
    """The <tr> of each nominee of the dossier page (templates/dossiers/_nominees.html): name, position and
    summary, the Báo cáo's state and link, the verdicts (leaving out the `common` ones), the outcome, and
    for the clerk the button that removes the nominee (the shared form #nominee-remove). What each row shows
    is worked out by dossiers.services.dossier_page.label_rows(); every text is escaped here."""
    link = "Điền, sửa báo cáo" if can_change else "Xem báo cáo"
    rows = []
    for number, n in enumerate(nominations, 1):
        name = escape(n.name)
        summary = f'<div class="small">{escape(n.summary)}</div>' if n.summary else ""
        report = (f'<span class="text-danger">Còn thiếu {n.missing} mục</span>' if n.missing
                  else '<span class="text-success">Đầy đủ</span>')
        reason = f'<div class="small text-danger">{escape(n.outcome_reason)}</div>' if n.outcome_reason else ""
        remove = (f'<td><button class="btn btn-sm btn-outline-danger" form="nominee-remove" '
                  f'formaction="{escape(n.remove_url)}" data-confirm="Bỏ {name} khỏi hồ sơ?" aria-label="Bỏ {name}">'
                  f'<i class="bi bi-x-lg" aria-hidden="true"></i></button></td>') if can_change else ""
        rows.append(
            f'<tr><td data-label="STT">{number}</td><td data-label="Họ tên / tập thể"><strong>{name}</strong>'
            f'<div class="small text-muted">{escape(n.subtitle)}</div>{summary}</td>'
            f'<td class="small" data-label="Báo cáo thành tích">{report}'
            f'<div><a href="{escape(n.report_url)}">{link}</a> · '
            f'<button class="btn btn-link btn-sm p-0 align-baseline" form="print-form" '
            f'formaction="{escape(n.print_url)}" aria-label="In báo cáo thành tích của {name}">In</button></div></td>'
            f'<td data-label="Điều kiện">{_checks_html(n.verdicts, common=common)}</td>'
            f'<td data-label="Kết quả"><span class="badge text-bg-{n.outcome_badge}">'
            f'{escape(n.get_outcome_display())}</span>{reason}</td>{remove}</tr>\n')
    return mark_safe("".join(rows))
