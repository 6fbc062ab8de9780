"""The dossier page at a fixed, small number of queries (issue 13: ≤ 12 at any number of nominees), built for
each request; what an admin changes in the campaign or the rules shows on it once the edit commits."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.models import Criterion
from campaigns.services.campaigns import add_section_rows
from dossiers.models import EligibilityRule
from dossiers.services import building
from dossiers.services.workflow import transition
from notifications.models import Notification
from tests.factories.dossiers import complete_report, ready_dossier, record_vote
from tests.factories.orgs import PersonFactory
from tests.pickers import chosen, offered, picker_url

pytestmark = pytest.mark.django_db

# 12 (issue 13), + the assignments of the processing history and the office's specialists of the "Phân công" form
# (issue 18, dossiers.services.assignment): one query each, whatever their number; + the Báo cáo forms of the
# campaign's loại hình (models.dossier.report_layouts: what a complete report needs), once for all the nominees
MOST_QUERIES = 15


def page_queries(client, dossier, url=None):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url or f"/ho-so/{dossier.pk}/")
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


def add_people(cast, dossier, count):
    for index in range(count):
        person = PersonFactory(organisation=cast.unit_a, full_name=f"Lê Văn Thêm {index}")
        nomination = building.add_nominee(dossier, subject_type="individual", person=person, by=cast.clerk_a)
        complete_report(nomination, by=cast.clerk_a)
        record_vote(dossier, nomination)


def test_dossier_page_in_review_stays_at_twelve_queries_whatever_the_nominees(cast, client_for):
    small, big = ready_dossier(cast), ready_dossier(cast, person=PersonFactory(organisation=cast.unit_a))
    add_people(cast, big, 6)
    for dossier in (small, big):
        transition(dossier, "submit", by=cast.clerk_a)
        transition(dossier, "start_review", by=cast.reviewer)
    client = client_for(cast.reviewer)
    (few, _), (many, html) = page_queries(client, small), page_queries(client, big)
    assert few == many <= MOST_QUERIES
    assert html.count("Lê Văn Thêm") >= 6


def test_clerk_draft_page_and_the_bell_count_with_the_user(cast, client_for):
    """The clerk's page links to the page that adds a nominee; that page searches the people and sub-units still
    to nominate (pickers.NOMINEE_PEOPLE), at a count that does not grow with them: it never lists them."""
    dossier = ready_dossier(cast)
    Notification.objects.create(recipient=cast.clerk_a, template="t", subject="Hồ sơ bị trả lại", body="…")
    Notification.objects.create(recipient=cast.clerk_a, template="t", subject="Nhắc hạn nộp", body="…")
    client = client_for(cast.clerk_a)
    count, html = page_queries(client, dossier)
    assert count <= MOST_QUERIES
    assert f'href="/ho-so/{dossier.pk}/them-nguoi/"' in html and 'id="nominee-form"' not in html
    add_page = f"/ho-so/{dossier.pk}/them-nguoi/"
    before = page_queries(client, dossier, add_page)[0]
    for index in range(5):
        PersonFactory(organisation=cast.unit_a, full_name=f"Đỗ Thị Mới {index}")
    again, html = page_queries(client, dossier)
    assert again == count and "Đỗ Thị Mới" not in html
    after, html = page_queries(client, dossier, add_page)
    assert after == before and "Đỗ Thị Mới" not in html
    assert len(offered(client, html, "id_person", "do thi moi")) == 5
    assert "Thông báo (2 chưa đọc)" in html
    client.post("/thong-bao/da-doc/")
    assert "chưa đọc" not in page_queries(client, dossier)[1]


def test_a_refused_nominee_keeps_the_choice_on_the_add_page(cast, client_for):
    dossier = ready_dossier(cast)  # Nguyễn Thị Hương is nominated already
    other = PersonFactory(organisation=cast.unit_b, full_name="Phan Thị Ngoài")
    client = client_for(cast.clerk_a)
    collective = {"subject_type": "collective", "organisation": cast.unit_a.pk}
    assert client.post(f"/ho-so/{dossier.pk}/them-nguoi/", collective).status_code == 302
    response = client.post(f"/ho-so/{dossier.pk}/them-nguoi/", collective)  # the same collective again
    html = response.content.decode()
    assert response.status_code == 400 and "Người, tập thể này đã có trong hồ sơ." in html
    assert chosen(html, "id_organisation") == [cast.unit_a.pk] and '<option value="collective" selected>' in html
    response = client.post(f"/ho-so/{dossier.pk}/them-nguoi/", {"subject_type": "individual", "person": other.pk})
    assert response.status_code == 400 and "Chọn đối tượng và người, tập thể được đề nghị." in response.content.decode()
    assert not dossier.nominations.filter(person=other).exists()


def test_a_criterion_added_to_the_campaign_is_checked_once_the_edit_commits(
        cast, client_for, django_capture_on_commit_callbacks):
    dossier = ready_dossier(cast)
    client = client_for(cast.clerk_a)
    assert "Chưa xác nhận" not in page_queries(client, dossier)[1]
    with django_capture_on_commit_callbacks(execute=True):
        add_section_rows(dossier.campaign, Criterion, [{
            "subject_type": "individual", "order": 99, "is_blocking": True,
            "text": "Có sáng kiến được công nhận trong năm"}], by=cast.admin)
    assert "Có sáng kiến được công nhận" in page_queries(client, dossier)[1]


def test_a_removed_component_leaves_the_checklist_at_once(cast, client_for):
    dossier = ready_dossier(cast)
    client = client_for(cast.clerk_a)
    component = dossier.campaign.components.get(kind="bao_cao")
    assert component.name in page_queries(client, dossier)[1]
    component.delete()
    assert component.name not in page_queries(client, dossier)[1]


def test_a_rule_switched_off_by_the_admin_is_gone_once_saved(cast, client_for, django_capture_on_commit_callbacks):
    dossier = ready_dossier(cast)
    client = client_for(cast.clerk_a)
    late = "Hạn nộp hồ sơ là"  # the deadline rule's warning: the campaign's deadline has passed
    assert late in page_queries(client, dossier)[1]
    rules = list(EligibilityRule.objects.order_by("order", "code"))
    data = {"rules-TOTAL_FORMS": str(len(rules)), "rules-INITIAL_FORMS": str(len(rules)),
            "rules-MIN_NUM_FORMS": "0", "rules-MAX_NUM_FORMS": "1000"}
    for index, rule in enumerate(rules):
        data[f"rules-{index}-id"] = str(rule.pk)
        data[f"rules-{index}-is_active"] = "" if rule.code == "deadline" else "on"
        data[f"rules-{index}-is_blocking"] = "on" if rule.is_blocking else ""
    with django_capture_on_commit_callbacks(execute=True):
        assert client_for(cast.admin).post("/quy-tac-xet/", data).status_code == 302
    assert late not in page_queries(client_for(cast.clerk_a), dossier)[1]


# --- the nominee is searched by name, never listed (pickers.NOMINEE_PEOPLE) --------------------------------------
def test_the_nominee_picker_searches_the_units_people_still_to_nominate(cast, client_for):
    dossier = ready_dossier(cast)  # Nguyễn Thị Hương is nominated already
    people = {name: PersonFactory(organisation=cast.unit_a, full_name=name)
              for name in ("Đỗ Thị Mới", "Đỗ Văn Mạnh", "Lê Thị Mới", "Trần Văn Khác")}
    client = client_for(cast.clerk_a)
    count, html = page_queries(client, dossier, f"/ho-so/{dossier.pk}/them-nguoi/")
    assert count <= MOST_QUERIES
    assert "Trần Văn Khác" not in html and 'name="person__tim"' in html and "— chọn cán bộ —" not in html
    assert offered(client, html, "id_person", "thi moi") == [people["Đỗ Thị Mới"].pk, people["Lê Thị Mới"].pk]
    assert offered(client, html, "id_person", "nguyen thi huong") == []  # in the dossier already
    wanted = people["Đỗ Văn Mạnh"]
    response = client.post(f"/ho-so/{dossier.pk}/them-nguoi/", {"subject_type": "individual", "person": wanted.pk})
    assert response.status_code == 302 and dossier.nominations.filter(person=wanted).exists()
    # without the script the typed name is resolved in the same scope
    response = client.post(f"/ho-so/{dossier.pk}/them-nguoi/", {"subject_type": "individual",
                                                                 "person__tim": "tran van khac"})
    assert response.status_code == 302 and dossier.nominations.filter(person=people["Trần Văn Khác"]).exists()


def test_the_nominee_search_never_offers_another_units_people(cast, client_for):
    dossier = ready_dossier(cast)
    PersonFactory(organisation=cast.unit_b, full_name="Phan Thị Ngoài")
    client = client_for(cast.clerk_a)
    html = client.get(f"/ho-so/{dossier.pk}/them-nguoi/").content.decode()
    assert offered(client, html, "id_person", "ngoai") == []
    assert offered(client, html, "id_organisation", "cong chuc") == []  # Phòng Công chức is unit B
    url = picker_url(html, "id_person") + "&q=ngoai"
    assert client_for(cast.clerk_b).get(url).status_code == 404  # another unit's dossier: out of reach
    transition(dossier, "submit", by=cast.clerk_a)
    assert client_for(cast.reviewer).get(url).json()["results"] == []  # seen, not theirs to add to
    assert client_for(cast.clerk_a).get(url).json()["results"] == []  # sent: nobody adds any more
