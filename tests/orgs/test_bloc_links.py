"""No dead ends (issue 17): a unit's page names the blocs it belongs to, and links only those the user may open."""
import pytest
from django.urls import reverse

from tests.factories.orgs import EmulationBlocFactory

pytestmark = pytest.mark.django_db


def test_a_bloc_organised_above_the_user_s_scope_is_named_not_linked(cast, client_for):
    provincial = EmulationBlocFactory(name="Cụm thi đua các Sở", organiser=cast.province)
    own = EmulationBlocFactory(name="Khối các phòng thuộc Sở", organiser=cast.body)
    for bloc in (provincial, own):
        bloc.members.add(cast.unit_a)
    page = client_for(cast.reviewer).get(reverse("orgs:organisation_detail", args=[cast.unit_a.pk])).content.decode()
    assert "Cụm thi đua các Sở" in page and provincial.get_absolute_url() not in page
    assert own.get_absolute_url() in page
    assert client_for(cast.reviewer).get(own.get_absolute_url()).status_code == 200
    admin_page = client_for(cast.admin).get(reverse("orgs:organisation_detail", args=[cast.unit_a.pk])).content.decode()
    assert provincial.get_absolute_url() in admin_page
