"""Configuration of eligibility rules."""
from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied
from django.db import transaction

from orgs.scope import is_admin

from .checks import schedule_refresh


def save_rule_settings(formset, *, by):
    """Save which rules apply and which block. Side effects: EligibilityRule rows, audit entries; every open
    dossier's eligibility verdicts computed again in the worker once saved."""
    if not is_admin(by):
        raise PermissionDenied("Chỉ quản trị hệ thống mới cấu hình quy tắc xét điều kiện.")
    with set_actor(by), transaction.atomic():
        formset.save()
        schedule_refresh()
