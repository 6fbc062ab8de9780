"""Who sees a dossier: the `rules` permission (asked of one object) and Dossier.objects.for_user (the lists,
the scoped views) must agree, for every user and every state."""
import pytest

from dossiers.enums import DossierState
from dossiers.models import Dossier
from tests.factories.dossiers import ready_dossier

pytestmark = pytest.mark.django_db


def test_the_view_permission_agrees_with_the_scoped_query(cast, django_user_model):
    dossier = ready_dossier(cast)
    superuser = django_user_model.objects.create_superuser("sieuquantri", password="x")
    users = [*cast.users.values(), superuser]
    seen = set()
    for state in DossierState.values:
        Dossier.objects.filter(pk=dossier.pk).update(state=state)
        dossier = Dossier.objects.select_related("campaign__issuer", "organisation").get(pk=dossier.pk)
        for user in users:
            listed = Dossier.objects.for_user(user).filter(pk=dossier.pk).exists()
            assert user.has_perm("dossiers.view_dossier", dossier) == listed, (state, user.username)
            seen.add((user.username, listed))
    # both answers occur: the unit's clerk always, the office only once the dossier is sent
    assert {("canbo_a", True), ("vanphong", True), ("vanphong", False), ("canbo_b", False)} <= seen


@pytest.mark.parametrize("role", ["reviewer", "council", "approver", "admin"])
def test_every_dossier_the_inbox_lists_opens_for_its_reader(cast, client_for, role):
    """No 403 behind one's own inbox: the office opens the review page, the council, the leaders and the
    admins the dossier page."""
    from dossiers.services.workflow import transition

    transition(ready_dossier(cast), "submit", by=cast.clerk_a)
    client = client_for(getattr(cast, role))
    items = client.get("/hop-thu/").context["page"].items
    assert items
    for dossier in items:
        assert ("/tham-dinh/" in dossier.open_url) is (role == "reviewer")
        assert client.get(dossier.open_url).status_code == 200, (role, dossier.open_url)
