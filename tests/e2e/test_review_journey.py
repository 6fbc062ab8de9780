"""Browser journeys (issue 17, "Guidance at each step"): the office's review as the page guides it, and the
Biên bản and the dossier entered from either side.

Review: the office receives the dossier, gives a verdict per nominee (one needing a reason it first forgets),
returns it with the summary the page prepared; the clerk changes a report and sends it again; the office finds
its verdicts kept, the change highlighted, gives the last verdict and accepts. Screenshots (1366 and 390 wide)
go to tests/e2e/artifacts/.
"""
import re

import pytest
from playwright.sync_api import Page, expect

from dossiers.enums import DossierState, Outcome
from dossiers.models import Dossier, MeetingVote, Nomination
from dossiers.services import building
from dossiers.services.workflow import transition
from tests.e2e.helpers import log_in, log_out
from tests.factories.campaigns import launched_campaign
from tests.factories.dossiers import complete_report, ready_dossier, record_vote
from tests.factories.orgs import PersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

HA = "Trần Thu Hà"
HUONG = "Nguyễn Thị Hương"
NOTE = "Bổ sung số liệu cụ thể về hồ sơ đã chỉnh lý năm 2025."


def confirm_click(page: Page, button):
    page.once("dialog", lambda dialog: dialog.accept())
    button.click()


def alert(page: Page, text):
    return page.get_by_role("alert").filter(has_text=text)


def card(page: Page, name):
    return page.locator("section.nominee-review").filter(has_text=name)


def test_office_reviews_returns_and_accepts_with_kept_verdicts(live_server, page: Page, cast, shot):
    from tests.factories.campaigns import award_form, legal_profile

    award_form(), legal_profile()  # the catalogue rows a transactional test flushed
    dossier = ready_dossier(cast)
    ha = building.add_nominee(dossier, subject_type="individual", by=cast.clerk_a,
                              person=PersonFactory(full_name=HA, organisation=cast.unit_a))
    complete_report(ha, by=cast.clerk_a)
    record_vote(dossier, ha)
    transition(dossier, "submit", by=cast.clerk_a)
    base, review_url = live_server.url, f"{live_server.url}/ho-so/{dossier.pk}/tham-dinh/"

    # 1. The office receives it: step 1 is where the dossier is.
    log_in(page, base, cast.reviewer.username, cast.password)
    page.goto(review_url)
    steps = page.locator("#review-steps")
    expect(steps.locator("[aria-current=step]")).to_contain_text("Nhận hồ sơ")
    confirm_click(page, page.locator("#dossier-actions").get_by_role("button", name="Nhận và thẩm định"))
    expect(alert(page, "Đã thực hiện: nhận và thẩm định.")).to_be_visible()
    expect(steps.locator("[aria-current=step]")).to_contain_text("Kết luận từng người")
    expect(page.locator("#review-count")).to_have_text("Đã xét 0/2")

    # 2. Hương: "Đạt"; the late-submission warning asks for the reason to accept anyway.
    huong = card(page, HUONG)
    expect(huong.get_by_label("Lý do không đạt")).to_be_hidden()
    huong.get_by_role("radio", name="Đạt (đủ điều kiện)").check()
    huong.get_by_label("Lý do vẫn chấp nhận dù có cảnh báo").fill("Nộp muộn có lý do chính đáng.")
    huong.get_by_role("button", name="Ghi kết luận").click()
    expect(alert(page, f"Đã ghi kết luận cho {HUONG}.")).to_be_visible()
    expect(page.locator("#review-count")).to_have_text("Đã xét 1/2")

    # 3. Hà: "Cần bổ sung" shows the box it needs; sent empty, the page asks for it and keeps the choice.
    ha_card = card(page, HA)
    ha_card.get_by_role("radio", name="Cần bổ sung").check()
    box = ha_card.get_by_label("Nội dung đơn vị cần bổ sung")
    expect(box).to_be_visible()
    ha_card.get_by_role("button", name="Ghi kết luận").click()
    ha_card = card(page, HA)
    expect(ha_card).to_contain_text("Ghi nội dung đơn vị cần bổ sung.")
    expect(ha_card.get_by_role("radio", name="Cần bổ sung")).to_be_checked()
    ha_card.get_by_label("Nội dung đơn vị cần bổ sung").fill(NOTE)
    ha_card.get_by_role("button", name="Ghi kết luận").click()
    expect(alert(page, f"Đã ghi kết luận cho {HA}.")).to_be_visible()
    expect(page.locator("#review-count")).to_have_text("Đã xét 2/2")
    expect(page.locator("#dossier-actions").get_by_role("button", name="Đạt yêu cầu, tiếp nhận")).to_have_count(0)
    note = page.locator("#return-form").get_by_label("Lý do, nội dung cần bổ sung")
    expect(note).to_have_value(f"- {HA}: {NOTE}")  # the summary of what must be fixed, ready to send
    shot("01-review-before-return")
    page.locator("#return-form").get_by_role("button", name="Trả lại hồ sơ").click()
    expect(alert(page, "Đã thực hiện: trả lại để bổ sung.")).to_be_visible()
    log_out(page)
    assert dict(Nomination.objects.values_list("person__full_name", "outcome")) == {
        HUONG: Outcome.ACCEPTED, HA: Outcome.PENDING}

    # 4. The clerk fixes Hà's report and sends the dossier again.
    log_in(page, base, cast.clerk_a.username, cast.password)
    page.goto(f"{base}/de-nghi/{ha.pk}/bao-cao/")
    expect(page.locator(".alert-warning")).to_contain_text(NOTE)
    page.get_by_label("Kết quả đạt được").fill("Chỉnh lý 1.200 hồ sơ, số hóa 30.000 trang tài liệu năm 2025.")
    page.get_by_role("button", name="Lưu báo cáo").click()
    expect(alert(page, f"Đã lưu báo cáo thành tích của {HA}.")).to_be_visible()
    page.goto(f"{base}/ho-so/{dossier.pk}/")
    confirm_click(page, page.locator("#dossier-actions").get_by_role("button", name=re.compile("Nộp hồ sơ|Gửi hồ sơ")))
    page.wait_for_load_state()
    assert Dossier.objects.get(pk=dossier.pk).state == DossierState.SUBMITTED
    log_out(page)

    # 5. The office: Hương's verdict kept, Hà's change highlighted, Hà's earlier verdict the starting value.
    log_in(page, base, cast.reviewer.username, cast.password)
    page.goto(review_url)
    confirm_click(page, page.locator("#dossier-actions").get_by_role("button", name="Nhận và thẩm định"))
    expect(alert(page, "Đã thực hiện: nhận và thẩm định.")).to_be_visible()
    expect(page.locator("#review-changes")).to_contain_text(f"{HA}: sửa kết quả đạt được")
    expect(page.locator("#review-count")).to_have_text("Đã xét 1/2")
    expect(card(page, HUONG).locator(".kept-verdict")).to_have_text("từ lần xét trước: đủ điều kiện")
    expect(card(page, HUONG).locator(".card-header")).to_contain_text("Đủ điều kiện")
    ha_card = card(page, HA)
    expect(ha_card).to_have_class(re.compile("nominee-changed"))
    expect(ha_card.locator(".kept-verdict")).to_have_text("từ lần xét trước: cần bổ sung")
    expect(ha_card.get_by_role("radio", name="Cần bổ sung")).to_be_checked()
    shot("02-review-after-resubmit")
    page.set_viewport_size({"width": 390, "height": 844})
    shot("03-review-after-resubmit-phone")
    page.set_viewport_size({"width": 1366, "height": 768})
    ha_card.get_by_role("radio", name="Đạt (đủ điều kiện)").check()
    expect(ha_card.get_by_label("Nội dung đơn vị cần bổ sung")).to_be_hidden()
    ha_card.get_by_label("Lý do vẫn chấp nhận dù có cảnh báo").fill("Đã bổ sung số liệu.")
    ha_card.get_by_role("button", name="Ghi kết luận").click()
    expect(page.locator("#review-count")).to_have_text("Đã xét 2/2")
    confirm_click(page, page.locator("#dossier-actions").get_by_role("button", name="Đạt yêu cầu, tiếp nhận"))
    expect(alert(page, "Đã thực hiện: đạt yêu cầu, tiếp nhận.")).to_be_visible()
    assert Dossier.objects.get(pk=dossier.pk).state == DossierState.APPRAISED


