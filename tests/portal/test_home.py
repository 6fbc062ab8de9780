import pytest

pytestmark = pytest.mark.django_db


def test_clerk_home_shows_own_unit_not_sibling(cast, client_for):
    html = client_for(cast.clerk_a).get("/").content.decode()
    assert "Đơn vị của tôi" in html
    assert "Phòng Tổ chức cán bộ" in html and "Nguyễn Thị Hương" in html
    assert "Phòng Công chức, viên chức" not in html and "Lê Văn Bình" not in html
    assert "Cấu hình hệ thống" not in html


def test_reviewer_home_shows_the_body_and_its_units(cast, client_for):
    html = client_for(cast.reviewer).get("/").content.decode()
    assert "Cơ quan tôi phụ trách" in html
    assert "Sở Nội vụ tỉnh Thử" in html
    assert "Phòng Tổ chức cán bộ" in html and "Phòng Công chức, viên chức" in html
    assert "Thường trực / Văn phòng (thẩm định hồ sơ)" in html
    assert "Sở Tài chính tỉnh Thử" not in html


def test_admin_home_shows_configuration(cast, client_for):
    response = client_for(cast.admin).get("/")
    html = response.content.decode()
    assert "Cấu hình hệ thống" in html
    assert response.context["admin"]["organisations"] == 5
    assert response.context["admin"]["people"] == 3


def test_user_without_roles_is_told_so(db, client_for):
    from tests.factories.orgs import UserFactory

    html = client_for(UserFactory()).get("/").content.decode()
    assert "chưa được phân quyền" in html


def test_anonymous_home_redirects_to_login(client):
    response = client.get("/")
    assert response["Location"] == "/tai-khoan/dang-nhap/?next=/"


def test_clerk_home_lists_campaigns_of_the_unit_with_deadline(cast, client_for):
    from tests.factories.campaigns import launched_campaign

    campaign = launched_campaign(cast, participants=[cast.unit_a])
    html_a = client_for(cast.clerk_a).get("/").content.decode()
    html_b = client_for(cast.clerk_b).get("/").content.decode()
    assert "Phong trào đơn vị đang tham gia" in html_a and campaign.title in html_a and "05/08/2025" in html_a
    assert campaign.title not in html_b


def test_reviewer_home_lists_the_bodys_launched_campaigns(cast, client_for):
    from tests.factories.campaigns import launched_campaign

    campaign = launched_campaign(cast, participants=[cast.unit_a])
    response = client_for(cast.reviewer).get("/")
    assert [c.pk for c in response.context["office_campaigns"]] == [campaign.pk]
    assert response.context["office_campaigns"][0].registered == 0
