"""The award register (sổ khen thưởng): search, manual entry, Excel import, histories through mergers,
and the eligibility rules that read it (Bằng khen Thủ tướng, Chiến sĩ thi đua toàn quốc)."""
import io
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from awards.models import AwardForm
from campaigns.models import CampaignParticipant
from campaigns.services.campaigns import offer_award, transition
from dossiers.models import AnnualRating, Award
from dossiers.services import building, register
from dossiers.services.eligibility import evaluate
from dossiers.services.history import register_history
from orgs.services.organisations import dissolve_organisation
from tests.factories.campaigns import draft_campaign
from tests.factories.orgs import MembershipFactory, OrganisationFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db

AWARD_HEADER = ["Họ và tên hoặc Mã đơn vị", "Ngày sinh", "Mã đơn vị công tác", "Hình thức khen thưởng",
                "Số quyết định", "Ngày quyết định", "Cấp quyết định", "Thành tích", "Loại hình khen thưởng"]
RATING_HEADER = ["Họ và tên", "Ngày sinh", "Mã đơn vị", "Năm", "Xếp loại", "Số QĐ", "Ngày QĐ"]


def form(code):
    return AwardForm.objects.get(code=code)


def give(code, year, *, person=None, organisation=None, number=None):
    return Award.objects.create(
        subject_type="individual" if person else "collective", person=person, organisation=organisation,
        award_form=form(code), year=year, decision_number=number or f"{year % 100 + 10}/QĐ-{code}",
        decision_date=date(year, 12, 20), source=Award.MANUAL)


def rate(person, year, rating="tot"):
    return AnnualRating.objects.create(person=person, year=year, rating=rating)


def xlsx(award_rows=(), rating_rows=None, name="so-khen-thuong.xlsx"):
    book = Workbook()
    sheet = book.active
    sheet.title = "Khen thưởng"
    sheet.append(AWARD_HEADER)
    for row in award_rows:
        sheet.append(row)
    if rating_rows is not None:
        ratings = book.create_sheet("Xếp loại")
        ratings.append(RATING_HEADER)
        for row in rating_rows:
            ratings.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


# --- search ------------------------------------------------------------------------------------------
def test_search_finds_accented_name_from_plain_query(cast):
    huong = give("cstd-co-so", 2023, person=cast.person_a)
    give("cstd-co-so", 2023, person=cast.person_b)
    assert list(register.search("nguyen thi huong", cast.reviewer)) == [huong]


def test_search_page_lists_matches_for_accent_free_query(cast, client_for):
    give("cstd-co-so", 2023, person=cast.person_a)
    give("ldtt", 2023, person=cast.person_b)
    response = client_for(cast.reviewer).get(reverse("dossiers:register"), {"q": "nguyen thi huong"})
    rows = response.context["page"].items
    assert [(a.person.full_name, a.award_form.code) for a in rows] == [("Nguyễn Thị Hương", "cstd-co-so")]
    assert "Nguyễn Thị Hương" in response.content.decode()


def test_search_filters_by_form_and_year(cast):
    give("cstd-co-so", 2022, person=cast.person_a)
    wanted = give("cstd-co-so", 2023, person=cast.person_a)
    give("ldtt", 2023, person=cast.person_a)
    assert list(register.search("", cast.reviewer, award_form=form("cstd-co-so"), year=2023)) == [wanted]


def test_clerk_sees_only_the_awards_of_their_unit(cast):
    own = give("ldtt", 2023, person=cast.person_a)
    give("ldtt", 2023, person=cast.person_b)
    unit = give("ttldtt", 2023, organisation=cast.unit_a)
    assert set(register.awards_for(cast.clerk_a)) == {own, unit}


def grow_awards(cast, n):
    for i in range(n):
        unit = OrganisationFactory(parent=cast.unit_a, name=f"Tổ công tác {i}")
        give("ldtt", 2020 + i % 5, person=PersonFactory(organisation=unit))
        give("ttldtt", 2020 + i % 5, organisation=unit)


@pytest.mark.parametrize("query", ["", "?q=tran+van", "?hinh_thuc=1&nam=2021"])
def test_search_page_query_count_is_constant(cast, client_for, query):
    client = client_for(cast.reviewer)
    url = reverse("dossiers:register") + query
    grow_awards(cast, 1)
    small = count_queries(client, url)
    grow_awards(cast, 30)
    large = count_queries(client, url)
    assert small == large


