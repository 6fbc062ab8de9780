"""The legal-basis profile is checked against the plan's date (issue 15): a plan dated before the chosen profile
took effect (or after it ended) gets a Vietnamese warning on the campaign form, with the profile in force then
proposed; the planner takes the proposal or keeps the choice knowingly."""
from datetime import date

import pytest

from awards.models import LegalBasisProfile
from campaigns.models import Campaign
from campaigns.services.campaigns import legal_profile_check
from tests.campaigns.test_pages import general_data
from tests.factories.campaigns import draft_campaign

pytestmark = pytest.mark.django_db

ND91 = "Luật Thi đua, khen thưởng 2003 (sửa đổi 2005, 2013) – Nghị định 91/2017/NĐ-CP"
ND98 = "Luật Thi đua, khen thưởng 2022 – Nghị định 98/2023/NĐ-CP"
ND152 = "Luật Thi đua, khen thưởng 2022 – Nghị định 152/2025/NĐ-CP"
CONSEQUENCE = "Kế hoạch sẽ in căn cứ của bộ này và quyết định khen thưởng mặc định tính tiền thưởng theo bộ này."
REFUSED = ("Bộ căn cứ này không có hiệu lực vào ngày ban hành kế hoạch: chọn bộ căn cứ đề xuất, hoặc đánh dấu "
           "“Vẫn dùng bộ căn cứ đã chọn”.")


def profile(code):
    return LegalBasisProfile.objects.get(code=code)


@pytest.mark.parametrize(("plan_date", "start", "code", "message", "proposed"), [
    (date(2023, 3, 15), date(2023, 3, 20), "nd-98-2023",
     f"Kế hoạch ban hành ngày 15/03/2023, trước khi bộ căn cứ “{ND98}” có hiệu lực (từ 01/01/2024): {CONSEQUENCE} "
     f"Bộ căn cứ có hiệu lực ngày 15/03/2023: “{ND91}”.", "nd-91-2017"),
    (date(2024, 7, 10), date(2024, 7, 15), "nd-152-2025",
     f"Kế hoạch ban hành ngày 10/07/2024, trước khi bộ căn cứ “{ND152}” có hiệu lực (từ 01/07/2025): {CONSEQUENCE} "
     f"Bộ căn cứ có hiệu lực ngày 10/07/2024: “{ND98}”.", "nd-98-2023"),
    (date(2025, 8, 1), date(2025, 8, 1), "nd-98-2023",
     f"Kế hoạch ban hành ngày 01/08/2025, khi bộ căn cứ “{ND98}” đã hết hiệu lực (từ 01/07/2025): {CONSEQUENCE} "
     f"Bộ căn cứ có hiệu lực ngày 01/08/2025: “{ND152}”.", "nd-152-2025"),
    (None, date(2023, 3, 20), "nd-98-2023",
     f"Kế hoạch chưa có ngày ban hành, phong trào bắt đầu ngày 20/03/2023, trước khi bộ căn cứ “{ND98}” có hiệu "
     f"lực (từ 01/01/2024): {CONSEQUENCE} Bộ căn cứ có hiệu lực ngày 20/03/2023: “{ND91}”.", "nd-91-2017"),
    (date(2016, 5, 1), date(2016, 5, 1), "nd-91-2017",
     f"Kế hoạch ban hành ngày 01/05/2016, trước khi bộ căn cứ “{ND91}” có hiệu lực (từ 15/09/2017): {CONSEQUENCE} "
     "Chưa có bộ căn cứ nào có hiệu lực ngày 01/05/2016: quản trị hệ thống cần bổ sung vào danh mục.", None),
    (date(2023, 3, 15), date(2023, 3, 20), "nd-91-2017", None, None),
    (date(2023, 12, 31), date(2024, 1, 2), "nd-91-2017", None, None),  # the plan's date, not its start, decides
    (date(2024, 1, 1), date(2024, 1, 1), "nd-98-2023", None, None),
])
def test_the_profile_against_the_plans_date(plan_date, start, code, message, proposed):
    check = legal_profile_check(Campaign(plan_date=plan_date, period_start=start, legal_profile=profile(code)))
    assert (check.message if check else None) == message
    assert (check.proposed.code if check and check.proposed else None) == proposed


