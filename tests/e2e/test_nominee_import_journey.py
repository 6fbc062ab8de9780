"""Browser journey: the clerk fills a dossier from Excel ("Nhập danh sách từ Excel", dossiers.services.nominee_import):
a file with a person of another unit is refused with its row, nothing added; the corrected file adds the nominees,
seen on the dossier page.

Runs in Debian's Chromium (see tests/conftest.py); screenshots go to tests/e2e/artifacts/.
"""
import pytest
from playwright.sync_api import Page, expect

from dossiers.services import building
from tests.dossiers.test_nominee_import import HEADER, xlsx
from tests.e2e.helpers import log_in
from tests.factories.campaigns import award_form, launched_campaign, legal_profile
from tests.factories.orgs import PersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_clerk_imports_the_nominees_of_a_dossier(live_server, page: Page, cast, shot):
    award_form(), legal_profile()  # the catalogue rows a transactional test flushed
    campaign = launched_campaign(cast)
    dossier = building.start_dossier(campaign, cast.unit_a, campaign.awards.get(), by=cast.clerk_a)
    PersonFactory(organisation=cast.unit_a, full_name="Đỗ Thị Mới")
    rows = [["Cá nhân", "Nguyễn Thị Hương", "", "", "Hoàn thành xuất sắc nhiệm vụ", ""],
            ["Cá nhân", "do thi moi", "", "", "", ""],
            ["Tập thể", "", "", cast.unit_a.code, "", ""]]

    log_in(page, live_server.url, cast.clerk_a.username, cast.password)
    page.goto(live_server.url + dossier.get_absolute_url())
    page.get_by_role("link", name="Nhập danh sách từ Excel").click()
    expect(page.get_by_role("navigation", name="Đường dẫn")).to_contain_text("Nhập danh sách từ Excel")

    # a person of another unit: the row is named, nothing is added
    outsider = ["Cá nhân", "Lê Văn Bình", "", "", "", ""]
    page.get_by_label("Tệp Excel (.xlsx)").set_input_files(files=[{
        "name": "danh-sach.xlsx", "mimeType": XLSX, "buffer": xlsx(rows + [outsider])}])
    page.get_by_role("button", name="Kiểm tra và nhập").click()
    report = page.locator("#import-report")
    expect(report).to_contain_text("Chưa nhập dòng nào")
    expect(report).to_contain_text("Dòng 5")
    expect(report).to_contain_text("Không tìm thấy cá nhân “Lê Văn Bình”")
    shot("01-rejected")
    assert dossier.nominations.count() == 0

    page.get_by_label("Tệp Excel (.xlsx)").set_input_files(files=[{
        "name": "danh-sach.xlsx", "mimeType": XLSX, "buffer": xlsx(rows, HEADER)}])
    page.get_by_role("button", name="Kiểm tra và nhập").click()
    expect(page.get_by_role("alert").filter(has_text="Đã thêm 3 người, tập thể, hộ gia đình")).to_be_visible()
    nominees = page.locator("#nominees")
    for name in ("Nguyễn Thị Hương", "Đỗ Thị Mới", cast.unit_a.name):
        expect(nominees).to_contain_text(name)
    shot("02-added")