# --- manual entry ------------------------------------------------------------------------------------
def test_record_award_writes_a_manual_row_with_the_decision_year(cast):
    award = register.record_award(person=cast.person_a, award_form=form("cstd-co-so"), decision_number="125/QĐ-SNV",
                                  decision_date=date(2022, 12, 20), decided_by="Giám đốc Sở Nội vụ",
                                  by=cast.reviewer)
    assert (award.subject_type, award.year, award.source, award.search_text) == (
        "individual", 2022, "manual", "nguyen thi huong chien si thi dua co so 125/qd-snv")


def test_record_award_refuses_a_form_not_given_to_that_subject(cast):
    with pytest.raises(ValidationError) as error:
        register.record_award(organisation=cast.unit_a, award_form=form("cstd-co-so"), decision_number="1/QĐ",
                              decision_date=date(2022, 12, 20), by=cast.reviewer)
    assert error.value.message_dict == {
        "award_form": ["“Chiến sĩ thi đua cơ sở” không tặng cho tập thể (xem danh mục hình thức)."]}
    assert Award.objects.count() == 0


def test_record_award_refuses_a_duplicate(cast):
    kwargs = {"person": cast.person_a, "award_form": form("ldtt"), "decision_date": date(2022, 12, 20),
              "by": cast.reviewer}
    register.record_award(decision_number="15/QĐ-SNV", **kwargs)
    with pytest.raises(ValidationError) as error:
        register.record_award(decision_number="15/qđ-snv ", **kwargs)
    assert error.value.messages == ["Sổ khen thưởng đã có “Lao động tiên tiến” theo Quyết định số 15/qđ-snv "
                                    "cho đối tượng này."]


def test_record_award_is_refused_to_a_clerk(cast):
    with pytest.raises(PermissionDenied):
        register.record_award(person=cast.person_a, award_form=form("ldtt"), decision_number="15/QĐ-SNV",
                              decision_date=date(2022, 12, 20), by=cast.clerk_a)


def test_award_create_page_records_and_shows_the_history(cast, client_for):
    client = client_for(cast.reviewer)
    response = client.post(reverse("dossiers:award_create"), {
        "subject_type": "individual", "person": cast.person_a.pk, "award_form": form("cstd-co-so").pk,
        "decision_number": "125/QĐ-SNV", "decision_date": "20/12/2022", "decided_by": "Giám đốc Sở Nội vụ"})
    assert response.status_code == 302
    assert response["Location"] == reverse("dossiers:person_history", args=[cast.person_a.pk])
    award = Award.objects.get()
    assert (award.person, award.decision_date, award.source) == (cast.person_a, date(2022, 12, 20), "manual")


def test_award_create_page_shows_the_service_error_on_its_field(cast, client_for):
    response = client_for(cast.reviewer).post(reverse("dossiers:award_create"), {
        "subject_type": "collective", "organisation": cast.unit_a.pk, "award_form": form("ldtt").pk,
        "decision_number": "1/QĐ", "decision_date": "20/12/2022"})
    assert response.status_code == 400
    assert response.context["form"].errors["award_form"] == [
        "“Lao động tiên tiến” không tặng cho tập thể (xem danh mục hình thức)."]


# --- Excel import ------------------------------------------------------------------------------------
def test_import_good_file_writes_awards_and_ratings(cast):
    twin = PersonFactory(full_name="Nguyễn Thị Hương", organisation=cast.unit_a, date_of_birth=date(1990, 1, 2))
    cast.person_a.date_of_birth = date(1985, 3, 5)
    cast.person_a.save()
    report = register.import_awards(xlsx([
        ["nguyen thi huong", "05/03/1985", "T-SNV-A", "Chiến sĩ thi đua cơ sở", "125/QĐ-SNV", "20/12/2022",
         "Giám đốc Sở Nội vụ", "Hoàn thành xuất sắc nhiệm vụ năm 2022"],
        ["Lê Văn Bình", None, "t-snv-b", "lao dong tien tien", "15/QĐ-SNV", date(2023, 12, 28), "", ""],
        ["T-SNV-A", None, None, "ttldxs", "2150/QĐ-UBND", "28/12/2023", "Chủ tịch UBND tỉnh", ""],
    ], rating_rows=[
        ["Nguyễn Thị Hương", "02/01/1990", "T-SNV-A", 2024, "Hoàn thành xuất sắc nhiệm vụ", "15/QĐ-SNV", "10/01/2025"],
        ["Lê Văn Bình", None, "T-SNV-B", "2024", "tot", "", ""],
    ]), by=cast.reviewer)
    assert (report.ok, report.rows, report.created, report.updated, report.ratings_created) == (True, 5, 3, 0, 2)
    awards = {(a.subject_name, a.award_form.code, a.year, a.source) for a in Award.objects.all()}
    assert awards == {("Nguyễn Thị Hương", "cstd-co-so", 2022, "import"), ("Lê Văn Bình", "ldtt", 2023, "import"),
                      ("Phòng Tổ chức cán bộ", "ttldxs", 2023, "import")}
    assert Award.objects.get(award_form__code="cstd-co-so").person == cast.person_a
    assert {(r.person, r.year, r.rating) for r in AnnualRating.objects.all()} == {
        (twin, 2024, "xuat_sac"), (cast.person_b, 2024, "tot")}


