"""Browser journey: the clerk of a unit with too many people to list finds a nominee by typing part of a
name without diacritics, picks them from the list the search fills, and adds them to the dossier.

Runs in Debian's Chromium (see tests/conftest.py); screenshots go to tests/e2e/artifacts/.
"""
import pytest
from playwright.sync_api import Page, expect

from dossiers.forms.dossiers import NomineeForm
from tests.e2e.helpers import log_in
from tests.factories.campaigns import award_form, legal_profile
from tests.factories.dossiers import ready_dossier
from tests.factories.orgs import PersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def label(person):
    unit = person.organisation
    return f"{person.full_name} – {person.position or 'cán bộ'}, {unit.short_name or unit.name}"


def test_clerk_finds_a_nominee_by_name_in_a_big_unit(live_server, page: Page, cast, shot, monkeypatch):
    monkeypatch.setattr(NomineeForm, "PERSON_LIST_LIMIT", 3)  # the live server runs in this process
    award_form(), legal_profile()  # the catalogue rows a transactional test flushed
    dossier = ready_dossier(cast)
    wanted, *_ = [PersonFactory(organisation=cast.unit_a, full_name=name)
                  for name in ("Đỗ Thị Mới", "Lê Thị Mới", "Đỗ Văn Mạnh", "Trần Văn Khác")]

    log_in(page, live_server.url, cast.clerk_a.username, cast.password)
    page.goto(live_server.url + f"/ho-so/{dossier.pk}/")
    page.set_viewport_size({"width": 390, "height": 844})  # a phone: the nominees' table scrolls, the page does not
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.set_viewport_size({"width": 1366, "height": 900})
    page.get_by_role("link", name="Thêm người, tập thể được đề nghị").click()
    form = page.locator("#nominee-form")
    people = form.get_by_label("Cá nhân", exact=True)
    expect(people.locator("option")).to_have_count(1)
    expect(people).to_contain_text("— gõ tên để tìm cán bộ —")
    form.get_by_label("Tìm cán bộ theo tên").press_sequentially("thi moi", delay=30)
    expect(people.locator("option")).to_have_count(3)
    expect(people.locator("option").first).to_have_text("— chọn trong 2 người tìm thấy —")
    shot("01-search-results")

    form.get_by_label("Đối tượng").select_option(label="Cá nhân")
    people.select_option(label=label(wanted))
    form.get_by_role("button", name="Thêm").click()
    added = page.get_by_role("alert").filter(has_text="Đã thêm Đỗ Thị Mới. Hãy điền báo cáo thành tích.")
    expect(added).to_be_visible()
    assert dossier.nominations.filter(person=wanted).exists()
    shot("02-added")
