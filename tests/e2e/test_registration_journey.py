"""Browser journey: a unit's clerk fills the registration (đăng ký thi đua) with the pickers of its lines
(campaigns.pickers.REGISTRATION_PEOPLE / REGISTRATION_UNITS): a person and the unit itself, each found by typing
without diacritics and chosen with the keyboard, a line added with "Thêm dòng"; another unit's people are never
offered. Saved, the lines show their chips again; on a phone the form is a column of cards.

Runs in Debian's Chromium (see tests/conftest.py); screenshots go to tests/e2e/artifacts/.
"""
import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from campaigns.models import RegistrationEntry
from tests.e2e.helpers import combobox, log_in, pick
from tests.e2e.test_role_journeys import sideways_scrollers
from tests.factories.campaigns import launched_campaign
from tests.factories.orgs import OrganisationFactory, PersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_clerk_registers_a_person_and_the_unit_with_the_pickers(live_server, page: Page, cast, shot):
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    offer = campaign.awards.get()
    team = OrganisationFactory(code="T-SNV-A2", name="Tổ Văn thư", parent=cast.unit_a)
    colleague = PersonFactory(organisation=team, full_name="Đặng Thị Lụa", position="Văn thư")
    log_in(page, live_server.url, cast.clerk_a.username, cast.password)
    page.goto(live_server.url + reverse("campaigns:registration_edit", args=[campaign.pk]))
    expect(page.locator("#registration-form select[name$=-person]")).to_have_count(0)  # pickers, not lists

    row = page.locator("#entries-rows > tr")
    row.nth(0).get_by_label("Đối tượng, dòng 1").select_option(label="Cá nhân")
    person = combobox(page, "Cá nhân, dòng 1")
    person.focus()
    person.press_sequentially("binh", delay=20)  # Lê Văn Bình works in Phòng B: not offered
    expect(page.locator("#" + person.get_attribute("aria-controls"))).to_contain_text("Không tìm thấy")
    person.fill("")
    pick(page, person, "dang thi lua", option="Đặng Thị Lụa – Văn thư, Tổ Văn thư")
    row.nth(0).get_by_label("Danh hiệu, hình thức đăng ký, dòng 1").select_option(value=str(offer.award_form_id))

    row.nth(1).get_by_label("Đối tượng, dòng 2").select_option(label="Tập thể")
    pick(page, "Tập thể, dòng 2", "to chuc can bo", option=cast.unit_a.name)
    row.nth(1).get_by_label("Danh hiệu, hình thức đăng ký, dòng 2").select_option(value=str(offer.award_form_id))
    shot("01-lines-picked")

    page.get_by_role("button", name="Lưu", exact=True).click()
    expect(page.get_by_role("alert").filter(has_text=f"Đã lưu đăng ký thi đua của {cast.unit_a.name}.")).to_be_visible()
    assert set(RegistrationEntry.objects.values_list("subject_type", "person", "organisation")) == {
        ("individual", colleague.pk, None), ("collective", None, cast.unit_a.pk)}
    chips = page.locator("#registration-entries .combobox-chip")  # the saved lines, in the model's order
    expect(chips).to_have_count(2)
    expect(chips.filter(has_text="Đặng Thị Lụa – Văn thư, Tổ Văn thư")).to_have_count(1)
    expect(chips.filter(has_text=cast.unit_a.name)).to_have_count(1)

    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert sideways_scrollers(page) == []
    shot("02-phone")
