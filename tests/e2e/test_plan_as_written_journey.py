"""Browser journey (issue 15, plans as they are written): the admin enters a plan of 2023 that ends with an event,
with its own bases, and picks the 2024 decree by habit; the form warns that the decree was not in force at the
plan's date and proposes the 2017 one, which the admin takes with one click.

Runs in Debian's Chromium (see tests/conftest.py); screenshots go to tests/e2e/artifacts/.
"""
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from awards.models import LegalBasisProfile
from campaigns.models import Campaign
from tests.e2e.helpers import log_in, pick

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "Thi đua chào mừng Đại hội Đảng bộ tỉnh lần thứ XVIII"
END = "đến khi tổ chức thành công Đại hội Đảng bộ tỉnh lần thứ XVIII"
BASES = "Thực hiện Chỉ thị số 19-CT/TU ngày 12 tháng 3 năm 2023 của Ban Thường vụ Tỉnh ủy;"


@pytest.fixture
def profiles(db):
    """The two decrees as the data migrations fill them (a transactional test may have emptied the tables)."""
    rows = {}
    for code, name, start, end in (
            ("nd-91-2017", "Luật Thi đua, khen thưởng 2003 (sửa đổi 2005, 2013) – Nghị định 91/2017/NĐ-CP",
             date(2017, 9, 15), date(2024, 1, 1)),
            ("nd-98-2023", "Luật Thi đua, khen thưởng 2022 – Nghị định 98/2023/NĐ-CP", date(2024, 1, 1),
             date(2025, 7, 1))):
        rows[code], _ = LegalBasisProfile.objects.update_or_create(code=code, defaults={
            "name": name, "valid_from": start, "valid_until": end, "basis_lines": f"Căn cứ {name};"})
    return rows


def test_a_2023_plan_gets_the_decree_in_force_at_its_date(live_server, page: Page, cast, profiles, shot):
    base = live_server.url
    log_in(page, base, cast.admin.username, cast.password)
    page.goto(base + "/phong-trao/them/")
    page.get_by_label("Loại phong trào").select_option(label="Đợt thi đua đặc biệt")
    pick(page, "Cơ quan phát động", cast.body.name)
    page.get_by_label("Tên phong trào, kế hoạch").fill(TITLE)
    page.get_by_label("Số kế hoạch").fill("21")
    page.get_by_label("Ngày ban hành").fill("15/03/2023")
    page.get_by_label("Thời gian từ ngày").fill("20/03/2023")
    page.get_by_label("Hoặc kết thúc khi").fill(END)
    page.get_by_label("Hạn nộp hồ sơ khen thưởng").fill("05/12/2023")
    page.get_by_label("Bộ căn cứ pháp lý").select_option(label=profiles["nd-98-2023"].name)
    page.get_by_label("Căn cứ riêng của kế hoạch").fill(BASES)
    page.get_by_label("Cá nhân", exact=True).check()
    page.get_by_role("button", name="Lưu", exact=True).click()

    warning = page.locator("#legal-profile-check")
    expect(warning).to_contain_text("Bộ căn cứ pháp lý không có hiệu lực vào ngày của kế hoạch.")
    expect(warning).to_contain_text("Kế hoạch ban hành ngày 15/03/2023, trước khi bộ căn cứ")
    expect(warning).to_contain_text(f"Bộ căn cứ có hiệu lực ngày 15/03/2023: “{profiles['nd-91-2017'].name}”.")
    expect(page.get_by_label("Hoặc kết thúc khi")).to_have_value(END)  # what was typed is kept
    shot("01-warning")
    page.get_by_role("button", name=f"Lưu với bộ căn cứ đề xuất “{profiles['nd-91-2017'].name}”").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator("#campaign-period")).to_have_text(f"Từ 20/03/2023 {END}")
    expect(page.locator("#legal-profile-warning")).to_have_count(0)
    shot("02-saved")
    campaign = Campaign.objects.get()
    assert (campaign.legal_profile.code, campaign.period_end, campaign.plan_bases) == ("nd-91-2017", None, BASES)
