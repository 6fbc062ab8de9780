"""Browser journey (issue 19, lấy ý kiến nhân dân): a visitor without an account comments on a Huân chương nominee
(a post made too fast is refused and keeps what was typed); the office approves it, closes the window, and the
council's session page (the council's file) shows the summary and the approved comment, where before it said why
the council could not vote yet; a session held tomorrow is told the list has not been public 10 working days.
Runs in Debian's Chromium; screenshots go to tests/e2e/artifacts/."""
import pytest
from playwright.sync_api import Page, expect

from tests.dossiers.test_public_comment import needing_comment, new_session, window
from tests.e2e.helpers import log_in, log_out

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_from_the_public_comment_to_the_councils_file(live_server, page: Page, cast, shot):
    nomination = needing_comment(cast).nominations.get()
    nomination.summary = "Hoàn thành xuất sắc nhiệm vụ 5 năm liền."
    nomination.save()
    opened = window(cast, [nomination])
    session = new_session(cast, held_in=1)  # tomorrow: the list will not have been public 10 working days
    base = live_server.url

    page.goto(base + "/cong-khai/lay-y-kien/")
    card = page.locator(".public-nominee").filter(has_text=nomination.name)
    expect(card).to_contain_text("Hoàn thành xuất sắc nhiệm vụ 5 năm liền.")
    card.get_by_role("link", name="Góp ý kiến").click()
    page.get_by_label("Họ và tên").fill("Trần Thị Góp")
    page.get_by_label("Địa chỉ, số điện thoại hoặc thư điện tử").fill("0909 000 111")
    page.get_by_label("Nội dung ý kiến").fill("Tôi biết đồng chí nhiều năm, đồng ý với đề nghị.")
    page.get_by_role("button", name="Gửi ý kiến").click()  # at once: a robot's speed
    expect(page.get_by_role("alert")).to_contain_text("quá nhanh")
    expect(page.get_by_label("Nội dung ý kiến")).to_have_value("Tôi biết đồng chí nhiều năm, đồng ý với đề nghị.")
    shot("01-too-fast")
    page.wait_for_timeout(3500)
    page.get_by_role("button", name="Gửi ý kiến").click()
    expect(page.get_by_text("Đã nhận ý kiến của bạn")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("0909 000 111")  # the contact is never public
    shot("02-sent")

    log_in(page, base, cast.reviewer.username, cast.password)
    page.goto(base + f"/hoi-dong/{session.pk}/")
    expect(page.locator(f"#nominee-{nomination.pk}")).to_contain_text("Đang lấy ý kiến nhân dân đến")
    page.goto(base + "/hoi-dong/")
    page.get_by_role("link", name="Lấy ý kiến nhân dân").click()
    page.get_by_role("link", name=opened.title).click()
    comment = page.locator("[id^=comment-]").filter(has_text="Trần Thị Góp")
    expect(comment).to_contain_text("Chờ duyệt")
    comment.get_by_role("button", name="Duyệt", exact=True).click()
    expect(page.locator("[id^=comment-]").filter(has_text="Trần Thị Góp")).to_contain_text("Đã duyệt")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Kết thúc sớm").click()
    expect(page.locator("#window-state")).to_have_text("Đã kết thúc")
    shot("03-moderated")

    page.goto(base + f"/hoi-dong/{session.pk}/")
    row = page.locator(f"#nominee-{nomination.pk}")
    expect(row).not_to_contain_text("Đang lấy ý kiến nhân dân")
    expect(row).to_contain_text("chưa đủ 10 ngày làm việc trước ngày họp")  # the working days the law asks
    row.get_by_text("Lấy ý kiến nhân dân: 1 ý kiến: 1 được duyệt, 0 không duyệt.").click()
    expect(row).to_contain_text("Tôi biết đồng chí nhiều năm, đồng ý với đề nghị.")
    shot("04-council")
    log_out(page)


def test_the_comment_pages_fit_a_phone(live_server, browser, cast):
    """At 390×844 no public comment page scrolls sideways (the anonymous menu's links wrap)."""
    from tests.e2e.test_role_journeys import sideways_scrollers

    opened = window(cast, list(needing_comment(cast).nominations.all()))
    context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    for url in ("/cong-khai/lay-y-kien/", f"/cong-khai/lay-y-kien/{opened.pk}/",
                f"/cong-khai/lay-y-kien/{opened.pk}/gop-y/{opened.nominees.get().pk}/"):
        assert page.goto(live_server.url + url).status == 200, url
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), url
        assert sideways_scrollers(page) == [], url
    context.close()


def test_the_comment_pages_have_no_serious_axe_violation(live_server, browser, cast):
    from tests.e2e.test_accessibility import audit, report, session_cookie

    opened = window(cast, list(needing_comment(cast).nominations.all()))
    form = f"/cong-khai/lay-y-kien/{opened.pk}/gop-y/{opened.nominees.get().pk}/"
    anonymous = browser.new_context(locale="vi-VN", viewport={"width": 1366, "height": 900})
    found, seen = audit(anonymous.new_page(), live_server.url, ["/cong-khai/lay-y-kien/"],
                        [f"/cong-khai/lay-y-kien/{opened.pk}/", form])
    anonymous.close()
    office = browser.new_context(locale="vi-VN", viewport={"width": 1366, "height": 900})
    office.add_cookies([session_cookie(cast.reviewer, live_server.url)])
    more, more_seen = audit(office.new_page(), live_server.url, [],
                            ["/hoi-dong/lay-y-kien/", "/hoi-dong/lay-y-kien/tao/", opened.get_absolute_url()])
    office.close()
    assert form in seen and opened.get_absolute_url() in more_seen
    assert not found + more, report(found + more)
