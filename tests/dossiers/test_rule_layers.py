"""Eligibility rules in three layers (issue 15): national defaults (system administrator), a province's choices
(its admin; another province is not changed), a campaign's exceptions with their reason (its issuer's admin)."""
import pytest
from django.urls import reverse

from dossiers.models import CampaignRule, EligibilityRule, ProvinceRule
from dossiers.services.eligibility import rule_settings
from orgs.enums import OrgKind, Role
from tests.factories.campaigns import launched_campaign
from tests.factories.orgs import MembershipFactory, OrganisationFactory, UserFactory


def settings_post(rules, **changes):
    """The settings page's POST: every rule as `rules` has it, `changes` {code: (active, blocking)} applied."""
    rows = list(EligibilityRule.objects.order_by("order", "code"))
    data = {"rules-TOTAL_FORMS": str(len(rows)), "rules-INITIAL_FORMS": str(len(rows)),
            "rules-MIN_NUM_FORMS": "0", "rules-MAX_NUM_FORMS": "1000"}
    for index, row in enumerate(rows):
        active, blocking = changes.get(row.code, (rules[row.code].is_active, rules[row.code].is_blocking))
        data[f"rules-{index}-id"] = str(row.pk)
        data[f"rules-{index}-is_active"] = "on" if active else ""
        data[f"rules-{index}-is_blocking"] = "on" if blocking else ""
    return data


@pytest.fixture
def other_province(db):
    root = OrganisationFactory(code="K-UBND", kind=OrgKind.UBND_TINH, name="Ủy ban nhân dân tỉnh Khác")
    admin = UserFactory(username="quantri_khac")
    MembershipFactory(user=admin, organisation=root, role=Role.ADMIN)
    return root, admin


def test_a_provinces_choice_changes_that_province_only(cast, client_for, other_province):
    other, other_admin = other_province
    national = rule_settings()
    assert national["deadline"].is_blocking is False
    response = client_for(cast.admin).post(reverse("dossiers:rule_settings"),
                                           settings_post(national, deadline=(True, True)))
    assert response.status_code == 302
    assert rule_settings(province=cast.province.pk)["deadline"].is_blocking is True
    assert rule_settings(province=cast.province.pk)["deadline"].where == "province"
    assert list(ProvinceRule.objects.values_list("code", flat=True)) == ["deadline"]  # the rest follow the nation
    EligibilityRule.objects.filter(code="registered").update(is_active=False)  # a later national change reaches it
    assert rule_settings(province=cast.province.pk)["registered"].is_active is False
    assert rule_settings(province=other.pk)["deadline"].is_blocking is False  # the other province: untouched
    assert EligibilityRule.objects.get(code="deadline").is_blocking is False
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    assert rule_settings(campaign)["deadline"].is_blocking is True  # read through the campaign's issuer
    page = client_for(other_admin).get(reverse("dossiers:rule_settings")).content.decode()
    assert "Của Ủy ban nhân dân tỉnh Khác" in page and "Ủy ban nhân dân tỉnh Thử" not in page


def test_a_province_admin_cannot_set_another_province_or_the_national_defaults(cast, client_for, other_province):
    other, _ = other_province
    data = {**settings_post(rule_settings(), deadline=(True, True)), "tinh": other.pk}
    assert client_for(cast.admin).post(reverse("dossiers:rule_settings"), data).status_code == 403
    assert client_for(cast.admin).get(reverse("dossiers:rule_settings"), {"tinh": other.pk}).status_code == 403
    assert not ProvinceRule.objects.exists()
    assert EligibilityRule.objects.get(code="deadline").is_blocking is False
    sub_admin = UserFactory(username="quantri_so")  # an admin of a Sở is not the province's
    MembershipFactory(user=sub_admin, organisation=cast.body, role=Role.ADMIN)
    assert client_for(sub_admin).get(reverse("dossiers:rule_settings")).status_code == 403


def test_the_system_administrator_sets_the_national_defaults(cast, client_for, other_province):
    client = client_for(cast.system)
    page = client.get(reverse("dossiers:rule_settings")).content.decode()
    assert "Mặc định quốc gia" in page and "Ủy ban nhân dân tỉnh Khác" in page
    assert client.post(reverse("dossiers:rule_settings"),
                       settings_post(rule_settings(), deadline=(True, True))).status_code == 302
    assert EligibilityRule.objects.get(code="deadline").is_blocking is True
    assert not ProvinceRule.objects.exists()


