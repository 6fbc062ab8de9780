"""The unit filter of /can-bo/: a text box (accent-free, sub-units included, within the user's scope)
that still accepts the `?don_vi=<pk>` of links from the home and unit pages."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.orgs import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def names(response):
    assert response.status_code == 200
    return sorted(p.full_name for p in response.context["page"].items)


def test_unit_text_filter_ignores_diacritics_and_includes_sub_units(cast, client_for):
    client = client_for(cast.admin)
    both = sorted([cast.person_a.full_name, cast.person_b.full_name])
    assert names(client.get("/can-bo/", {"don_vi": "so noi vu"})) == both  # the Sở and the phòng under it
    assert names(client.get("/can-bo/", {"don_vi": "SỞ NỘI VỤ"})) == both
    assert names(client.get("/can-bo/", {"don_vi": "to chuc can bo"})) == [cast.person_a.full_name]
    assert names(client.get("/can-bo/", {"don_vi": "Phòng Tổ chức"})) == [cast.person_a.full_name]
    assert names(client.get("/can-bo/", {"don_vi": "khong co don vi nay"})) == []


def test_unit_filter_combines_with_the_other_filters(cast, client_for):
    PersonFactory(full_name="Nguyễn Văn Nghỉ", organisation=cast.unit_a, is_active=False)
    client = client_for(cast.admin)
    assert names(client.get("/can-bo/", {"don_vi": "so noi vu", "q": "nguyen"})) == ["Nguyễn Thị Hương"]
    assert names(client.get("/can-bo/", {"don_vi": "so noi vu", "trang_thai": "nghi"})) == ["Nguyễn Văn Nghỉ"]


def test_unit_outside_the_users_scope_never_leaks_its_people(cast, client_for):
    client = client_for(cast.outsider)  # a clerk of the Sở Tài chính
    assert names(client.get("/can-bo/", {"don_vi": "to chuc can bo"})) == []
    assert names(client.get("/can-bo/", {"don_vi": "so noi vu"})) == []
    assert names(client.get("/can-bo/", {"don_vi": "tinh thu"})) == [cast.person_other.full_name]
    response = client.get("/can-bo/", {"don_vi": cast.unit_a.pk})
    assert names(response) == []
    assert cast.unit_a.name not in response.content.decode()
    client = client_for(cast.clerk_a)  # the Sở above their phòng is not theirs to see
    assert names(client.get("/can-bo/", {"don_vi": cast.body.pk})) == []
    assert names(client.get("/can-bo/", {"don_vi": "phong"})) == [cast.person_a.full_name]


def test_unit_pk_from_links_filters_its_subtree_and_shows_its_name(cast, client_for):
    response = client_for(cast.admin).get("/can-bo/", {"don_vi": cast.body.pk})
    assert names(response) == sorted([cast.person_a.full_name, cast.person_b.full_name])
    html = response.content.decode()
    assert 'name="don_vi" value="Sở Nội vụ tỉnh Thử"' in html
    assert "Đơn vị (kể cả cấp dưới)" in html


@pytest.mark.parametrize("value", ["999999", "9" * 60, "-1", "1.5", "<b>"])
def test_unknown_unit_value_shows_no_one_and_does_not_fail(cast, client_for, value):
    assert names(client_for(cast.admin).get("/can-bo/", {"don_vi": value})) == []


def test_add_person_link_carries_the_unit_when_one_unit_matched(cast, client_for):
    client = client_for(cast.admin)
    for value in (cast.unit_a.pk, "to chuc can bo", "so noi vu"):
        response = client.get("/can-bo/", {"don_vi": value})
        unit = cast.unit_a if value != "so noi vu" else cast.body  # the Sở's phòng are under it: one unit
        assert response.context["unit"] == unit
        assert f'href="/can-bo/them/?don-vi={unit.pk}"' in response.content.decode()
    response = client.get("/can-bo/", {"don_vi": "phong"})  # two phòng
    assert response.context["unit"] is None
    assert 'href="/can-bo/them/"' in response.content.decode()


def test_name_search_keeps_alphabetical_order(cast, client_for):
    for name in ("Nguyễn Văn Bảo", "Nguyễn Văn An", "Nguyễn Thị Ánh"):
        PersonFactory(full_name=name, organisation=cast.unit_b)
    response = client_for(cast.admin).get("/can-bo/", {"q": "nguyen"})
    assert [p.full_name for p in response.context["page"].items] == [
        "Hồ Sĩ Nguyên", "Nguyễn Thị Ánh", "Nguyễn Thị Hương", "Nguyễn Văn An", "Nguyễn Văn Bảo"]


@pytest.mark.parametrize("params", [{}, {"don_vi": "to cong tac"}, {"don_vi": "so noi vu", "q": "tran"}, "pk"])
def test_query_count_does_not_grow_with_the_number_of_units(cast, client_for, params):
    client = client_for(cast.admin)
    params = {"don_vi": cast.body.pk} if params == "pk" else params

    def page_queries(new_units):
        for i in range(new_units):
            PersonFactory(organisation=OrganisationFactory(parent=cast.unit_a, name=f"Tổ công tác {i}"))
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/can-bo/", params)
        assert response.status_code == 200
        assert '<select name="don_vi"' not in response.content.decode()  # no list of every unit
        return len(ctx.captured_queries)

    assert page_queries(5) == page_queries(45)
