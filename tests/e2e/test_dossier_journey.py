"""Browser journey: a unit's dossier from the clerk's first click to the leader's decision.

Issue text: "clerk builds and submits → reviewer returns → clerk fixes and resubmits → reviewer
accepts → council votes → leader signs the decision and forwards one nominee → clerk sees the
outcomes; screenshots saved."

The Giấy khen dossier is built, submitted, returned, fixed, resubmitted and appraised in the browser.
Two more dossiers of the same unit are prepared through the services in the arrange step, so that the
council (Chiến sĩ thi đua cơ sở, voted by the council) and the forwarding upward (Bằng khen của Chủ
tịch UBND tỉnh, beyond the Sở's authority) have something to act on; every step after that is done in
the browser.

Runs in Debian's Chromium (see tests/conftest.py); screenshots go to tests/e2e/artifacts/.
"""
import io
import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import Locator, Page, expect

from awards.models import BaseSalary, BonusCoefficient, LegalBasisProfile
from campaigns.models import CampaignParticipant, Criterion
from campaigns.services.campaigns import offer_award
from campaigns.services.campaigns import transition as campaign_transition
from dossiers.enums import Outcome
from dossiers.models import EligibilityRule, NominationMeeting
from dossiers.services import building, meetings
from dossiers.services.workflow import transition
from orgs.enums import Role
from tests.e2e.helpers import log_in, log_out, pick
from tests.factories.campaigns import award_form, draft_campaign, legal_profile
from tests.factories.dossiers import complete_report
from tests.factories.orgs import MembershipFactory, PersonFactory, UserFactory
from tests.pdf_assertions import assert_in_order, pdf_pages_text, pdf_text

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "Phong trào thi đua “Cán bộ Nội vụ tận tụy, chuyên nghiệp” năm 2026 (thử)"
PLAN = "173/KH-SNV"
GK = "Giấy khen của Giám đốc Sở (thử)"
CSTD = "Chiến sĩ thi đua cơ sở (thử)"
BK = "Bằng khen của Chủ tịch UBND tỉnh (thử)"
CRITERION = "Hoàn thành xuất sắc nhiệm vụ được giao, có thành tích tiêu biểu trong phong trào."

KHOA = "Trần Minh Khoa"        # second Giấy khen nominee (the cast's person_a is the first)
LAN = "Phạm Thị Lan"           # Chiến sĩ thi đua cơ sở: voted by the council, then not approved
TUNG = "Đỗ Văn Tùng"           # Bằng khen UBND tỉnh: forwarded upward

MEETING_LABEL = "Biên bản họp bình xét 25/07/2026 – Phòng Tổ chức cán bộ"
RETURN_REASON = ("Báo cáo thành tích của ông Trần Minh Khoa chưa nêu số liệu cụ thể; "
                 "đề nghị bổ sung và nộp lại.")
KHOA_NOTE = "Bổ sung số liệu văn bản tham mưu, tỷ lệ hoàn thành nhiệm vụ năm."
NOT_APPROVED_REASON = "Thành tích chưa nổi trội so với các đơn vị khác trong Sở."

# dossiers/migrations/0002 and 0005: flushed by transaction=True, so created here
RULES = [
    ("criteria", "Đạt các tiêu chuẩn của phong trào", True),
    ("rating", "Xếp loại năm từ “hoàn thành tốt nhiệm vụ” trở lên", True),
    ("discipline", "Không trong thời gian thi hành kỷ luật", True),
    ("quota", "Trong chỉ tiêu của đơn vị", True),
    ("deadline", "Nộp trong hạn", False),
    ("meeting_vote", "Tỷ lệ phiếu bình xét đạt yêu cầu", True),
    ("not_yet_awarded", "Chưa được khen cùng thành tích", True),
    ("history_bk_ttg", "Đủ điều kiện đề nghị Bằng khen của Thủ tướng Chính phủ (theo sổ khen thưởng)", True),
    ("history_cstd_toan_quoc", "Đủ điều kiện đề nghị Chiến sĩ thi đua toàn quốc (theo sổ khen thưởng)", True),
]


def ddmmyyyy(day):
    return f"{day:%d/%m/%Y}"


# --- arrange -------------------------------------------------------------------------------------
def prepared_dossier(cast, campaign, offer, person, meeting):
    """A dossier of unit A with one nominee, built and sent to the office through the services, then
    accepted by the office: the state is "appraised" (the caller sends it on)."""
    dossier = building.start_dossier(campaign, cast.unit_a, offer, by=cast.clerk_a)
    nomination = building.add_nominee(dossier, subject_type="individual", person=person, by=cast.clerk_a)
    complete_report(nomination, by=cast.clerk_a)
    meetings.record_votes(meeting, [(nomination, 8, 1, 0)], by=cast.clerk_a)
    dossier.refresh_from_db()
    dossier.memo_number, dossier.memo_date = "05/TTr-TCCB", date(2026, 6, 20)
    building.save_dossier(dossier, by=cast.clerk_a)
    dossier = transition(dossier, "submit", by=cast.clerk_a)
    dossier = transition(dossier, "start_review", by=cast.reviewer)
    building.review_nominee(dossier.nominations.get(), verdict=Outcome.ACCEPTED, by=cast.reviewer)
    return transition(dossier, "accept", by=cast.reviewer)