def test_a_campaign_sets_its_own_exception_with_its_reason(cast, client_for):
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    other = launched_campaign(cast, participants=[cast.unit_a], plan_number=174)
    url = reverse("dossiers:campaign_rules", args=[campaign.pk])
    client = client_for(cast.admin)
    page = client.get(url).content.decode()
    assert "Theo cấu hình của tỉnh: áp dụng, chặn" in page
    refused = client.post(url, {"mode_history_bk_ttg": "off", "note_history_bk_ttg": ""})
    assert refused.status_code == 400
    assert "Ghi lý do, căn cứ của ngoại lệ" in refused.content.decode()
    assert not CampaignRule.objects.exists()
    reason = "Phong trào do Thủ tướng Chính phủ phát động: xét theo thành tích trong phong trào"
    assert client.post(url, {"mode_history_bk_ttg": "off", "note_history_bk_ttg": reason,
                             "mode_deadline": "block", "note_deadline": "Kế hoạch yêu cầu nộp đúng hạn"}
                       ).status_code == 302
    mine = rule_settings(campaign)
    assert (mine["history_bk_ttg"].is_active, mine["history_bk_ttg"].where, mine["history_bk_ttg"].note) == (
        False, "campaign", reason)
    assert (mine["deadline"].is_active, mine["deadline"].is_blocking) == (True, True)
    assert rule_settings(other)["history_bk_ttg"].is_active is True  # another campaign: the province's
    page = client.get(url).content.decode()
    assert f'value="{reason}"' in page
    client.post(url, {"mode_history_bk_ttg": "", "mode_deadline": "block", "note_deadline": "Kế hoạch"})
    assert list(CampaignRule.objects.values_list("code", flat=True)) == ["deadline"]  # back to the province's


def test_a_campaign_exception_is_applied_to_its_dossiers(cast):
    from dossiers.services.eligibility import evaluate
    from dossiers.services.rule_settings import OFF, save_campaign_rules
    from tests.factories.dossiers import ready_dossier

    dossier = ready_dossier(cast)  # the campaign's deadline has passed: a warning
    checks = {check.code for check in evaluate(dossier)[dossier.nominations.get().pk]}
    assert "deadline" in checks
    save_campaign_rules(dossier.campaign, {"deadline": (OFF, "Gia hạn theo văn bản của cấp trên")}, by=cast.admin)
    checks = {check.code for check in evaluate(dossier)[dossier.nominations.get().pk]}
    assert "deadline" not in checks


def test_the_campaign_page_links_its_rules_for_who_may_change_them(cast, client_for):
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    url = reverse("dossiers:campaign_rules", args=[campaign.pk])
    assert url in client_for(cast.admin).get(campaign.get_absolute_url()).content.decode()
    assert url not in client_for(cast.clerk_a).get(campaign.get_absolute_url()).content.decode()


def test_a_campaign_exception_keeps_the_rules_parameters(cast):
    from dossiers.services.rule_settings import WARN, save_campaign_rules

    EligibilityRule.objects.filter(code="history_bk_ttg").update(parameters={"years": 4, "cstd_times": 2})
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    save_campaign_rules(campaign, {"history_bk_ttg": (WARN, "Kế hoạch: chỉ cảnh báo")}, by=cast.admin)
    setting = rule_settings(campaign)["history_bk_ttg"]
    assert (setting.is_blocking, setting.parameters) == (False, {"years": 4, "cstd_times": 2})


def test_the_next_edition_keeps_the_campaigns_exceptions(cast):
    from campaigns.services.campaigns import copy_campaign
    from dossiers.services.rule_settings import OFF, save_campaign_rules

    campaign = launched_campaign(cast, participants=[cast.unit_a])
    save_campaign_rules(campaign, {"deadline": (OFF, "Gia hạn theo văn bản của cấp trên")}, by=cast.admin)
    copy = copy_campaign(campaign, by=cast.admin)
    setting = rule_settings(copy)["deadline"]
    assert (setting.is_active, setting.where, setting.note) == (False, "campaign", "Gia hạn theo văn bản của cấp trên")


def test_the_national_column_shows_the_national_default_even_after_a_refused_post(cast, client_for):
    data = settings_post(rule_settings(), deadline=(True, True))
    codes = list(EligibilityRule.objects.order_by("order", "code").values_list("code", flat=True))
    index = codes.index("history_bk_ttg")
    data[f"rules-{index}-param_years"] = "0"  # refused: nothing saved, the page shown again
    response = client_for(cast.admin).post(reverse("dossiers:rule_settings"), data)
    assert response.status_code == 400
    row = response.content.decode().split("Nộp trong hạn", 1)[1].split("</tr>", 1)[0]
    assert "Áp dụng, chỉ cảnh báo" in row  # the national default, not the posted "chặn"
