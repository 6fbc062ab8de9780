"""Tạo tỉnh mới (issue 15): the system administrator creates a province (root organisation and its first
admin) through the UI; the new admin sees only their province; nobody else may create one."""
from datetime import date

from django.contrib.auth import get_user_model
from django.urls import reverse

from orgs.enums import OrgKind, Role
from orgs.models import Membership, Organisation
from tests.pickers import offered

DATA = {"name": "Ủy ban nhân dân tỉnh Hà Tĩnh", "short_name": "UBND tỉnh", "code": "ht-ubnd",
        "abbreviation": "UBND", "place_name": "Hà Tĩnh", "head_title": "", "address": "", "phone": "",
        "email": "", "admin_username": "quantri.ht", "admin_full_name": "Nguyễn Văn Quản",
        "admin_email": "quantri.ht@example.gov.vn", "admin_password": "Kh0ng-Doan-Duoc#2026"}


def test_the_system_administrator_creates_a_province_and_its_admin(cast, client_for):
    client = client_for(cast.system)
    assert client.get(reverse("orgs:organisation_tree")).content.decode().count(reverse("orgs:province_create"))
    form = client.get(reverse("orgs:province_create")).content.decode()
    assert 'value="Ủy ban nhân dân tỉnh "' in form and 'value="UBND"' in form  # the proposed start
    response = client.post(reverse("orgs:province_create"), DATA)
    province = Organisation.objects.get(code="HT-UBND")
    assert response.status_code == 302 and response["Location"] == province.get_absolute_url()
    assert (province.parent_id, province.kind, province.path) == (None, OrgKind.UBND_TINH, f"/{province.pk}/")
    admin = get_user_model().objects.get(username="quantri.ht")
    assert admin.check_password(DATA["admin_password"]) and admin.get_full_name() == "Nguyễn Văn Quản"
    assert list(Membership.objects.filter(user=admin).values_list("organisation", "role")) == [
        (province.pk, Role.ADMIN)]
    page = client_for(admin).get(reverse("orgs:organisation_tree")).content.decode()
    assert "Ủy ban nhân dân tỉnh Hà Tĩnh" in page and cast.province.name not in page
    assert "Tạo tỉnh mới" not in page


def test_a_refused_province_keeps_what_was_typed_and_creates_nothing(cast, client_for):
    client = client_for(cast.system)
    response = client.post(reverse("orgs:province_create"), {**DATA, "admin_username": cast.admin.username,
                                                              "admin_password": "123"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Tên đăng nhập này đã có người dùng." in page
    assert 'value="Ủy ban nhân dân tỉnh Hà Tĩnh"' in page
    assert not Organisation.objects.filter(code="HT-UBND").exists()
    response = client.post(reverse("orgs:province_create"), {**DATA, "code": cast.province.code})
    assert response.status_code == 200 and not get_user_model().objects.filter(username="quantri.ht").exists()


def test_nobody_else_creates_a_province(cast, client_for):
    for user in (cast.admin, cast.reviewer, cast.clerk_a):
        client = client_for(user)
        assert client.get(reverse("orgs:province_create")).status_code == 403
        assert client.post(reverse("orgs:province_create"), DATA).status_code == 403
    assert not Organisation.objects.filter(code="HT-UBND").exists()
    assert "Tạo tỉnh mới" not in client_for(cast.admin).get(reverse("orgs:organisation_tree")).content.decode()


# --- provinces kept apart: the choice lists and the services of the orgs app -------------------------------
def other_province():
    from tests.factories.orgs import OrganisationFactory

    root = OrganisationFactory(code="K-UBND", kind=OrgKind.UBND_TINH, name="Ủy ban nhân dân tỉnh Khác")
    return root, OrganisationFactory(code="K-SNV", kind=OrgKind.SO, name="Sở Nội vụ tỉnh Khác", parent=root)


def test_a_bloc_lists_and_accepts_only_the_provinces_units(cast, client_for):
    from django.core.exceptions import ValidationError

    from orgs.models import EmulationBloc
    from orgs.services.blocs import save_bloc

    root, far = other_province()
    client = client_for(cast.admin)
    page = client.get(reverse("orgs:bloc_create")).content.decode()
    for field in ("id_members", "id_leader"):  # the pickers' searches (core.pickers)
        assert far.pk not in offered(client, page, field, "so noi vu")
        assert cast.unit_a.pk in offered(client, page, field)
    data = {"name": "Khối lẫn tỉnh", "kind": "khoi", "organiser": cast.province.pk,
            "members": [cast.unit_a.pk, far.pk], "leader": far.pk, "description": "", "is_active": "on"}
    assert client.post(reverse("orgs:bloc_create"), data).status_code == 200  # refused, kept
    assert not EmulationBloc.objects.filter(name="Khối lẫn tỉnh").exists()
    bloc = EmulationBloc(name="Khối lẫn tỉnh", kind="khoi", organiser=cast.province, leader=far)
    try:
        save_bloc(bloc, [cast.unit_a, far], by=cast.system)
    except ValidationError as error:
        assert "Sở Nội vụ tỉnh Khác" in str(error)
    else:
        raise AssertionError("a bloc across provinces was saved")
    assert not EmulationBloc.objects.filter(name="Khối lẫn tỉnh").exists()


def test_a_successor_is_chosen_in_the_province_and_by_its_admin(cast, client_for):
    from django.core.exceptions import ValidationError

    root, far = other_province()
    client = client_for(cast.admin)
    page = client.get(reverse("orgs:organisation_dissolve", args=[cast.unit_b.pk])).content.decode()
    assert far.pk not in offered(client, page, "id_successor", "so noi vu")
    assert cast.unit_a.pk in offered(client, page, "id_successor")
    cast.unit_b.valid_until, cast.unit_b.successor = date(2026, 1, 1), far
    try:
        cast.unit_b.full_clean()
    except ValidationError as error:
        assert "Đơn vị kế thừa phải thuộc cùng tỉnh" in str(error)
    else:
        raise AssertionError("a successor in another province was accepted")
