"""Nhập danh sách đề nghị từ Excel (issue 18): a dossier's nominees from a workbook, all or nothing, each row read
in the dossier unit's people, units and households and added through add_nominee's checks; its page."""
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards.models import AwardForm
from campaigns.services.campaigns import offer_award
from core.imports import read_in_request
from core.xlsx import ImportFileError, SheetReader
from dossiers.models import Nomination
from dossiers.services import building
from dossiers.services.nominee_import import COLUMNS, import_nominees, template_workbook
from tests.dossiers.test_nominee_kinds import campaign, outsiders  # noqa: F401 (fixtures)
from tests.factories.orgs import PersonFactory
from tests.factories.xlsx import workbook_bytes

pytestmark = pytest.mark.django_db

HEADER = [label for label, _ in COLUMNS.values()]
GOOD = [
    ["Cá nhân", "Nguyễn Thị Hương", "", "", "Hoàn thành xuất sắc nhiệm vụ năm", ""],
    ["tap the", "", "", "T-SNV-A", "", ""],
    ["Hộ gia đình", "Hộ ông Trần Văn Lộc", "", "", "Phát triển kinh tế vườn đồi", ""],
    ["Cá nhân", "le thi na", "", "T-SNV-A", "", "Mới chuyển về đơn vị"],
]


def xlsx(rows, header=HEADER):
    return workbook_bytes(rows, header)


@pytest.fixture
def dossier(cast, campaign, outsiders):  # noqa: F811
    return building.start_dossier(campaign, cast.unit_a, campaign.awards.get(), by=cast.clerk_a)


def run(dossier, rows, by):
    return import_nominees(dossier, xlsx(rows), by=by, reader=SheetReader())


def test_a_good_file_adds_every_kind_of_nominee_in_order(cast, dossier, outsiders):  # noqa: F811
    report = run(dossier, GOOD, cast.clerk_a)

    assert (report.ok, report.rows, report.created) == (True, 4, 4)
    added = list(dossier.nominations.order_by("order"))
    assert [n.subject_type for n in added] == ["individual", "collective", "household", "individual"]
    assert [n.person for n in added] == [cast.person_a, None, None, outsiders["farmer"]]
    assert added[1].organisation == cast.unit_a
    assert added[2].household == outsiders["household"]
    assert added[0].summary == "Hoàn thành xuất sắc nhiệm vụ năm"
    assert added[3].unregistered_reason == "Mới chuyển về đơn vị"
    assert all(n.checks is not None for n in added)  # the verdicts stored, as add_nominee stores them
    assert added[2].report.functions == "Kinh tế vườn đồi"  # the Mẫu 08 pre-filled as add_nominee fills it


def test_namesakes_are_told_apart_by_the_date_of_birth(cast, dossier):
    from datetime import date

    PersonFactory(full_name="Nguyễn Thị Hương", organisation=cast.unit_a, date_of_birth=date(1990, 1, 2))

    report = run(dossier, [["Cá nhân", "Nguyễn Thị Hương", "02/01/1990", "", "", ""]], cast.clerk_a)

    assert report.ok
    assert dossier.nominations.get().person.date_of_birth == date(1990, 1, 2)


LONG = "x" * 501


@pytest.mark.parametrize(("row", "message"), [
    (["", "Nguyễn Thị Hương", "", "", "", ""], "Thiếu “Đối tượng” (cá nhân, tập thể hoặc hộ gia đình)."),
    (["Công ty", "Nguyễn Thị Hương", "", "", "", ""],
     "Đối tượng “Công ty” không hợp lệ (cá nhân, tập thể hoặc hộ gia đình)."),
    (["Cá nhân", "", "", "", "", ""], "Thiếu “Họ và tên / Tên tập thể / Chủ hộ”."),
    (["Cá nhân", "Phan Văn Không Có", "", "", "", ""],
     "Không tìm thấy cá nhân “Phan Văn Không Có” trong Phòng Tổ chức cán bộ (kể cả đơn vị trực thuộc)."),
    (["Cá nhân", "Nguyễn Thị Hương", "31/02/1985", "", "", ""],
     "Ngày sinh “31/02/1985” không hợp lệ (dạng dd/mm/yyyy)."),
    (["Tập thể", "", "", "T-XYZ", "", ""],
     "Mã đơn vị “T-XYZ” không có trong Phòng Tổ chức cán bộ (kể cả đơn vị trực thuộc)."),
    # another unit's person, unit and household are not found in the dossier unit's own
    (["Cá nhân", "Lê Văn Bình", "", "", "", ""],
     "Không tìm thấy cá nhân “Lê Văn Bình” trong Phòng Tổ chức cán bộ (kể cả đơn vị trực thuộc)."),
    (["Tập thể", "", "", "T-SNV-B", "", ""],
     "Mã đơn vị “T-SNV-B” không có trong Phòng Tổ chức cán bộ (kể cả đơn vị trực thuộc)."),
    (["Hộ gia đình", "Hồ Văn Phúc", "", "", "", ""],
     "Không tìm thấy hộ gia đình có chủ hộ “Hồ Văn Phúc” trong Phòng Tổ chức cán bộ (kể cả đơn vị trực thuộc)."),
    (["Cá nhân", "Nguyễn Thị Hương", "", "", "", ""],  # the same as row 2
     "Trùng với dòng 2 (cùng người, tập thể, hộ gia đình)."),
    (["Cá nhân", "Lê Thị Na", "", "", LONG, ""], "“Tóm tắt thành tích” dài quá 500 ký tự."),
])
def test_a_bad_row_is_reported_with_its_sheet_row_and_nothing_is_written(cast, dossier, row, message):
    report = run(dossier, [GOOD[0], row], cast.clerk_a)

    assert [(e.row, e.message) for e in report.errors] == [(3, message)]
    assert dossier.nominations.count() == 0


