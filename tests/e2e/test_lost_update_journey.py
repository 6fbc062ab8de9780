"""Browser journey (issue 16, lost updates): two clerks of a unit open the same Báo cáo thành tích; the first saves,
the second's save is refused with who saved and when, what the second typed is still in the form with the saved
values of what the first changed and the second did not, and saving again on purpose keeps both.

Runs in Debian's Chromium (see tests/conftest.py); screenshots go to tests/e2e/artifacts/.
"""
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Browser, Page, expect

from dossiers.models import AchievementReport
from dossiers.services import building
from orgs.enums import Role
from tests.e2e.helpers import log_in
from tests.factories.campaigns import launched_campaign
from tests.factories.orgs import MembershipFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


def test_the_second_save_of_a_report_is_refused_and_keeps_what_was_typed(live_server, page: Page, browser: Browser,
                                                                         cast, shot):
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    dossier = building.start_dossier(campaign, cast.unit_a, campaign.awards.first(), by=cast.clerk_a)
    nomination = building.add_nominee(dossier, subject_type="individual", person=cast.person_a, by=cast.clerk_a)
    cast.clerk_a.first_name, cast.clerk_a.last_name = "Nguyễn Văn", "An"
    cast.clerk_a.save()
    colleague = UserFactory(username="canbo_a2", first_name="Trần Thị", last_name="Bích")
    MembershipFactory(user=colleague, organisation=cast.unit_a, role=Role.CLERK)
    url = live_server.url + reverse("dossiers:report_edit", args=[nomination.pk])
    other = browser.new_context(locale="vi-VN").new_page()

    log_in(page, live_server.url, cast.clerk_a.username, cast.password)
    log_in(other, live_server.url, colleague.username, cast.password)
    page.goto(url)
    other.goto(url)

    page.get_by_label("Kết quả đạt được").fill("Hoàn thành 100% chỉ tiêu; tham mưu 12 văn bản đúng hạn.")
    page.get_by_role("button", name="Lưu báo cáo").click()
    expect(page.locator("main")).to_contain_text(f"Đã lưu báo cáo thành tích của {cast.person_a.full_name}.")

    other.get_by_label("Biện pháp, giải pháp đã thực hiện").fill("Rà soát hồ sơ cán bộ hằng tháng.")
    other.get_by_role("button", name="Lưu báo cáo").click()
    alert = other.get_by_role("alert")
    expect(other.locator(".alert-danger")).to_have_count(1)  # once (crispy's own box repeated it)
    expect(alert).to_contain_text("Trong lúc bạn sửa, Nguyễn Văn An đã lưu thay đổi lúc ")
    expect(alert).to_contain_text("Những gì bạn gõ vẫn còn dưới đây; hãy xem lại rồi lưu lại.")
    expect(alert).to_contain_text("Những ô bạn chưa sửa đã được lấy theo bản vừa lưu: Kết quả đạt được")
    expect(other.get_by_label("Biện pháp, giải pháp đã thực hiện")).to_have_value("Rà soát hồ sơ cán bộ hằng tháng.")
    expect(other.get_by_label("Kết quả đạt được")).to_have_value(  # the first clerk's, which this one did not touch
        "Hoàn thành 100% chỉ tiêu; tham mưu 12 văn bản đúng hạn.")
    shot("01-first-saved")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    other.screenshot(path=str(ARTIFACTS / "test_the_second_save_of_a_report_is_refused-02-refused.png"), full_page=True)
    report = AchievementReport.objects.get(pk=nomination.report.pk)
    assert (report.results, report.measures) == ("Hoàn thành 100% chỉ tiêu; tham mưu 12 văn bản đúng hạn.", "")

    other.get_by_role("button", name="Lưu báo cáo").click()  # looked again, saves on purpose: both kept
    expect(other.locator("main")).to_contain_text(f"Đã lưu báo cáo thành tích của {cast.person_a.full_name}.")
    report.refresh_from_db()
    assert (report.results, report.measures) == ("Hoàn thành 100% chỉ tiêu; tham mưu 12 văn bản đúng hạn.",
                                                 "Rà soát hồ sơ cán bộ hằng tháng.")
    other.context.close()
