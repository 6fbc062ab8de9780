"""Browser journey: the province admin builds a campaign from scratch, launches it, and only the
participating unit's clerk sees it.

Issue text: "the admin builds the Quảng Trị drive from an empty campaign (all four award forms,
copies, criteria, a quota rule), launches it, and a clerk of a participating unit sees it with its
deadline while a clerk of a non-participating unit does not."

Runs in Debian's Chromium (see tests/conftest.py); screenshots go to tests/e2e/artifacts/.
"""
import re

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.helpers import log_in, log_out, pick
from tests.factories.campaigns import award_form, legal_profile

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "Đợt thi đua đặc biệt chào mừng Kỷ niệm 80 năm Ngày truyền thống ngành Tổ chức nhà nước"
KIND = "Đợt thi đua đặc biệt"
DEADLINE = "04/08/2025"

BK_TTG = "Bằng khen của Thủ tướng Chính phủ"
BK_BNV = "Bằng khen của Bộ trưởng Bộ Nội vụ"
BK_UBND = "Bằng khen của Chủ tịch UBND tỉnh"
GK_SO = "Giấy khen của Giám đốc Sở"
# (award form, dossier copies) in the order the admin types them; only the Giấy khen has a quota
OFFERS = [(BK_TTG, 4), (BK_BNV, 4), (BK_UBND, 3), (GK_SO, 2)]

CRITERION_COLLECTIVE = ("Năm 2024 được xếp loại hoàn thành tốt nhiệm vụ trở lên; "
                        "không trong thời gian thi hành kỷ luật.")
CRITERION_INDIVIDUAL = ("Có thành tích xuất sắc, tiêu biểu trong đợt thi đua, được cơ quan, đơn vị "
                        "bình xét, đề nghị.")


@pytest.fixture
def catalogue(db):
    """With transaction=True the data migration's catalogue is flushed: create what the journey needs."""
    forms = {}
    for code, name, authority in (("bk-ttg", BK_TTG, 50), ("bk-bnv", BK_BNV, 30), ("bk-ubnd", BK_UBND, 40),
                                  ("gk-so", GK_SO, 10)):
        forms[name] = award_form(code=code, name=name, authority=authority,
                                 subject_types=("individual", "collective"), category="commendation")
    return {"forms": forms, "profile": legal_profile()}


class FormsetTable:
    """An editable formset table, read as a person does: a row, then the column under a header."""

    def __init__(self, page: Page):
        self.page = page
        self.table = page.locator("table.formset-table")
        self.body = self.table.locator("tbody")

    def rows(self) -> Locator:
        # error lines under a row are <tr>s too; a form row is the one holding a field
        return self.body.get_by_role("row").filter(has=self.page.locator("input, select, textarea"))

    def cell(self, row: int, header: str) -> Locator:
        # all_inner_texts() does not wait: after a click the table may not be on the page yet
        expect(self.table.locator("thead")).to_contain_text(header)
        headers = [h.strip() for h in self.table.locator("thead th").all_inner_texts()]
        column = headers.index(header)
        return self.rows().nth(row).get_by_role("cell").nth(column)

    def field(self, row: int, header: str) -> Locator:
        return self.cell(row, header).locator("input:not([type=hidden]), select, textarea")

    def add_row(self):
        before = self.rows().count()
        self.page.get_by_role("button", name="Thêm dòng").click()
        expect(self.rows()).to_have_count(before + 1)


def card(page: Page, header: str) -> Locator:
    return page.locator("section.card").filter(has=page.locator(".card-header", has_text=header))


