import pytest
from django.db import connection

from core.text import filter_by_search
from orgs.models import Person
from tests.factories.orgs import PersonFactory

pytestmark = pytest.mark.django_db


def test_search_without_diacritics_finds_vietnamese_name(cast):
    PersonFactory(full_name="Nguyễn Thị Thu Hương", organisation=cast.unit_a)
    PersonFactory(full_name="Nguyễn Văn Hùng", organisation=cast.unit_a)
    found = filter_by_search(Person.objects.all(), "nguyen thi huong")
    assert sorted(p.full_name for p in found) == ["Nguyễn Thị Hương", "Nguyễn Thị Thu Hương"]


def test_search_with_diacritics_and_capitals_finds_the_same(cast):
    found = filter_by_search(Person.objects.all(), "NGUYỄN thị HƯƠNG")
    assert [p.full_name for p in found] == ["Nguyễn Thị Hương"]


def test_person_list_search_page(cast, client_for):
    response = client_for(cast.admin).get("/can-bo/", {"q": "nguyen thi huong"})
    rows = [p.full_name for p in response.context["page"].items]
    assert rows == ["Nguyễn Thị Hương"]


def test_person_list_htmx_returns_rows_only(cast, client_for):
    response = client_for(cast.admin).get("/can-bo/", {"q": "binh"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert "Lê Văn Bình" in html


def test_stored_text_is_nfc_and_search_column_unaccented(cast):
    import unicodedata

    person = PersonFactory(full_name=unicodedata.normalize("NFD", "Đỗ Thị Hằng"), organisation=cast.unit_a)
    person.refresh_from_db()
    assert person.full_name == unicodedata.normalize("NFC", "Đỗ Thị Hằng")
    assert person.search_text == "do thi hang"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram index exists on PostgreSQL only")
def test_trigram_index_exists_on_postgresql():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'orgs_person_search_text_trgm'")
        row = cursor.fetchone()
    assert row is not None
    assert "gin_trgm_ops" in row[0]
