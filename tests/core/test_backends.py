"""Permissions come from the `rules` predicates only; Django model permissions grant nothing."""
import pytest
from django.contrib.auth.models import Permission

pytestmark = pytest.mark.django_db


def test_a_django_model_permission_grants_nothing(cast):
    cast.clerk_b.user_permissions.add(Permission.objects.get(codename="change_organisation"))
    assert cast.clerk_b.has_perm("orgs.change_organisation") is False
    assert cast.clerk_b.get_all_permissions() == set()


def test_the_rules_still_decide(cast):
    assert cast.admin.has_perm("orgs.configure") is True
    assert cast.clerk_a.has_perm("orgs.configure") is False


def test_a_superuser_still_uses_the_django_admin(cast, client_for):
    cast.admin.is_superuser = cast.admin.is_staff = True
    cast.admin.save()
    client = client_for(cast.admin)  # past the second factor, which a superuser always owes
    assert client.get("/django-admin/").status_code == 200
    assert client.get("/django-admin/dossiers/award/").status_code == 200
