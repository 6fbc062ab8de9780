"""Browser journeys (issue 17): how long forms and uploads behave in the browser.

- Mẫu 08 keeps a draft while the clerk types: after a reload the page offers "Khôi phục bản nháp lúc …" (never
  applied by itself); against a record saved since, the restored draft is refused by the lost-update check
  instead of overwriting the newer report (static/js/form-draft.js); a save and the sign-out remove the draft.
- Leaving a form with unsaved changes asks first; an untouched form, or one being sent, does not.
- An upload too large or of a type not accepted is refused in the browser, the message under the field and the
  typed title kept; a sent upload shows a progress bar; the server's refusal is shown under the field too
  (static/js/upload.js).
- A submit that takes longer than half a second shows "Đang xử lý…" on its button, aria-busy
  (static/js/submit-once.js).
- A restored draft puts back the pickers' chips with the names of what was chosen, not only the hidden values.

Slow requests are held with Playwright's route interception. Runs in Debian's Chromium (tests/conftest.py);
screenshots go to tests/e2e/artifacts/."""
import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from dossiers.models import AchievementReport, Attachment
from tests.e2e.helpers import chosen, log_in, log_out, pick
from tests.e2e.test_accessibility import AXE, FAILING, RUN_AXE, TAGS
from tests.factories.dossiers import ready_dossier

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TYPED = "Tham mưu 15 văn bản đúng hạn; dẫn đầu khối thi đua (gõ dở, chưa lưu)."
ELSEWHERE = "Kết quả do người khác lưu trong lúc đó."
DRAFTS = "() => Object.keys(localStorage).filter(k => k.startsWith('portal-draft|'))"
OFFER = re.compile(r"^Khôi phục bản nháp lúc \d\d:\d\d \d\d\/\d\d\/\d{4}$")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def report_page(live_server, page: Page, cast):
    dossier = ready_dossier(cast)
    nomination = dossier.nominations.get()
    log_in(page, live_server.url, cast.clerk_a.username, cast.password)
    url = live_server.url + reverse("dossiers:report_edit", args=[nomination.pk])
    page.goto(url)
    return url, nomination


def assert_no_serious_axe_violation(page):
    """What the scripts add (the offer, the refusal under a field, the progress bar) is accessible too."""
    page.add_script_tag(url=AXE)
    violations = [v for v in page.evaluate(RUN_AXE, TAGS) if v["impact"] in FAILING]
    assert violations == []


def wait_for_drafts(page, count):
    """The drafts kept in this browser, once there are `count` of them (the script saves a moment after typing)."""
    for _ in range(50):
        keys = page.evaluate(DRAFTS)
        if len(keys) == count:
            return keys
        page.wait_for_timeout(100)
    pytest.fail(f"drafts kept: {keys}")


def results(page):
    return page.locator("textarea[name=results]")


def hold(page, pattern):
    """Requests to `pattern` wait (a slow server) until the test lets them go: held[i].continue_()."""
    held = []
    page.route(pattern, lambda route: held.append(route) if route.request.method == "POST" else route.continue_())
    return held


def test_a_draft_is_offered_after_a_reload_and_saved_reports_clear_it(report_page, page: Page, shot):
    url, nomination = report_page
    saved = results(page).input_value()
    results(page).fill(TYPED)
    wait_for_drafts(page, 1)

    page.reload()

    expect(results(page)).to_have_value(saved)  # offered, not applied by itself
    offer = page.locator("#draft-offer")
    expect(offer).to_contain_text("Trang này có bản nháp chưa lưu, gõ lúc")
    expect(offer).not_to_contain_text("Bản ghi đã được lưu lại sau lúc đó")
    restore = offer.get_by_role("button", name=OFFER)
    expect(restore).to_be_visible()
    shot("01-draft-offer")
    assert_no_serious_axe_violation(page)
    restore.click()
    expect(results(page)).to_have_value(TYPED)
    expect(offer).to_have_count(0)

    page.on("dialog", lambda dialog: pytest.fail(f"asked before leaving while saving: {dialog.type}"))
    page.get_by_role("button", name="Lưu báo cáo").click()
    expect(page.get_by_role("alert").filter(has_text="Đã lưu báo cáo thành tích")).to_be_visible()
    assert AchievementReport.objects.get(nomination=nomination).results == TYPED
    assert page.evaluate(DRAFTS) == []
    page.goto(url)
    expect(results(page)).to_have_value(TYPED)
    expect(page.locator("#draft-offer")).to_have_count(0)


