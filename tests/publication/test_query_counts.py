"""The public list, a decision's page and the lookup (and its printable page) read a constant number of queries
as decisions and awards grow."""
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from publication import services
from tests.factories.campaigns import award_form
from tests.factories.orgs import OrganisationFactory, PersonFactory

from .helpers import quick_decision

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def grow(cast, n, start):
    """n more decisions, each for two new people in a new unit and the unit itself, in two years."""
    for i in range(start, start + n):
        unit = OrganisationFactory(code=f"T-P{i}", name=f"Phòng thử {i}", parent=cast.body)
        people = [PersonFactory(full_name=f"Nguyễn Văn Hưởng {i}-{j}", organisation=unit) for j in range(2)]
        quick_decision(cast.body, 100 + i, awardees=[*people, unit], day=date(2024 + i % 2, 3, 1 + i % 27),
                       title=f"Về việc tặng Giấy khen đợt {i}")


def urls(first):
    return [reverse("publication:decision_list"), reverse("publication:decision_list") + "?q=huong&nam=2025",
            reverse("publication:decision_list") + "?co_quan=so+noi+vu",
            reverse("publication:decision_detail", args=[first.pk]),
            reverse("publication:lookup") + "?ten=nguyen+huong", reverse("publication:lookup") + "?don_vi=phong+thu",
            reverse("publication:lookup_print") + "?ten=nguyen+huong&don_vi=so+noi+vu"]


def test_public_pages_query_count_is_constant(client, cast):
    hidden = award_form(code="bk-an", name="Bằng khen (không công bố)")
    services.save_settings(cast.province, [award_form().pk], by=cast.admin)  # one setting row: the hidden form
    assert hidden.publication_settings.get().published is False
    first = quick_decision(cast.body, 1, awardees=[cast.person_a, cast.unit_a], day=date(2025, 1, 2))
    grow(cast, 1, 0)
    small = [count_queries(client, url) for url in urls(first)]
    grow(cast, 3, 1)
    quick_decision(cast.body, 99, awardees=[cast.person_b, cast.unit_b, cast.person_other, cast.other],
                   day=date(2025, 1, 2))  # the first page's decision grows too
    first_big = quick_decision(cast.body, 98, awardees=[cast.person_a, cast.person_b, cast.unit_b, cast.other],
                               day=date(2025, 1, 3))
    assert [count_queries(client, url) for url in urls(first_big)] == small
