import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dossiers.models import Dossier, Nomination
from dossiers.services.workflow import transition
from tests.factories.campaigns import launched_campaign
from tests.factories.dossiers import ready_dossier
from tests.factories.orgs import PersonFactory

pytestmark = pytest.mark.django_db


def test_clerk_starts_a_dossier_and_adds_a_nominee(cast, client_for):
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    client = client_for(cast.clerk_a)
    response = client.post(f"/ho-so/tao/?phong-trao={campaign.pk}", {"unit": cast.unit_a.pk,
                                                                      "offer": campaign.awards.get().pk})
    dossier = Dossier.objects.get()
    assert response["Location"] == f"/ho-so/{dossier.pk}/"
    response = client.post(f"/ho-so/{dossier.pk}/them-nguoi/", {"subject_type": "individual",
                                                                 "person": cast.person_a.pk})
    nomination = Nomination.objects.get()
    assert response["Location"] == f"/de-nghi/{nomination.pk}/bao-cao/"
    assert nomination.report.position == "Chuyên viên, Phòng Tổ chức cán bộ"
    page = client.get(f"/ho-so/{dossier.pk}/").content.decode()
    assert "Nguyễn Thị Hương" in page and "Còn thiếu" in page and "Kiểm tra trước khi nộp" in page


def test_non_participating_unit_cannot_start_a_dossier(cast, client_for):
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    response = client_for(cast.clerk_b).post("/ho-so/tao/", {"unit": cast.unit_b.pk,
                                                             "offer": campaign.awards.get().pk})
    assert response.status_code == 200
    assert Dossier.objects.count() == 0