def test_import_bad_rows_import_nothing_and_report_each_row(cast):
    PersonFactory(full_name="Nguyễn Thị Hương", organisation=cast.unit_a)
    report = register.import_awards(xlsx([
        ["Lê Văn Bình", None, "T-SNV-B", "Lao động tiên tiến", "15/QĐ-SNV", "28/12/2023", "", ""],
        ["Nguyễn Thị Hương", None, "T-SNV-A", "Lao động tiên tiến", "16/QĐ-SNV", "28/12/2023", "", ""],
        ["Hồ Sĩ Nguyên", None, "T-STC", "Huy hiệu", "", "31/02/2023", "", ""],
        ["T-SNV-B", None, None, "Chiến sĩ thi đua cơ sở", "17/QĐ-SNV", "28/12/2023", "", ""],
        ["Lê Văn Bình", None, "T-SNV-B", "LĐTT", "15/QĐ-SNV", "28/12/2023", "", ""],
    ], rating_rows=[["Lê Văn Bình", None, "T-SNV-B", 2024, "Giỏi", "", ""]]), by=cast.reviewer)
    assert Award.objects.count() == 0 and AnnualRating.objects.count() == 0
    assert [(e.sheet, e.row, e.message) for e in report.errors] == [
        ("Khen thưởng", 3, "Có 2 cán bộ tên “Nguyễn Thị Hương” thuộc “T-SNV-A”: hãy ghi Ngày sinh để phân biệt."),
        ("Khen thưởng", 4, "Ngày quyết định “31/02/2023” không hợp lệ (dạng dd/mm/yyyy)."),
        ("Khen thưởng", 4, "Mã đơn vị “T-STC” không có hoặc ngoài phạm vi quản lý của bạn."),
        ("Khen thưởng", 4, "Hình thức “Huy hiệu” không có trong danh mục (ghi đúng tên hoặc mã)."),
        ("Khen thưởng", 4, "Thiếu “Số quyết định”."),
        ("Khen thưởng", 5, "“Chiến sĩ thi đua cơ sở” không tặng cho tập thể (xem danh mục hình thức)."),
        ("Khen thưởng", 6, "Trùng với dòng 2 (cùng đối tượng, hình thức, số quyết định)."),
        ("Xếp loại", 2, "Xếp loại “Giỏi” không hợp lệ (Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, "
                        "Hoàn thành nhiệm vụ hoặc Không hoàn thành nhiệm vụ)."),
    ]


@pytest.mark.parametrize(("cell", "expected"), [
    (None, "cong_trang"), ("Đột xuất", "dot_xuat"), ("khen thuong qua trinh cong hien", "cong_hien"),
    ("NIÊN HẠN", "nien_han"), ("doi ngoai", "doi_ngoai"), ("Theo đợt, chuyên đề", "dot_chuyen_de"),
])
def test_import_reads_the_loai_hinh_column(cast, cell, expected):
    report = register.import_awards(xlsx([["Nguyễn Thị Hương", None, "T-SNV-A", "LĐTT", "15/QĐ-SNV", "28/12/2023",
                                           "", "", cell]]), by=cast.reviewer)
    assert report.ok, report.errors
    assert Award.objects.get().award_type == expected


def test_import_refuses_an_unknown_loai_hinh_and_keeps_one_on_reimport(cast):
    row = ["Nguyễn Thị Hương", None, "T-SNV-A", "LĐTT", "15/QĐ-SNV", "28/12/2023", "", "", "Khen thưởng khác"]
    report = register.import_awards(xlsx([row]), by=cast.reviewer)
    assert [(e.row, e.message) for e in report.errors] == [
        (2, "Loại hình “Khen thưởng khác” không có (ví dụ: Thường xuyên, Đột xuất, Cống hiến).")]
    row[8] = "đột xuất"
    register.import_awards(xlsx([row]), by=cast.reviewer)
    row[8] = None  # an empty cell on a second import keeps what the row had
    register.import_awards(xlsx([row]), by=cast.reviewer)
    assert Award.objects.get().award_type == "dot_xuat"