@pytest.fixture
def journey(db, cast):
    """The catalogue, the rules, a launched campaign of the Sở (unit A taking part, deadline ahead),
    two more people of unit A, and the CSTĐ / Bằng khen tỉnh dossiers prepared through the services."""
    # update_or_create: the data migrations' rows are there when this is the first transactional test
    for order, (code, label, blocking) in enumerate(RULES, start=1):
        EligibilityRule.objects.update_or_create(code=code, defaults={
            "label": label, "is_active": True, "is_blocking": blocking, "order": order})
    # this journey's unit registered nothing: "registered" (0022) is off here, tested in test_from_registration
    EligibilityRule.objects.update_or_create(code="registered", defaults={
        "label": "Đã đăng ký thi đua (danh hiệu thi đua)", "is_active": False, "is_blocking": False, "order": 10})

    forms = {
        GK: award_form(code="gk-so-test", name=GK, authority=10, subject_types=("individual", "collective")),
        CSTD: award_form(code="cstd-co-so-test", name=CSTD, authority=10, subject_types=("individual",),
                         category="title"),
        BK: award_form(code="bk-tinh-test", name=BK, authority=40, subject_types=("individual", "collective")),
    }
    cstd = forms[CSTD]
    cstd.needs_council, cstd.vote_threshold = True, Decimal("70")
    cstd.vote_denominator, cstd.ballot_type = "all", "secret"
    cstd.save()

    # the profile the sign page proposes for today: the national one the migrations load (NĐ 152/2025) when this
    # journey runs first on a fresh database, the test's own once an earlier test flushed them
    legal_profile()
    profile = LegalBasisProfile.objects.in_force(timezone.localdate()).order_by("-valid_from").first()
    BonusCoefficient.objects.create(profile=profile, award_form=forms[GK], subject_type="individual",
                                    coefficient=Decimal("0.3"))
    BaseSalary.objects.update_or_create(valid_from=date(2024, 7, 1), defaults={
        "amount": 2_340_000, "legal_basis": "Nghị định 73/2024/NĐ-CP"})

    today = timezone.localdate()
    deadline = today + timedelta(days=45)
    campaign = draft_campaign(cast, title=TITLE, plan_number=173, plan_symbol="KH-SNV", plan_date=date(2026, 1, 5),
                              period_start=date(2026, 1, 1), period_end=date(2026, 12, 31),
                              summary_deadline=deadline, dossier_deadline=deadline, legal_profile=profile)
    offers = {name: offer_award(campaign, form, copies=2, by=cast.admin, order=order)
              for order, (name, form) in enumerate(forms.items(), start=1)}
    Criterion.objects.create(campaign=campaign, subject_type="individual", order=1, text=CRITERION)
    CampaignParticipant.objects.create(campaign=campaign, organisation=cast.unit_a, include_subtree=True)
    campaign = campaign_transition(campaign, "launch", by=cast.admin)

    people = {
        KHOA: PersonFactory(full_name=KHOA, position="Phó Trưởng phòng", organisation=cast.unit_a),
        LAN: PersonFactory(full_name=LAN, position="Chuyên viên chính", organisation=cast.unit_a),
        TUNG: PersonFactory(full_name=TUNG, position="Chuyên viên", organisation=cast.unit_a),
    }

    # The unit's earlier meeting for the two dossiers prepared here (the journey records its own).
    earlier = meetings.save_meeting(NominationMeeting(
        campaign=campaign, organisation=cast.unit_a,
        held_at=timezone.make_aware(datetime(2026, 6, 15, 14, 0)), place="Phòng họp tầng 2",
        chair="Nguyễn Văn Hùng – Trưởng phòng", secretary="Phạm Thị Thảo – Chuyên viên", members_total=10,
        members_present=9, ballot_type="secret"), by=cast.clerk_a)
    cstd_dossier = transition(prepared_dossier(cast, campaign, offers[CSTD], people[LAN], earlier),
                              "to_council", by=cast.reviewer)
    bk_dossier = transition(prepared_dossier(cast, campaign, offers[BK], people[TUNG], earlier),
                            "to_leader", by=cast.reviewer)
    assert (cstd_dossier.state, bk_dossier.state) == ("in_council", "awaiting_decision")
    # the council of five: the leader chairs it, the office's head is its secretary
    member = UserFactory(username="uyvien", first_name="Lan", last_name="Vũ Thị")
    member.set_password(cast.password)
    member.save()
    MembershipFactory(user=member, organisation=cast.body, role=Role.COUNCIL)
    absent = UserFactory(username="uyvien2", first_name="Tùng", last_name="Đỗ Văn")
    MembershipFactory(user=absent, organisation=cast.body, role=Role.COUNCIL)
    council = [("Lê Quang Thắng", "Giám đốc Sở", "Chủ tịch Hội đồng", cast.approver),
               ("Phạm Thu Hà", "Chánh Văn phòng", "Ủy viên, Thư ký Hội đồng", cast.reviewer),
               ("Hoàng Đức Minh", "Phó Giám đốc Sở", "Phó Chủ tịch Hội đồng", cast.council),
               ("Vũ Thị Lan", "Trưởng phòng Tổ chức cán bộ", "Ủy viên", member),
               ("Đỗ Văn Tùng", "Trưởng phòng Công chức, viên chức", "Ủy viên", absent)]
    return {"campaign": campaign, "deadline": deadline, "today": today, "people": people, "council": council,
            "member": member, "lan_nomination": cstd_dossier.nominations.get().pk}