def test_bo_ban_nhap_forgets_the_draft(report_page, page: Page):
    results(page).fill(TYPED)
    wait_for_drafts(page, 1)
    page.reload()
    page.locator("#draft-offer").get_by_role("button", name="Bỏ bản nháp").click()
    assert page.evaluate(DRAFTS) == []
    page.reload()
    expect(page.locator("#draft-offer")).to_have_count(0)


def test_a_draft_typed_against_an_older_version_is_not_applied_and_cannot_overwrite(report_page, page: Page, shot):
    url, nomination = report_page
    results(page).fill(TYPED)
    wait_for_drafts(page, 1)
    AchievementReport.objects.filter(nomination=nomination).update(results=ELSEWHERE)  # someone saves meanwhile

    page.reload()

    expect(results(page)).to_have_value(ELSEWHERE)  # the newer record, not the draft
    offer = page.locator("#draft-offer")
    expect(offer).to_contain_text("Bản ghi đã được lưu lại sau lúc đó")
    shot("02-stale-draft-offer")
    offer.get_by_role("button", name=OFFER).click()
    expect(results(page)).to_have_value(TYPED)
    page.get_by_role("button", name="Lưu báo cáo").click()

    # the restored draft carries the version it was typed against: the lost-update check refuses it
    expect(page.get_by_role("alert").filter(has_text="Trong lúc bạn sửa, đã có người lưu thay đổi.")).to_be_visible()
    assert AchievementReport.objects.get(nomination=nomination).results == ELSEWHERE
    expect(page.locator("#draft-offer")).to_have_count(0)  # the page shows what was typed, with the differences
    assert len(page.evaluate(DRAFTS)) == 1  # refused: the draft is kept
    shot("03-stale-draft-refused")


def test_signing_out_clears_the_drafts(report_page, page: Page, cast):
    results(page).fill(TYPED)
    wait_for_drafts(page, 1)
    page.on("dialog", lambda dialog: dialog.accept())  # the unsaved change is asked about; the user leaves
    log_out(page)
    assert page.evaluate(DRAFTS) == []


def test_leaving_asks_only_when_something_is_unsaved(report_page, page: Page):
    url, nomination = report_page
    asked = []

    def answer(dialog):
        asked.append(dialog.type)
        dialog.dismiss()  # stay on the page

    page.on("dialog", answer)
    results(page).click()
    page.get_by_role("link", name="Hủy").click()  # nothing changed: no question
    expect(page).not_to_have_url(url)
    assert asked == []

    page.goto(url)
    results(page).fill(TYPED)
    page.get_by_role("link", name="Hủy").click()
    page.wait_for_timeout(300)
    assert asked == ["beforeunload"]
    expect(page).to_have_url(url)  # stayed
    expect(results(page)).to_have_value(TYPED)


BUSY_WATCH = """
new MutationObserver(() => {
  const button = document.querySelector("form[data-form-draft] button[aria-busy=true]");
  if (button) sessionStorage.setItem("seen-busy", JSON.stringify(
    [button.textContent.trim(), button.disabled, !!button.querySelector(".spinner-border")]));
}).observe(document, {subtree: true, childList: true, attributes: true});
"""


def test_a_slow_save_shows_its_button_busy(report_page, page: Page):
    url, nomination = report_page
    page.add_init_script(BUSY_WATCH)  # what the page shows while its request is held, read once it is answered
    page.reload()
    held = hold(page, re.compile(r"/bao-cao/$"))
    results(page).fill(TYPED)
    save = page.get_by_role("button", name="Lưu báo cáo")

    save.click(no_wait_after=True)  # its answer is held
    page.wait_for_timeout(1200)
    assert len(held) == 1
    held[0].continue_()

    expect(page.get_by_role("alert").filter(has_text="Đã lưu báo cáo thành tích")).to_be_visible()
    assert page.evaluate("() => JSON.parse(sessionStorage.getItem('seen-busy'))") == ["Đang xử lý…", True, True]


# --- uploads ---------------------------------------------------------------------------------------------------
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
TITLE = "Biên bản họp bình xét (bản ký)"


@pytest.fixture
def attachments_section(live_server, page: Page, cast, settings):
    settings.DOSSIER_ATTACHMENT_MAX_BYTES = 2048  # the limit the page tells the browser is the server's
    dossier = ready_dossier(cast)
    log_in(page, live_server.url, cast.clerk_a.username, cast.password)
    page.goto(live_server.url + dossier.get_absolute_url())
    section = page.locator("#tai-lieu")
    section.get_by_label("Tên tài liệu").fill(TITLE)
    return dossier, section


