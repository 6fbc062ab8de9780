"""Browser journey: the clerk adds nominees with the picker of people (core.widgets.Combobox, options from the
scoped search dossiers.pickers.NOMINEE_PEOPLE): types part of a name without diacritics, chooses with the keyboard;
one already proposed in the campaign is marked ⚠ in the options and in the chip, and is added only after
"Vẫn thêm …".

Runs in Debian's Chromium (see tests/conftest.py); screenshots go to tests/e2e/artifacts/.
"""
import re

import pytest
from playwright.sync_api import Page, expect

from campaigns.services.campaigns import offer_award
from dossiers.services import building
from tests.e2e.helpers import chosen, combobox, log_in, pick
from tests.e2e.test_accessibility import AXE, FAILING, RUN_AXE, TAGS
from tests.factories.campaigns import award_form, legal_profile
from tests.factories.dossiers import ready_dossier
from tests.factories.orgs import PersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def label(person):
    unit = person.organisation
    return f"{person.full_name} – {person.position or 'cán bộ'}, {unit.short_name or unit.name}"


def test_clerk_finds_a_nominee_by_name_and_confirms_one_already_proposed(live_server, page: Page, cast, shot):
    award_form(), legal_profile()  # the catalogue rows a transactional test flushed
    dossier = ready_dossier(cast)  # Nguyễn Thị Hương is proposed in it
    other = building.start_dossier(dossier.campaign, cast.unit_a, offer_award(
        dossier.campaign, award_form(code="ldtt-e2e", name="Lao động tiên tiến (thử)", category="title"),
        copies=1, by=cast.admin, order=2), by=cast.clerk_a)
    wanted, *_ = [PersonFactory(organisation=cast.unit_a, full_name=name)
                  for name in ("Đỗ Thị Mới", "Lê Thị Mới", "Đỗ Văn Mạnh", "Trần Văn Khác")]
    PersonFactory(organisation=cast.unit_b, full_name="Phan Thị Mới")  # another unit's: never offered

    log_in(page, live_server.url, cast.clerk_a.username, cast.password)
    page.goto(live_server.url + f"/ho-so/{other.pk}/")
    page.set_viewport_size({"width": 390, "height": 844})  # a phone: the nominees' table scrolls, the page does not
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.set_viewport_size({"width": 1366, "height": 900})
    page.get_by_role("link", name="Thêm người, tập thể được đề nghị").click()
    form = page.locator("#nominee-form")
    expect(form.locator("select#id_person")).to_have_count(0)  # no list of the unit's people
    expect(page.locator("#already-proposed")).to_contain_text("Nguyễn Thị Hương: Đã được đề nghị trong hồ sơ")

    people = combobox(page, "Cá nhân")
    people.focus()
    people.press_sequentially("thi moi", delay=30)
    listbox = page.locator("#" + people.get_attribute("aria-controls"))
    expect(listbox.get_by_role("option")).to_have_count(2)  # Đỗ Thị Mới, Lê Thị Mới; not Phan Thị Mới of unit B
    expect(listbox).not_to_contain_text("Phan Thị Mới")
    shot("01-search-results")
    people.fill("")

    # one already proposed: marked in the option and in the chip, then asked before it is added
    proposed = pick(page, people, "nguyen thi huong", option=label(cast.person_a))
    assert "⚠ Đã được đề nghị trong hồ sơ" in proposed
    form.get_by_label("Đối tượng").select_option(label="Cá nhân")
    form.get_by_role("button", name="Thêm").click()
    warning = page.locator("#proposed-warning")
    expect(warning).to_contain_text("Nguyễn Thị Hương: đã được đề nghị trong hồ sơ")
    expect(chosen(page, "Cá nhân")).to_contain_text([re.compile(r"^Nguyễn Thị Hương – ")])  # the choice is kept
    shot("02-confirm-proposed")
    page.add_script_tag(url=AXE)
    assert [v for v in page.evaluate(RUN_AXE, TAGS) if v["impact"] in FAILING] == []
    warning.get_by_role("button", name="Vẫn thêm Nguyễn Thị Hương").click()
    expect(page.get_by_role("alert").filter(has_text="Đã thêm Nguyễn Thị Hương.")).to_be_visible()
    assert other.nominations.filter(person=cast.person_a).exists()

    page.goto(live_server.url + f"/ho-so/{other.pk}/them-nguoi/")
    form.get_by_label("Đối tượng").select_option(label="Cá nhân")
    pick(page, "Cá nhân", "do thi moi", option=label(wanted))
    form.get_by_role("button", name="Thêm").click()
    added = page.get_by_role("alert").filter(has_text="Đã thêm Đỗ Thị Mới. Hãy điền báo cáo thành tích.")
    expect(added).to_be_visible()
    assert other.nominations.filter(person=wanted).exists()
    shot("03-added")
