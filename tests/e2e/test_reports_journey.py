"""Browser journey (issue 19, the statutory reports): on the demo, the office (vanphong) opens "Báo cáo thống kê"
from the menu, reads biểu 0603 of the Sở Nội vụ's province for the demo's year with its figures, downloads the same
layout as Excel and the PDF, then the office's own report by award form; on a phone nothing scrolls sideways
outside the biểu's own box. Screenshots in tests/e2e/artifacts/."""
import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.e2e.test_role_journeys import Visit, demo_site, sideways_scrollers  # noqa: F401 (demo_site: the fixture)

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("width, height", [(1366, 768), (390, 844)])
def test_the_office_reads_and_downloads_a_statutory_report(demo_site, browser, width, height):  # noqa: F811
    visit = Visit(browser, demo_site, "vanphong", width, height)
    page = visit.page
    try:
        visit.menu("Xét khen thưởng", "Báo cáo thống kê (Thông tư 02/2023)")
        expect(page.get_by_role("heading", level=1)).to_have_text("Báo cáo thống kê thi đua, khen thưởng")
        page.locator("#bieu").select_option(value="0603")
        visit.tap(page.get_by_role("button", name="Xem"))
        report = page.locator("#statutory-report")
        expect(report).to_contain_text("Biểu số: 0603.N/BNV-TĐKT")
        expect(report.locator("table")).to_be_visible()
        # the biểu keeps the ministry's columns and scrolls inside its own box; the page itself fits the screen
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert all("table-responsive" in box for box in sideways_scrollers(page)), sideways_scrollers(page)
        page.screenshot(path=f"tests/e2e/artifacts/reports-vanphong-{width}-bieu-0603.png", full_page=True)
        with page.expect_download() as download:
            visit.tap(page.locator("#excel-statutory"))
        book = load_workbook(io.BytesIO(open(download.value.path(), "rb").read()))
        texts = [str(cell.value) for row in book.active.iter_rows() for cell in row if cell.value is not None]
        assert any("0603" in text for text in texts)
        visit.tap(page.get_by_role("link", name="Báo cáo nội bộ (theo phong trào, hình thức, đơn vị, khối; thời gian "
                                                "xử lý)"))
        expect(page.get_by_role("heading", level=1)).to_contain_text("Báo cáo")
        visit.check("office-report")
        assert visit.errors == []
    finally:
        visit.context.close()
