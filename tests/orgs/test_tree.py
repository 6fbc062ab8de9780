from datetime import date

import pytest
from django.core.exceptions import ValidationError

from orgs.models import Organisation
from orgs.services.organisations import dissolve_organisation, save_organisation
from tests.factories.orgs import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    root = OrganisationFactory(code="ROOT", name="UBND tỉnh")
    so = OrganisationFactory(code="SO", name="Sở Nội vụ", parent=root)
    phong = OrganisationFactory(code="PHONG", name="Phòng A", parent=so)
    to = OrganisationFactory(code="TO", name="Tổ 1", parent=phong)
    other = OrganisationFactory(code="OTHER", name="Sở Tài chính", parent=root)
    return root, so, phong, to, other


def test_ancestors_are_root_first(tree):
    root, so, phong, to, _ = tree
    assert [o.code for o in to.ancestors()] == ["ROOT", "SO", "PHONG"]
    assert root.ancestors() == []


def test_descendants_exclude_siblings(tree):
    root, so, phong, to, other = tree
    assert set(so.descendants().values_list("code", flat=True)) == {"PHONG", "TO"}
    assert set(so.descendants(include_self=True).values_list("code", flat=True)) == {"SO", "PHONG", "TO"}
    assert set(root.descendants().values_list("code", flat=True)) == {"SO", "PHONG", "TO", "OTHER"}


def test_moving_a_unit_moves_its_subtree(tree):
    root, so, phong, to, other = tree
    phong.parent = other
    save_organisation(phong, by=None)
    to.refresh_from_db()
    assert [o.code for o in to.ancestors()] == ["ROOT", "OTHER", "PHONG"]
    assert to.depth == 3
    assert set(so.descendants().values_list("code", flat=True)) == set()
    assert set(other.descendants().values_list("code", flat=True)) == {"PHONG", "TO"}


def test_unit_cannot_move_under_its_own_descendant(tree):
    _, so, phong, to, _ = tree
    so.parent = to
    with pytest.raises(ValidationError) as error:
        save_organisation(so, by=None)
    assert "parent" in error.value.message_dict


def test_successor_chain_follows_mergers_in_order():
    a = OrganisationFactory(code="A", valid_until=date(2024, 1, 1))
    b = OrganisationFactory(code="B", valid_until=date(2025, 7, 1))
    c = OrganisationFactory(code="C")
    a.successor = b
    a.save()
    b.successor = c
    b.save()
    assert [o.code for o in a.successor_chain()] == ["B", "C"]
    assert a.current_successor() == c
    assert c.successor_chain() == []
    assert c.lineage_ids() == {a.pk, b.pk, c.pk}


def test_successor_cycle_is_refused():
    a = OrganisationFactory(code="A", valid_until=date(2024, 1, 1))
    b = OrganisationFactory(code="B", valid_until=date(2025, 1, 1), successor=a)
    a.successor = b
    with pytest.raises(ValidationError) as error:
        save_organisation(a, by=None)
    assert error.value.message_dict["successor"] == ["Chuỗi đơn vị kế thừa bị vòng lặp."]


def test_dissolve_moves_people_and_children_to_successor(tree):
    root, so, phong, to, other = tree
    active = PersonFactory(organisation=phong)
    retired = PersonFactory(organisation=phong, is_active=False)
    org, moved_people, moved_children = dissolve_organisation(
        phong, on=date(2025, 7, 1), successor=other, by=None)
    active.refresh_from_db()
    retired.refresh_from_db()
    to.refresh_from_db()
    assert (org.valid_until, org.successor, moved_people, moved_children) == (date(2025, 7, 1), other, 1, 1)
    assert active.organisation == other
    assert retired.organisation == phong
    assert to.parent == other


def test_current_excludes_dissolved_units(tree):
    _, so, phong, _, other = tree
    dissolve_organisation(phong, on=date(2025, 7, 1), successor=other, move_children=False, by=None)
    current = set(Organisation.objects.current(on=date(2025, 7, 2)).values_list("code", flat=True))
    before = set(Organisation.objects.current(on=date(2025, 6, 30)).values_list("code", flat=True))
    assert "PHONG" not in current
    assert "PHONG" in before


def test_tree_page_hides_dissolved_units_unless_asked(cast, client_for):
    old = OrganisationFactory(code="T-OLD", name="Phòng Nội vụ huyện Cũ", parent=cast.province)
    dissolve_organisation(old, on=date(2025, 7, 1), successor=cast.unit_a, by=None)
    client = client_for(cast.admin)
    default = client.get("/don-vi/").content.decode()
    with_dissolved = client.get("/don-vi/?da-giai-the=1").content.decode()
    assert "Phòng Nội vụ huyện Cũ" not in default
    assert "Phòng Nội vụ huyện Cũ" in with_dissolved
    assert "Kế thừa:" in with_dissolved and "Ngừng hoạt động từ 01/07/2025" in with_dissolved


def test_the_reviewing_office_is_the_standing_office_or_the_body_itself(tree):
    root, so, _, _, _ = tree
    assert root.reviewing_office() == root  # none named: the body reviews its campaigns' dossiers itself
    root.standing_office = so
    root.save()
    assert Organisation.objects.get(pk=root.pk).reviewing_office() == so
