"""Breadcrumbs on a phone (issue 17): at 390×844 a deep trail (Trang chủ › Biên bản họp bình xét › <date – long
unit name> › Kết quả biểu quyết) stays inside the screen; a long name is cut with an ellipsis (CSS text-overflow,
.portal-breadcrumb in static/css/portal.css) and keeps its full text in title. Screenshot:
tests/e2e/artifacts/breadcrumbs-phone.png."""
import pytest
from django.urls import reverse

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_role_journeys import Visit, demo_site, first_link  # noqa: F401 (demo_site: the fixture)

pytestmark = pytest.mark.e2e

ITEMS = """() => [...document.querySelectorAll('nav[aria-label="Đường dẫn"] .breadcrumb-item')].map(item => {
  const box = item.getBoundingClientRect();
  return {text: item.textContent.trim(), title: (item.querySelector('[title]') || item).title,
          right: box.right, cut: item.scrollWidth > item.clientWidth,
          overflow: getComputedStyle(item).textOverflow, current: item.getAttribute('aria-current')};
})"""


def test_a_long_trail_fits_a_phone_and_cuts_long_names(demo_site, browser):  # noqa: F811
    visit = Visit(browser, demo_site, "canbo.tcbc", 390, 844)
    try:
        visit.page.goto(visit.base_url + reverse("dossiers:meeting_list"))
        meeting = first_link(visit.page, "main a[href*='/bien-ban/']:not([href$='/tao/'])").get_attribute("href")
        visit.page.goto(visit.base_url + meeting.split("#")[0] + "bieu-quyet/")
        visit.page.screenshot(path=str(ARTIFACTS / "breadcrumbs-phone.png"))
        items = visit.page.evaluate(ITEMS)
        assert [item["text"] for item in items][:2] == ["Trang chủ", "Biên bản họp bình xét"]
        assert items[-1]["text"] == "Kết quả biểu quyết" and items[-1]["current"] == "page"
        assert all(item["right"] <= 390 for item in items), items
        assert all(item["overflow"] == "ellipsis" for item in items), items
        long_name = items[2]
        assert long_name["cut"], long_name  # "27/11/2026 – Phòng Tổ chức, biên chế và tổ chức phi chính phủ"
        assert long_name["title"] == long_name["text"]
        assert visit.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert visit.errors == []
    finally:
        visit.close()
