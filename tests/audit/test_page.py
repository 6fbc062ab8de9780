"""“Nhật ký hệ thống” (/nhat-ky-he-thong/): a province's admin searches their province's audit trail; another
province's events never appear; national changes are shown to every province's admin, without the system
administrator's address; events of no province (an unknown username typed) are the system administrator's."""
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from audit import enums
from audit.models import Event
from audit.services.recording import write
from orgs.enums import OrgKind, Role
from tests.factories.orgs import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/nhat-ky-he-thong/"


@pytest.fixture
def far(cast):
    province = OrganisationFactory(code="K-UBND", kind=OrgKind.UBND_TINH, name="Ủy ban nhân dân tỉnh Khác")
    admin = UserFactory(username="quantri_khac", first_name="Quản Trị", last_name="Tỉnh Khác")
    MembershipFactory(user=admin, organisation=province, role=Role.ADMIN)
    return province, admin


def event(kind, province=None, *, at=None, actor=None, **fields):
    row = write(kind, actor=actor, province=getattr(province, "pk", province), **fields)
    if at is not None:
        Event.objects.filter(pk=row.pk).update(at=at)
    return row


@pytest.fixture
def trail(cast, far):
    """One event of each sort, marked by its object's name."""
    province, far_admin = far
    event(enums.LOGIN, cast.province, actor=cast.clerk_a, obj=cast.clerk_a, object_repr="dong-cua-tinh-nay")
    event(enums.ROLE_GRANTED, province, actor=far_admin, object_type="orgs.membership", object_repr="dong-tinh-khac",
          changes=[["Vai trò", "—", "Quản trị hệ thống"]])
    event(enums.UPDATED, national=True, actor=cast.system, object_type="awards.awardform",
          object_repr="dong-toan-quoc", changes=[["Cần Hội đồng TĐKT bỏ phiếu", "Không", "Có"]])
    event(enums.LOGIN_FAILED, object_repr="dong-khong-tinh", details={"username": "dong-khong-tinh"})
    Event.objects.filter(object_repr__startswith="dong-").update(client_address="203.0.113.9")
    return province, far_admin


def page(client_for, user, query=""):
    response = client_for(user).get(URL + query)
    assert response.status_code == 200
    return response.content.decode()


def table(html):
    """The rows of the wide screen's table (a narrow screen shows the same rows as a list)."""
    return html.split('id="trail-table"')[1].split("</table>")[0]


def test_a_province_admin_sees_their_province_and_the_national_changes(cast, trail, client_for):
    html = page(client_for, cast.admin)
    assert "dong-cua-tinh-nay" in html and "dong-toan-quoc" in html
    assert "dong-tinh-khac" not in html and "dong-khong-tinh" not in html
    assert "Toàn quốc" in html and "Cần Hội đồng TĐKT bỏ phiếu" in html
    assert table(html).count("203.0.113.9") == 1  # the national change's address is the system administrator's


def test_another_province_never_appears(cast, trail, client_for):
    _, far_admin = trail
    html = page(client_for, far_admin)
    assert "dong-tinh-khac" in html and "dong-toan-quoc" in html
    assert "dong-cua-tinh-nay" not in html and "dong-khong-tinh" not in html
    assert "Ủy ban nhân dân tỉnh Thử" not in html and "canbo_a" not in html
    # nor through a filter naming this province
    html = page(client_for, far_admin, f"?tinh={cast.province.pk}")
    assert "dong-cua-tinh-nay" not in html


def test_the_system_administrator_sees_everything(cast, trail, client_for):
    html = page(client_for, cast.system)
    for name in ("dong-cua-tinh-nay", "dong-tinh-khac", "dong-toan-quoc", "dong-khong-tinh"):
        assert name in html
    assert table(html).count("203.0.113.9") == 4
    html = page(client_for, cast.system, f"?tinh={trail[0].pk}")
    assert "dong-tinh-khac" in html and "dong-cua-tinh-nay" not in html
    html = page(client_for, cast.system, "?tinh=toan-quoc")
    assert "dong-toan-quoc" in html and "dong-tinh-khac" not in html


@pytest.mark.parametrize("role", ["clerk_a", "reviewer", "council", "approver", "outsider"])
def test_anyone_else_is_refused(cast, role, client_for):
    assert client_for(getattr(cast, role)).get(URL).status_code == 403


def test_an_admin_of_a_unit_below_the_province_is_refused(cast, client_for):
    admin_of_body = UserFactory(username="quantri_so")
    MembershipFactory(user=admin_of_body, organisation=cast.body, role=Role.ADMIN)
    assert client_for(admin_of_body).get(URL).status_code == 403


def test_anonymous_is_sent_to_the_login_page(client):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/tai-khoan/dang-nhap/")


def test_the_menu_links_the_page_for_the_province_admin_only(cast, client_for):
    assert 'href="/nhat-ky-he-thong/"' in page(client_for, cast.admin)
    html = client_for(cast.clerk_a).get("/").content.decode()
    assert "/nhat-ky-he-thong/" not in html


