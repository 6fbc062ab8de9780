"""Provinces kept apart in a campaign's forms (issue 15): the admin of another province, on their own campaign,
is offered none of this province's units or blocs, and a posted id of them is refused (participants, blocs,
tasks, a unit's own quota); the models refuse them too."""
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from campaigns.models import CampaignParticipant, PlanTask, QuotaOverride
from orgs.enums import OrgKind, Role
from tests.factories.campaigns import draft_campaign
from tests.factories.orgs import EmulationBlocFactory, MembershipFactory, OrganisationFactory, UserFactory
from tests.pickers import offered


def management(total):
    return {"rows-TOTAL_FORMS": str(total), "rows-INITIAL_FORMS": "0", "rows-MIN_NUM_FORMS": "0",
            "rows-MAX_NUM_FORMS": "1000"}


@pytest.fixture
def far(cast):
    """Another province with its admin, a unit and a bloc, and a draft campaign of its UBND tỉnh."""
    root = OrganisationFactory(code="K-UBND", kind=OrgKind.UBND_TINH, name="Ủy ban nhân dân tỉnh Khác")
    unit = OrganisationFactory(code="K-SNV", kind=OrgKind.SO, name="Sở Nội vụ tỉnh Khác", parent=root)
    admin = UserFactory(username="quantri_khac")
    MembershipFactory(user=admin, organisation=root, role=Role.ADMIN)
    EmulationBlocFactory(name="Cụm thi đua tỉnh Khác", organiser=root)
    campaign = draft_campaign(cast, issuer=root, title="Phong trào tỉnh Khác", plan_number=9)
    ours = EmulationBlocFactory(name="Khối các sở tỉnh Thử", organiser=cast.province)
    return {"root": root, "unit": unit, "admin": admin, "campaign": campaign, "our_bloc": ours}


def section(campaign, name):
    return reverse("campaigns:campaign_section", kwargs={"pk": campaign.pk, "section": name})


def test_participants_and_blocs_are_the_provinces_own(cast, client_for, far):
    client = client_for(far["admin"])
    url = section(far["campaign"], "don-vi")
    page = client.get(url).content.decode()
    assert far["unit"].pk in offered(client, page, "id_rows-0-organisation")
    assert cast.unit_a.pk not in offered(client, page, "id_rows-0-organisation", "so")  # the picker's search
    assert "Cụm thi đua tỉnh Khác" in page
    assert cast.unit_a.name not in page and "Khối các sở tỉnh Thử" not in page
    response = client.post(url, {**management(1), "rows-0-organisation": cast.unit_a.pk,
                                 "rows-0-include_subtree": "on"})
    assert response.status_code == 400
    response = client.post(url, {**management(0), "blocs-blocs": [far["our_bloc"].pk]})
    assert response.status_code == 400
    assert not CampaignParticipant.objects.filter(organisation=cast.unit_a).exists()
    assert not far["campaign"].participant_blocs.exists()
    assert client.post(url, {**management(1), "rows-0-organisation": far["unit"].pk,
                             "rows-0-include_subtree": "on"}).status_code == 302  # one's own: saved


def test_tasks_name_only_the_provinces_units(cast, client_for, far):
    client = client_for(far["admin"])
    url = section(far["campaign"], "nhiem-vu")
    page = client.get(url).content.decode()
    assert cast.unit_a.name not in page
    for field in ("id_rows-0-responsible", "id_rows-0-cooperating"):
        assert far["unit"].pk in offered(client, page, field)
        assert cast.unit_a.pk not in offered(client, page, field, "so")
    response = client.post(url, {**management(1), "rows-0-quarter": "1", "rows-0-order": "1",
                                 "rows-0-content": "Sơ kết quý I", "rows-0-responsible": [cast.unit_a.pk],
                                 "rows-0-status": "todo"})
    assert response.status_code == 400
    assert not PlanTask.objects.filter(campaign=far["campaign"]).exists()


def test_a_units_own_quota_is_for_the_provinces_units(cast, client_for, far):
    from campaigns.services.campaigns import offer_award
    from tests.factories.campaigns import award_form

    offer = offer_award(far["campaign"], award_form(), copies=1, by=cast.system)
    client = client_for(far["admin"])
    url = reverse("campaigns:quota_overrides", args=[offer.pk])
    page = client.get(url).content.decode()
    assert cast.unit_a.name not in page
    assert far["unit"].pk in offered(client, page, "id_rows-0-organisation")
    assert cast.unit_a.pk not in offered(client, page, "id_rows-0-organisation", "so")
    response = client.post(url, {**management(1), "rows-0-organisation": cast.unit_a.pk, "rows-0-max_count": "5"})
    assert response.status_code in (200, 400)
    assert not QuotaOverride.objects.exists()
    with pytest.raises(ValidationError):
        QuotaOverride(campaign_award=offer, organisation=cast.unit_a, max_count=5).full_clean()


def test_the_models_refuse_another_provinces_participant(cast, far):
    with pytest.raises(ValidationError) as error:
        CampaignParticipant(campaign=far["campaign"], organisation=cast.unit_a).full_clean()
    assert "phải thuộc tỉnh của cơ quan phát động" in str(error.value)