def test_manual_entry_records_the_loai_hinh_and_the_register_filters_by_it(cast, client_for):
    client = client_for(cast.reviewer)
    response = client.post(reverse("dossiers:award_create"), {
        "subject_type": "individual", "person": cast.person_a.pk, "award_form": form("cstd-co-so").pk,
        "decision_number": "125/QĐ-SNV", "decision_date": "20/12/2022", "award_type": "dot_xuat"})
    assert response.status_code == 302
    give("ldtt", 2022, person=cast.person_b, number="7/QĐ-SNV")
    page = client.get(reverse("dossiers:register"), {"loai_hinh": "dot_xuat"})
    assert [a.decision_number for a in page.context["page"].items] == ["125/QĐ-SNV"]
    assert "Đột xuất" in page.content.decode()


def test_import_refuses_a_renamed_file_that_is_not_xlsx(cast):
    upload = SimpleUploadedFile("so-khen-thuong.xlsx", "Họ và tên,Hình thức\nNguyễn Thị Hương,LĐTT\n".encode())
    with pytest.raises(register.ImportFileError) as error:
        register.import_awards(upload, by=cast.reviewer)
    assert error.value.messages == [
        "Tệp không phải bảng tính Excel (.xlsx). Hãy lưu tệp dưới dạng .xlsx rồi tải lên lại."]


def test_reimporting_updates_instead_of_duplicating(cast):
    rows = [["Nguyễn Thị Hương", None, "T-SNV-A", "LĐTT", "15/QĐ-SNV", "28/12/2023", "", ""]]
    register.import_awards(xlsx(rows, rating_rows=[["Nguyễn Thị Hương", None, "T-SNV-A", 2023, "tot", "", ""]]),
                           by=cast.reviewer)
    rows[0][7] = "Hoàn thành tốt nhiệm vụ"
    report = register.import_awards(
        xlsx(rows, rating_rows=[["Nguyễn Thị Hương", None, "T-SNV-A", 2023, "xuat sac", "", ""]]), by=cast.reviewer)
    assert (report.created, report.updated, report.ratings_created, report.ratings_updated) == (0, 1, 0, 1)
    assert Award.objects.get().achievement == "Hoàn thành tốt nhiệm vụ"
    assert AnnualRating.objects.get().rating == "xuat_sac"


def test_import_page_reports_rows_with_status_400(cast, client_for):
    response = client_for(cast.reviewer).post(reverse("dossiers:award_import"), {"file": xlsx([
        ["Không Có Ai", None, "T-SNV-A", "LĐTT", "15/QĐ-SNV", "28/12/2023", "", ""]])})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Không tìm thấy cán bộ “Không Có Ai” thuộc “T-SNV-A” trong phạm vi quản lý của bạn." in html
    assert "<th style=\"width:9rem\">Trang, dòng</th>" in html and "<td>Khen thưởng, dòng 2</td>" in html


def test_import_page_writes_a_good_file_and_goes_back_to_the_register(cast, client_for):
    response = client_for(cast.admin).post(reverse("dossiers:award_import"), {"file": xlsx([
        ["Nguyễn Thị Hương", None, "T-SNV-A", "LĐTT", "15/QĐ-SNV", "28/12/2023", "", ""]])})
    assert (response.status_code, response["Location"]) == (302, reverse("dossiers:register"))
    assert Award.objects.get().person == cast.person_a


def test_import_page_gives_the_template_workbook(cast, client_for):
    response = client_for(cast.admin).get(reverse("dossiers:award_import"), {"mau": "1"})
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Khen thưởng", "Xếp loại", "Danh mục hình thức"]
    assert [c.value for c in book["Khen thưởng"][1]] == AWARD_HEADER
    assert [c.value for c in book["Xếp loại"][1]] == RATING_HEADER


# --- histories ---------------------------------------------------------------------------------------
def test_unit_history_shows_the_award_of_a_dissolved_predecessor(cast, client_for):
    old = OrganisationFactory(code="T-SNV-CU", name="Phòng Nội vụ huyện Cũ", parent=cast.body)
    new = OrganisationFactory(code="T-SNV-MOI", name="Phòng Nội vụ khu vực Mới", parent=cast.body)
    give("ttldxs", 2023, organisation=old, number="2150/QĐ-UBND")
    dissolve_organisation(old, on=date(2025, 7, 1), successor=new, by=cast.admin)
    response = client_for(cast.reviewer).get(reverse("dossiers:unit_history", args=[new.pk]))
    assert response.status_code == 200
    assert [(a.award_form.code, a.organisation) for a in response.context["awards"]] == [("ttldxs", old)]
    assert "(khi còn là Phòng Nội vụ huyện Cũ)" in response.content.decode()


