"""Nhập đăng ký thi đua từ Excel (issue 18): a unit's registration lines from a workbook, all or nothing, each row
read in the unit's people and units, the form among the campaign's offered forms and titles; its page."""
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from campaigns.enums import RegistrationStatus
from campaigns.models import Registration, RegistrationEntry
from campaigns.services import registrations
from campaigns.services.registration_import import COLUMNS, import_entries
from core.xlsx import SheetReader
from tests.dossiers.test_nominee_import import xlsx
from tests.factories.campaigns import launched_campaign

pytestmark = pytest.mark.django_db

HEADER = [label for label, _ in COLUMNS.values()]
GOOD = [
    ["Cá nhân", "Nguyễn Thị Hương", "", "", "Giấy khen (thử)", "Hoàn thành xuất sắc nhiệm vụ"],
    ["Tập thể", "", "", "T-SNV-A", "giay-khen-test", ""],
    ["ca nhan", "nguyen thi huong", "", "T-SNV-A", "CSTĐ cơ sở", ""],
]


@pytest.fixture
def campaign(cast):
    return launched_campaign(cast)


def run(campaign, rows, by, unit=None):
    return import_entries(campaign, unit or by.memberships.get().organisation, xlsx(rows, HEADER), by=by,
                          reader=SheetReader())


def test_a_good_file_starts_the_registration_with_its_lines(cast, campaign):
    report = run(campaign, GOOD, cast.clerk_a)

    assert (report.ok, report.rows, report.created) == (True, 3, 3)
    registration = Registration.objects.get(campaign=campaign, organisation=cast.unit_a)
    assert registration.status == RegistrationStatus.DRAFT
    lines = list(registration.entries.order_by("pk").values_list("subject_type", "person", "organisation",
                                                                 "award_form__code", "target_note"))
    assert lines == [("individual", cast.person_a.pk, None, "giay-khen-test", "Hoàn thành xuất sắc nhiệm vụ"),
                     ("collective", None, cast.unit_a.pk, "giay-khen-test", ""),
                     ("individual", cast.person_a.pk, None, "cstd-co-so", "")]


@pytest.mark.parametrize(("row", "message"), [
    (["Hộ gia đình", "Trần Văn Lộc", "", "", "Giấy khen (thử)", ""],
     "Đăng ký thi đua của phong trào không nhận hộ gia đình (chỉ cá nhân, tập thể mà phong trào khen thưởng)."),
    (["Cá nhân", "Nguyễn Thị Hương", "", "", "Huân chương Lao động hạng Ba", ""],
     "Hình thức “Huân chương Lao động hạng Ba” không có trong các danh hiệu, hình thức của phong trào (ghi đúng "
     "tên hoặc mã)."),
    (["Cá nhân", "Nguyễn Thị Hương", "", "", "", ""], "Thiếu “Danh hiệu, hình thức đăng ký”."),
    (["Tập thể", "", "", "T-SNV-A", "CSTĐ cơ sở", ""], "“Chiến sĩ thi đua cơ sở” không tặng cho tập thể."),
    (["Cá nhân", "Lê Văn Bình", "", "", "Giấy khen (thử)", ""],  # a person of another unit
     "Không tìm thấy cá nhân “Lê Văn Bình” trong Phòng Tổ chức cán bộ (kể cả đơn vị trực thuộc)."),
    (["Cá nhân", "Nguyễn Thị Hương", "", "", "giay-khen-test", ""],  # the same as row 2
     "Trùng với dòng 2 (cùng đối tượng, cùng danh hiệu, hình thức)."),
])
def test_a_bad_row_is_reported_and_nothing_is_written(cast, campaign, row, message):
    report = run(campaign, [GOOD[0], row], cast.clerk_a)

    assert [(e.row, e.message) for e in report.errors] == [(3, message)]
    assert not Registration.objects.filter(campaign=campaign).exists()


def test_a_line_the_registration_has_is_refused_by_add_entries(cast, campaign):
    run(campaign, GOOD[:1], cast.clerk_a)

    report = run(campaign, GOOD, cast.clerk_a)

    assert [(e.row, e.message) for e in report.errors] == [
        (2, "Đăng ký đã có dòng này (cùng đối tượng, cùng danh hiệu, hình thức).")]
    assert RegistrationEntry.objects.filter(registration__campaign=campaign).count() == 1


def test_a_sent_registration_takes_no_import(cast, campaign):
    run(campaign, GOOD[:1], cast.clerk_a)
    registrations.submit_registration(Registration.objects.get(campaign=campaign), by=cast.clerk_a)

    with pytest.raises(ValidationError):
        run(campaign, GOOD[1:], cast.clerk_a)
    assert RegistrationEntry.objects.filter(registration__campaign=campaign).count() == 1


def test_only_a_clerk_of_the_unit_imports(cast, campaign):
    with pytest.raises(PermissionDenied):
        run(campaign, GOOD, cast.clerk_b, unit=cast.unit_a)


# --- the page ---------------------------------------------------------------------------------------------------
def test_the_page_adds_the_lines_and_goes_back_to_the_registration(cast, client_for, campaign):
    client = client_for(cast.clerk_a)
    url = reverse("campaigns:registration_import", args=[campaign.pk])

    page = client.get(url)
    template = client.get(url + "?mau=1")
    response = client.post(url, {"file": SimpleUploadedFile("dang-ky.xlsx", xlsx(GOOD, HEADER))}, follow=True)

    assert page.status_code == 200
    assert template["Content-Disposition"] == 'attachment; filename="mau-dang-ky-thi-dua.xlsx"'
    assert response.redirect_chain == [(reverse("campaigns:registration_edit", args=[campaign.pk]), 302)]
    assert "Đã thêm 3 dòng đăng ký từ tệp Excel." in response.content.decode()
    assert 'id="registration-import-link"' in response.content.decode()  # the link on the registration page


def test_the_page_shows_the_report_and_refuses_a_renamed_file(cast, client_for, campaign):
    client = client_for(cast.clerk_a)
    url = reverse("campaigns:registration_import", args=[campaign.pk])

    report = client.post(url, {"file": SimpleUploadedFile("dang-ky.xlsx", xlsx(GOOD[:1] + GOOD[:1], HEADER))})
    renamed = client.post(url, {"file": SimpleUploadedFile("dang-ky.xlsx", b"not a workbook at all")})

    assert (report.status_code, renamed.status_code) == (400, 400)
    assert "Trùng với dòng 2" in report.content.decode()
    assert "Tệp không phải bảng tính Excel (.xlsx)." in renamed.content.decode()
    assert not Registration.objects.filter(campaign=campaign).exists()


def test_the_page_of_a_sent_registration_is_refused(cast, client_for, campaign):
    run(campaign, GOOD[:1], cast.clerk_a)
    registrations.submit_registration(Registration.objects.get(campaign=campaign), by=cast.clerk_a)

    response = client_for(cast.clerk_a).get(reverse("campaigns:registration_import", args=[campaign.pk]))

    assert response.status_code == 403
