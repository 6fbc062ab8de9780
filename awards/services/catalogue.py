"""Actions on the award catalogue: award forms, legal-basis profiles with their bonus coefficients,
base salaries. Each writes in one transaction, with the actor recorded in the audit log."""
from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied
from django.db import transaction

from core.text import search_key


def _require_system_admin(by):
    if not by.has_perm("awards.configure"):
        raise PermissionDenied("Danh mục khen thưởng là dữ liệu dùng chung toàn quốc: chỉ quản trị hệ thống mới "
                               "được sửa.")


def save_award_form(award_form, *, by):
    """Create or update an award form (danh hiệu, hình thức khen thưởng).

    Refused (PermissionDenied) unless `by` is the system administrator.
    Side effects: writes the row and an audit log entry.
    """
    _require_system_admin(by)
    award_form.full_clean()
    with set_actor(by), transaction.atomic():
        award_form.save()
    return award_form


def save_profile(profile, *, rows=(), deleted=(), by, public_comment_forms=None):
    """Create or update a legal-basis profile, save the given rows of its tables (bonus coefficients, council
    vote rules, report forms: new or changed) under it and delete the `deleted` ones; when given, set the award
    forms whose nominees need public comment (`public_comment_forms`).

    Side effects (one transaction): writes the profile, its rows, audit log entries for each of them.
    """
    _require_system_admin(by)
    profile.full_clean()
    with set_actor(by), transaction.atomic():
        profile.save()
        for row in deleted:
            if row.pk and row.profile_id == profile.pk:
                row.delete()
        for row in rows:
            row.profile = profile
            row.full_clean()
            row.save()
        if public_comment_forms is not None:
            profile.public_comment_forms.set(public_comment_forms)
    return profile


def save_base_salary(salary, *, by):
    """Create or update a row of the base-salary table (mức lương cơ sở).

    Refused (PermissionDenied) unless `by` is the system administrator.
    Side effects: writes the row and an audit log entry.
    """
    _require_system_admin(by)
    salary.full_clean()
    with set_actor(by), transaction.atomic():
        salary.save()
    return salary


def save_calendar_day(day, *, by):
    """Create or update a day of the public service's calendar (awards.CalendarDay: a day off or a day worked).
    Refused (PermissionDenied) unless `by` is the system administrator. Side effects: the row, an audit entry."""
    _require_system_admin(by)
    day.full_clean()
    with set_actor(by), transaction.atomic():
        day.save()
    return day


def delete_calendar_day(day, *, by):
    """Remove a day from the calendar (the date is then an ordinary day of its week). Same refusal and audit."""
    _require_system_admin(by)
    with set_actor(by), transaction.atomic():
        day.delete()


# --- how an imported sheet names an award form -----------------------------------------------------------------
def forms_by_key(forms):
    """{accent-free name, accent-free short name or lower-case code: [forms]} of `forms`: the names an Excel
    import accepts for an award form (the register's catalogue, a registration's offered forms and titles)."""
    by_key = {}
    for form in forms:
        for key in {search_key(form.name), search_key(form.short_name), form.code.lower()} - {""}:
            by_key.setdefault(key, []).append(form)
    return by_key


def find_form(by_key, text, *, where="trong danh mục"):
    """(form, None) or (None, the reason as a lower-case clause) of the award form `text` names in `by_key`."""
    matches = by_key.get(search_key(text)) or by_key.get(text.lower()) or []
    if len(matches) == 1:
        return matches[0], None
    if matches:
        return None, f"hình thức “{text}” trùng tên nhiều mục {where}: hãy ghi mã"
    return None, f"hình thức “{text}” không có {where} (ghi đúng tên hoặc mã)"