def test_filters(cast, client_for):
    today = timezone.localtime()
    event(enums.LOGIN, cast.province, actor=cast.clerk_a, obj=cast.clerk_a, object_repr="mot",
          at=today - datetime.timedelta(days=10))
    event(enums.PASSWORD_SET, cast.province, actor=cast.admin, obj=cast.clerk_b, subject_user=cast.clerk_b,
          object_repr="hai")
    event(enums.UPDATED, cast.province, actor=cast.admin, object_type="dossiers.provincerule", object_repr="ba",
          changes=[["Áp dụng", "Có", "Không"]])
    event(enums.LOGIN_FAILED, cast.province, object_type="auth.user", object_repr="bon",
          details={"username": "canbo_b"}, subject_user=cast.clerk_b)

    def shown(query):
        html = page(client_for, cast.admin, query)
        found = {name: html.find(f"</span> {name}</td>") for name in ("mot", "hai", "ba", "bon")}
        return sorted((name for name, where in found.items() if where >= 0), key=found.get)

    assert shown("") == ["bon", "ba", "hai", "mot"]  # newest first
    assert shown("?nguoi=quantri") == ["ba", "hai"]
    assert shown("?nguoi=canbo_b") == ["bon", "hai"]  # the account concerned, and the username typed
    assert shown("?loai=login") == ["mot"]
    assert shown("?doi_tuong=dossiers.provincerule") == ["ba"]
    assert shown("?doi_tuong=auth.user") == ["bon", "hai", "mot"]
    assert shown("?q=ap+dung") == ["ba"]  # without accents
    assert shown("?q=đặt+mật+khẩu") == ["hai"]  # the kind's label
    since = (today - datetime.timedelta(days=1)).strftime("%d/%m/%Y")
    assert shown(f"?tu_ngay={since}") == ["bon", "ba", "hai"]
    until = (today - datetime.timedelta(days=5)).strftime("%d/%m/%Y")
    assert shown(f"?den_ngay={until}") == ["mot"]
    html = page(client_for, cast.admin, "?tu_ngay=31/02/2025")
    assert "Nhập ngày theo dạng ngày/tháng/năm" in html
    html = page(client_for, cast.admin, f"?tu_ngay={since}&den_ngay={until}")
    assert "“Đến ngày” phải từ “Từ ngày” trở đi." in html


def test_rows_read_as_words(cast, client_for):
    event(enums.UPDATED, cast.province, actor=cast.admin, object_type="dossiers.provincerule",
          object_repr="Thời hạn nộp hồ sơ", changes=[["Áp dụng", "Có", "Không"]])
    Event.objects.filter(object_repr="Thời hạn nộp hồ sơ").update(
        client_address="203.0.113.9", at=timezone.make_aware(datetime.datetime(2025, 8, 5, 9, 7)))
    html = page(client_for, cast.admin)
    assert "05/08/2025" in html and "09:07" in html
    assert "Người Dùng (quantri)" in html and "203.0.113.9" in html
    assert "Quy tắc xét điều kiện của tỉnh:</span> Thời hạn nộp hồ sơ" in html
    assert "<strong>Áp dụng</strong>: <span class=\"text-muted\">Có</span> → Không" in html
    assert "{" not in table(html) and "{" not in html.split('id="trail-list"')[1].split("</ul>")[0]  # no raw JSON


def test_pages(cast, client_for):
    for n in range(55):
        event(enums.LOGIN, cast.province, actor=cast.clerk_a, object_repr=f"so-{n}")
    html = page(client_for, cast.admin)
    assert "so-54" in html and "so-5<" not in html and "Trang sau" in html
    html = page(client_for, cast.admin, "?trang=2")
    assert "so-4<" in html and "so-54" not in html


def test_query_count_is_constant(cast, far, client_for):
    def grow(n):
        for i in range(n):
            event(enums.LOGIN, cast.province, actor=cast.clerk_a, obj=cast.clerk_a)
            event(enums.UPDATED, national=True, actor=cast.system, object_type="awards.awardform",
                  object_repr=f"Hình thức {i}", changes=[["Tên", "Cũ", "Mới"]])
            event(enums.ROLE_GRANTED, far[0], actor=far[1])

    client = client_for(cast.admin)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(URL + "?q=a").status_code == 200
        return len(ctx.captured_queries)

    grow(1)
    small = count()
    grow(30)
    assert count() == small
    client = client_for(cast.system)
    small = count()
    grow(10)
    assert count() == small


def test_excel_export_has_the_page_rows_as_text(cast, trail, client_for):
    import io

    from openpyxl import load_workbook

    event(enums.UPDATED, cast.province, actor=cast.admin, object_type="orgs.organisation",
          object_repr='=HYPERLINK("http://x","bấm")', changes=[["Tên", "Cũ", "+Mới"]])
    response = client_for(cast.admin).get(URL + "xuat-excel/?q=hyperlink")
    assert response.status_code == 200 and response["Content-Disposition"].startswith(
        'attachment; filename="nhat-ky-he-thong-')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Thời điểm", "Người thực hiện", "Địa chỉ máy", "Sự kiện")
    assert len(rows) == 2 and rows[1][6] == '=HYPERLINK("http://x","bấm")' and rows[1][7] == "Tên: Cũ → +Mới"
    assert sheet.cell(row=2, column=7).data_type == "s"  # text, not a formula
    _, far_admin = trail
    content = client_for(far_admin).get(URL + "xuat-excel/").content
    values = [value for row in load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True) for value in row]
    assert "dong-tinh-khac" in values and "dong-toan-quoc" in values
    assert "dong-cua-tinh-nay" not in values and "dong-khong-tinh" not in values


def test_excel_export_stops_at_its_limit(cast, client_for, monkeypatch):
    import io

    from openpyxl import load_workbook

    from audit import exports

    monkeypatch.setattr(exports, "EXPORT_LIMIT", 3)
    for n in range(5):
        event(enums.LOGIN, cast.province, actor=cast.clerk_a, object_repr=f"xuat-{n}")
    rows = list(load_workbook(io.BytesIO(client_for(cast.admin).get(URL + "xuat-excel/?q=xuat").content))
                .active.iter_rows(values_only=True))
    assert [row[6] for row in rows[1:4]] == ["xuat-4", "xuat-3", "xuat-2"]
    assert rows[4][0].startswith("Chỉ xuất 3 dòng mới nhất")
