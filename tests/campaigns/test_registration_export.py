"""Đăng ký thi đua as Excel (issue 17, bulk work): one row per entry of the registrations sent, the header frozen,
the date sent a date cell (dd/mm/yyyy); drafts stay the unit's; the issuing body's office only."""
import io
from urllib.parse import unquote

import openpyxl
import pytest

from .test_registrations import register, setup, submitted  # noqa: F401 - setup is a fixture

pytestmark = pytest.mark.django_db


def test_the_registrations_sent_as_excel(cast, client_for, setup):  # noqa: F811
    registration = submitted(cast, setup, client_for)
    client = client_for(cast.reviewer)
    url = f"/phong-trao/{setup.campaign.pk}/dang-ky/xuat-excel/"
    assert f'href="{url}"' in client.get(setup.consolidated).content.decode()
    response = client.get(url)
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active

    assert unquote(response["Content-Disposition"]).endswith(".xlsx") and "Đăng ký thi đua phong trào" in unquote(
        response["Content-Disposition"])
    assert sheet.freeze_panes == "A2"
    assert [cell.value for cell in sheet[1]] == ["STT", "Đơn vị", "Trạng thái", "Gửi lúc", "Đối tượng",
                                                "Họ và tên / Tên tập thể", "Danh hiệu, hình thức đăng ký",
                                                "Mục tiêu, cam kết"]
    row = sheet[2]
    assert [row[i].value for i in (0, 1, 4, 5, 6, 7)] == [
        1, cast.unit_a.name, "Cá nhân", "Nguyễn Thị Hương", "Giấy khen của Giám đốc Sở (thử)",
        "Hoàn thành xuất sắc nhiệm vụ năm 2025"]
    assert (row[2].value, row[3].is_date, row[3].number_format) == (
        registration.get_status_display(), True, "dd/mm/yyyy")
    assert sheet.max_row == 2


def test_a_draft_registration_is_not_exported(cast, client_for, setup):  # noqa: F811
    register(client_for(cast.clerk_a), setup, cast.person_a)
    response = client_for(cast.reviewer).get(f"/phong-trao/{setup.campaign.pk}/dang-ky/xuat-excel/")
    assert openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.max_row == 1


def test_the_registration_export_is_walled(cast, client_for, setup):  # noqa: F811
    url = f"/phong-trao/{setup.campaign.pk}/dang-ky/xuat-excel/"
    assert client_for(cast.clerk_a).get(url).status_code == 403
    assert client_for(cast.outsider).get(url).status_code == 404
