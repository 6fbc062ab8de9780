"""A campaign whose period ends with an event, not a date ("đến khi tổ chức thành công Đại hội …", issue 15):
the end date is optional, the end text is what the Kế hoạch prints, and everything that reads the period copes."""
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from campaigns import documents as campaign_documents
from campaigns.forms import PlanTaskForm
from campaigns.models import Campaign, PlanTask
from core.pdf import render_pdf
from tests.factories.campaigns import draft_campaign, launched_campaign, legal_profile
from tests.pdf_assertions import assert_in_order, pdf_text

pytestmark = pytest.mark.django_db

CONGRESS = "đến khi tổ chức thành công Đại hội Đảng bộ tỉnh lần thứ XVIII, nhiệm kỳ 2025 – 2030"


def open_ended(cast, launched=False, **fields):
    values = {"period_end": None, "period_end_text": CONGRESS, **fields}
    return launched_campaign(cast, **values) if launched else draft_campaign(cast, **values)


def general_data(cast, **changes):
    return {"kind": "special", "issuer": cast.body.pk, "title": "Thi đua chào mừng Đại hội Đảng bộ tỉnh",
            "theme": "", "plan_number": "12", "plan_symbol": "KH-SNV", "plan_date": "10/07/2024", "sign_as": "",
            "signer_title": "", "signer_name": "", "period_start": "15/07/2024", "period_end": "",
            "period_end_text": CONGRESS, "summary_deadline": "", "dossier_deadline": "30/09/2025",
            "legal_profile": legal_profile().pk, "eligible_subject_types": ["individual", "collective"],
            "purpose": "", "requirements": "", "tasks_text": "", "awards_guidance": "", "implementation": "",
            **changes}


def test_an_end_date_or_an_end_text_is_required(cast):
    with pytest.raises(ValidationError) as error:
        draft_campaign(cast, period_end=None, period_end_text="  ")
    assert error.value.message_dict["period_end"] == [
        "Nhập ngày kết thúc, hoặc ghi mốc kết thúc của phong trào (ví dụ: đến khi tổ chức thành công Đại hội …)."]


def test_the_page_saves_a_plan_that_ends_with_an_event(cast, client_for):
    response = client_for(cast.admin).post("/phong-trao/them/", general_data(cast))
    campaign = Campaign.objects.get()
    assert response.status_code == 302
    assert (campaign.period_end, campaign.period_end_text, campaign.dossier_deadline) == (
        None, CONGRESS, date(2025, 9, 30))


def test_the_page_refuses_a_plan_without_any_end(cast, client_for):
    response = client_for(cast.admin).post("/phong-trao/them/", general_data(cast, period_end_text=""))
    assert response.status_code == 200
    assert "Nhập ngày kết thúc, hoặc ghi mốc kết thúc của phong trào" in response.content.decode()
    assert not Campaign.objects.exists()


@pytest.mark.parametrize(("typed", "phrase"), [
    (CONGRESS, CONGRESS),
    ("Đến khi tổ chức thành công Đại hội Đảng bộ tỉnh.", "đến khi tổ chức thành công Đại hội Đảng bộ tỉnh"),
    ("khi tổ chức thành công Đại hội", "đến khi tổ chức thành công Đại hội"),
    ("Đại hội Đảng bộ tỉnh lần thứ XVIII;", "đến Đại hội Đảng bộ tỉnh lần thứ XVIII"),
    ("  đến   hết năm 2025 ", "đến hết năm 2025"),
    ("", ""),
])
def test_the_end_text_reads_inside_a_sentence(typed, phrase):
    assert Campaign(period_end_text=typed).period_end_phrase == phrase


@pytest.mark.parametrize(("end", "text", "label"), [
    (date(2025, 7, 31), "", "15/07/2024 – 31/07/2025"),
    (None, CONGRESS, f"Từ 15/07/2024 {CONGRESS}"),
    (date(2025, 10, 31), CONGRESS, f"Từ 15/07/2024 {CONGRESS}"),  # the date is only the expected end
])
def test_the_period_label(end, text, label):
    assert Campaign(period_start=date(2024, 7, 15), period_end=end, period_end_text=text).period_label == label


