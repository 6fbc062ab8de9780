"""Lists as Excel (issue 17, bulk work): a decision's list for the finance office, the award register as searched,
a campaign's progress by unit. Each file is opened with openpyxl: the header frozen, dates as date cells shown
dd/mm/yyyy, amounts as whole numbers shown #,##0, a Vietnamese file name; each read with the user's scope."""
import io
from datetime import date, datetime
from urllib.parse import unquote

import openpyxl
import pytest

from awards.models import BonusCoefficient
from dossiers.models import Award
from dossiers.services import decisions
from dossiers.services.register import record_award
from dossiers.services.workflow import transition
from tests.factories.campaigns import launched_campaign
from tests.factories.dossiers import ready_dossier

from .test_bulk import awaiting
from .test_decisions import decision_for

pytestmark = pytest.mark.django_db


def workbook(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active


def filename(response):
    return unquote(response["Content-Disposition"].split("filename*=utf-8''")[1])


@pytest.fixture
def decision(cast):
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    BonusCoefficient.objects.create(profile=campaign.legal_profile, award_form=campaign.awards.get().award_form,
                                    subject_type="individual", coefficient="1.5")
    nomination = awaiting(cast, ready_dossier(cast, campaign=campaign)).nominations.get()
    decisions.approve(nomination, approved=True, by=cast.approver)
    return decisions.sign_decision(decision_for(cast, campaign), [nomination], by=cast.approver)


def test_a_decisions_list_for_the_finance_office(cast, client_for, decision):
    response = client_for(cast.reviewer).get(f"/quyet-dinh/{decision.pk}/xuat-excel/")
    sheet = workbook(response)

    assert filename(response) == "Danh sách chi tiền thưởng Quyết định 125-QĐ-SNV.xlsx"
    assert sheet.freeze_panes == "A2"
    assert [cell.value for cell in sheet[1]] == [
        "STT", "Họ và tên / Tên tập thể", "Chức vụ", "Đơn vị", "Hình thức khen thưởng", "Số quyết định",
        "Ngày quyết định", "Số tiền thưởng (đồng)", "Ghi chú"]
    row = sheet[2]
    assert [cell.value for cell in row[:2]] == [1, "Nguyễn Thị Hương"]
    assert (row[6].value, row[6].is_date, row[6].number_format) == (datetime(2025, 8, 20), True, "dd/mm/yyyy")
    assert (row[7].value, row[7].data_type, row[7].number_format) == (3_510_000, "n", "#,##0")  # 1,5 × 2.340.000
    total = sheet[3]
    assert (total[1].value, total[7].value, total[7].number_format) == ("Tổng cộng", 3_510_000, "#,##0")
    assert sheet.max_row == 3


def test_the_decision_page_links_its_finance_list(cast, client_for, decision):
    page = client_for(cast.approver).get(decision.get_absolute_url()).content.decode()
    assert f'href="/quyet-dinh/{decision.pk}/xuat-excel/"' in page and "danh sách chi tiền thưởng" in page


def test_another_bodys_staff_cannot_export_a_decision(cast, client_for, decision):
    assert client_for(cast.outsider).get(f"/quyet-dinh/{decision.pk}/xuat-excel/").status_code == 403
    assert client_for(cast.clerk_a).get(f"/quyet-dinh/{decision.pk}/xuat-excel/").status_code == 403


def test_the_register_as_searched(cast, client_for, decision):
    record_award(award_form=Award.objects.get().award_form, decision_number="56/QĐ-UBND",
                 decision_date=date(2024, 3, 1), person=cast.person_b, decided_by="Chủ tịch UBND tỉnh",
                 by=cast.reviewer)
    client = client_for(cast.reviewer)
    assert 'id="register-excel"' in client.get("/so-khen-thuong/").content.decode()
    response = client.get("/so-khen-thuong/xuat-excel/", {"nam": "2025"})
    sheet = workbook(response)

    assert filename(response).startswith("Sổ khen thưởng ") and sheet.freeze_panes == "A2"
    assert sheet.max_row == 2  # the year's filter: the 2024 award left out
    row = [cell for cell in sheet[2]]
    assert [cell.value for cell in row[:3]] == [1, "Nguyễn Thị Hương", "Cá nhân"]
    assert row[6].value == "Theo đợt, chuyên đề"  # loại hình: the campaign's
    assert (row[9].value, row[9].number_format, row[11].value, row[11].number_format) == (
        datetime(2025, 8, 20), "dd/mm/yyyy", 3_510_000, "#,##0")
    assert workbook(client.get("/so-khen-thuong/xuat-excel/")).max_row == 3


def test_the_register_export_is_walled(cast, client_for, decision):
    """Another body's clerk: refused, or a file without the Sở's awards (the register page's own scope)."""
    response = client_for(cast.outsider).get("/so-khen-thuong/xuat-excel/")
    assert response.status_code == 403 or workbook(response).max_row == 1


def test_a_campaigns_progress_by_unit(cast, client_for):
    campaign = launched_campaign(cast, participants=[cast.unit_a, cast.unit_b])
    transition(ready_dossier(cast, campaign=campaign), "submit", by=cast.clerk_a)
    client = client_for(cast.reviewer)
    assert f'href="/phong-trao/{campaign.pk}/tien-do/xuat-excel/"' in client.get(
        f"/phong-trao/{campaign.pk}/tien-do/").content.decode()
    response = client.get(f"/phong-trao/{campaign.pk}/tien-do/xuat-excel/")
    sheet = workbook(response)

    assert filename(response).startswith(f"Tiến độ nộp hồ sơ phong trào {campaign.pk} ")
    assert sheet.freeze_panes == "A2"
    rows = {row[1].value: row for row in sheet.iter_rows(min_row=2)}
    assert set(rows) == {cast.unit_a.name, cast.unit_b.name}
    sent = rows[cast.unit_a.name]
    assert (sent[2].value, sent[3].value, sent[4].is_date, sent[4].number_format) == (1, "Đã nộp", True, "dd/mm/yyyy")
    assert [cell.value for cell in rows[cast.unit_b.name][2:5]] == [0, "Trễ hạn", None]  # past the deadline


def test_a_campaigns_progress_export_is_walled(cast, client_for):
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    assert client_for(cast.outsider).get(f"/phong-trao/{campaign.pk}/tien-do/xuat-excel/").status_code == 404
    assert client_for(cast.clerk_a).get(f"/phong-trao/{campaign.pk}/tien-do/xuat-excel/").status_code == 403
