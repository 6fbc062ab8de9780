"""Actions on the award catalogue: award forms, legal-basis profiles with their bonus coefficients,
base salaries. Each writes in one transaction, with the actor recorded in the audit log."""
from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied
from django.db import transaction


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


def save_profile(profile, *, coefficients=(), deleted=(), vote_rules=(), deleted_vote_rules=(), by,
                 public_comment_forms=None):
    """Create or update a legal-basis profile, save the given bonus coefficients and council vote rules (new
    or changed) under it and delete the `deleted` / `deleted_vote_rules` ones; when given, set the award forms
    whose nominees need public comment (`public_comment_forms`).

    Side effects (one transaction): writes the profile, its coefficient and vote-rule rows, audit log entries
    for each of them.
    """
    _require_system_admin(by)
    profile.full_clean()
    with set_actor(by), transaction.atomic():
        profile.save()
        for row in [*deleted, *deleted_vote_rules]:
            if row.pk and row.profile_id == profile.pk:
                row.delete()
        for row in [*coefficients, *vote_rules]:
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