def test_rating_tables_note_a_predecessors_rating_and_not_a_persons(cast, client_for):
    import re

    old = OrganisationFactory(code="T-SNV-CU", name="Phòng Nội vụ huyện Cũ", parent=cast.body)
    new = OrganisationFactory(code="T-SNV-MOI", name="Phòng Nội vụ khu vực Mới", parent=cast.body)
    AnnualRating.objects.create(organisation=old, year=2024, rating="xuat_sac", decision_number="9/QĐ-UBND")
    AnnualRating.objects.create(person=cast.person_a, year=2024, rating="tot")
    dissolve_organisation(old, on=date(2025, 7, 1), successor=new, by=cast.admin)
    client = client_for(cast.reviewer)
    unit_page = client.get(reverse("dossiers:unit_history", args=[new.pk])).content.decode()
    table = re.search(r'<table[^>]*id="unit-ratings".*?</table>', unit_page, re.S).group(0)
    assert "(khi còn là Phòng Nội vụ huyện Cũ)" in table and "Số 9/QĐ-UBND" in table
    person_page = client.get(reverse("dossiers:person_history", args=[cast.person_a.pk])).content.decode()
    table = re.search(r'<table[^>]*id="person-ratings".*?</table>', person_page, re.S).group(0)
    assert "<td>2024</td>" in table and "khi còn là" not in table


def test_unit_history_of_a_dissolved_unit_names_its_successors(cast, client_for):
    old = OrganisationFactory(code="T-SNV-CU", name="Phòng Nội vụ huyện Cũ", parent=cast.body)
    new = OrganisationFactory(code="T-SNV-MOI", name="Phòng Nội vụ khu vực Mới", parent=cast.body)
    dissolve_organisation(old, on=date(2025, 7, 1), successor=new, by=cast.admin)
    response = client_for(cast.reviewer).get(reverse("dossiers:unit_history", args=[old.pk]))
    assert response.context["successors"] == [new]
    assert "Đơn vị kế thừa: Phòng Nội vụ khu vực Mới." in response.content.decode()


def test_person_history_lists_awards_and_ratings(cast, client_for):
    give("cstd-co-so", 2023, person=cast.person_a)
    rate(cast.person_a, 2024, "xuat_sac")
    response = client_for(cast.clerk_a).get(reverse("dossiers:person_history", args=[cast.person_a.pk]))
    assert response.status_code == 200
    assert [a.award_form.code for a in response.context["awards"]] == ["cstd-co-so"]
    assert [(r.year, r.rating) for r in response.context["ratings"]] == [(2024, "xuat_sac")]


def test_clerk_b_cannot_open_the_history_of_unit_a_person(cast, client_for):
    response = client_for(cast.clerk_b).get(reverse("dossiers:person_history", args=[cast.person_a.pk]))
    assert response.status_code == 404


def test_a_user_without_any_role_gets_403(cast, client_for):
    nobody = UserFactory()
    client = client_for(nobody)
    assert client.get(reverse("dossiers:register")).status_code == 403
    assert client.get(reverse("dossiers:person_history", args=[cast.person_a.pk])).status_code == 403


LOGIN = "login"
ROLES = ("anonymous", "outsider", "clerk_a", "clerk_b", "reviewer", "council", "approver", "admin")
PAGES = {  # (url name, target) -> status for each of ROLES
    ("dossiers:register", None): (LOGIN, 200, 200, 200, 200, 200, 200, 200),
    ("dossiers:award_create", None): (LOGIN, 403, 403, 403, 200, 403, 403, 200),
    ("dossiers:award_import", None): (LOGIN, 403, 403, 403, 200, 403, 403, 200),
    ("dossiers:person_history", "person_a"): (LOGIN, 404, 200, 404, 200, 200, 200, 200),
    ("dossiers:unit_history", "unit_a"): (LOGIN, 404, 200, 404, 200, 200, 200, 200),
}


