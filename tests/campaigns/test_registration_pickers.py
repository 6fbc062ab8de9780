"""A registration line's person and collective are pickers (issue 17, campaigns.pickers REGISTRATION_PEOPLE and
REGISTRATION_UNITS): the form field and the JSON search read one scope, the registering unit's active people and its
current units; another unit's id is a form error, never saved."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from campaigns.forms import RegistrationEntryFormSet
from campaigns.models import Registration, RegistrationEntry
from tests.campaigns.test_registrations import entries_data, person_row, setup  # noqa: F401 (setup: the fixture)
from tests.factories.orgs import OrganisationFactory, PersonFactory
from tests.pickers import chosen, offered, picker_url

pytestmark = pytest.mark.django_db


def formset(cast, setup, data=None, unit=None):  # noqa: F811
    registration = Registration(campaign=setup.campaign, organisation=unit or cast.unit_a)
    return RegistrationEntryFormSet(data, instance=registration, prefix="entries", user=cast.clerk_a)


def test_the_lines_pick_only_the_registering_units_people_and_units(cast, setup):  # noqa: F811
    sub_unit = OrganisationFactory(code="T-SNV-A1", name="Tổ Tổng hợp", parent=cast.unit_a)
    colleague = PersonFactory(full_name="Trần Văn Tổ", organisation=sub_unit)
    retired = PersonFactory(full_name="Phan Văn Nghỉ", organisation=cast.unit_a, is_active=False)
    row = formset(cast, setup).forms[0]
    people = set(row.fields["person"].queryset)
    assert {cast.person_a, colleague} <= people
    assert not {cast.person_b, cast.person_other, retired} & people
    assert set(row.fields["organisation"].queryset) == {cast.unit_a, sub_unit}
    html = str(row["person"])
    assert "<option" not in html and 'name="entries-0-person__tim"' in html  # a combobox, never a <select>
    assert f"pham-vi=dang-ky&amp;don-vi={cast.unit_a.pk}" in html


def test_a_line_naming_another_units_person_or_unit_is_a_form_error(cast, setup):  # noqa: F811
    rows = formset(cast, setup, entries_data([
        person_row(cast.person_b, setup.giay_khen),
        {"subject_type": "collective", "person": "", "organisation": cast.unit_b.pk,
         "award_form": setup.giay_khen.pk, "target_note": ""}]))
    assert not rows.is_valid()
    assert "Cá nhân này không thuộc đơn vị đăng ký (hoặc đã thôi công tác)." in rows.forms[0].errors["person"]
    assert "Tập thể này không thuộc đơn vị đăng ký." in rows.forms[1].errors["organisation"]
    assert formset(cast, setup, entries_data([person_row(cast.person_a, setup.giay_khen)])).is_valid()


def test_the_page_search_offers_what_the_form_accepts_and_nothing_of_another_unit(cast, setup, client_for):  # noqa: F811
    client = client_for(cast.clerk_a)
    page = client.get(setup.edit).content.decode()
    assert cast.person_a.pk in offered(client, page, "id_entries-0-person", "huong")
    assert offered(client, page, "id_entries-0-person", "binh") == []  # Lê Văn Bình works in Phòng B
    assert offered(client, page, "id_entries-0-organisation") == [cast.unit_a.pk]
    # the search of another unit's registration: a unit the clerk is not a clerk of is out of reach
    url = picker_url(page, "id_entries-0-person").replace(f"don-vi={cast.unit_a.pk}", f"don-vi={cast.unit_b.pk}")
    assert client.get(url).status_code == 404
    assert client_for(cast.clerk_b).get(picker_url(page, "id_entries-0-person")).status_code == 404


def test_a_saved_line_shows_its_person_as_a_chip_and_a_posted_foreign_id_saves_nothing(cast, setup, client_for):  # noqa: F811
    client = client_for(cast.clerk_a)
    assert client.post(setup.edit, entries_data([person_row(cast.person_a, setup.giay_khen)])).status_code == 302
    page = client.get(setup.edit).content.decode()
    assert chosen(page, "id_entries-0-person") == [cast.person_a.pk]
    assert "Nguyễn Thị Hương – " in page
    response = client.post(setup.edit, entries_data([person_row(cast.person_other, setup.giay_khen)]))
    assert response.status_code == 400
    assert list(RegistrationEntry.objects.values_list("person", flat=True)) == [cast.person_a.pk]


def test_the_page_reads_the_lines_labels_in_a_fixed_number_of_queries(cast, setup, client_for):  # noqa: F811
    client = client_for(cast.clerk_a)

    def count(people):
        rows = [person_row(person, setup.giay_khen, note=f"Dòng {i}") for i, person in enumerate(people)]
        RegistrationEntry.objects.all().delete()
        assert client.post(setup.edit, entries_data(rows)).status_code == 302
        with CaptureQueriesContext(connection) as context:
            assert client.get(setup.edit).status_code == 200
        return len(context.captured_queries)

    few = count([cast.person_a])
    many = count([cast.person_a] + [PersonFactory(organisation=cast.unit_a) for _ in range(6)])
    assert many == few
    assert reverse("campaigns:registration_edit", args=[setup.campaign.pk]) == setup.edit
