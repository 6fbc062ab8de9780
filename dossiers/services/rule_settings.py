"""Configuration of eligibility rules, by layer: national defaults (the system administrator), a province's
choices (its admin), a campaign's exceptions (its issuer's admin). docs/domain.md, Eligibility rules."""
from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied
from django.db import transaction

from orgs import scope

from ..models.rules import EligibilityRule, ProvinceRule
from .checks import schedule_refresh


def save_rule_settings(formset, *, by, province=None):
    """Save which rules apply, which block and their parameters: the national defaults (`province` None; the
    system administrator only) or one province's choices (its admin). Side effects: EligibilityRule or
    ProvinceRule rows, audit entries; every open dossier's eligibility verdicts computed again in the worker
    once saved."""
    if province is None and not by.is_superuser:
        raise PermissionDenied("Chỉ quản trị hệ thống mới sửa quy tắc mặc định.")
    if province is not None and not scope.provinces_administered(by).filter(pk=province.pk).exists():
        raise PermissionDenied("Chỉ quản trị của tỉnh mới cấu hình quy tắc xét điều kiện của tỉnh.")
    with set_actor(by), transaction.atomic():
        if province is None:
            formset.save()
        else:  # a row only where the province differs from the national default: it follows the rest
            national = {row.code: row for row in EligibilityRule.objects.all()}
            for form in formset.forms:
                code, choice = form.instance.code, form.choice()
                default = national[code]
                if (choice["is_active"], choice["is_blocking"], choice["parameters"] or {}) == (
                        default.is_active, default.is_blocking, default.parameters or {}):
                    ProvinceRule.objects.filter(province=province, code=code).delete()  # audited: post_delete
                else:
                    ProvinceRule.objects.update_or_create(province=province, code=code, defaults=choice)
        schedule_refresh()


def copy_campaign_rules(sender, source, copy, **kwargs):
    """campaigns.signals.campaign_copied: the next edition of a campaign keeps its rule exceptions."""
    from ..models.rules import CampaignRule

    CampaignRule.objects.bulk_create([
        CampaignRule(campaign=copy, code=row.code, is_active=row.is_active, is_blocking=row.is_blocking,
                     parameters=row.parameters, note=row.note) for row in CampaignRule.objects.filter(campaign=source)])


# what a campaign may say of a rule: nothing (the province's choice), or its own
FOLLOW, BLOCK, WARN, OFF = "", "block", "warn", "off"
MODES = {BLOCK: (True, True), WARN: (True, False), OFF: (False, False)}


def save_campaign_rules(campaign, choices, *, by):
    """Set `campaign`'s own exceptions: `choices` {code: (mode, note)}, mode FOLLOW (no exception: the row goes),
    BLOCK, WARN or OFF, `note` the reason the plan gives. Refused (PermissionDenied) unless `by` may change the
    campaign. Side effects (one transaction): CampaignRule rows, audit entries; the open dossiers' verdicts
    computed again once saved."""
    from ..models.rules import CampaignRule

    province = campaign.issuer.root_id()
    if not (by.has_perm("campaigns.change_campaign", campaign)
            and scope.provinces_administered(by).filter(pk=province).exists()):
        raise PermissionDenied("Chỉ quản trị của tỉnh mới đặt ngoại lệ quy tắc xét điều kiện cho phong trào: "
                               "quy tắc là lựa chọn của tỉnh.")
    with set_actor(by), transaction.atomic():
        for code, (mode, note) in choices.items():
            if mode == FOLLOW:
                for row in CampaignRule.objects.filter(campaign=campaign, code=code):
                    row.delete()
                continue
            active, blocking = MODES[mode]
            CampaignRule.objects.update_or_create(campaign=campaign, code=code, defaults={
                "is_active": active, "is_blocking": blocking, "note": note.strip()})
        schedule_refresh()