# --- helpers ---------------------------------------------------------------------------------------
def office_menu(page: Page, item):
    """Navbar → "Xét khen thưởng" → item."""
    page.locator("#office-menu").click()
    page.locator("#mainnav").get_by_role("link", name=item, exact=True).click()


def confirm_click(page: Page, button: Locator):
    """Click a button with data-confirm and accept the window.confirm; returns the question asked."""
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    button.click()
    return asked


def labelled(scope, text):
    """The field whose label is exactly `text` (a required field's label ends with "*")."""
    return scope.get_by_label(re.compile(rf"^\s*{re.escape(text)}\*?\s*$"))


def alert(page: Page, text):
    return page.get_by_role("alert").filter(has_text=text)


def cell_field(table: Locator, row_text, header):
    """The input or select of one table row (found by its text) under a column header."""
    # all_inner_texts() does not wait: after a click the table may not be on the page yet
    expect(table.locator("thead")).to_contain_text(header)
    headers = [h.strip() for h in table.locator("thead th").all_inner_texts()]
    row = table.locator("tbody tr").filter(has_text=row_text)
    return row.locator("td, th").nth(headers.index(header)).locator("input:not([type=hidden]), select")


def fill_report(page: Page, *, results, summary):
    """The Mẫu 08 page: what a clerk types for an individual."""
    expect(page.get_by_role("heading", name=re.compile("Báo cáo thành tích \\(Mẫu số 08\\)"))).to_be_visible()
    page.get_by_label("Tóm tắt thành tích").fill(summary)
    page.get_by_label("Kết quả đạt được").fill(results)
    page.get_by_label("Năm đánh giá, xếp loại").fill("2025")
    page.get_by_label("Xếp loại", exact=True).select_option(label="Hoàn thành tốt nhiệm vụ")
    page.get_by_label("Số quyết định xếp loại").fill("12/QĐ-SNV")
    page.get_by_label("Ngày quyết định xếp loại").fill("15/01/2026")
    page.get_by_label(CRITERION).check()