def test_report_bad_input_is_kept_with_a_vietnamese_error(cast, client_for):
    dossier = ready_dossier(cast)
    nomination = dossier.nominations.get()
    response = client_for(cast.clerk_a).post(f"/de-nghi/{nomination.pk}/bao-cao/", {
        "position": "Chuyên viên", "results": "Kết quả đã gõ", "rating_year": "1890", "rating": "tot",
        "rating_decision_number": "1/QĐ", "rating_decision_date": "31/02/2025", "summary": "Tóm tắt"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Năm xếp loại không hợp lệ." in html and "Kết quả đã gõ" in html


def test_person_of_a_sibling_unit_cannot_be_nominated(cast, client_for):
    dossier = ready_dossier(cast)
    response = client_for(cast.clerk_a).post(f"/ho-so/{dossier.pk}/them-nguoi/", {
        "subject_type": "individual", "person": cast.person_b.pk}, follow=True)
    assert "Chọn đối tượng và người, tập thể được đề nghị." in response.content.decode()
    assert dossier.nominations.count() == 1


def test_submit_through_the_page_and_the_office_sees_it(cast, client_for):
    dossier = ready_dossier(cast)
    client_for(cast.clerk_a).post(f"/ho-so/{dossier.pk}/chuyen/submit/")
    assert Dossier.objects.get().state == "submitted"
    inbox = client_for(cast.reviewer).get("/hop-thu/")
    assert [d.pk for d in inbox.context["page"].items] == [dossier.pk]


def test_drafts_are_invisible_to_the_office_and_other_units(cast, client_for):
    dossier = ready_dossier(cast)
    assert client_for(cast.reviewer).get(f"/ho-so/{dossier.pk}/").status_code == 404
    assert client_for(cast.clerk_b).get(f"/ho-so/{dossier.pk}/").status_code == 404
    assert client_for(cast.reviewer).get("/hop-thu/").context["page"].items == []


def test_return_with_reasons_shown_to_the_clerk(cast, client_for):
    dossier = transition(transition(ready_dossier(cast), "submit", by=cast.clerk_a), "start_review",
                         by=cast.reviewer)
    nomination = dossier.nominations.get()
    reviewer = client_for(cast.reviewer)
    reviewer.post(f"/de-nghi/{nomination.pk}/ket-luan/", {
        f"n{nomination.pk}-verdict": "needs_more", f"n{nomination.pk}-reason": "Bổ sung số liệu năm 2025",
        f"n{nomination.pk}-override_reason": ""})
    reviewer.post(f"/ho-so/{dossier.pk}/chuyen/return/", {"note": "Thiếu Biên bản có chữ ký"})
    page = client_for(cast.clerk_a).get(f"/ho-so/{dossier.pk}/").content.decode()
    assert "Hồ sơ bị trả lại" in page
    assert "Thiếu Biên bản có chữ ký" in page and "Bổ sung số liệu năm 2025" in page


def test_inbox_search_without_diacritics(cast, client_for):
    dossier = transition(ready_dossier(cast), "submit", by=cast.clerk_a)
    client = client_for(cast.reviewer)
    assert [d.pk for d in client.get("/hop-thu/", {"q": "nguyen thi huong"}).context["page"].items] == [dossier.pk]
    assert client.get("/hop-thu/", {"q": "tran van khong"}).context["page"].items == []
    # two nominees match: the dossier is listed once
    Nomination.objects.create(dossier=dossier, subject_type="individual",
                              person=PersonFactory(full_name="Nguyễn Thị Hà", organisation=cast.unit_a))
    assert [d.pk for d in client.get("/hop-thu/", {"q": "nguyen thi"}).context["page"].items] == [dossier.pk]


def test_inbox_query_count_is_constant(cast, client_for):
    client = client_for(cast.reviewer)
    transition(ready_dossier(cast), "submit", by=cast.clerk_a)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/hop-thu/").status_code == 200
        return len(ctx.captured_queries)

    small = count()
    for index in range(8):
        campaign = launched_campaign(cast, participants=[cast.unit_a], plan_number=300 + index)
        person = PersonFactory(organisation=cast.unit_a, full_name=f"Trần Văn Thử {index}")
        transition(ready_dossier(cast, campaign=campaign, person=person), "submit", by=cast.clerk_a)
    assert count() == small


def test_inbox_hides_decided_dossiers_unless_asked(cast, client_for):
    from dossiers.models import Dossier as D

    dossier = transition(ready_dossier(cast), "submit", by=cast.clerk_a)
    D.objects.filter(pk=dossier.pk).update(state="decided")
    client = client_for(cast.reviewer)
    assert client.get("/hop-thu/").context["page"].items == []
    assert [d.pk for d in client.get("/hop-thu/", {"tat_ca": "on"}).context["page"].items] == [dossier.pk]


def test_admin_makes_the_deadline_rule_blocking(cast, client_for):
    from dossiers.models import EligibilityRule

    rules = list(EligibilityRule.objects.order_by("order", "code"))
    data = {"rules-TOTAL_FORMS": str(len(rules)), "rules-INITIAL_FORMS": str(len(rules)),
            "rules-MIN_NUM_FORMS": "0", "rules-MAX_NUM_FORMS": "1000"}
    for index, rule in enumerate(rules):
        data[f"rules-{index}-id"] = str(rule.pk)
        data[f"rules-{index}-is_active"] = "on"
        data[f"rules-{index}-is_blocking"] = "on"
    response = client_for(cast.admin).post("/quy-tac-xet/", data)
    assert response.status_code == 302
    from dossiers.services.eligibility import rule_settings

    assert rule_settings(province=cast.province.pk)["deadline"].is_blocking is True  # the province's choice
    assert EligibilityRule.objects.get(code="deadline").is_blocking is False  # the national default stays
    dossier = ready_dossier(cast)  # the campaign's deadline (05/08/2025) has passed: now it blocks
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        transition(dossier, "submit", by=cast.clerk_a)
    assert "Nguyễn Thị Hương: chưa đạt: nộp trong hạn" in error.value.messages


def test_inbox_unit_filter_reads_names_without_diacritics_and_covers_sub_units(cast, client_for):
    dossier = transition(ready_dossier(cast), "submit", by=cast.clerk_a)
    client = client_for(cast.reviewer)

    def found(text):
        return [d.pk for d in client.get("/hop-thu/", {"don_vi": text}).context["page"].items]

    assert found("to chuc can bo") == [dossier.pk]
    assert found("Phòng Công chức") == []
    assert found("so noi vu") == [dossier.pk]  # the Sở and everything under it


def test_state_log_of_a_deleted_account_still_shows(cast, client_for):
    from dossiers.models import StateChange

    dossier = transition(ready_dossier(cast), "submit", by=cast.clerk_a)
    StateChange.objects.filter(dossier=dossier).update(by=None)  # the account was deleted (SET_NULL)
    response = client_for(cast.clerk_a).get(dossier.get_absolute_url())
    assert response.status_code == 200


def test_inbox_filters_list_the_bodys_campaigns_and_the_forms_they_offer(cast, client_for):
    from campaigns.services.campaigns import offer_award
    from tests.factories.campaigns import award_form

    own = launched_campaign(cast, participants=[cast.unit_a], title="Phong trào của Sở Nội vụ")
    launched_campaign(cast, participants=[cast.unit_a], plan_number=301, issuer=cast.other,
                      title="Phong trào của Sở Tài chính")
    extra = award_form("bang-khen-so-thu", "Bằng khen của Sở (thử)")
    offer_award(own, extra, copies=1, by=cast.admin)
    client = client_for(cast.reviewer)
    form = client.get("/hop-thu/").context["form"]
    # the body's campaigns, even before a dossier arrives; never another body's
    assert [label for value, label in form.fields["phong_trao"].choices if value] == [str(own)]
    assert {label for value, label in form.fields["hinh_thuc"].choices if value} == {str(extra), str(award_form())}
    response = client.get("/hop-thu/", {"phong_trao": own.pk, "hinh_thuc": extra.pk})
    assert response.status_code == 200 and response.context["form"].is_valid()
    foreign = client.get("/hop-thu/", {"phong_trao": own.pk + 1})
    assert "phong_trao" in foreign.context["form"].errors