@pytest.mark.parametrize(("name", "target"), list(PAGES))
def test_register_pages_answer_each_role(cast, client_for, name, target):
    url = reverse(name, args=[getattr(cast, target).pk] if target else [])
    answers = []
    for role in ROLES:
        response = client_for(None if role == "anonymous" else cast.users[role]).get(url)
        is_login = response.status_code == 302 and response["Location"].startswith(reverse("login"))
        answers.append(LOGIN if is_login else response.status_code)
    assert tuple(answers) == PAGES[(name, target)]


@pytest.mark.parametrize("name", ["dossiers:award_create", "dossiers:award_import"])
def test_register_writes_are_refused_to_a_clerk_and_change_nothing(cast, client_for, name):
    data = {"subject_type": "individual", "person": cast.person_a.pk, "award_form": form("ldtt").pk,
            "decision_number": "1/QĐ", "decision_date": "20/12/2022",
            "file": xlsx([["Nguyễn Thị Hương", None, "T-SNV-A", "LĐTT", "1/QĐ", "20/12/2022", "", ""]])}
    response = client_for(cast.clerk_a).post(reverse(name), data)
    assert response.status_code == 403
    assert Award.objects.count() == 0


# --- eligibility rules reading the register ----------------------------------------------------------
def nominate(cast, code, *, person=None, organisation=None, initiatives=""):
    """A draft dossier of unit A for `code` with one nominee; its campaign ends 31/7/2025 (years 2020–2024)."""
    campaign = draft_campaign(cast)
    offer = offer_award(campaign, form(code), copies=2, by=cast.admin)
    CampaignParticipant.objects.create(campaign=campaign, organisation=cast.unit_a, include_subtree=True)
    campaign = transition(campaign, "launch", by=cast.admin)
    dossier = building.start_dossier(campaign, cast.unit_a, offer, by=cast.clerk_a)
    nomination = building.add_nominee(dossier, subject_type="individual" if person else "collective", person=person,
                                      organisation=organisation, by=cast.clerk_a)
    if initiatives:
        nomination.report.initiatives = initiatives
        nomination.report.save()
    return dossier, nomination


def check(dossier, nomination, code):
    return {c.code: c for c in evaluate(dossier)[nomination.pk]}[code]


FULL = {"bang_khen": True, "ratings": {2020: "tot", 2021: "xuat_sac", 2022: "tot", 2023: "tot", 2024: "xuat_sac"},
        "cstd": [2020, 2022, 2024]}


@pytest.mark.parametrize(("case", "history", "passed", "message"), [
    ("all conditions met", FULL, True,
     "Có Bằng khen cấp bộ, tỉnh năm 2021 (Quyết định số 2150/QĐ-UBND); 5/5 năm hoàn thành tốt nhiệm vụ trở lên "
     "(2020–2024); 3 lần Chiến sĩ thi đua cơ sở trong 2020–2024."),
    ("no Bằng khen bộ/tỉnh", {**FULL, "bang_khen": False}, False,
     "Chưa có Bằng khen của Bộ trưởng hoặc Chủ tịch UBND tỉnh trong sổ khen thưởng."),
    ("4 of 5 years", {**FULL, "ratings": {y: r for y, r in FULL["ratings"].items() if y != 2021}}, False,
     "Chỉ có 4/5 năm liên tục hoàn thành tốt nhiệm vụ trở lên (thiếu năm 2021)."),
    ("one year only hoàn thành", {**FULL, "ratings": {**FULL["ratings"], 2023: "hoan_thanh"}}, False,
     "Chỉ có 4/5 năm liên tục hoàn thành tốt nhiệm vụ trở lên (năm 2023 xếp loại “hoàn thành nhiệm vụ”)."),
    ("2 CSTĐ cơ sở", {**FULL, "cstd": [2020, 2022]}, False,
     "Chỉ có 2/3 lần Chiến sĩ thi đua cơ sở trong 2020–2024: các năm 2020, 2022."),
    ("a CSTĐ cơ sở before the 5 years does not count", {**FULL, "cstd": [2019, 2022, 2024]}, False,
     "Chỉ có 2/3 lần Chiến sĩ thi đua cơ sở trong 2020–2024: các năm 2022, 2024."),
    ("nothing at all", {"bang_khen": False, "ratings": {}, "cstd": []}, False,
     "Chưa có Bằng khen của Bộ trưởng hoặc Chủ tịch UBND tỉnh trong sổ khen thưởng; chỉ có 0/5 năm liên tục "
     "hoàn thành tốt nhiệm vụ trở lên (thiếu các năm 2020, 2021, 2022, 2023, 2024); chỉ có 0/3 lần Chiến sĩ thi đua "
     "cơ sở trong 2020–2024."),
])
def test_bang_khen_ttg_rule_reads_the_register(cast, case, history, passed, message):
    person = cast.person_a
    if history["bang_khen"]:
        give("bang-khen-tinh", 2021, person=person, number="2150/QĐ-UBND")
    for year, rating in history["ratings"].items():
        rate(person, year, rating)
    for year in history["cstd"]:
        give("cstd-co-so", year, person=person)
    dossier, nomination = nominate(cast, "bang-khen-ttg", person=person)
    result = check(dossier, nomination, "history_bk_ttg")
    assert (result.passed, result.message, result.blocking) == (passed, message, True)


