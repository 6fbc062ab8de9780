from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.models import Campaign, CampaignAmendment, PlanTask
from tests.factories.campaigns import award_form, draft_campaign, launched_campaign, legal_profile

pytestmark = pytest.mark.django_db


def general_data(cast, **changes):
    return {"kind": "special", "issuer": cast.body.pk, "title": "Đợt thi đua đặc biệt", "theme": "",
            "plan_number": "173", "plan_symbol": "", "plan_date": "10/07/2024", "sign_as": "kt",
            "signer_title": "Phó Giám đốc", "signer_name": "Hoàng Thị Minh Hà", "period_start": "15/07/2024",
            "period_end": "31/07/2025", "summary_deadline": "05/08/2025", "dossier_deadline": "05/08/2025",
            "legal_profile": legal_profile().pk, "eligible_subject_types": ["individual", "collective"],
            "purpose": "", "requirements": "", "tasks_text": "", "awards_guidance": "", "implementation": "",
            **changes}


def test_admin_creates_campaign_through_the_page(cast, client_for):
    response = client_for(cast.admin).post("/phong-trao/them/", general_data(cast))
    campaign = Campaign.objects.get()
    assert response["Location"] == f"/phong-trao/{campaign.pk}/"
    assert (campaign.plan_reference, campaign.period_start, campaign.status) == (
        "173/KH-SNV", date(2024, 7, 15), "draft")


def test_bad_dates_show_vietnamese_error_and_keep_input(cast, client_for):
    response = client_for(cast.admin).post("/phong-trao/them/", general_data(
        cast, period_start="31/07/2025", period_end="15/07/2024", title="Tên đã gõ"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ngày kết thúc phải sau ngày bắt đầu phong trào." in html
    assert 'value="Tên đã gõ"' in html
    assert Campaign.objects.count() == 0


def test_award_section_saves_and_rejects_bad_rows(cast, client_for):
    campaign = draft_campaign(cast)
    form = award_form()
    url = f"/phong-trao/{campaign.pk}/muc/hinh-thuc/"
    client = client_for(cast.admin)
    assert client.get(url).status_code == 200
    base = {"rows-TOTAL_FORMS": "1", "rows-INITIAL_FORMS": "0", "rows-MIN_NUM_FORMS": "0",
            "rows-MAX_NUM_FORMS": "1000", "rows-0-order": "1", "rows-0-award_form": form.pk, "rows-0-copies": "2",
            "rows-0-quota_kind": "fixed", "rows-0-quota_value": "-1", "rows-0-quota_base": "", "rows-0-note": ""}
    bad = client.post(url, base)
    assert bad.status_code == 400
    assert "Chỉ tiêu không được âm." in bad.content.decode()
    assert campaign.awards.count() == 0
    good = client.post(url, {**base, "rows-0-quota_value": "3", "rows-0-council_vote": "yes"})
    assert good.status_code == 400  # the catalogue's form has no threshold for the council to vote against
    assert "chưa có tỷ lệ phiếu đồng ý tối thiểu" in good.content.decode()
    form.vote_threshold = 70
    form.save()
    good = client.post(url, {**base, "rows-0-quota_value": "3", "rows-0-council_vote": "yes"})
    assert good.status_code == 302
    assert list(campaign.awards.values_list("copies", "quota_value", "council_vote")) == [(2, 3, "yes")]
    assert campaign.awards.get().needs_council  # the plan sends a form the catalogue does not to the council


def test_launched_campaign_amendment_needs_reason(cast, client_for):
    campaign = launched_campaign(cast)
    url = f"/phong-trao/{campaign.pk}/sua/"
    client = client_for(cast.admin)
    data = general_data(cast, dossier_deadline="15/08/2025")
    refused = client.post(url, data)
    assert refused.status_code == 400
    assert "Kế hoạch đã phát động: phải ghi lý do sửa đổi." in refused.content.decode()
    assert Campaign.objects.get(pk=campaign.pk).dossier_deadline == date(2025, 8, 5)
    accepted = client.post(url, {**data, "amend-reason": "Lùi hạn theo văn bản của Bộ"})
    assert accepted.status_code == 302
    assert CampaignAmendment.objects.get().reason == "Lùi hạn theo văn bản của Bộ"


def test_launch_button_launches(cast, client_for):
    campaign = draft_campaign(cast)
    campaign.awards.create(award_form=award_form(), copies=2)
    campaign.participants.create(organisation=cast.unit_a)
    response = client_for(cast.admin).post(f"/phong-trao/{campaign.pk}/chuyen/launch/", follow=True)
    assert "Đã phát động phong trào." in response.content.decode()
    assert Campaign.objects.get().status == "launched"


def test_clerk_page_shows_copies_and_deadline(cast, client_for):
    campaign = launched_campaign(cast)
    html = client_for(cast.clerk_a).get(f"/phong-trao/{campaign.pk}/").content.decode()
    assert "Đơn vị của tôi cần nộp" in html
    assert "02 bộ" in html and "05/08/2025" in html


def test_non_participating_clerk_gets_404(cast, client_for):
    campaign = launched_campaign(cast)
    assert client_for(cast.clerk_b).get(f"/phong-trao/{campaign.pk}/").status_code == 404
    assert client_for(cast.clerk_a).get(f"/phong-trao/{campaign.pk}/sua/").status_code == 403


def test_public_page_lists_launched_campaigns_without_login(cast, client):
    launched = launched_campaign(cast)
    draft_campaign(cast, title="Dự thảo chưa công bố")
    html = client.get("/cong-khai/phong-trao/").content.decode()
    assert launched.title in html and "Dự thảo chưa công bố" not in html
    assert client.get(f"/cong-khai/phong-trao/{launched.pk}/").status_code == 200


def test_task_board_flags_late_tasks(cast, client_for):
    campaign = launched_campaign(cast, kind="annual", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31),
                                 dossier_deadline=date(2026, 12, 15), summary_deadline=None, plan_date=None)
    PlanTask.objects.create(campaign=campaign, quarter=2, content="Sơ kết 6 tháng", due_date=date(2026, 6, 30))
    PlanTask.objects.create(campaign=campaign, quarter=4, content="Tổng kết năm", due_date=date(2026, 12, 31))
    import time_machine

    with time_machine.travel(date(2026, 11, 22)):
        response = client_for(cast.reviewer).get(f"/phong-trao/{campaign.pk}/nhiem-vu-theo-quy/")
    quarters = response.context["quarters"]
    assert [t.late for t in quarters[1]["tasks"]] == [True]
    assert [t.late for t in quarters[3]["tasks"]] == [False]
    assert response.context["late_total"] == 1


@pytest.mark.parametrize("role", ["admin", "clerk_a"])
def test_campaign_list_query_count_is_constant(cast, client_for, role):
    client = client_for(getattr(cast, role))
    launched_campaign(cast)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/phong-trao/?nam=2025").status_code == 200
        return len(ctx.captured_queries)

    small = count()
    for i in range(15):
        launched_campaign(cast, title=f"Phong trào {i}", plan_number=200 + i)
    assert count() == small