def file_error(section):
    return section.locator("#attachment-file-error")


def posts(page):
    sent = []
    page.on("request", lambda request: sent.append(request.url) if request.method == "POST" else None)
    return sent


@pytest.mark.parametrize("name, content, message", [
    ("ban-ky.pdf", PDF + b" " * 4096, "Tệp “ban-ky.pdf” quá lớn (4,1 KB); mỗi tệp tối đa 2 KB."),
    ("ban-ky.exe", b"MZ",
     "Tệp “ban-ky.exe” không đúng loại được nhận; chỉ nhận: .pdf, .jpg, .jpeg, .png, .docx, .xlsx."),
], ids=["too large", "wrong type"])
def test_an_upload_the_server_would_refuse_is_refused_in_the_browser(attachments_section, page: Page, name, content,
                                                                     message, shot):
    dossier, section = attachments_section
    sent = posts(page)
    section.locator("#attachment-file").set_input_files(files=[{"name": name, "mimeType": "application/octet-stream",
                                                               "buffer": content}])
    expect(file_error(section)).to_have_text(message)  # as soon as it is chosen

    section.get_by_role("button", name="Tải lên").click()

    expect(file_error(section)).to_have_text(message)
    expect(section.get_by_label("Tên tài liệu")).to_have_value(TITLE)
    assert sent == [] and not Attachment.objects.exists()
    shot("05-upload-refused-" + name.rsplit(".", 1)[1])
    assert_no_serious_axe_violation(page)


def test_an_upload_shows_its_progress_and_the_servers_refusal_next_to_the_field(attachments_section, page: Page,
                                                                                  shot):
    dossier, section = attachments_section
    held = hold(page, re.compile(r"/tai-lieu/"))
    section.locator("#attachment-file").set_input_files(files=[{"name": "gia-mao.pdf", "mimeType": "application/pdf",
                                                               "buffer": b"not a pdf at all"}])
    expect(file_error(section)).to_be_hidden()
    section.get_by_role("button", name="Tải lên").click()

    bar = section.locator("[data-upload-progress]")
    expect(bar).to_be_visible()
    expect(bar).to_have_attribute("role", "progressbar")
    expect(section.locator("[data-upload-label]")).to_have_text("Đang tải lên “gia-mao.pdf”…")
    shot("06-upload-progress")
    held.pop().continue_()

    expect(file_error(section)).to_contain_text("Tệp “gia-mao.pdf” không phải PDF")  # the server read the content
    expect(bar).to_be_hidden()
    expect(section.get_by_label("Tên tài liệu")).to_have_value(TITLE)
    assert not Attachment.objects.exists()
    shot("07-upload-refused-by-server")

    # a real PDF next, from the same form (its one-time token was renewed from the server's answer)
    page.unroute(re.compile(r"/tai-lieu/"))
    section.locator("#attachment-file").set_input_files(files=[{"name": "ban-ky.pdf", "mimeType": "application/pdf",
                                                               "buffer": PDF}])
    section.get_by_role("button", name="Tải lên").click()
    expect(page.get_by_role("alert").filter(has_text=f"Đã tải lên “{TITLE}” (ban-ky.pdf).")).to_be_visible()
    expect(page.locator("#tai-lieu tbody tr").filter(has_text=TITLE)).to_have_count(1)
    assert Attachment.objects.get().title == TITLE


# --- a campaign's section (a formset) and an htmx search ---------------------------------------------------------
def test_a_sections_draft_brings_back_the_rows_added(live_server, page: Page, cast):
    from tests.factories.campaigns import draft_campaign

    campaign = draft_campaign(cast)
    log_in(page, live_server.url, cast.admin.username, cast.password)  # the campaign's administrator
    page.goto(live_server.url + reverse("campaigns:campaign_section", args=[campaign.pk, "chi-tieu"]))
    rows = page.locator("tbody[id$=-rows] > tr")
    before = rows.count()
    page.get_by_role("button", name="Thêm dòng").click()
    page.get_by_role("button", name="Thêm dòng").click()
    expect(rows).to_have_count(before + 2)
    rows.last.locator("textarea").fill("Chỉ tiêu thêm ở dòng mới, chưa lưu")
    wait_for_drafts(page, 1)

    page.reload()
    expect(rows).to_have_count(before)
    page.locator("#draft-offer").get_by_role("button", name=OFFER).click()

    expect(rows).to_have_count(before + 2)
    expect(rows.last.locator("textarea")).to_have_value("Chỉ tiêu thêm ở dòng mới, chưa lưu")