def test_someone_already_in_the_dossier_is_refused_by_add_nominee(cast, dossier, outsiders):  # noqa: F811
    building.add_nominee(dossier, subject_type="household", household=outsiders["household"], by=cast.clerk_a)

    report = run(dossier, GOOD, cast.clerk_a)

    assert [(e.row, e.message) for e in report.errors] == [(4, "Người, tập thể này đã có trong hồ sơ.")]
    assert dossier.nominations.count() == 1  # the other three rows were not added either


def test_a_subject_type_the_award_form_does_not_take_is_refused(cast, campaign):  # noqa: F811
    offer = offer_award(campaign, AwardForm.objects.get(code="cstd-co-so"), copies=1, order=2, by=cast.admin)
    dossier = building.start_dossier(campaign, cast.unit_a, offer, by=cast.clerk_a)

    report = run(dossier, GOOD[:2], cast.clerk_a)

    assert [(e.row, e.message) for e in report.errors] == [
        (3, "“Chiến sĩ thi đua cơ sở” không tặng cho tập thể.")]
    assert dossier.nominations.count() == 0


def test_a_renamed_file_is_refused_by_its_content():
    upload = SimpleUploadedFile("danh-sach.xlsx", b"Ho va ten;Ngay sinh\nNguyen Thi Huong;05/03/1985\n")

    with pytest.raises(ImportFileError) as error:
        read_in_request(upload)

    assert error.value.messages == [
        "Tệp không phải bảng tính Excel (.xlsx). Hãy lưu tệp dưới dạng .xlsx rồi tải lên lại."]


def test_a_file_too_long_for_one_list_is_refused(cast, dossier, settings):
    settings.IMPORT_INLINE_MAX_ROWS = 3
    data, reader = read_in_request(SimpleUploadedFile("ds.xlsx", xlsx(GOOD)))

    with pytest.raises(ImportFileError):
        import_nominees(dossier, data, by=cast.clerk_a, reader=reader)
    assert dossier.nominations.count() == 0


def test_only_the_units_clerk_imports(cast, dossier):
    with pytest.raises(PermissionDenied):
        run(dossier, GOOD, cast.clerk_b)


def test_a_sent_dossier_takes_no_import(cast, dossier):
    from dossiers.enums import DossierState
    from dossiers.models import Dossier

    Dossier.objects.filter(pk=dossier.pk).update(state=DossierState.SUBMITTED)  # as sent: the checks read the state

    with pytest.raises(ValidationError):
        run(Dossier.objects.get(pk=dossier.pk), GOOD, cast.clerk_a)
    assert dossier.nominations.count() == 0


def test_the_template_has_the_columns_and_the_units_codes(dossier):
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(template_workbook(dossier)))

    assert [cell.value for cell in book.worksheets[0][1]] == HEADER
    assert [row[0].value for row in book["Mã đơn vị"].iter_rows(min_row=2)] == ["T-SNV-A", "T-DN-1"]


# --- the page ---------------------------------------------------------------------------------------------------
def upload(data, name="danh-sach.xlsx"):
    return {"file": SimpleUploadedFile(name, data)}


def test_the_page_adds_the_nominees_and_goes_back_to_the_dossier(cast, client_for, dossier):
    client = client_for(cast.clerk_a)
    url = reverse("dossiers:nominee_import", args=[dossier.pk])

    page = client.get(url)
    response = client.post(url, upload(xlsx(GOOD)), follow=True)

    assert page.status_code == 200
    assert "Nhập danh sách đề nghị từ Excel" in page.content.decode()
    assert response.redirect_chain == [(f"{dossier.get_absolute_url()}#nominees", 302)]
    assert "Đã thêm 4 người, tập thể, hộ gia đình từ tệp Excel." in response.content.decode()
    assert Nomination.objects.filter(dossier=dossier).count() == 4


def test_the_page_shows_the_report_of_a_rejected_file(cast, client_for, dossier):
    response = client_for(cast.clerk_a).post(reverse("dossiers:nominee_import", args=[dossier.pk]),
                                             upload(xlsx([["Cá nhân", "Lê Văn Bình", "", "", "", ""]])))

    body = response.content.decode()
    assert response.status_code == 400
    assert 'id="import-report"' in body
    assert "Không tìm thấy cá nhân “Lê Văn Bình”" in body
    assert dossier.nominations.count() == 0


def test_the_page_refuses_a_renamed_file_under_the_field(cast, client_for, dossier):
    response = client_for(cast.clerk_a).post(reverse("dossiers:nominee_import", args=[dossier.pk]),
                                             upload(b"%PDF-1.4 not a workbook"))

    assert response.status_code == 400
    assert "Tệp không phải bảng tính Excel (.xlsx)." in response.content.decode()


def test_the_page_gives_the_template(cast, client_for, dossier):
    response = client_for(cast.clerk_a).get(reverse("dossiers:nominee_import", args=[dossier.pk]) + "?mau=1")

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="mau-danh-sach-de-nghi.xlsx"'


def test_the_dossier_page_links_to_the_import(cast, client_for, dossier):
    response = client_for(cast.clerk_a).get(dossier.get_absolute_url())

    assert reverse("dossiers:nominee_import", args=[dossier.pk]) in response.content.decode()