def test_admin_builds_and_launches_campaign_clerks_see_it_by_participation(
        live_server, page: Page, cast, catalogue, shot):
    base = live_server.url
    main = page.locator("main")

    # 1. The admin creates the campaign: navbar → "Phong trào thi đua" → "Tạo phong trào".
    log_in(page, base, cast.admin.username, cast.password)
    expect(page).to_have_url(base + "/")
    page.locator("#mainnav").get_by_role("link", name="Phong trào thi đua").click()
    expect(page.get_by_role("heading", name="Phong trào thi đua")).to_be_visible()
    page.get_by_role("link", name="Tạo phong trào").click()
    expect(page.get_by_role("heading", name="Tạo phong trào thi đua")).to_be_visible()

    page.get_by_label("Loại phong trào").select_option(label=KIND)
    pick(page, "Cơ quan phát động", cast.body.name)
    page.get_by_label("Tên phong trào, kế hoạch").fill(TITLE)
    page.get_by_label("Số kế hoạch").fill("173")
    page.get_by_label("Ngày ban hành").fill("10/07/2024")
    page.get_by_label("Thời gian từ ngày").fill("10/07/2024")
    page.get_by_label("Đến ngày").fill("31/07/2025")
    page.get_by_label("Hạn tổng kết").fill(DEADLINE)
    page.get_by_label("Hạn nộp hồ sơ khen thưởng").fill(DEADLINE)
    page.get_by_label("Bộ căn cứ pháp lý").select_option(label=catalogue["profile"].name)
    page.get_by_label("Cá nhân", exact=True).check()
    page.get_by_label("Tập thể", exact=True).check()
    shot("01-campaign-form")
    page.get_by_role("button", name="Lưu").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    assert re.search(r"/phong-trao/\d+/$", page.url), page.url
    campaign_url = page.url
    expect(main).to_contain_text("Dự thảo")
    expect(main).to_contain_text("Kế hoạch số 173/KH-SNV ngày 10/07/2024")
    expect(page.locator("#dossier-deadline")).to_contain_text(DEADLINE)
    warning = main.locator(".alert-warning")
    expect(warning).to_contain_text("Chưa thể phát động")
    expect(warning).to_contain_text("chưa chọn hình thức khen thưởng nào")
    expect(warning).to_contain_text("chưa có đơn vị tham gia")
    shot("02-draft-created")

    # 2. Award forms, dossier copies and the quota: four rows via "Thêm dòng".
    card(page, "Hình thức khen thưởng và hồ sơ").get_by_role("link", name="Sửa").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hình thức khen thưởng")
    awards = FormsetTable(page)
    while awards.rows().count() < len(OFFERS):
        awards.add_row()
    expect(awards.rows()).to_have_count(len(OFFERS))
    for index, (name, copies) in enumerate(OFFERS):
        awards.field(index, "Thứ tự").fill(str(index + 1))
        awards.field(index, "Hình thức khen thưởng").select_option(label=name)
        awards.field(index, "Số bộ hồ sơ").fill(str(copies))
    gk = len(OFFERS) - 1
    awards.field(gk, "Cách tính chỉ tiêu").select_option(label="Số lượng tối đa mỗi đơn vị")
    awards.field(gk, "Số lượng / tỷ lệ %").fill("-1")  # a slip of the keyboard first
    shot("03-awards-form")
    page.get_by_role("button", name="Lưu").click()

    expect(main.locator(".alert-danger")).to_contain_text("Những gì bạn đã nhập vẫn được giữ nguyên")
    expect(awards.cell(gk, "Số lượng / tỷ lệ %")).to_contain_text("Chỉ tiêu không được âm.")
    expect(awards.rows()).to_have_count(len(OFFERS))
    for index, (name, copies) in enumerate(OFFERS):  # nothing typed is lost
        expect(awards.field(index, "Hình thức khen thưởng").locator("option:checked")).to_have_text(name)
        expect(awards.field(index, "Số bộ hồ sơ")).to_have_value(str(copies))
    expect(awards.field(gk, "Cách tính chỉ tiêu").locator("option:checked")).to_have_text(
        "Số lượng tối đa mỗi đơn vị")
    expect(awards.field(gk, "Số lượng / tỷ lệ %")).to_have_value("-1")
    shot("04-awards-error")

    awards.field(gk, "Số lượng / tỷ lệ %").fill("3")
    page.get_by_role("button", name="Lưu").click()

    expect(page).to_have_url(campaign_url)
    expect(page.get_by_role("alert").filter(has_text="Đã lưu")).to_be_visible()
    offers = card(page, "Hình thức khen thưởng và hồ sơ")
    for name, copies in OFFERS:
        expect(offers.get_by_role("row").filter(has_text=name)).to_contain_text(f"{copies:02d} bộ")
    expect(offers).to_contain_text("04 bộ")
    expect(offers).to_contain_text("03 bộ")
    expect(offers).to_contain_text("02 bộ")
    expect(offers.get_by_role("row").filter(has_text=GK_SO)).to_contain_text("Tối đa 3 mỗi đơn vị")
    expect(offers.get_by_role("row").filter(has_text=BK_TTG)).to_contain_text("Không giới hạn")
    shot("05-awards-saved")

    # 3. Criteria: one for collectives, one for individuals.
    card(page, "Tiêu chuẩn khen thưởng").get_by_role("link", name="Sửa").click()
    expect(page.get_by_role("heading", name="Tiêu chuẩn khen thưởng")).to_be_visible()
    criteria = FormsetTable(page)
    criteria.field(0, "Đối tượng").select_option(label="Tập thể")
    criteria.field(0, "Thứ tự").fill("1")
    criteria.field(0, "Nội dung tiêu chuẩn").fill(CRITERION_COLLECTIVE)
    criteria.field(1, "Đối tượng").select_option(label="Cá nhân")
    criteria.field(1, "Thứ tự").fill("1")
    criteria.field(1, "Nội dung tiêu chuẩn").fill(CRITERION_INDIVIDUAL)
    shot("06-criteria-form")
    page.get_by_role("button", name="Lưu").click()

    expect(page).to_have_url(campaign_url)
    criteria_card = card(page, "Tiêu chuẩn khen thưởng")
    expect(criteria_card).to_contain_text(CRITERION_COLLECTIVE)
    expect(criteria_card).to_contain_text(CRITERION_INDIVIDUAL)
    expect(criteria_card.get_by_role("heading", name="Tập thể")).to_be_visible()
    expect(criteria_card.get_by_role("heading", name="Cá nhân")).to_be_visible()
    expect(criteria_card).to_contain_text("Đối tượng được khen: Cá nhân, Tập thể")
    shot("07-criteria-saved")

    # 4. Participants: Phòng A with its sub-units.
    card(page, "Đơn vị tham gia").get_by_role("link", name="Sửa").click()
    expect(page.get_by_role("heading", name="Đơn vị tham gia")).to_be_visible()
    units = FormsetTable(page)
    pick(page, units.cell(0, "Cơ quan, đơn vị").get_by_role("combobox"), cast.unit_a.name)
    units.field(0, "Kể cả các đơn vị trực thuộc").check()
    shot("08-participants-form")
    page.get_by_role("button", name="Lưu").click()

    expect(page).to_have_url(campaign_url)
    participants = card(page, "Đơn vị tham gia")
    expect(participants).to_contain_text(f"{cast.unit_a.name} và các đơn vị trực thuộc")
    expect(participants).not_to_contain_text(cast.unit_b.name)
    expect(main.locator(".alert-warning")).to_have_count(0)  # nothing missing any more

    # 5. Launch.
    dialogs = []
    page.once("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))
    page.get_by_role("button", name="Phát động").click()
    expect(page).to_have_url(campaign_url)
    expect(page.get_by_role("alert").filter(has_text="Đã phát động phong trào")).to_be_visible()
    expect(main.locator(".badge").filter(has_text="Đã phát động")).to_be_visible()
    expect(page.get_by_role("button", name="Phát động")).to_have_count(0)
    assert dialogs and dialogs[0].startswith("Phát động phong trào “Đợt thi đua đặc biệt")
    expect(page.get_by_role("button", name="Kết thúc")).to_be_visible()
    shot("09-launched")

    # 6. The clerk of the participating unit sees it, with what to submit and by when.
    log_out(page)
    log_in(page, base, cast.clerk_a.username, cast.password)
    expect(page).to_have_url(base + "/")
    page.locator("#mainnav").get_by_role("link", name="Phong trào thi đua").click()
    table = page.locator("#campaign-table")
    row = table.get_by_role("row").filter(has_text=TITLE)
    expect(row).to_contain_text(DEADLINE)
    expect(row).to_contain_text("Đã phát động")
    shot("10-clerk-a-list")

    row.get_by_role("link", name=TITLE).click()
    expect(page).to_have_url(campaign_url)
    panel = page.locator("#clerk-panel")
    expect(panel).to_contain_text("Đơn vị của tôi cần nộp")
    expect(panel).to_contain_text(cast.unit_a.name)
    expect(panel).to_contain_text(f"Hạn nộp hồ sơ: {DEADLINE}")
    expect(panel.get_by_role("row").filter(has_text=GK_SO)).to_contain_text("02 bộ")
    expect(panel.get_by_role("row").filter(has_text=GK_SO)).to_contain_text("Tối đa 3")
    expect(panel.get_by_role("row").filter(has_text=BK_TTG)).to_contain_text("04 bộ")
    expect(panel).to_contain_text("04 bộ")
    expect(panel).to_contain_text("02 bộ")
    # a clerk neither edits nor launches the plan
    expect(page.get_by_role("link", name="Thông tin chung")).to_have_count(0)
    expect(main.get_by_role("link", name="Sửa")).to_have_count(0)
    shot("11-clerk-a-campaign")

    # 7. The clerk of the sibling unit, which does not take part, sees nothing of it.
    log_out(page)
    log_in(page, base, cast.clerk_b.username, cast.password)
    expect(page).to_have_url(base + "/")
    page.locator("#mainnav").get_by_role("link", name="Phong trào thi đua").click()
    expect(page.get_by_role("heading", name="Phong trào thi đua")).to_be_visible()
    expect(page.locator("#campaign-table")).not_to_contain_text(TITLE)
    expect(page.locator("#campaign-table")).to_contain_text("Không có phong trào nào.")
    shot("12-clerk-b-list")

    response = page.goto(campaign_url)
    assert response.status == 404
    expect(page.get_by_role("heading", name="Không tìm thấy trang")).to_be_visible()
    expect(main).not_to_contain_text(TITLE)
    shot("13-clerk-b-404")

    # 8. Anyone, without logging in, sees the launched campaign on the public page.
    log_out(page)
    page.goto(base + "/cong-khai/phong-trao/")
    public = page.locator("#public-campaigns")
    public_card = public.locator(".card").filter(has_text=TITLE)
    expect(public_card.get_by_role("link", name=TITLE)).to_be_visible()
    expect(public_card).to_contain_text(f"Hạn nộp hồ sơ: {DEADLINE}")
    expect(public_card).to_contain_text("Thời gian: 10/07/2024 – 31/07/2025")
    expect(public_card).to_contain_text(cast.body.name)
    shot("14-public-list")