def test_admin_sets_the_years_and_times_of_the_bang_khen_ttg_rule(cast, client_for):
    """The rule's numbers are data: an admin sets 3 years and 2 CSTĐ cơ sở on the settings page."""
    from dossiers.models import EligibilityRule

    rules = list(EligibilityRule.objects.order_by("order", "code"))
    data = {"rules-TOTAL_FORMS": str(len(rules)), "rules-INITIAL_FORMS": str(len(rules)),
            "rules-MIN_NUM_FORMS": "0", "rules-MAX_NUM_FORMS": "1000"}
    for index, rule in enumerate(rules):
        data.update({f"rules-{index}-id": str(rule.pk), f"rules-{index}-is_active": "on",
                     f"rules-{index}-is_blocking": "on" if rule.is_blocking else ""})
        if rule.code == "history_bk_ttg":
            data.update({f"rules-{index}-param_years": "3", f"rules-{index}-param_cstd_times": "2"})
    assert client_for(cast.admin).post("/quy-tac-xet/", data).status_code == 302
    person = cast.person_a
    give("bang-khen-tinh", 2021, person=person, number="2150/QĐ-UBND")
    for year in (2022, 2023, 2024):
        rate(person, year, "tot")
    for year in (2022, 2024):
        give("cstd-co-so", year, person=person)
    dossier, nomination = nominate(cast, "bang-khen-ttg", person=person)
    result = check(dossier, nomination, "history_bk_ttg")
    assert (result.passed, result.message) == (True, "Có Bằng khen cấp bộ, tỉnh năm 2021 (Quyết định số "
                                                     "2150/QĐ-UBND); 3/3 năm hoàn thành tốt nhiệm vụ trở lên "
                                                     "(2022–2024); 2 lần Chiến sĩ thi đua cơ sở trong 2022–2024.")


def test_rule_parameter_out_of_range_is_refused_and_nothing_saved(cast, client_for):
    from dossiers.models import EligibilityRule

    rules = list(EligibilityRule.objects.order_by("order", "code"))
    data = {"rules-TOTAL_FORMS": str(len(rules)), "rules-INITIAL_FORMS": str(len(rules)),
            "rules-MIN_NUM_FORMS": "0", "rules-MAX_NUM_FORMS": "1000"}
    for index, rule in enumerate(rules):
        data.update({f"rules-{index}-id": str(rule.pk), f"rules-{index}-is_active": "on"})
        if rule.code == "history_bk_ttg":
            data[f"rules-{index}-param_years"] = "0"
    response = client_for(cast.admin).post("/quy-tac-xet/", data)
    assert response.status_code == 400
    assert "Phải từ 1 trở lên." in response.content.decode()
    from dossiers.models import ProvinceRule

    assert EligibilityRule.objects.get(code="history_bk_ttg").parameters == {}
    assert not ProvinceRule.objects.exists()


def test_history_rules_do_not_apply_to_other_forms(cast):
    dossier, nomination = nominate(cast, "ldtt", person=cast.person_a)
    results = {c.code: (c.passed, c.message) for c in evaluate(dossier)[nomination.pk]}
    assert (results["history_bk_ttg"], results["history_cstd_toan_quoc"]) == (
        (True, "Không áp dụng."), (True, "Không áp dụng."))


def test_bang_khen_ttg_for_a_collective_counts_the_bang_khen_of_a_merged_unit(cast):
    old = OrganisationFactory(code="T-SNV-CU", name="Phòng Nội vụ huyện Cũ", parent=cast.body)
    give("bang-khen-bo", 2022, organisation=old, number="300/QĐ-BNV")
    dissolve_organisation(old, on=date(2025, 7, 1), successor=cast.unit_a, by=cast.admin)
    dossier, nomination = nominate(cast, "bang-khen-ttg", organisation=cast.unit_a)
    result = check(dossier, nomination, "history_bk_ttg")
    assert (result.passed, result.message) == (True, "Có Bằng khen cấp bộ, tỉnh năm 2022 (Quyết định số 300/QĐ-BNV).")


