"""Quotas that flag only the nominees beyond them (issue 15): a unit's quota in the unit's own order; a ratio of
another form's nominees (Chiến sĩ thi đua cơ sở ≤ x % of Lao động tiên tiến) over the whole body that decides,
the dossiers in the order they were sent; the message says the rule and its source."""
from decimal import Decimal

import pytest
from django.utils import timezone

from campaigns.models import CampaignAward
from campaigns.services.campaigns import offer_award
from dossiers.models import Dossier
from dossiers.services import building
from dossiers.services.eligibility import evaluate
from tests.factories.campaigns import award_form, launched_campaign
from tests.factories.orgs import PersonFactory


def quota_of(dossier):
    return {n.person.full_name: next(c for c in found if c.code == "quota")
            for n in dossier.nominations.select_related("person") for pk, found in evaluate(dossier).items()
            if pk == n.pk}


def dossier_of(cast, campaign, offer, unit, clerk, names):
    dossier = building.start_dossier(campaign, unit, offer, by=clerk)
    for name in names:
        building.add_nominee(dossier, subject_type="individual", by=clerk,
                             person=PersonFactory(full_name=name, organisation=unit))
    return dossier


@pytest.mark.parametrize(("limit", "expected"), [
    (3, {"Người Một": True, "Người Hai": True, "Người Ba": True}),
    (2, {"Người Một": True, "Người Hai": True, "Người Ba": False}),
    (0, {"Người Một": False, "Người Hai": False, "Người Ba": False}),
])
def test_a_units_quota_flags_only_those_beyond_it_in_the_units_order(cast, limit, expected):
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    offer = campaign.awards.get()
    CampaignAward.objects.filter(pk=offer.pk).update(quota_kind="fixed", quota_value=Decimal(limit),
                                                     quota_source="Kế hoạch số 173/KH-SNV, mục III")
    dossier = dossier_of(cast, campaign, CampaignAward.objects.get(pk=offer.pk), cast.unit_a, cast.clerk_a,
                         ["Người Một", "Người Hai", "Người Ba"])
    found = quota_of(dossier)
    assert {name: check.passed for name, check in found.items()} == expected
    if limit == 2:
        assert found["Người Ba"].message == (
            "Đơn vị đề nghị 3 trong khi chỉ tiêu Giấy khen (thử) là 2 (tối đa 2 mỗi đơn vị; căn cứ: Kế hoạch số "
            "173/KH-SNV, mục III): đề nghị thứ 3 theo thứ tự, ngoài chỉ tiêu.")
        assert found["Người Hai"].message.endswith("đề nghị thứ 2 theo thứ tự, trong chỉ tiêu.")


def test_a_ratio_is_counted_over_the_body_that_decides(cast, django_capture_on_commit_callbacks):
    """4 Lao động tiên tiến proposed across the Sở, CSTĐ cơ sở at most 50 % of them: 2 for the whole Sở. Unit A
    sent its 2 first; unit B's one, proposed after, is the one beyond."""
    campaign = launched_campaign(cast, participants=[cast.unit_a, cast.unit_b])
    ldtt = offer_award(campaign, award_form(code="ldtt-q", name="Lao động tiên tiến", category="title",
                                            subject_types=("individual",)), copies=1, by=cast.admin)
    cstd = offer_award(campaign, award_form(code="cstd-q", name="Chiến sĩ thi đua cơ sở", category="title",
                                            subject_types=("individual",)), copies=1, by=cast.admin,
                       quota_kind="ratio_of_form", quota_value=Decimal("50"), quota_base=ldtt.award_form)
    CampaignAward.objects.filter(pk=cstd.pk).update(quota_source="Quy chế thi đua, khen thưởng của tỉnh, Điều 9")
    cstd.refresh_from_db()
    dossier_of(cast, campaign, ldtt, cast.unit_a, cast.clerk_a, ["A1", "A2"])
    dossier_of(cast, campaign, ldtt, cast.unit_b, cast.clerk_b, ["B1", "B2"])
    first = dossier_of(cast, campaign, cstd, cast.unit_a, cast.clerk_a, ["A3", "A4"])
    Dossier.objects.filter(pk=first.pk).update(submitted_at=timezone.now())  # unit A sent its dossier first
    second = dossier_of(cast, campaign, cstd, cast.unit_b, cast.clerk_b, ["B3"])
    mine, theirs = quota_of(first), quota_of(second)
    assert (mine["A3"].passed, mine["A4"].passed, theirs["B3"].passed) == (True, True, False)
    assert theirs["B3"].message == (
        "Toàn cơ quan phát động đề nghị 3 trong khi chỉ tiêu Chiến sĩ thi đua cơ sở là 2 (tối đa 50% số được đề "
        "nghị Lao động tiên tiến; căn cứ: Quy chế thi đua, khen thưởng của tỉnh, Điều 9): đề nghị thứ 3 theo thứ "
        "tự, ngoài chỉ tiêu.")
    # two more Lao động tiên tiến anywhere in the Sở raise the cap for everyone: 6 × 50 % = 3
    from dossiers.services import checks

    b3 = second.nominations.get()
    assert next(c for c in checks.stored(b3) if c.code == "quota").passed is False  # as stored on its row
    with django_capture_on_commit_callbacks(execute=True):  # the campaign is checked again in the worker
        dossier_of(cast, campaign, ldtt, cast.unit_a, cast.clerk_a, ["A5", "A6"])  # in another unit's dossier
    assert quota_of(second)["B3"].passed is True
    b3.refresh_from_db()  # stored again when the base form's nominees changed anywhere (checks.store_around)
    assert next(c for c in checks.stored(b3) if c.code == "quota").passed is True
