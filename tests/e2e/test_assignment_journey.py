"""Browser journey (issue 18, "Assignment inside the office"): the office (vanphong) assigns a dossier it received
to another specialist with a note, from the dossier's review page; that specialist finds it on the home page's
"Hồ sơ của tôi" and under the inbox's "Hồ sơ của tôi" filter, and reads the assignment in the processing history;
the head's page counts it. Screenshots (1366 and 390 wide) go to tests/e2e/artifacts/."""
import pytest
from playwright.sync_api import Page, expect

from dossiers.services.workflow import transition
from orgs.enums import Role
from tests.e2e.helpers import log_in, log_out
from tests.factories.dossiers import ready_dossier
from tests.factories.orgs import MembershipFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NOTE = "Thẩm định, báo cáo trước ngày 15/8."


def test_office_assigns_a_dossier_and_the_specialist_finds_it_as_mine(live_server, page: Page, cast, shot):
    from tests.factories.campaigns import award_form, legal_profile

    award_form(), legal_profile()  # the catalogue rows a transactional test flushed
    specialist = UserFactory(username="chuyenvien", first_name="Võ Thị Thu", last_name="Trang")
    MembershipFactory(user=specialist, organisation=cast.body, role=Role.REVIEWER)
    transition(ready_dossier(cast), "submit", by=cast.clerk_a)
    base = live_server.url

    # 1. vanphong opens the dossier from the inbox (nobody has it yet) and assigns it
    log_in(page, base, cast.reviewer.username, cast.password)
    page.goto(f"{base}/hop-thu/?chua_phan_cong=on")
    row = page.locator("#inbox-table tbody tr").first
    expect(row.locator("td[data-label='Chuyên viên']")).to_have_text("Chưa phân công")
    row.get_by_role("link", name=cast.unit_a.name).click()
    form = page.locator("#assign")
    expect(form.locator("#assignee-now")).to_contain_text("chưa phân công")
    form.get_by_label("Chuyên viên xử lý").select_option(label="Võ Thị Thu Trang")
    form.get_by_label("Ghi chú (nội dung giao việc)").fill(NOTE)
    form.get_by_role("button", name="Phân công").click()
    expect(page.get_by_role("alert").filter(has_text="Đã phân công hồ sơ cho Võ Thị Thu Trang.")).to_be_visible()
    expect(page.locator("#assignee-now")).to_contain_text("Võ Thị Thu Trang")
    log = page.locator("#state-log")
    expect(log.locator("tr.log-assignment")).to_contain_text("Phân công cho Võ Thị Thu Trang")
    expect(log.locator("tr.log-assignment")).to_contain_text(NOTE)
    page.set_viewport_size({"width": 1366, "height": 768})
    shot("assigned")
    log_out(page)

    # 2. the specialist: "Hồ sơ của tôi: 1" on the home page, the inbox filtered to it
    log_in(page, base, specialist.username, cast.password)
    mine = page.locator("#queue-mine")
    expect(mine).to_contain_text("1")
    expect(mine).to_contain_text("Hồ sơ của tôi")
    mine.click()
    expect(page.get_by_label("Hồ sơ của tôi")).to_be_checked()
    rows = page.locator("#inbox-table tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first.locator("td[data-label='Chuyên viên']")).to_have_text("Võ Thị Thu Trang")
    page.set_viewport_size({"width": 390, "height": 844})
    shot("mine-phone")
    rows.first.get_by_role("link", name=cast.unit_a.name).click()
    expect(page.locator("#state-log tr.log-assignment")).to_contain_text(NOTE)

    # 3. the head's page counts it for her
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{base}/hop-thu/phan-cong/")
    expect(page.locator("#load-table tbody tr").filter(has_text="Võ Thị Thu Trang")).to_contain_text("1")
    shot("board")
