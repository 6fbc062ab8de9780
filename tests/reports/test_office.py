"""The office's own reports (issue 19): by campaign, award form, unit, bloc, and the processing time, on the
hand-counted fixture of the statutory biểu; their page, Excel file, walls and constant queries."""
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reports.services import office
from tests.reports.test_statutory import YEAR, world  # noqa: F401  (the hand-counted fixture)
from tests.reports.test_statutory_outputs import _more

pytestmark = pytest.mark.django_db


def test_by_form_counted_by_hand(world):  # noqa: F811
    report = office.by_form(world.province, YEAR)
    rows = {row[0]: row[2:6] for row in report.rows}  # cá nhân, tập thể, hộ, tổng
    assert rows == {
        "Chiến sĩ thi đua toàn quốc": [1, 0, 0, 1], "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh": [1, 0, 0, 1],
        "Cờ thi đua của Chính phủ": [0, 1, 0, 1], "Cờ thi đua cấp bộ, ban, ngành, tỉnh": [0, 1, 0, 1],
        "Huân chương Lao động hạng Ba": [1, 1, 0, 2], "Bằng khen của Thủ tướng Chính phủ": [3, 2, 1, 6],
        "Bằng khen của Bộ trưởng": [1, 0, 0, 1], "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh": [2, 1, 0, 3],
        "Giấy khen": [1, 0, 0, 1],
    }
    assert report.total[2:6] == [10, 6, 1, 17]


def test_by_unit_counted_by_hand(world):  # noqa: F811
    rows = {row[0]: row[2:6] for row in office.by_unit(world.province, YEAR).rows}
    # the Sở: a1, a4, a5, a6, a8, a9, a10, a11, a14, a15, a16, a17 (its staff, its phòng, itself); the other Sở:
    # a12, a20; the enterprise under the province: a3; a2, a7 are Phòng A and B (in the Sở)
    assert rows["Sở Nội vụ tỉnh Thử"] == [9, 4, 1, 14]
    assert rows["Sở Tài chính tỉnh Thử"] == [1, 1, 0, 2]
    assert rows["Công ty Cổ phần Thử"] == [0, 1, 0, 1]


def test_by_campaign_and_bloc(world):  # noqa: F811
    by_campaign = office.by_campaign(world.province, YEAR)
    assert by_campaign.rows == [["Ngoài phong trào (nhập sổ, không gắn phong trào)", "", 10, 6, 1, 17, 0]]
    blocs = office.by_bloc(world.province, YEAR)
    assert blocs.rows == [["Khối thi đua: Khối các Sở", 0, 0, 0, 0, 0, 0]] and blocs.total is None


def test_processing_time(cast):
    from datetime import timedelta

    from django.utils import timezone

    from dossiers.models import Dossier
    from tests.factories.campaigns import launched_campaign

    campaign = launched_campaign(cast)
    offer = campaign.awards.get()
    sent = timezone.make_aware(timezone.datetime(YEAR, 3, 1, 8))
    for index, (answer, decided) in enumerate([(2, 10), (4, None), (9, 30)]):
        unit = [cast.unit_a, cast.unit_b, cast.other][index]
        Dossier.objects.create(campaign=campaign, offer=offer, organisation=unit,
                               state="decided" if decided else "in_review", submitted_at=sent,
                               accepted_at=sent + timedelta(days=answer),
                               decided_at=sent + timedelta(days=decided) if decided else None)
    report = office.processing_time(cast.province, YEAR)
    # Sent Saturday 01/03/2025; counted from Monday 03/03 to the answer's day, weekends left out (no holiday in
    # March 2025): answered 03/03 → 1, 05/03 → 3, 10/03 → 6; decided 11/03 → 7, 31/03 → 21 working days.
    assert report.rows == [[campaign.title, 3, 3, 6, 14, 21]]
    assert report.total == ["Tất cả hồ sơ", 3, 3, 6, 14, 21]
    assert "Tính theo ngày làm việc" in report.notes[0]


@pytest.mark.parametrize("kind", list(office.KINDS))
def test_page_excel_and_queries(cast, client, kind):
    from openpyxl import load_workbook

    client.force_login(cast.admin)
    url, query = reverse("reports:office"), {"co_quan": cast.province.pk, "nam": YEAR, "loai": kind}
    _more(cast, 1)
    client.get(url, query)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url, query).status_code == 200
    _more(cast, 20)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url, query)
    assert len(many) == len(few)
    assert 'class="table table-sm table-hover mb-0 table-cards"' in response.content.decode()
    excel = client.get(reverse("reports:office_excel", args=[cast.province.pk, YEAR, kind]))
    assert excel.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(excel.streaming_content))).active
    assert sheet["A1"].value == response.context["report"].columns[0][0]


@pytest.mark.parametrize("days, median", [([], None), ([2, 4], 3), ([1, 2], 1.5), ([1, 3, 6], 3), ([0, 0], 0)])
def test_median_prints_whole_days_without_a_decimal(days, median):
    value = office._median(days)
    assert value == median and type(value) is type(median)
