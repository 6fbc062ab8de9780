"""List pages keep a constant number of queries as data grows (docs/design.md, Tests)."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.orgs import EmulationBlocFactory, MembershipFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def grow(cast, n):
    for i in range(n):
        unit = OrganisationFactory(parent=cast.unit_a, name=f"Tổ công tác {i}")
        PersonFactory(organisation=unit)
        PersonFactory(organisation=cast.unit_b)
        MembershipFactory(organisation=unit, role="clerk")
        EmulationBlocFactory(organiser=cast.province).members.add(unit, cast.unit_b)


@pytest.mark.parametrize("url", ["/can-bo/", "/can-bo/?q=tran", "/don-vi/", "/don-vi/?da-giai-the=1",
                                 "/nguoi-dung/", "/khoi-thi-dua/", "/"])
def test_list_page_query_count_is_constant(cast, client_for, url):
    client = client_for(cast.admin)
    grow(cast, 1)
    small = count_queries(client, url)
    grow(cast, 30)
    large = count_queries(client, url)
    assert small == large


def test_unit_page_query_count_is_constant(cast, client_for):
    client = client_for(cast.admin)
    url = f"/don-vi/{cast.unit_a.pk}/"
    grow(cast, 1)
    small = count_queries(client, url)
    grow(cast, 30)
    assert count_queries(client, url) == small