def test_bang_khen_ttg_for_a_collective_without_bang_khen_fails(cast):
    give("bang-khen-bo", 2022, organisation=cast.unit_b)
    dossier, nomination = nominate(cast, "bang-khen-ttg", organisation=cast.unit_a)
    result = check(dossier, nomination, "history_bk_ttg")
    assert (result.passed, result.message) == (
        False, "Chưa có Bằng khen của Bộ trưởng hoặc Chủ tịch UBND tỉnh trong sổ khen thưởng.")


@pytest.mark.parametrize(("cstd_tinh", "initiatives", "passed", "message"), [
    ([2019, 2022], "Sáng kiến số hóa hồ sơ thi đua", True,
     "2 lần liên tục Chiến sĩ thi đua cấp bộ, tỉnh (2019, 2022); có sáng kiến."),
    ([2022], "Sáng kiến số hóa hồ sơ thi đua", False,
     "Chỉ có 1/2 lần Chiến sĩ thi đua cấp bộ, tỉnh (năm 2022)."),
    ([2015, 2022], "Sáng kiến số hóa hồ sơ thi đua", False,
     "Các lần Chiến sĩ thi đua cấp bộ, tỉnh (các năm 2015, 2022) không liên tục."),
    ([2021, 2024], "", False, "Báo cáo thành tích chưa ghi sáng kiến."),
])
def test_cstd_toan_quoc_rule_reads_the_register(cast, cstd_tinh, initiatives, passed, message):
    for year in cstd_tinh:
        give("cstd-tinh", year, person=cast.person_a)
    dossier, nomination = nominate(cast, "cstd-toan-quoc", person=cast.person_a, initiatives=initiatives)
    result = check(dossier, nomination, "history_cstd_toan_quoc")
    assert (result.passed, result.message) == (passed, message)


def test_register_history_reads_every_nominee_in_one_query(cast, django_assert_num_queries):
    people = [PersonFactory(organisation=cast.unit_a) for _ in range(5)]
    for person in people:
        give("cstd-co-so", 2023, person=person)
        rate(person, 2023)
    dossier, first = nominate(cast, "bang-khen-ttg", person=people[0])
    nominations = [first] + [building.add_nominee(dossier, subject_type="individual", person=p, by=cast.clerk_a)
                             for p in people[1:]]
    with django_assert_num_queries(1):
        history = register_history(nominations)
    assert [(len(history.of(n).awards), history.of(n).ratings) for n in nominations] == [(1, {2023: "tot"})] * 5


def test_evaluate_query_count_does_not_grow_with_nominees(cast):
    dossier, first = nominate(cast, "bang-khen-ttg", person=cast.person_a)
    with CaptureQueriesContext(connection) as one:
        evaluate(dossier)
    for _ in range(4):
        person = PersonFactory(organisation=cast.unit_a)
        give("cstd-co-so", 2023, person=person)
        building.add_nominee(dossier, subject_type="individual", person=person, by=cast.clerk_a)
    with CaptureQueriesContext(connection) as five:
        evaluate(dossier)
    assert len(one.captured_queries) == len(five.captured_queries)


def test_outsider_manager_can_not_import_outside_their_scope(cast):
    body_reviewer = UserFactory()
    MembershipFactory(user=body_reviewer, organisation=cast.unit_b, role="reviewer")
    report = register.import_awards(xlsx([["Nguyễn Thị Hương", None, "T-SNV-A", "LĐTT", "1/QĐ", "20/12/2022", "",
                                           ""]]), by=body_reviewer)
    assert [e.message for e in report.errors] == ["Mã đơn vị “T-SNV-A” không có hoặc ngoài phạm vi quản lý của bạn."]


def test_the_database_refuses_the_same_award_twice(cast):
    """The services dedupe first; the constraint is the backstop when two writers race."""
    from django.db import IntegrityError, transaction

    give("ldtt", 2023, person=cast.person_a, number="12/QĐ-SNV")
    give("ldtt", 2023, organisation=cast.unit_a, number="12/QĐ-SNV")  # the unit is another subject
    for subject in ({"person": cast.person_a}, {"organisation": cast.unit_a}):
        with pytest.raises(IntegrityError), transaction.atomic():
            give("ldtt", 2023, number="12/QĐ-SNV", **subject)
    assert Award.objects.count() == 2
