"""The inbox's Excel export: the nominees of the filtered dossiers, one row each, never a draft."""
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from dossiers.services.workflow import transition
from tests.factories.dossiers import ready_dossier
from tests.factories.orgs import PersonFactory

pytestmark = pytest.mark.django_db


def rows_of(response):
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    return [list(row) for row in book["Danh sách đề nghị"].iter_rows(values_only=True)]


def test_export_lists_the_nominees_of_sent_dossiers_with_the_filters(cast, client_for):
    sent = transition(ready_dossier(cast), "submit", by=cast.clerk_a)
    ready_dossier(cast, person=PersonFactory(full_name="Trần Văn Nháp", organisation=cast.unit_a))  # a draft
    client = client_for(cast.reviewer)
    response = client.get(reverse("dossiers:inbox_export"), {"nam": sent.submitted_at.year, "tat_ca": "on"})
    assert response["Content-Disposition"].startswith("attachment;")
    rows = rows_of(response)
    assert rows[0][:6] == ["STT", "Họ và tên / Tên tập thể", "Đối tượng", "Chức vụ", "Đơn vị đề nghị",
                           "Hình thức khen thưởng"]
    assert [(r[0], r[1], r[2], r[4], r[7], r[8]) for r in rows[1:]] == [
        (1, "Nguyễn Thị Hương", "Cá nhân", "Phòng Tổ chức cán bộ", "Đã nộp", "Chưa xét")]
    other_year = client.get(reverse("dossiers:inbox_export"), {"nam": sent.submitted_at.year - 1, "tat_ca": "on"})
    assert rows_of(other_year) == [rows[0]]


def test_a_clerk_cannot_export_the_inbox(cast, client_for):
    assert client_for(cast.clerk_a).get(reverse("dossiers:inbox_export")).status_code == 403
