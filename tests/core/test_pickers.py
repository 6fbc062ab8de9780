"""Pickers of people, units and accounts (issue 17, core/pickers.py): the JSON searches and the form fields read
one scope function each, so what the search never offers the form refuses; another province's row is neither."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.pickers import LIMIT, PICKERS
from orgs.enums import OrgKind, Role
from orgs.models import Organisation
from tests.factories.orgs import MembershipFactory, OrganisationFactory, PersonFactory, UserFactory
from tests.pickers import chosen, offered, picker_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def far():
    """Another province: its UBND, a Sở with a person, and its admin."""
    root = OrganisationFactory(code="K-UBND", kind=OrgKind.UBND_TINH, name="Ủy ban nhân dân tỉnh Khác")
    unit = OrganisationFactory(code="K-SNV", kind=OrgKind.SO, name="Sở Nội vụ tỉnh Khác", parent=root)
    person = PersonFactory(full_name="Nguyễn Thị Hương Xa", organisation=unit)
    admin = UserFactory(username="quantri_khac")
    MembershipFactory(user=admin, organisation=root, role=Role.ADMIN)
    return type("Far", (), {"root": root, "unit": unit, "person": person, "admin": admin})


def search(client, kind, scope, q="", **params):
    return client.get(reverse(kind), {"pham-vi": scope, "q": q, **params})


def ids(client, kind, scope, q="", **params):
    return [row["id"] for row in search(client, kind, scope, q, **params).json()["results"]]


# --- the endpoints ----------------------------------------------------------------------------------------------
def test_the_search_needs_a_login_and_a_known_scope(cast, client, client_for):
    response = search(client, "pick_units", "quan-tri")
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]
    assert search(client_for(cast.admin), "pick_units", "khong-co").status_code == 404
    assert search(client_for(cast.admin), "pick_people", "quan-tri").status_code == 404  # a unit scope, not people's
    assert client_for(cast.admin).post(reverse("pick_units"), {"pham-vi": "quan-tri"}).status_code == 405


def test_the_search_ignores_accents_and_case_and_needs_every_word(cast, client_for):
    client = client_for(cast.admin)
    rows = search(client, "pick_people", "chua-co-tai-khoan", "NGUYEN huong").json()["results"]
    assert [row["id"] for row in rows] == [cast.person_a.pk]
    assert rows[0]["label"].startswith("Nguyễn Thị Hương – ") and rows[0]["label"].endswith(", Phòng Tổ chức cán bộ")
    assert search(client, "pick_people", "chua-co-tai-khoan", "huong binh").json()["results"] == []
    units = search(client, "pick_units", "quan-tri", "phong to chuc").json()["results"]
    assert units == [{"id": cast.unit_a.pk, "label": "Phòng Tổ chức cán bộ – Sở Nội vụ tỉnh Thử"}]
    assert [row["id"] for row in search(client, "pick_units", "quan-tri", "tccb").json()["results"]] == [cast.unit_a.pk]


def test_the_search_answers_at_most_twenty_and_says_there_are_more(cast, client_for):
    for i in range(LIMIT + 5):
        OrganisationFactory(code=f"T-X{i}", name=f"Trường Tiểu học số {i}", parent=cast.unit_a)
    answer = search(client_for(cast.admin), "pick_units", "quan-tri", "truong tieu hoc").json()
    assert len(answer["results"]) == LIMIT and answer["more"] is True
    answer = search(client_for(cast.admin), "pick_units", "quan-tri", "truong tieu hoc so 24").json()
    assert [row["label"] for row in answer["results"]] == ["Trường Tiểu học số 24 – Phòng Tổ chức cán bộ"]
    assert answer["more"] is False


def test_another_provinces_rows_are_never_offered(cast, client_for, far):
    client = client_for(cast.admin)
    for kind, scope, q in [("pick_units", "quan-tri", "so noi vu"), ("pick_units", "trong-pham-vi", "so noi vu"),
                           ("pick_units", "nhan-su", "so noi vu"), ("pick_people", "chua-co-tai-khoan", "huong"),
                           ("pick_units", "so-khen-thuong", "so noi vu"), ("pick_people", "so-khen-thuong", "huong")]:
        found = [row["id"] for row in search(client, kind, scope, q).json()["results"]]
        outsider = far.unit.pk if kind == "pick_units" else far.person.pk  # ids of one table only: units or people
        assert found and outsider not in found, (scope, found)
    # and the other province's admin sees theirs only
    assert ids(client_for(far.admin), "pick_units", "quan-tri", "so noi vu") == [far.unit.pk]


def test_a_context_outside_the_users_walls_is_a_404(cast, client_for, far):
    client = client_for(cast.admin)
    assert search(client, "pick_units", "ngoai-nhanh", **{"don-vi": far.unit.pk}).status_code == 404
    assert search(client, "pick_units", "ngoai-nhanh", **{"don-vi": "abc"}).status_code == 404
    assert search(client, "pick_accounts", "hoi-dong", **{"co-quan": cast.body.pk}).status_code == 404  # not its office
    reviewer = client_for(cast.reviewer)
    assert search(reviewer, "pick_accounts", "hoi-dong", **{"co-quan": cast.other.pk}).status_code == 404
    assert ids(reviewer, "pick_accounts", "hoi-dong", "hoi", **{"co-quan": cast.body.pk}) == [cast.council.pk]


def test_a_unit_is_not_offered_as_its_own_parent_nor_below_itself(cast, client_for):
    client = client_for(cast.admin)
    found = ids(client, "pick_units", "ngoai-nhanh", **{"don-vi": cast.body.pk})
    assert cast.province.pk in found and not {cast.body.pk, cast.unit_a.pk, cast.unit_b.pk} & set(found)
    found = ids(client, "pick_units", "khac-don-vi", **{"don-vi": cast.province.pk})
    assert cast.body.pk in found and cast.province.pk not in found


@pytest.mark.parametrize("kind, scope", [("pick_people", "chua-co-tai-khoan"), ("pick_units", "quan-tri")])
def test_the_search_costs_the_same_queries_however_many_rows_match(cast, client_for, kind, scope):
    client = client_for(cast.admin)

    def count():
        with CaptureQueriesContext(connection) as context:
            assert search(client, kind, scope, "t").status_code == 200
        return len(context.captured_queries)

    few = count()
    for i in range(30):
        unit = OrganisationFactory(code=f"T-N{i}", name=f"Trung tâm {i}", parent=cast.unit_b)
        PersonFactory(full_name=f"Trần Văn Tâm {i}", organisation=unit)
    assert count() == few


def test_every_picker_a_form_uses_is_registered_once():
    import campaigns.forms  # noqa: F401
    import dossiers.forms.council  # noqa: F401
    import orgs.forms  # noqa: F401

    assert {kind for kind, _ in PICKERS} == {"can-bo", "don-vi", "tai-khoan", "ho-gia-dinh"}
    assert len(PICKERS) >= 12


# --- the forms: the same scope, a posted id outside it refused --------------------------------------------------
def test_the_account_forms_offer_and_accept_only_the_provinces_units_and_people(cast, client_for, far):
    client = client_for(cast.admin)
    page = client.get(reverse("orgs:account_create")).content.decode()
    assert far.unit.pk not in offered(client, page, "id_organisation", "so noi vu")
    assert cast.body.pk in offered(client, page, "id_organisation", "so noi vu")
    assert far.person.pk not in offered(client, page, "id_person", "huong")
    data = {"username": "moi", "full_name": "Người Mới", "email": "", "password": "Kh0ng-Doan-Duoc#2025",
            "role": Role.CLERK, "organisation": far.unit.pk, "person": far.person.pk}
    response = client.post(reverse("orgs:account_create"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["organisation"] == ["Lựa chọn này không có trong danh sách bạn được chọn."]
    assert response.context["form"].errors["person"] == ["Lựa chọn này không có trong danh sách bạn được chọn."]


def test_a_person_is_placed_only_in_a_unit_of_the_users_roles(cast, client_for, far):
    client = client_for(cast.clerk_a)
    page = client.get(reverse("orgs:person_create")).content.decode()
    assert offered(client, page, "id_organisation") == [cast.unit_a.pk]
    from orgs.forms import PersonForm

    form = PersonForm({"full_name": "Phạm Thị Mai", "gender": "nu", "organisation": cast.unit_b.pk,
                       "category": "cong_chuc", "is_active": "on"}, user=cast.clerk_a)
    assert not form.is_valid() and "organisation" in form.errors


def test_a_membership_is_granted_only_on_the_admins_units(cast, far):
    from orgs.forms import MembershipForm

    form = MembershipForm({"organisation": far.unit.pk, "role": Role.CLERK}, user=cast.admin, account=cast.clerk_a)
    assert not form.is_valid() and form.errors["organisation"]
    form = MembershipForm({"organisation": cast.unit_b.pk, "role": Role.CLERK}, user=cast.admin, account=cast.clerk_a)
    assert form.is_valid(), form.errors


def test_an_accounts_person_is_one_linked_to_no_other_account(cast, far):
    from orgs.forms import AccountUpdateForm

    cast.person_b.user = cast.clerk_b
    cast.person_b.save()
    base = {"full_name": "Cán bộ A", "email": "", "is_active": "on"}
    for person in (cast.person_b, far.person):
        form = AccountUpdateForm({**base, "person": person.pk}, user=cast.admin, account=cast.clerk_a)
        assert not form.is_valid() and form.errors["person"], person
    form = AccountUpdateForm({**base, "person": cast.person_a.pk}, user=cast.admin, account=cast.clerk_a)
    form.is_valid()
    assert "person" not in form.errors and form.cleaned_data["person"] == cast.person_a


def test_a_bloc_takes_members_one_chip_each_and_refuses_another_provinces(cast, client_for, far):
    from orgs.forms import BlocForm

    data = {"name": "Khối các phòng", "kind": "khoi", "organiser": cast.province.pk,
            "members": [cast.unit_a.pk, cast.unit_b.pk], "leader": cast.unit_a.pk, "is_active": "on"}
    form = BlocForm(data, user=cast.admin)
    assert form.is_valid(), form.errors
    assert set(form.cleaned_data["members"]) == {cast.unit_a, cast.unit_b}
    form = BlocForm({**data, "members": [cast.unit_a.pk, far.unit.pk]}, user=cast.admin)
    assert not form.is_valid() and form.errors["members"] == ["Lựa chọn này không có trong danh sách bạn được chọn."]
    form = BlocForm({**data, "organiser": far.root.pk}, user=cast.admin)
    assert not form.is_valid() and form.errors["organiser"]
    # shown again with both chips after an error elsewhere, never as a <select multiple>
    response = client_for(cast.admin).post(reverse("orgs:bloc_create"), {**data, "name": ""})
    page = response.content.decode()
    assert chosen(page, "id_members") == [cast.unit_a.pk, cast.unit_b.pk] and "<select multiple" not in page
    assert "pham-vi=trong-pham-vi" in picker_url(page, "id_members")


def test_a_dissolved_units_successor_and_an_organisations_parent_are_the_admins(cast, far):
    from orgs.forms import DissolveForm, OrganisationForm

    form = DissolveForm({"on": "01/01/2027", "successor": far.unit.pk}, organisation=cast.unit_b, user=cast.admin)
    assert not form.is_valid() and form.errors["successor"]
    form = DissolveForm({"on": "01/01/2027", "successor": cast.unit_a.pk}, organisation=cast.unit_b, user=cast.admin)
    assert form.is_valid(), form.errors
    form = OrganisationForm(instance=cast.body, user=cast.admin)
    assert cast.unit_a not in form.fields["parent"].queryset and cast.province in form.fields["parent"].queryset
    assert cast.body not in form.fields["standing_office"].queryset
    assert far.unit not in form.fields["standing_office"].queryset


def test_the_register_entry_picks_people_and_units_of_the_editors_scope(cast, far):
    from dossiers.forms.register import AwardEntryForm

    data = {"subject_type": "ca_nhan", "person": far.person.pk, "award_form": "", "decision_number": "1/QĐ",
            "decision_date": "01/01/2025"}
    form = AwardEntryForm(data, user=cast.reviewer)
    assert not form.is_valid() and form.errors["person"] == ["Lựa chọn này không có trong danh sách bạn được chọn."]
    form = AwardEntryForm({**data, "subject_type": "tap_the", "person": "", "organisation": far.unit.pk},
                          user=cast.reviewer)
    assert not form.is_valid() and form.errors["organisation"]
    assert cast.person_a in AwardEntryForm(user=cast.reviewer).fields["person"].queryset


def test_a_meeting_is_held_by_a_unit_of_the_clerk(cast):
    from dossiers.forms.meetings import MeetingForm

    form = MeetingForm({"organisation": cast.unit_b.pk}, user=cast.clerk_a)
    form.is_valid()
    assert form.errors["organisation"] == ["Lựa chọn này không có trong danh sách bạn được chọn."]
    assert list(MeetingForm(user=cast.clerk_a).fields["organisation"].queryset) == [cast.unit_a]


def test_a_council_seat_votes_with_an_account_of_the_body_only(cast, client_for):
    from dossiers.forms.council import seat_formset

    outsider_formset = seat_formset(cast.body)(
        {"tv-TOTAL_FORMS": "1", "tv-INITIAL_FORMS": "0", "tv-0-full_name": "Ông A", "tv-0-position": "Giám đốc",
         "tv-0-title": "chu_tich", "tv-0-user": cast.clerk_a.pk}, body=cast.body, prefix="tv")
    assert not outsider_formset.is_valid()
    assert outsider_formset.forms[0].errors["user"] == ["Lựa chọn này không có trong danh sách bạn được chọn."]
    client = client_for(cast.reviewer)
    page = client.get(reverse("dossiers:council_seats")).content.decode()
    assert cast.approver.pk in offered(client, page, "id_tv-0-user")
    assert cast.clerk_a.pk not in offered(client, page, "id_tv-0-user", "canbo")


def test_a_campaigns_issuer_and_rows_name_only_units_of_its_province(cast, far):
    from campaigns.forms import CampaignForm, PlanTaskFormSet
    from tests.factories.campaigns import draft_campaign

    assert far.unit not in CampaignForm(user=cast.admin).fields["issuer"].queryset
    campaign = draft_campaign(cast)
    formset = PlanTaskFormSet({"rows-TOTAL_FORMS": "1", "rows-INITIAL_FORMS": "0", "rows-0-quarter": "1",
                               "rows-0-order": "1", "rows-0-content": "Sơ kết", "rows-0-status": "todo",
                               "rows-0-responsible": [cast.unit_a.pk, far.unit.pk]},
                              instance=campaign, user=cast.admin, prefix="rows")
    assert not formset.is_valid() and formset.forms[0].errors["responsible"]


# --- without the script: the typed text is resolved by the server ------------------------------------------------
def test_without_the_script_a_typed_name_is_resolved_in_the_scope(cast, far):
    from orgs.forms import MembershipForm

    def form(text):
        return MembershipForm({"organisation__tim": text, "role": Role.CLERK}, user=cast.admin, account=cast.clerk_a)

    chosen_form = form("phong to chuc")
    assert chosen_form.is_valid() and chosen_form.cleaned_data["organisation"] == cast.unit_a
    assert form("so noi vu tinh thu").is_valid()  # "Sở Nội vụ tỉnh Thử" is one; the other province's is not offered
    assert form("so noi vu tinh khac").errors["organisation"] == [
        "Không tìm thấy “so noi vu tinh khac” trong danh sách bạn được chọn."]
    assert form("phong").errors["organisation"] == [
        "Có 2 kết quả khớp với “phong”: gõ đầy đủ hơn, hoặc chọn trong danh sách gợi ý."]
    kept = str(form("phong")["organisation"])
    assert 'value="phong"' in kept  # what was typed stays in the box


def test_the_field_renders_a_labelled_text_box_and_no_option_list(cast):
    from orgs.forms import MembershipForm

    html = str(MembershipForm(user=cast.admin, account=cast.clerk_a)["organisation"])
    assert "<option" not in html and 'id="id_organisation"' in html and 'name="organisation__tim"' in html
    assert 'data-url="/tim-kiem/don-vi/?pham-vi=quan-tri"' in html
    assert Organisation.objects.count() > 1