def test_a_restored_draft_brings_back_the_pickers_chips_with_their_names(live_server, page: Page, cast, shot):
    """The participants' section: a unit swapped in row 1 and one picked in a row added by "Thêm dòng" come back
    from the draft as chips with the units' names (static/js/form-draft.js keeps each chip's label), and are
    saved."""
    from campaigns.models import CampaignParticipant
    from tests.factories.campaigns import draft_campaign

    campaign = draft_campaign(cast)
    CampaignParticipant.objects.create(campaign=campaign, organisation=cast.unit_a)
    log_in(page, live_server.url, cast.admin.username, cast.password)
    page.goto(live_server.url + reverse("campaigns:campaign_section", args=[campaign.pk, "don-vi"]))
    rows = page.locator("tbody[id$=-rows] > tr")
    before = rows.count()
    first = page.locator("[name=rows-0-organisation__tim]")
    expect(chosen(page, first)).to_have_count(1)
    chosen(page, first).get_by_role("button", name=re.compile(r"^Bỏ chọn Phòng Tổ chức cán bộ")).click()
    picked = pick(page, first, "tai chinh", option="Sở Tài chính tỉnh Thử")  # instead of Phòng Tổ chức cán bộ
    page.get_by_role("button", name="Thêm dòng").click()
    expect(rows).to_have_count(before + 1)
    added = pick(page, f"[name=rows-{before}-organisation__tim]", "cong chuc", option="Phòng Công chức, viên chức")
    wait_for_drafts(page, 1)
    kept = [f"rows-{before}-organisation", {"chips": [[str(cast.unit_b.pk), added]]}]
    for _ in range(50):  # the script saves a moment after the last change
        draft = page.evaluate("() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find("
                              "k => k.startsWith('portal-draft|'))))")
        if kept in draft["entries"]:
            break
        page.wait_for_timeout(100)
    assert kept in draft["entries"]  # each chip with its label
    assert ["rows-0-organisation", {"chips": [[str(cast.other.pk), picked]]}] in draft["entries"]

    page.reload()
    expect(rows).to_have_count(before)
    expect(chosen(page, first)).to_have_text([re.compile(r"^Phòng Tổ chức cán bộ")])  # offered, not applied
    page.locator("#draft-offer").get_by_role("button", name=OFFER).click()

    expect(rows).to_have_count(before + 1)
    expect(chosen(page, first)).to_have_count(1)
    expect(chosen(page, first)).to_contain_text(picked)
    expect(chosen(page, first).get_by_role("button", name=f"Bỏ chọn {picked}")).to_be_visible()
    expect(chosen(page, f"[name=rows-{before}-organisation__tim]")).to_contain_text(added)
    expect(page.locator(f"input[type=hidden][name=rows-{before}-organisation]")).to_have_value(str(cast.unit_b.pk))
    shot("08-draft-restored-chips")

    page.get_by_role("button", name="Lưu", exact=True).click()
    expect(page.get_by_role("alert").filter(has_text="Đã lưu")).to_be_visible()
    assert set(campaign.participants.values_list("organisation", flat=True)) == {cast.other.pk, cast.unit_b.pk}
    assert page.evaluate(DRAFTS) == []


def test_an_htmx_search_still_running_after_half_a_second_marks_its_region_busy(live_server, page: Page, cast):
    log_in(page, live_server.url, cast.clerk_a.username, cast.password)
    page.goto(live_server.url + reverse("orgs:person_list"))
    held = []
    page.route(re.compile(r"/can-bo/\?"), lambda route: held.append(route) if route.request.headers.get("hx-request")
               else route.continue_())
    page.locator("#id_q").fill("huong")

    expect(page.locator("#person-rows")).to_have_attribute("aria-busy", "true")
    expect(page.locator("#person-rows")).to_have_class(re.compile(r"\bportal-busy\b"))
    assert len(held) == 1
    held[0].continue_()
    expect(page.locator("#person-rows")).not_to_have_attribute("aria-busy", "true")
    expect(page.locator("#person-rows")).not_to_have_class(re.compile(r"\bportal-busy\b"))