def plan_2023(cast, **changes):
    return general_data(cast, **{"plan_date": "15/03/2023", "period_start": "20/03/2023", "period_end": "30/11/2023",
                                 "summary_deadline": "05/12/2023", "dossier_deadline": "05/12/2023",
                                 "legal_profile": profile("nd-98-2023").pk, **changes})


def test_a_2023_plan_under_the_2024_decree_is_warned_and_the_decree_of_2017_proposed(cast, client_for):
    response = client_for(cast.admin).post("/phong-trao/them/", plan_2023(cast))
    html = response.content.decode()
    assert response.status_code == 200
    assert not Campaign.objects.exists()
    assert response.context["form"].errors["legal_profile"] == [REFUSED]
    assert "Bộ căn cứ pháp lý không có hiệu lực vào ngày của kế hoạch." in html
    assert f"Bộ căn cứ có hiệu lực ngày 15/03/2023: “{ND91}”." in html
    assert f'name="use_proposed" value="{profile("nd-91-2017").pk}"' in html
    assert 'name="keep_profile"' in html


def test_the_proposed_profile_is_taken_with_one_click(cast, client_for):
    response = client_for(cast.admin).post("/phong-trao/them/", plan_2023(
        cast, use_proposed=str(profile("nd-91-2017").pk)))
    assert response.status_code == 302
    assert Campaign.objects.get().legal_profile.code == "nd-91-2017"


def test_the_planner_may_keep_the_profile_knowingly_and_is_reminded(cast, client_for):
    client = client_for(cast.admin)
    response = client.post("/phong-trao/them/", plan_2023(cast, keep_profile="on"))
    campaign = Campaign.objects.get()
    assert response.status_code == 302
    assert campaign.legal_profile.code == "nd-98-2023"
    page = client.get(response["Location"]).content.decode()
    assert 'id="legal-profile-warning"' in page
    assert "Kế hoạch ban hành ngày 15/03/2023, trước khi bộ căn cứ" in page
    # saved so: editing something else is not refused again, the form still says it
    edit = client.get(f"/phong-trao/{campaign.pk}/sua/").content.decode()
    assert 'id="legal-profile-check"' in edit
    assert client.post(f"/phong-trao/{campaign.pk}/sua/", plan_2023(cast, title="Tên mới")).status_code == 302
    # a new date is a new choice: checked again
    moved = client.post(f"/phong-trao/{campaign.pk}/sua/", plan_2023(cast, plan_date="16/03/2023"))
    assert moved.status_code == 400
    assert moved.context["form"].errors["legal_profile"] == [REFUSED]


def test_no_profile_chosen_gets_the_one_in_force(cast, client_for):
    client = client_for(cast.admin)
    response = client.post("/phong-trao/them/", plan_2023(cast, legal_profile=""))
    assert response.status_code == 302
    assert Campaign.objects.get().legal_profile.code == "nd-91-2017"
    assert f"Đã chọn bộ căn cứ “{ND91}”, có hiệu lực vào ngày ban hành kế hoạch." in client.get(
        response["Location"]).content.decode()


def test_a_profile_in_force_gives_no_warning(cast, client_for):
    campaign = draft_campaign(cast, legal_profile=profile("nd-98-2023"))
    client = client_for(cast.admin)
    assert 'id="legal-profile-warning"' not in client.get(f"/phong-trao/{campaign.pk}/").content.decode()
    assert 'id="legal-profile-check"' not in client.get(f"/phong-trao/{campaign.pk}/sua/").content.decode()