def test_clerk_starts_from_the_meeting_then_from_the_dossier(live_server, page: Page, cast, shot):
    """The Biên bản came first: the clerk adds a nominee with its votes from it (the dossier is opened); then,
    from that dossier, corrects the votes into the same Biên bản. Each page says which way the data goes."""
    from tests.dossiers.test_meeting_flow import meeting_of
    from tests.factories.campaigns import award_form, legal_profile

    award_form(), legal_profile()
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    meeting = meeting_of(campaign, cast.unit_a)
    base = live_server.url
    log_in(page, base, cast.clerk_a.username, cast.password)
    page.goto(f"{base}/bien-ban/{meeting.pk}/bieu-quyet/")
    expect(page.locator("#data-flow")).to_contain_text("từ Biên bản vào hồ sơ")
    form = page.locator("#add-nominee")
    form.get_by_label("Danh hiệu, hình thức khen thưởng").select_option(label=str(campaign.awards.first().award_form))
    form.get_by_label("Cá nhân", exact=True).select_option(value=str(cast.person_a.pk))
    form.get_by_label("Đồng ý", exact=True).fill("8")
    form.get_by_label("Không đồng ý").fill("1")
    shot("04-meeting-add-nominee")
    form.get_by_role("button", name="Thêm vào hồ sơ kèm số phiếu").click()
    expect(alert(page, f"Đã thêm {HUONG} vào hồ sơ đề nghị")).to_be_visible()
    dossier = Dossier.objects.get()
    assert dossier.meeting_id == meeting.pk
    page.locator("#data-flow").get_by_role("link", name=str(campaign.awards.first().award_form)).click()
    expect(page.locator("#data-flow")).to_contain_text("từ hồ sơ vào Biên bản")
    page.get_by_label(f"Đồng ý: {HUONG}", exact=True).fill("9")
    page.get_by_label(f"Không đồng ý: {HUONG}").fill("0")
    shot("05-dossier-votes")
    page.get_by_role("button", name="Ghi vào biên bản").click()
    expect(alert(page, "Đã ghi kết quả biểu quyết vào biên bản")).to_be_visible()
    vote = MeetingVote.objects.get()
    assert (vote.meeting_id, vote.votes_for, vote.votes_against) == (meeting.pk, 9, 0)
