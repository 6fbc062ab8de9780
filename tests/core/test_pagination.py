"""Lazy pagination (core.pagination): one extra row instead of COUNT(*), and the "deferred join" form that
finds a page on narrow rows and reads the rows shown for that page only."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.pagination import lazy_page
from orgs.models import Organisation
from tests.factories.orgs import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def units():
    return [OrganisationFactory(code=f"T-{index:02}", name=f"Phòng {index:02}") for index in range(7)]


def test_pages_and_the_extra_row(units):
    ordered = Organisation.objects.order_by("code")
    first, last = lazy_page(ordered, "1", per_page=3), lazy_page(ordered, "3", per_page=3)
    assert [u.code for u in first.items] == ["T-00", "T-01", "T-02"] and first.has_next and not first.has_previous
    assert [u.code for u in last.items] == ["T-06"] and not last.has_next and last.has_previous
    assert (last.start_index, last.end_index) == (7, 7)
    assert lazy_page(ordered, "khong-phai-so", per_page=3).number == 1


def test_a_deferred_join_reads_the_pages_rows_in_one_statement(units):
    ids = Organisation.objects.order_by("-code").values("pk")

    def rows(window):
        return Organisation.objects.filter(pk__in=window).select_related("parent").order_by("-code")

    with CaptureQueriesContext(connection) as queries:
        page = lazy_page(ids, "2", per_page=3, rows=rows)
    assert [u.code for u in page.items] == ["T-03", "T-02", "T-01"] and page.has_next
    assert len(queries) == 1
    assert not lazy_page(ids, "3", per_page=3, rows=rows).has_next
