"""A unit named in a document that goes beyond it carries its parent bodies ("Phòng Quản lý ngân sách, Sở Tài
chính" in a decision of the UBND tỉnh), and only its own name inside its body."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from orgs.models import names_within
from tests.factories.orgs import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_names_within():
    province = OrganisationFactory(kind="ubnd_tinh", name="Ủy ban nhân dân tỉnh Thử")
    finance = OrganisationFactory(kind="so", name="Sở Tài chính", parent=province)
    budget = OrganisationFactory(name="Phòng Quản lý ngân sách", parent=finance)
    team = OrganisationFactory(name="Tổ Thẩm định", parent=budget)
    other = OrganisationFactory(kind="ubnd_tinh", name="Ủy ban nhân dân tỉnh Khác")
    outside = OrganisationFactory(kind="so", name="Sở Nội vụ tỉnh Khác", parent=other)
    unit_outside = OrganisationFactory(name="Phòng Công chức", parent=outside)
    with CaptureQueriesContext(connection) as queries:
        by_province = names_within([budget, team, finance, unit_outside], province)
    assert len(queries) == 1
    assert by_province == {
        budget.pk: "Phòng Quản lý ngân sách, Sở Tài chính",
        team.pk: "Tổ Thẩm định, Phòng Quản lý ngân sách, Sở Tài chính",
        finance.pk: "Sở Tài chính",
        unit_outside.pk: "Phòng Công chức, Sở Nội vụ tỉnh Khác",
    }
    assert names_within([budget], finance) == {budget.pk: "Phòng Quản lý ngân sách"}
