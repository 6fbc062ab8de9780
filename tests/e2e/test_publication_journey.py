"""Browser journey (issue 19): a visitor without an account finds a published decision, opens it, looks up a
person's awards without typing accents and opens the printable result (print styles hide the menu). Runs in
Debian's Chromium (tests/conftest.py); screenshots go to tests/e2e/artifacts/."""
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from tests.publication.helpers import quick_decision

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_anonymous_visitor_finds_a_decision_and_looks_up_a_person(live_server, page: Page, cast, shot):
    decision = quick_decision(cast.body, 7, awardees=[cast.person_a, cast.unit_a], day=date(2025, 8, 20),
                              title="Về việc tặng Giấy khen đợt thi đua đặc biệt")
    quick_decision(cast.other, 8, awardees=[cast.person_other], day=date(2024, 3, 1), title="Quyết định khác")
    page.goto(live_server.url + "/cong-khai/phong-trao/")
    page.get_by_role("link", name="Quyết định khen thưởng đã công bố").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quyết định khen thưởng đã công bố")

    page.get_by_label("Tìm kiếm").fill("dac biet")  # no accents
    page.get_by_label("Năm").select_option("2025")
    page.get_by_role("button", name="Tìm").click()
    table = page.locator("#published-decisions")
    expect(table.locator("tbody tr")).to_have_count(1)
    expect(table).to_contain_text("07/QĐ-SNV")
    expect(table).not_to_contain_text("Quyết định khác")
    shot("01-list")

    table.get_by_role("link", name="07/QĐ-SNV").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quyết định số 07/QĐ-SNV ngày 20/08/2025")
    awardees = page.locator("#published-awardees")
    expect(awardees).to_contain_text("Nguyễn Thị Hương")
    expect(awardees).to_contain_text("Phòng Tổ chức cán bộ")
    shot("02-decision")

    page.get_by_role("link", name="Tra cứu khen thưởng").first.click()
    page.get_by_label("Họ và tên cá nhân hoặc tên tập thể").fill("nguyen thi huong")
    page.get_by_label("Đơn vị").fill("so noi vu")
    page.get_by_role("button", name="Tra cứu").click()
    results = page.locator("#lookup-results")
    expect(results.locator("li")).to_have_count(1)
    expect(results).to_contain_text("Giấy khen (thử)")
    expect(results.get_by_role("link", name="Số 07/QĐ-SNV ngày 20/08/2025")).to_have_attribute(
        "href", f"/cong-khai/quyet-dinh/{decision.pk}/")
    shot("03-lookup")

    page.get_by_role("link", name="Bản in kết quả").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kết quả tra cứu khen thưởng")
    expect(page.locator("#lookup-criteria")).to_contain_text("Tên: “nguyen thi huong”")
    expect(page.get_by_role("button", name="In")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".portal-navbar")).to_be_hidden()
    expect(page.get_by_role("button", name="In")).to_be_hidden()
    expect(page.locator("#lookup-results")).to_contain_text("Nguyễn Thị Hương")
    shot("04-print")


def test_the_public_pages_fit_a_phone(live_server, browser, cast):
    """At 390×844 no public page scrolls sideways (the anonymous menu's links wrap) and the lists are cards."""
    from tests.e2e.test_phone_lists import CARDS
    from tests.e2e.test_role_journeys import sideways_scrollers

    decision = quick_decision(cast.body, 9, awardees=[cast.person_a, cast.unit_a], day=date(2025, 8, 20),
                              title="Về việc tặng Giấy khen cho các tập thể, cá nhân có thành tích xuất sắc")
    context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    cards = 0
    for url in ("/cong-khai/quyet-dinh/", f"/cong-khai/quyet-dinh/{decision.pk}/", "/cong-khai/tra-cuu/?ten=huong",
                "/cong-khai/tra-cuu/in/?ten=huong", "/cong-khai/phong-trao/"):
        assert page.goto(live_server.url + url).status == 200, url
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), url
        assert sideways_scrollers(page) == [], url
        for table in page.evaluate(CARDS):
            assert table["display"] == "block" and table["header"] <= 1, (url, table)
            cards += 1
    assert cards == 2  # the decisions and the awardees
    context.close()
