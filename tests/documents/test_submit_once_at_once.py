"""One-time form tokens (documents/once.py) on the pages: each render a fresh token, a refused form keeps no
result, and on PostgreSQL eight clicks at the same moment make one person (issue 16)."""
import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from core.once import FIELD
from documents.models import FormSubmission
from orgs.models import Person
from tests.at_once import at_once
from tests.test_permission_matrix import person_data

pytestmark = pytest.mark.django_db


def test_the_create_pages_carry_a_fresh_token(cast, client_for):
    client = client_for(cast.admin)
    first, second = (client.get(reverse("orgs:person_create")).content.decode() for _ in range(2))
    assert f'name="{FIELD}"' in first and first != second


def test_a_refused_form_keeps_no_result_and_its_repeat_runs_again(cast, client_for):
    client = client_for(cast.admin)
    data = {"full_name": "", "organisation": cast.unit_a.pk, FIELD: "sai-roi"}
    assert client.post(reverse("orgs:person_create"), data).status_code == 200
    assert client.post(reverse("orgs:person_create"), data).status_code == 200  # the form again, with its errors
    assert not FormSubmission.objects.exclude(url="").exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="two real transactions need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_eight_clicks_at_the_same_moment_make_one_person(cast):
    def click():
        client = Client()
        client.force_login(cast.clerk_a)
        return client.post(reverse("orgs:person_create"), {
            **person_data(cast.unit_a, full_name="Phạm Thị Tám Lần"), FIELD: "tam-lan-bam"})

    answers = at_once(8, click)
    assert Person.objects.filter(full_name="Phạm Thị Tám Lần").count() == 1
    assert {answer.status_code for answer in answers} == {302} and len({a["Location"] for a in answers}) == 1


SYSTEM_ONLY = ("orgs:province_create", "awards:awardform_create", "awards:profile_create", "awards:salary_create")


@pytest.mark.parametrize("name", SYSTEM_ONLY)
def test_the_system_administrators_create_forms_sent_twice_make_one_record(cast, client_for, name):
    """The create forms outside the matrix's roles (the superuser's), as tests/documents/test_submit_once.py does."""
    from django.apps import apps

    from tests.test_permission_matrix import MATRIX

    [row] = [row for row in MATRIX if row["url"] == name]
    client = client_for(cast.system)
    models = [m for m in apps.get_models() if m._meta.app_label in ("orgs", "awards", "auth")]

    def counts():
        return {m._meta.label: m.objects.count() for m in models}

    first = client.post(reverse(name), {**row["data"](None), FIELD: "mot-lan"})
    assert first.status_code == 302
    made = counts()
    second = client.post(reverse(name), {**row["data"](None), FIELD: "mot-lan"})
    assert (second.status_code, second["Location"], counts()) == (302, first["Location"], made)
