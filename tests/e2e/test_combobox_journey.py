"""Browser journey (issue 17): the province admin makes an emulation bloc with the keyboard only, through the pickers
of units (core.widgets.Combobox, static/js/combobox.js): types part of a name without diacritics, moves through the
options with the arrow keys, chooses with Enter, removes a chip, reads "Không tìm thấy" for a name of no unit it may
pick, and saves. axe-core checks the widget open, with chips.

Runs in Debian's Chromium (see tests/conftest.py); screenshots go to tests/e2e/artifacts/.
"""
import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from orgs.models import EmulationBloc
from tests.e2e.helpers import log_in
from tests.e2e.test_accessibility import AXE, FAILING, TAGS
from tests.factories.orgs import OrganisationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE_ON_PICKERS = """async (tags) => {
  const result = await axe.run({include: [['.combobox']]}, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map(v => ({id: v.id, impact: v.impact, targets: v.nodes.map(n => n.target.join(' '))}));
}"""


def test_admin_builds_a_bloc_with_the_keyboard_only(live_server, page: Page, cast, shot):
    far_root = OrganisationFactory(code="K-UBND", name="Ủy ban nhân dân tỉnh Khác")
    OrganisationFactory(code="K-PTC", name="Phòng Tổ chức tỉnh Khác", parent=far_root)
    log_in(page, live_server.url, cast.admin.username, cast.password)
    page.goto(live_server.url + reverse("orgs:bloc_create"))
    page.locator("#id_name").fill("Khối các phòng của Sở")

    members = page.get_by_role("combobox", name="Đơn vị thành viên")
    expect(members).to_have_attribute("aria-expanded", "false")
    listbox = page.locator("#id_members_listbox")
    members.focus()
    members.press_sequentially("phong", delay=20)  # no diacritics: "Phòng …"
    expect(listbox).to_be_visible()
    expect(members).to_have_attribute("aria-expanded", "true")
    options = listbox.get_by_role("option")
    expect(options).to_have_count(2)  # the two Phòng of the Sở; the other province's Phòng is not offered
    expect(listbox).not_to_contain_text("tỉnh Khác")
    members.press("ArrowDown")
    first_id = options.nth(0).get_attribute("id")
    expect(members).to_have_attribute("aria-activedescendant", first_id)
    members.press("ArrowDown")
    expect(members).to_have_attribute("aria-activedescendant", options.nth(1).get_attribute("id"))
    members.press("ArrowUp")
    expect(members).to_have_attribute("aria-activedescendant", first_id)
    label_a = options.nth(0).inner_text()
    members.press("Enter")  # chooses, does not send the form
    chips = page.locator("#id_members").locator("xpath=..").locator(".combobox-chip")
    expect(chips).to_have_count(1)
    expect(chips.first).to_contain_text(label_a)
    expect(members).to_have_value("")
    expect(members).to_have_attribute("aria-expanded", "false")

    members.press_sequentially("cong chuc", delay=20)
    expect(options).to_have_count(1)
    members.press("ArrowDown")
    members.press("Enter")
    expect(chips).to_have_count(2)

    members.press_sequentially("so tai chinh", delay=20)
    expect(options).to_have_count(1)
    members.press("ArrowDown")
    members.press("Enter")
    expect(chips).to_have_count(3)
    shot("01-three-chips")

    # Backspace in the empty box goes to the last chip's remove button; Enter removes it, the focus comes back
    members.press("Backspace")
    remove = chips.nth(2).get_by_role("button", name="Bỏ chọn Sở Tài chính tỉnh Thử – Ủy ban nhân dân tỉnh Thử")
    expect(remove).to_be_focused()
    page.keyboard.press("Enter")
    expect(chips).to_have_count(2)
    expect(page.locator("#id_members").locator("xpath=..").locator("[data-combobox-status]")).to_have_text(
        "Đã bỏ chọn Sở Tài chính tỉnh Thử – Ủy ban nhân dân tỉnh Thử")

    members.focus()
    members.press_sequentially("khong co don vi nao", delay=10)
    expect(listbox.get_by_role("option")).to_have_text(["Không tìm thấy"])
    members.press("Escape")
    expect(members).to_have_attribute("aria-expanded", "false")
    members.press("Escape")
    expect(members).to_have_value("")

    organiser = page.get_by_role("combobox", name="Cơ quan tổ chức")
    organiser.focus()
    organiser.press_sequentially("so noi vu", delay=20)
    expect(page.locator("#id_organiser_listbox").get_by_role("option")).to_have_count(1)
    organiser.press("ArrowDown")
    shot("02-open-listbox")
    organiser.press("Enter")
    page.add_script_tag(url=AXE)
    organiser.press_sequentially("uy ban", delay=20)  # open again: axe sees the listbox, its options and the chips
    expect(page.locator("#id_organiser_listbox")).to_be_visible()
    violations = [v for v in page.evaluate(AXE_ON_PICKERS, TAGS) if v["impact"] in FAILING]
    assert violations == []
    organiser.press("Escape")
    organiser.press("Escape")

    leader = page.get_by_role("combobox", name="Đơn vị trưởng khối, cụm")
    leader.focus()
    leader.press_sequentially("to chuc can bo", delay=20)
    expect(page.locator("#id_leader_listbox").get_by_role("option")).to_have_count(1)
    leader.press("ArrowDown")
    leader.press("Enter")

    page.get_by_role("button", name="Lưu").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert").first).to_be_visible()
    bloc = EmulationBloc.objects.get(name="Khối các phòng của Sở")
    assert set(bloc.members.all()) == {cast.unit_a, cast.unit_b}
    assert (bloc.organiser, bloc.leader) == (cast.body, cast.unit_a)
    shot("03-saved")
