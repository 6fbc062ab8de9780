import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from orgs.models import EmulationBloc, Membership, Organisation, Person

pytestmark = pytest.mark.django_db


def counts():
    return (Organisation.objects.count(), Person.objects.count(), Membership.objects.count(),
            get_user_model().objects.count(), EmulationBloc.objects.count())


def test_seed_demo_twice_does_not_duplicate(seeded_demo):
    first = counts()
    call_command("seed_demo")
    assert counts() == first
    assert first[1] >= 55


def test_seed_demo_has_one_account_per_role_and_two_clerk_units(seeded_demo):
    quang_tri = Membership.objects.filter(organisation__code__startswith="QT-")
    roles = dict(quang_tri.values_list("user__username", "role"))
    assert roles == {"quantri": "admin", "vanphong": "reviewer", "hoidong": "council", "lanhdao": "approver",
                     "canbo.tcbc": "clerk", "canbo.luutru": "clerk", "chuyenvien": "reviewer"}  # issue 18: 2 reviewers
    clerk_units = set(quang_tri.filter(role="clerk").values_list("organisation__code", flat=True))
    assert clerk_units == {"QT-SNV-TCBC", "QT-SNV-TTLT"}
    assert get_user_model().objects.get(username="vanphong").check_password("ThiDua@2025")


def test_seed_demo_district_offices_dissolved_with_successor(seeded_demo):
    office = Organisation.objects.get(code="QT-HGL-PNV")
    assert office.valid_until.isoformat() == "2025-07-01"
    assert office.successor.code == "QT-XGL-VHXH"
    assert not office.is_current()


def test_seed_demo_assigns_the_dossiers_the_office_holds_once(seeded_demo):
    """Issue 18: the dossiers of the Sở Nội vụ past their receipt are assigned (vanphong and chuyenvien), those just
    sent are not; a second run assigns nothing more."""
    from dossiers.models import Assignment, Dossier
    from dossiers.services.assignment import HELD_STATES

    held = Dossier.objects.filter(campaign__issuer__code="QT-SNV", state__in=HELD_STATES)
    assert set(held.exclude(state="submitted").values_list("assignee__username", flat=True)) == {
        "vanphong", "chuyenvien"}
    assert not held.filter(state="submitted", assignee__isnull=False).exists()
    count = Assignment.objects.count()
    call_command("seed_demo")
    assert Assignment.objects.count() == count