@pytest.mark.parametrize(("end", "text", "printed"), [
    (date(2025, 7, 31), "", "Từ ngày 15 tháng 7 năm 2024 đến ngày 31 tháng 7 năm 2025"),
    (None, CONGRESS, f"Từ ngày 15 tháng 7 năm 2024 {CONGRESS}"),
    (date(2025, 10, 31), CONGRESS, f"Từ ngày 15 tháng 7 năm 2024 {CONGRESS}"),
])
def test_the_plan_prints_the_end_as_written(cast, end, text, printed):
    campaign = draft_campaign(cast, period_end=end, period_end_text=text)
    assert campaign_documents.ke_hoach(campaign)["period"] == printed


def test_the_printed_plan_reads_the_event(cast):
    campaign = open_ended(cast, launched=True)
    text = pdf_text(render_pdf("documents/ke_hoach.html", campaign_documents.ke_hoach(campaign), strict=True))
    assert_in_order(text, ["II. NỘI DUNG", "1. Thời gian thực hiện",
                           "Từ ngày 15 tháng 7 năm 2024 đến khi tổ chức thành công Đại hội Đảng bộ tỉnh lần thứ "
                           "XVIII, nhiệm kỳ 2025 – 2030."])
    assert "đến ngày … tháng" not in text


def test_the_pages_show_an_open_end(cast, client_for, client):
    campaign = open_ended(cast, launched=True)
    label = f"Từ 15/07/2024 {CONGRESS}"
    admin = client_for(cast.admin)
    for url in (f"/phong-trao/{campaign.pk}/", f"/cong-khai/phong-trao/{campaign.pk}/", "/cong-khai/phong-trao/"):
        page = (client if url.startswith("/cong-khai") else admin).get(url)
        assert page.status_code == 200
        assert label in page.content.decode()
    listing = admin.get("/phong-trao/?nam=2025")
    assert [c.pk for c in listing.context["page"].items] == [campaign.pk]
    assert "Từ 15/07/2024 đến khi tổ chức thành công Đại hội Đảng bộ" in listing.content.decode()


@pytest.mark.parametrize(("end", "deadline", "years"), [
    (date(2025, 7, 31), date(2025, 8, 5), {2024, 2025}),
    (None, date(2025, 9, 30), {2024, 2025}),  # an open end runs until the dossier deadline
    (None, None, {2024, 2025, 2026, 2030}),  # no deadline yet: from its start on
])
def test_the_year_filter_copes_with_an_open_end(cast, end, deadline, years):
    campaign = draft_campaign(cast, period_end=end, period_end_text="" if end else CONGRESS,
                              dossier_deadline=deadline, summary_deadline=None)
    found = {year for year in (2023, 2024, 2025, 2026, 2030) if Campaign.objects.in_year(year).filter(pk=campaign.pk)}
    assert found == years


@pytest.mark.parametrize(("due", "error"), [
    (date(2024, 7, 1), "Hạn hoàn thành phải trong thời gian của kế hoạch "
                       f"(Từ 15/07/2024 {CONGRESS})."),
    (date(2025, 12, 31), None),
])
def test_a_task_of_an_open_ended_plan(cast, due, error):
    campaign = open_ended(cast)
    form = PlanTaskForm({"quarter": "1", "order": "1", "content": "Sơ kết", "due_date": due.strftime("%d/%m/%Y"),
                         "status": "todo"}, instance=PlanTask(campaign=campaign))
    for name in ("responsible", "cooperating"):  # as the section's view does (core.pickers)
        form.fields[name].scope(cast.admin, campaign=campaign)
    assert form.is_valid() is (error is None)
    assert form.errors.get("due_date", [None]) == [error]


def test_the_rating_window_of_an_open_ended_plan(cast):
    from dossiers.services.history import rating_window

    assert rating_window(open_ended(cast)) == [2020, 2021, 2022, 2023, 2024]  # judged when its dossiers are due (2025)


def test_a_copy_keeps_the_open_end(cast):
    from campaigns.services.campaigns import copy_campaign

    copy = copy_campaign(open_ended(cast), by=cast.admin)
    assert (copy.period_start, copy.period_end, copy.period_end_text) == (date(2025, 7, 15), None, CONGRESS)
