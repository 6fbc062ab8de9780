"""A long Excel file of the award register is read by the worker (core.imports, issue 16), with the same
outcome as in the request: the per-row report of both sheets, or what was written."""
import pytest
from django.urls import reverse

from core.models import ImportJob
from dossiers.models import AnnualRating, Award
from dossiers.services import register
from tests.dossiers.test_register import xlsx
from tests.factories.xlsx import report_fragment

pytestmark = pytest.mark.django_db
GOOD = [["Nguyễn Thị Hương", None, "T-SNV-A", "LĐTT", "15/QĐ-SNV", "28/12/2023", "", ""],
        ["T-SNV-A", None, None, "ttldxs", "2150/QĐ-UBND", "28/12/2023", "Chủ tịch UBND tỉnh", ""]]
RATINGS = [["Lê Văn Bình", None, "T-SNV-B", "2024", "tot", "", ""]]
BAD = [["Không Có Ai", None, "T-SNV-A", "LĐTT", "15/QĐ-SNV", "28/12/2023", "", ""],
       ["Lê Văn Bình", None, "T-SNV-B", "Huy hiệu", "", "31/02/2023", "", ""]]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.IMPORT_INLINE_MAX_ROWS = 3  # both sheets count: these files go to the worker


def post(client, upload, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("dossiers:award_import"), {"file": upload})
    job = ImportJob.objects.get()
    assert (response.status_code, response["Location"]) == (302, reverse("dossiers:award_import_status",
                                                                          args=[job.pk]))
    return job, client.get(response["Location"])


def test_a_long_register_file_is_written_by_the_worker(cast, client_for, django_capture_on_commit_callbacks):
    job, page = post(client_for(cast.reviewer), xlsx(GOOD, rating_rows=RATINGS), django_capture_on_commit_callbacks)
    assert (job.kind, job.status) == ("awards", "imported")
    assert Award.objects.count() == 2 and AnnualRating.objects.get().person == cast.person_b
    assert ("Đã nhập 3 dòng: thêm mới 2, cập nhật 0 khen thưởng; thêm mới 1, cập nhật 0 kết quả xếp loại."
            in page.content.decode())


def test_the_worker_reports_each_row_as_the_request_does(cast, client_for, django_capture_on_commit_callbacks,
                                                         settings):
    client = client_for(cast.reviewer)
    settings.IMPORT_INLINE_MAX_ROWS = 500
    inline = client.post(reverse("dossiers:award_import"), {"file": xlsx(BAD, rating_rows=RATINGS)})
    settings.IMPORT_INLINE_MAX_ROWS = 3
    job, page = post(client, xlsx(BAD, rating_rows=RATINGS), django_capture_on_commit_callbacks)

    assert job.status == "rejected" and not Award.objects.exists() and not AnnualRating.objects.exists()
    assert register.AwardImportReport.from_dict(job.report) == register.import_awards(
        xlsx(BAD, rating_rows=RATINGS), by=cast.reviewer)
    assert inline.status_code == 400 and page.status_code == 200
    assert report_fragment(page) == report_fragment(inline)
    assert "<td>Khen thưởng, dòng 3</td><td>Ngày quyết định “31/02/2023” không hợp lệ (dạng dd/mm/yyyy).</td>" in \
        report_fragment(page)


def test_a_reviewer_who_lost_the_role_meanwhile_writes_nothing(cast, client_for, monkeypatch,
                                                              django_capture_on_commit_callbacks):
    from core import imports
    from orgs.models import Membership

    monkeypatch.setattr(imports, "publish", lambda *args, **kwargs: False)
    job, _page = post(client_for(cast.reviewer), xlsx(GOOD, rating_rows=RATINGS), django_capture_on_commit_callbacks)
    Membership.objects.filter(user=cast.reviewer).delete()
    imports.run_job(job.pk)
    job.refresh_from_db()
    assert job.status == "rejected" and not Award.objects.exists()
    assert job.error == "Chỉ Văn phòng (thẩm định) hoặc quản trị mới nhập được sổ khen thưởng."


def test_only_the_uploader_sees_the_page(cast, client_for):
    job = ImportJob.objects.create(kind="awards", requested_by=cast.reviewer, filename="so.xlsx")
    url = reverse("dossiers:award_import_status", args=[job.pk])
    assert client_for(cast.reviewer).get(url).status_code == 200
    assert client_for(cast.admin).get(url).status_code == 404
    people = ImportJob.objects.create(kind="people", requested_by=cast.reviewer, filename="ds.xlsx")
    assert client_for(cast.reviewer).get(reverse("dossiers:award_import_status", args=[people.pk])).status_code == 404