def test_dossier_from_clerk_to_decision_and_forwarding(live_server, page: Page, cast, journey, shot, settings,
                                                       tmp_path):
    settings.MEDIA_ROOT = tmp_path  # the stored PDFs and the Excel export
    base = live_server.url
    main = page.locator("main")
    today = ddmmyyyy(journey["today"])
    huong = cast.person_a.full_name

    # 1. The clerk records the unit's nomination meeting (Biên bản họp bình xét).
    log_in(page, base, cast.clerk_a.username, cast.password)
    page.locator("#mainnav").get_by_role("link", name="Hồ sơ của đơn vị").click()
    expect(page.get_by_role("heading", name="Hồ sơ đề nghị khen thưởng của đơn vị")).to_be_visible()
    page.get_by_role("link", name="Biên bản họp bình xét").click()
    expect(page.get_by_role("heading", name="Biên bản họp bình xét")).to_be_visible()
    page.get_by_role("link", name="Ghi biên bản họp").click()
    expect(page.get_by_role("heading", name="Ghi biên bản họp bình xét")).to_be_visible()
    page.get_by_label("Phong trào thi đua").select_option(label=f"{TITLE} ({PLAN})")
    # The clerk has one unit, yet it is not preselected (MeetingCreateView.get_form: initial.setdefault()
    # is a no-op because the ModelForm's initial already holds "organisation": None): choose it.
    pick(page, "Đơn vị họp bình xét", cast.unit_a.name)
    page.get_by_label("Thời gian họp").fill("25/07/2026 08:00")
    page.get_by_label("Kết thúc lúc").fill("10:30")
    page.get_by_label("Địa điểm").fill("Phòng họp số 3, Sở Nội vụ tỉnh Thử")
    page.get_by_label("Chủ trì").fill("Nguyễn Văn Hùng – Trưởng phòng")
    page.get_by_label("Thư ký").fill("Phạm Thị Thảo – Chuyên viên")
    page.get_by_label("Tổng số thành viên").fill("10")
    page.get_by_label("Số thành viên có mặt").fill("9")
    page.get_by_label("Thành viên vắng mặt").fill("Hoàng Văn Nam (đi công tác)")
    page.get_by_label("Hình thức biểu quyết").select_option(label="Bỏ phiếu kín")
    page.get_by_label("Kết luận").fill("Thống nhất đề nghị khen thưởng theo kết quả bỏ phiếu.")
    shot("01-meeting-form")
    page.get_by_role("button", name="Lưu").click()

    expect(page.get_by_role("heading", name="Kết quả biểu quyết")).to_be_visible()
    expect(alert(page, "Đã lưu biên bản họp bình xét")).to_be_visible()
    expect(page.locator("#votes-table")).to_contain_text("Chưa có người, tập thể nào được đề nghị")
    shot("02-meeting-saved")

    # 2. "Lập hồ sơ" for the Giấy khen; two people, their Mẫu 08 reports; Tờ trình; votes; submit.
    page.locator("#mainnav").get_by_role("link", name="Hồ sơ của đơn vị").click()
    page.get_by_role("link", name="Lập hồ sơ").click()
    expect(page.get_by_role("heading", name="Lập hồ sơ đề nghị khen thưởng")).to_be_visible()
    expect(page.get_by_label("Đơn vị đề nghị").locator("option:checked")).to_contain_text(cast.unit_a.name)
    page.get_by_label("Phong trào – hình thức khen thưởng").select_option(label=f"{PLAN} – {GK} (02 bộ)")
    page.get_by_role("button", name="Tiếp tục").click()

    expect(page.get_by_role("heading", name=f"Hồ sơ đề nghị {GK}")).to_be_visible()
    assert re.search(r"/ho-so/\d+/$", page.url), page.url
    dossier_url = page.url
    expect(main.locator(".badge").filter(has_text="Đang soạn")).to_be_visible()
    expect(main).to_contain_text(f"Hạn nộp {ddmmyyyy(journey['deadline'])}")
    shot("03-dossier-started")

    nominees = page.locator("#nominee-form")
    for name, position, results, summary in (
            (huong, "Chuyên viên", "Tham mưu 14 văn bản về tổ chức bộ máy, 100% đúng hạn.",
             "Tham mưu sắp xếp tổ chức bộ máy đúng tiến độ."),
            (KHOA, "Phó Trưởng phòng", "Hoàn thành tốt nhiệm vụ được giao.",
             "Chỉ đạo thực hiện tốt công tác cán bộ.")):
        page.get_by_role("link", name="Thêm người, tập thể được đề nghị").click()
        nominees.get_by_label("Đối tượng").select_option(label="Cá nhân")
        pick(page, "Cá nhân", name, option=f"{name} – {position}, {cast.unit_a.name}")
        nominees.get_by_role("button", name="Thêm").click()
        expect(alert(page, f"Đã thêm {name}. Hãy điền báo cáo thành tích.")).to_be_visible()
        expect(page.get_by_label("Chức vụ, đơn vị công tác")).to_have_value(f"{position}, {cast.unit_a.name}")
        fill_report(page, results=results, summary=summary)
        if name == huong:
            shot("04-report-form")
        page.get_by_role("button", name="Lưu báo cáo").click()
        expect(alert(page, f"Đã lưu báo cáo thành tích của {name}.")).to_be_visible()
        expect(page).to_have_url(dossier_url)

    table = page.locator("#nominees")
    for name in (huong, KHOA):
        expect(table.get_by_role("row").filter(has_text=name)).to_contain_text("Đầy đủ")
    checklist = page.locator("#checklist")
    expect(checklist).to_contain_text("chưa ghi số, ngày Tờ trình")
    expect(checklist).to_contain_text("chưa chọn Biên bản họp bình xét")
    expect(checklist).to_contain_text("Tỷ lệ phiếu bình xét đạt yêu cầu".lower())
    shot("05-two-nominees")

    page.locator("#memo").get_by_role("link", name="Sửa").click()
    expect(page.get_by_role("button", name="Lưu")).to_be_visible()
    page.get_by_label("Số Tờ trình").fill("07/TTr-TCCB")
    page.get_by_label("Ngày Tờ trình").fill("28/07/2026")
    labelled(page, "Người ký Tờ trình").fill("Nguyễn Văn Hùng")
    page.get_by_label("Biên bản họp bình xét").select_option(label=MEETING_LABEL)
    shot("06-memo-form")
    page.get_by_role("button", name="Lưu").click()
    expect(alert(page, "Đã lưu thông tin Tờ trình.")).to_be_visible()
    memo = page.locator("#memo")
    expect(memo).to_contain_text("Số 07/TTr-TCCB ngày 28/07/2026")
    expect(checklist).to_contain_text("còn 2 người chưa có kết quả biểu quyết")

    # the votes: the meeting's page, reached from the dossier
    memo.get_by_role("link", name=MEETING_LABEL).click()
    expect(page.get_by_role("heading", name="Biên bản họp bình xét")).to_be_visible()
    expect(page.locator("#meeting-members")).to_contain_text("Có mặt 9/10 thành viên; vắng mặt 1.")
    page.get_by_role("link", name="Ghi kết quả biểu quyết").click()
    votes = page.locator("#votes-table")
    for name in (huong, KHOA):
        cell_field(votes, name, "Đồng ý").fill("8")
        cell_field(votes, name, "Không đồng ý").fill("1")
        cell_field(votes, name, "Không biểu quyết").fill("0")
    shot("07-votes-form")
    page.get_by_role("button", name="Lưu kết quả biểu quyết").click()
    expect(alert(page, "Đã lưu kết quả biểu quyết (2 người, tập thể có thay đổi).")).to_be_visible()
    results = page.locator("#vote-results")
    for name in (huong, KHOA):
        expect(results.get_by_role("row").filter(has_text=name)).to_contain_text("88,88%")
    page.get_by_role("link", name=f"{GK} – {cast.unit_a.name}").click()

    expect(page).to_have_url(dossier_url)
    expect(checklist).not_to_contain_text("chưa")
    expect(checklist).to_contain_text("Hồ sơ đủ điều kiện để nộp.")
    shot("08-ready-to-submit")
    asked = confirm_click(page, page.locator("#dossier-actions").get_by_role("button", name="Gửi hồ sơ"))
    assert asked == [f"Gửi hồ sơ đến {cast.body.name}? Sau khi gửi, hồ sơ không sửa được nữa, trừ khi bị trả lại "
                     "hoặc đơn vị rút hồ sơ."]
    expect(page.locator("#sent-summary")).to_contain_text("Đã gửi hồ sơ")  # what was sent, to whom, what next
    page.locator("#sent-dossier-link").click()
    expect(main.locator(".badge").filter(has_text="Đã nộp")).to_be_visible()
    expect(main).to_contain_text("Lần nộp: 1")
    expect(page.locator("#nominee-add")).to_have_count(0)  # nothing to change once sent
    shot("09-submitted")
    log_out(page)

    # 3. The office opens it from the inbox, starts the review and returns it with a reason.
    log_in(page, base, cast.reviewer.username, cast.password)
    office_menu(page, "Hộp hồ sơ")
    expect(page.get_by_role("heading", name="Hộp hồ sơ đề nghị khen thưởng")).to_be_visible()
    inbox_row = page.locator("#inbox-table tbody tr").filter(has_text=GK)
    expect(inbox_row).to_contain_text("Đã nộp")
    shot("10-inbox")
    # the list of nominees in Excel: built by the worker (inline here), downloaded from its progress page
    page.get_by_role("link", name="Xuất Excel danh sách đề nghị").click()
    expect(page.locator("#export-status")).to_have_attribute("data-status", "done")
    shot("10b-export")
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải về tệp Excel").click()
    listing = download.value
    assert re.fullmatch(r"Danh sách đề nghị khen thưởng \d\d-\d\d-\d{4}\.xlsx", listing.suggested_filename)
    book = load_workbook(io.BytesIO(Path(listing.path()).read_bytes()), read_only=True)  # the path has no suffix
    rows = list(book["Danh sách đề nghị"].iter_rows(values_only=True))
    names = [row[1] for row in rows[1:]]  # this dossier's two and the other dossiers the office handles
    assert {huong, KHOA} <= set(names)
    expect(page.locator("#export-status")).to_contain_text(f"{len(names)} dòng")
    page.get_by_role("link", name="Về hộp hồ sơ (cùng bộ lọc)").click()
    inbox_row.get_by_role("link", name=cast.unit_a.name).click()
    expect(page.get_by_role("heading", name=f"Hồ sơ đề nghị {GK}")).to_be_visible()
    review_url = page.url
    confirm_click(page, page.locator("#dossier-actions").get_by_role("button", name="Nhận và thẩm định"))
    expect(alert(page, "Đã thực hiện: nhận và thẩm định.")).to_be_visible()
    expect(main.locator(".badge").filter(has_text="Đang thẩm định")).to_be_visible()
    khoa_card = page.locator("section.nominee-review").filter(has_text=KHOA)
    khoa_card.get_by_role("radio", name="Cần bổ sung").check()  # the verdict shows the box it needs
    khoa_card.get_by_label("Nội dung đơn vị cần bổ sung").fill(KHOA_NOTE)
    khoa_card.get_by_role("button", name="Ghi kết luận").click()
    expect(alert(page, f"Đã ghi kết luận cho {KHOA}.")).to_be_visible()
    page.locator("#return-form").get_by_label("Lý do, nội dung cần bổ sung").fill(RETURN_REASON)
    shot("11-review-return")
    page.get_by_role("button", name="Trả lại hồ sơ").click()
    expect(alert(page, "Đã thực hiện: trả lại để bổ sung.")).to_be_visible()
    expect(main.locator(".badge").filter(has_text="Trả lại để bổ sung")).to_be_visible()
    expect(page.locator("#state-log")).to_contain_text(RETURN_REASON)
    log_out(page)

    # 4. The clerk reads why, fixes Khoa's report and submits again.
    log_in(page, base, cast.clerk_a.username, cast.password)
    page.locator("#mainnav").get_by_role("link", name="Hồ sơ của đơn vị").click()
    page.locator("#dossier-table tbody tr").filter(has_text=GK).get_by_role("link", name=GK).click()
    expect(page).to_have_url(dossier_url)
    returned = page.locator("#return-reason")
    expect(returned).to_contain_text(RETURN_REASON)
    expect(returned).to_contain_text(f"{KHOA}: {KHOA_NOTE}")
    shot("12-returned")
    page.locator("#nominees").get_by_role("row").filter(has_text=KHOA).get_by_role(
        "link", name="Điền, sửa báo cáo").click()
    expect(page.locator(".alert-warning")).to_contain_text(KHOA_NOTE)
    page.get_by_label("Kết quả đạt được").fill(
        "Tham mưu 21 văn bản về công tác cán bộ, 100% đúng hạn; tỷ lệ hoàn thành nhiệm vụ năm 2025: 100%.")
    page.get_by_role("button", name="Lưu báo cáo").click()
    expect(alert(page, f"Đã lưu báo cáo thành tích của {KHOA}.")).to_be_visible()
    expect(page.locator("#checklist")).to_contain_text("Hồ sơ đủ điều kiện để nộp.")
    confirm_click(page, page.locator("#dossier-actions").get_by_role("button", name="Gửi hồ sơ"))
    expect(page.locator("#sent-summary")).to_contain_text("lần nộp 2")
    page.locator("#sent-dossier-link").click()
    expect(main.locator(".badge").filter(has_text="Đã nộp")).to_be_visible()
    expect(main).to_contain_text("Lần nộp: 2")
    expect(page.locator("#return-reason")).to_have_count(0)
    shot("13-resubmitted")
    log_out(page)

    # 5. The office reviews again: each nominee "Đủ điều kiện", accept, send to the leader.
    log_in(page, base, cast.reviewer.username, cast.password)
    office_menu(page, "Hộp hồ sơ")
    inbox_row = page.locator("#inbox-table tbody tr").filter(has_text=GK)
    expect(inbox_row).to_contain_text("lần 2")
    inbox_row.get_by_role("link", name=cast.unit_a.name).click()
    expect(page).to_have_url(review_url)
    confirm_click(page, page.locator("#dossier-actions").get_by_role("button", name="Nhận và thẩm định"))
    expect(main.locator(".badge").filter(has_text="Đang thẩm định")).to_be_visible()
    for name in (huong, KHOA):
        card = page.locator("section.nominee-review").filter(has_text=name)
        expect(card).to_contain_text("Tham mưu")
        card.get_by_role("radio", name="Đạt (đủ điều kiện)").check()
        card.get_by_role("button", name="Ghi kết luận").click()
        expect(alert(page, f"Đã ghi kết luận cho {name}.")).to_be_visible()
        expect(page.locator("section.nominee-review").filter(has_text=name).locator(".card-header")).to_contain_text(
            "Đủ điều kiện")
    shot("14-review-verdicts")
    confirm_click(page, page.locator("#dossier-actions").get_by_role("button", name="Đạt yêu cầu, tiếp nhận"))
    expect(alert(page, "Đã thực hiện: đạt yêu cầu, tiếp nhận.")).to_be_visible()
    confirm_click(page, page.locator("#dossier-actions").get_by_role("button", name="Trình lãnh đạo"))
    expect(alert(page, "Đã thực hiện: trình lãnh đạo.")).to_be_visible()
    expect(main.locator(".badge").filter(has_text="Chờ lãnh đạo quyết định")).to_be_visible()
    shot("15-sent-to-leader")

    # 6. The council of five: the office keeps its list, opens the session with the roll call (one member
    # absent, giving a written opinion); the four present vote by secret ballot, each from their own account;
    # the office records the absent member's signed opinion; the chair (the leader) closes the session.
    office_menu(page, "Hội đồng Thi đua – Khen thưởng")
    expect(page.get_by_role("heading", name="Phiên họp Hội đồng Thi đua – Khen thưởng")).to_be_visible()
    page.get_by_role("link", name="Thành phần Hội đồng").click()
    members = journey["council"]
    for index, (name, position, title, user) in enumerate(members):
        page.locator(f'[name="tv-{index}-full_name"]').fill(name)
        page.locator(f'[name="tv-{index}-position"]').fill(position)
        page.locator(f'[name="tv-{index}-title"]').select_option(label=title)
        pick(page, f'[name="tv-{index}-user__tim"]', user.username, option=f"{user.get_full_name()} ({user.username})")
    page.get_by_role("button", name="Lưu thành phần Hội đồng").click()
    expect(alert(page, "Đã lưu thành phần Hội đồng của Sở Nội vụ tỉnh Thử: 5 thành viên.")).to_be_visible()
    page.get_by_role("link", name="Quay lại").click()
    page.get_by_role("link", name="Mở phiên họp").click()
    page.get_by_label("Phong trào thi đua").select_option(label=f"{TITLE} ({PLAN})")
    page.get_by_label("Thời gian họp").fill(f"{today} 08:30")
    page.get_by_label("Địa điểm").fill("Phòng họp số 1, Sở Nội vụ tỉnh Thử")
    expect(page.get_by_label("Thành viên bỏ phiếu trên cổng")).to_be_checked()  # the default, not paper
    page.get_by_label("Đỗ Văn Tùng – Ủy viên").select_option(label="Vắng mặt, có ý kiến bằng văn bản")
    expect(page.get_by_label("Người chủ trì").locator("option:checked")).to_contain_text("Lê Quang Thắng")
    shot("16-council-form")
    page.get_by_role("button", name="Mở phiên họp").click()
    expect(alert(page, "Đã mở phiên họp Hội đồng.")).to_be_visible()
    expect(page.locator("#session-state")).to_have_text("Đang họp")
    expect(page.locator("#not-voted")).to_contain_text("Còn 4 người chưa bỏ phiếu đủ")
    agenda = page.locator("#council-agenda")
    expect(agenda.get_by_role("row").filter(has_text=LAN)).to_contain_text("Còn 4 người chưa bỏ phiếu")
    expect(agenda).not_to_contain_text(huong)  # Giấy khen needs no council
    session_url = page.url
    log_out(page)

    voters = [(cast.approver, "Đồng ý"), (cast.reviewer, "Đồng ý"), (cast.council, "Không đồng ý"),
              (journey["member"], "Đồng ý")]
    for user, choice in voters:
        log_in(page, base, user.username, cast.password)
        page.goto(session_url)
        page.get_by_role("link", name="Bỏ phiếu").click()
        ballot = page.locator(f"#vote-{journey['lan_nomination']}")
        expect(ballot).to_contain_text("Bỏ phiếu kín")
        ballot.get_by_label(choice, exact=True).check()
        if user == cast.council:
            shot("17-council-ballot")
        page.get_by_role("button", name="Gửi phiếu").click()
        expect(alert(page, "Đã ghi phiếu của bạn cho 1 người, tập thể.")).to_be_visible()
        page.get_by_role("link", name="Bỏ phiếu").click()  # a secret ballot cast is not asked again
        expect(page.locator(f"#vote-{journey['lan_nomination']}")).to_contain_text("Bạn đã bỏ phiếu kín")
        log_out(page)

    log_in(page, base, cast.reviewer.username, cast.password)
    page.goto(session_url)
    expect(page.locator("#not-voted")).to_have_text("Mọi thành viên có mặt đã bỏ phiếu")
    expect(page.locator("#council-agenda")).not_to_contain_text("Không đồng ý 1")  # no count while voting
    page.locator("#session-members-table").get_by_role("row").filter(has_text="Đỗ Văn Tùng").get_by_role(
        "link", name="Ghi ý kiến").click()
    opinion = tmp_path / "y-kien-do-van-tung.pdf"
    opinion.write_bytes(b"%PDF-1.4\n% y kien bang van ban\n%%EOF\n")
    page.get_by_label("Bản chụp ý kiến bằng văn bản đã ký").set_input_files(str(opinion))
    page.get_by_label("Đồng ý", exact=True).check()
    page.get_by_role("button", name="Ghi ý kiến bằng văn bản").click()
    expect(alert(page, "Đã ghi ý kiến bằng văn bản của Đỗ Văn Tùng.")).to_be_visible()
    expect(page.locator("#session-members-table").get_by_role("row").filter(has_text="Đỗ Văn Tùng")).to_contain_text(
        "Bản ký")
    log_out(page)

    log_in(page, base, cast.approver.username, cast.password)  # the chair closes the session
    page.goto(session_url)
    expect(page.get_by_label("Số Biên bản họp Hội đồng")).to_have_value("01/BB-HĐTĐKT")  # the series' next
    page.get_by_label("Kết luận của phiên họp").fill("Hội đồng thống nhất đề nghị Giám đốc Sở xem xét, quyết định.")
    page.get_by_role("button", name="Kết thúc phiên họp").click()
    expect(alert(page, "Đã kết thúc phiên họp.")).to_be_visible()
    expect(page.locator("#session-state")).to_contain_text("Đã kết thúc lúc")
    lan_row = page.locator("#council-agenda").get_by_role("row").filter(has_text=LAN)
    expect(lan_row).to_contain_text("80%")  # (3 for in the room + 1 written) / 5 members
    expect(lan_row).to_contain_text("Đạt")
    expect(page.get_by_role("link", name="Bỏ phiếu")).to_have_count(0)
    shot("18-council-closed")
    log_out(page)

    # 7. The leader: approve (one not), sign the decision for the Giấy khen, forward the Bằng khen tỉnh.
    log_in(page, base, cast.approver.username, cast.password)
    office_menu(page, "Phê duyệt, ký quyết định")
    expect(page.get_by_role("heading", name="Phê duyệt khen thưởng")).to_be_visible()
    section = page.locator("section.card").filter(has_text=TITLE)
    expect(section.get_by_role("row").filter(has_text=LAN)).to_contain_text("Hội đồng thông qua")
    expect(section.get_by_role("row").filter(has_text=TUNG)).to_contain_text("Trình cấp trên")
    shot("19-approval-queue")
    for name in (huong, KHOA, TUNG):
        section.get_by_role("row").filter(has_text=name).get_by_role("button", name="Đồng ý").click()
        expect(alert(page, f"Đã ghi ý kiến phê duyệt cho {name}.")).to_be_visible()
        expect(section.get_by_role("row").filter(has_text=name)).to_contain_text("Lãnh đạo đồng ý")
    lan_row = section.get_by_role("row").filter(has_text=LAN)
    lan_row.get_by_label("Lý do không đồng ý").fill(NOT_APPROVED_REASON)
    lan_row.get_by_role("button", name="Không").click()
    expect(alert(page, f"Đã ghi ý kiến phê duyệt cho {LAN}.")).to_be_visible()
    expect(section.get_by_role("row").filter(has_text=LAN)).to_have_count(0)  # its dossier is decided
    shot("20-approved")

    section.get_by_role("link", name="Ký quyết định").click()
    expect(page.get_by_role("heading", name="Ký quyết định khen thưởng")).to_be_visible()
    labelled(page, "Số").fill("1")
    expect(page.get_by_label("Ký hiệu")).to_have_value("QĐ-SNV")
    expect(page.get_by_label("Ngày ký")).to_have_value(today)
    page.get_by_label("Xét đề nghị tại Tờ trình số").fill("07/TTr-TCCB ngày 28/07/2026 của Phòng Tổ chức cán bộ")
    page.get_by_label("Chức vụ người ký").fill("Giám đốc")
    labelled(page, "Người ký").fill("Lê Quang Thắng")
    gk_boxes = page.get_by_role("checkbox", name=re.compile(re.escape(GK)))
    expect(gk_boxes).to_have_count(2)
    for name in (huong, KHOA):
        box = page.get_by_role("checkbox", name=re.compile("^" + re.escape(name)))
        box.check()
        expect(box).to_be_checked()
    expect(page.get_by_role("checkbox", name=re.compile(TUNG))).to_have_count(0)  # beyond the Sở's authority
    shot("21-decision-form")
    asked = confirm_click(page, page.get_by_role("button", name="Ký quyết định khen thưởng"))
    assert asked == ["Ký quyết định khen thưởng?"]

    expect(page.get_by_role("heading", level=1)).to_have_text(f"Quyết định số 01/QĐ-SNV ngày {today}")
    expect(alert(page, f"Đã ký Quyết định số 01/QĐ-SNV ngày {today}.")).to_be_visible()
    awardees = page.locator("#awardees")
    for name in (huong, KHOA):
        expect(awardees.locator("tbody tr").filter(has_text=name)).to_contain_text("710.000 đ")  # 0,3 × 2.340.000
    expect(awardees.locator("tfoot")).to_contain_text("2 cá nhân, 0 tập thể")
    expect(awardees.locator("tfoot")).to_contain_text("1.420.000 đ")
    shot("22-decision")
    # the leader prints Hương's Giấy khen on plain paper: a PDF with her name and the decision (its preview's "Tải PDF")
    awardees.get_by_role("button", name=f"In trên giấy trắng: {huong}").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải PDF").click()
    certificate = download.value
    page.go_back()
    assert certificate.suggested_filename == f"{GK} - {huong}.pdf"
    text = pdf_text(Path(certificate.path()).read_bytes())
    assert_in_order(text, [huong, "Phòng Tổ chức cán bộ", "01/QĐ-SNV", "Lê Quang Thắng"])

    office_menu(page, "Phê duyệt, ký quyết định")
    section = page.locator("section.card").filter(has_text=TITLE)
    expect(section.locator("tbody tr")).to_have_count(1)
    section.get_by_role("link", name="Trình cấp trên").click()
    expect(page.get_by_role("heading", name="Trình cấp trên")).to_be_visible()
    expect(labelled(page, "Trình")).to_have_value("Chủ tịch UBND tỉnh")
    page.get_by_label("Số Tờ trình").fill("45/TTr-SNV")
    expect(page.get_by_label("Ngày Tờ trình")).to_have_value(today)
    page.get_by_label("Chức vụ người ký").fill("Giám đốc")
    labelled(page, "Người ký").fill("Lê Quang Thắng")
    expect(page.get_by_role("checkbox", name=re.compile("^" + TUNG))).to_be_checked()
    shot("23-forward-form")
    asked = confirm_click(page, page.get_by_role("button", name="Trình cấp trên"))
    assert asked == ["Trình cấp trên?"]
    expect(alert(page, "Đã trình Chủ tịch UBND tỉnh tại Tờ trình số 45/TTr-SNV.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Tờ trình số 45/TTr-SNV ngày {today}")
    expect(main.get_by_role("row").filter(has_text=TUNG)).to_contain_text("Đã trình cấp trên")
    shot("24-forwarding")
    log_out(page)

    # 8. The clerk sees each nominee's outcome.
    log_in(page, base, cast.clerk_a.username, cast.password)
    page.locator("#mainnav").get_by_role("link", name="Hồ sơ của đơn vị").click()
    dossiers = page.locator("#dossier-table tbody tr")
    expect(dossiers.filter(has_text=GK)).to_contain_text("Đã có quyết định")
    expect(dossiers.filter(has_text=CSTD)).to_contain_text("Đã có quyết định")
    expect(dossiers.filter(has_text=BK)).to_contain_text("Đã trình cấp trên")
    shot("25-clerk-dossiers")

    for form, rows, step in (
            (GK, [(huong, "Được khen thưởng"), (KHOA, "Được khen thưởng")], "26-clerk-giay-khen"),
            (CSTD, [(LAN, "Không được phê duyệt")], "27-clerk-cstd"),
            (BK, [(TUNG, "Đã trình cấp trên")], "28-clerk-bang-khen")):
        page.locator("#mainnav").get_by_role("link", name="Hồ sơ của đơn vị").click()
        page.locator("#dossier-table tbody tr").filter(has_text=form).get_by_role("link", name=form).click()
        expect(page.get_by_role("heading", name=f"Hồ sơ đề nghị {form}")).to_be_visible()
        for name, outcome in rows:
            expect(page.locator("#nominees").get_by_role("row").filter(has_text=name).locator(".badge")).to_have_text(
                outcome)
        if form == CSTD:
            expect(page.locator("#nominees").get_by_role("row").filter(has_text=LAN)).to_contain_text(
                NOT_APPROVED_REASON)
        shot(step)
        if form == GK:  # the whole dossier as sent, in one PDF with the copies the plan asks for
            page.locator("#print").get_by_role("button", name=re.compile("Toàn bộ hồ sơ")).click()
            with page.expect_download() as download:  # from its preview
                page.get_by_role("link", name="Tải PDF").click()
            merged = Path(download.value.path()).read_bytes()
            assert download.value.suggested_filename == f"Hồ sơ {GK} – Phòng Tổ chức cán bộ.pdf"
            pages = pdf_pages_text(merged)
            assert len(pages) % 2 == 0  # two copies
            assert_in_order(pages[0], ["07/TTr-TCCB", "TỜ TRÌNH"])
            assert_in_order(" ".join(pages), ["TỜ TRÌNH", "BIÊN BẢN", "BÁO CÁO THÀNH TÍCH", huong,
                                              "BÁO CÁO THÀNH TÍCH", KHOA, "TỜ TRÌNH"])
