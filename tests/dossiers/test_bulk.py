"""Bulk work: the leader's opinion on several nominees at once, the office accepting several dossiers at once.
Each item goes through the single-item service, all or nothing; only what the user may act on can be posted."""
import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dossiers.enums import DossierState, Outcome
from dossiers.models import Nomination, OutcomeChange, StateChange
from dossiers.services import building, bulk, decisions
from dossiers.services.workflow import transition
from orgs.enums import Role
from tests.factories.campaigns import launched_campaign
from tests.factories.dossiers import ready_dossier
from tests.factories.orgs import MembershipFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


def in_review(cast, dossier, verdict=True):
    dossier = transition(transition(dossier, "submit", by=cast.clerk_a), "start_review", by=cast.reviewer)
    if verdict:
        for nomination in dossier.nominations.all():
            building.review_nominee(nomination, verdict=Outcome.ACCEPTED, by=cast.reviewer, override_reason="Đồng ý")
    return dossier


def awaiting(cast, dossier):
    return transition(transition(in_review(cast, dossier), "accept", by=cast.reviewer), "to_leader", by=cast.reviewer)


def dossiers_of(cast, count, plan_number=400):
    """`count` dossiers of unit A, one per campaign, each naming its own person."""
    made = []
    for index in range(count):
        campaign = launched_campaign(cast, participants=[cast.unit_a], plan_number=plan_number + index)
        person = PersonFactory(organisation=cast.unit_a, full_name=f"Trần Văn Số {index + 1}")
        made.append(ready_dossier(cast, campaign=campaign, person=person))
    return made


def nominees_awaiting(cast, count):
    return [awaiting(cast, dossier).nominations.get() for dossier in dossiers_of(cast, count)]


def queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


# --- the leader ----------------------------------------------------------------------------------------------
def test_approve_many_approves_each_nominee_through_the_single_service(cast):
    first, second = nominees_awaiting(cast, 2)
    assert bulk.approve_many([first, second], approved=True, by=cast.approver) == 2
    assert sorted(Nomination.objects.filter(pk__in=[first.pk, second.pk]).values_list("outcome", flat=True)) == [
        Outcome.APPROVED, Outcome.APPROVED]
    assert OutcomeChange.objects.filter(nomination__in=[first, second], to_outcome=Outcome.APPROVED).count() == 2


def test_not_approving_many_needs_one_reason_for_the_group(cast):
    first, second = nominees_awaiting(cast, 2)
    with pytest.raises(bulk.ValidationError) as error:
        bulk.approve_many([first, second], approved=False, by=cast.approver, reason="  ")
    assert error.value.messages == ["Ghi lý do không đồng ý: đơn vị sẽ được thông báo lý do này."]
    bulk.approve_many([first, second], approved=False, by=cast.approver, reason="Thành tích chưa nổi trội")
    rows = Nomination.objects.filter(pk__in=[first.pk, second.pk]).values_list("outcome", "outcome_reason",
                                                                               "dossier__state")
    assert sorted(rows) == [(Outcome.NOT_APPROVED, "Thành tích chưa nổi trội", DossierState.DECIDED)] * 2


def test_approve_many_changes_nothing_when_one_nominee_is_refused(cast):
    first, second = nominees_awaiting(cast, 2)
    decisions.approve(second, approved=False, by=cast.approver, reason="Chưa đủ thời gian")  # its dossier is decided
    with pytest.raises(bulk.BulkRefused) as error:
        bulk.approve_many([first, second], approved=True, by=cast.approver)
    assert error.value.messages == ["Chưa có gì thay đổi: 1 người, tập thể không thực hiện được.",
                                    "Trần Văn Số 2: Hồ sơ không ở trạng thái chờ lãnh đạo quyết định."]
    first.refresh_from_db()
    assert (first.outcome, OutcomeChange.objects.filter(nomination=first, to_outcome=Outcome.APPROVED).exists()) == (
        Outcome.ACCEPTED, False)


def test_approve_many_page_posts_the_ticked_nominees(cast, client_for):
    first, second, third = nominees_awaiting(cast, 3)
    client = client_for(cast.approver)
    page = client.get("/phe-duyet/").content.decode()
    assert f'<label class="visually-hidden" for="chon-{first.pk}">Chọn Trần Văn Số 1</label>' in page
    assert "Không đồng ý các đề nghị đã chọn" in page
    response = client.post("/phe-duyet/nhieu/", {"de_nghi": [first.pk, third.pk], "approved": "1", "reason": ""})
    assert response.status_code == 302 and response["Location"] == "/phe-duyet/"
    # named in the page's order
    assert texts(response) == ["Đã ghi ý kiến “đồng ý” cho 2 người, tập thể: Trần Văn Số 3, Trần Văn Số 1."]
    outcomes = dict(Nomination.objects.filter(pk__in=[first.pk, second.pk, third.pk]).values_list("pk", "outcome"))
    assert outcomes == {first.pk: Outcome.APPROVED, second.pk: Outcome.ACCEPTED, third.pk: Outcome.APPROVED}


def test_approve_many_page_refuses_without_a_reason_and_changes_nothing(cast, client_for):
    first, second = nominees_awaiting(cast, 2)
    response = client_for(cast.approver).post("/phe-duyet/nhieu/", {"de_nghi": [first.pk, second.pk],
                                                                    "approved": "0", "reason": ""})
    assert texts(response) == ["Ghi lý do không đồng ý: đơn vị sẽ được thông báo lý do này."]
    assert set(Nomination.objects.filter(pk__in=[first.pk, second.pk]).values_list("outcome", flat=True)) == {
        Outcome.ACCEPTED}


def test_approve_many_walls(cast, client_for):
    (nomination,) = nominees_awaiting(cast, 1)
    other_leader = UserFactory(username="lanhdao-stc")
    MembershipFactory(user=other_leader, organisation=cast.other, role=Role.APPROVER)
    data = {"de_nghi": [nomination.pk], "approved": "1"}
    assert client_for(other_leader).post("/phe-duyet/nhieu/", data).status_code == 404  # another body's nominee
    assert client_for(cast.approver).post("/phe-duyet/nhieu/", {**data, "de_nghi": ["1 OR 1"]}).status_code == 404
    for user in (cast.reviewer, cast.council, cast.clerk_a, cast.admin):
        assert client_for(user).post("/phe-duyet/nhieu/", data).status_code == 403
    assert client_for(cast.approver).get("/phe-duyet/nhieu/").status_code == 405
    nomination.refresh_from_db()
    assert nomination.outcome == Outcome.ACCEPTED


def test_a_nominee_not_waiting_for_the_leader_cannot_be_posted(cast, client_for):
    dossier = in_review(cast, ready_dossier(cast))
    response = client_for(cast.approver).post("/phe-duyet/nhieu/", {"de_nghi": [dossier.nominations.get().pk],
                                                                    "approved": "1"})
    assert response.status_code == 404


def test_approval_page_query_count_is_constant(cast, client_for):
    client = client_for(cast.approver)
    nominees_awaiting(cast, 1)
    small = queries(client, "/phe-duyet/")
    for dossier in dossiers_of(cast, 4, plan_number=500):
        awaiting(cast, dossier)
    assert queries(client, "/phe-duyet/") == small


# --- the office ---------------------------------------------------------------------------------------------
def test_accept_many_accepts_each_dossier_through_transition(cast):
    first, second = (in_review(cast, dossier) for dossier in dossiers_of(cast, 2))
    assert bulk.accept_many([first, second], by=cast.reviewer) == 2
    for dossier in (first, second):
        dossier.refresh_from_db()
        assert (dossier.state, StateChange.objects.filter(dossier=dossier, action="accept").count()) == (
            DossierState.APPRAISED, 1)


def test_accept_many_changes_nothing_when_one_dossier_is_refused(cast):
    complete, incomplete = in_review(cast, dossiers_of(cast, 1)[0]), in_review(cast, dossiers_of(cast, 1, 450)[0],
                                                                                verdict=False)
    with pytest.raises(bulk.BulkRefused) as error:
        bulk.accept_many([complete, incomplete], by=cast.reviewer)
    assert error.value.messages == [
        "Chưa có gì thay đổi: 1 hồ sơ không thực hiện được.",
        f"{cast.unit_a.name} – {incomplete.offer.award_form}: Còn người, tập thể chưa có kết luận thẩm định "
        "(đủ / không đủ điều kiện)."]
    complete.refresh_from_db()
    assert (complete.state, StateChange.objects.filter(action="accept").exists()) == (DossierState.IN_REVIEW, False)


def test_inbox_offers_to_accept_only_complete_dossiers_in_review(cast, client_for):
    complete, incomplete = in_review(cast, dossiers_of(cast, 1)[0]), in_review(cast, dossiers_of(cast, 1, 450)[0],
                                                                                verdict=False)
    client = client_for(cast.reviewer)
    page = client.get("/hop-thu/").content.decode()
    assert "Tiếp nhận các hồ sơ đã chọn" in page
    assert f'id="chon-hs-{complete.pk}"' in page and f'id="chon-hs-{incomplete.pk}"' not in page
    assert f'<label class="visually-hidden" for="chon-hs-{complete.pk}">Chọn hồ sơ {cast.unit_a.name}' in page
    # the leader reads the inbox without reviewing: nothing to tick
    assert "Tiếp nhận các hồ sơ đã chọn" not in client_for(cast.approver).get("/hop-thu/").content.decode()


def test_accept_many_page(cast, client_for):
    first, second = (in_review(cast, dossier) for dossier in dossiers_of(cast, 2))
    response = client_for(cast.reviewer).post("/hop-thu/tiep-nhan/", {"ho_so": [first.pk, second.pk],
                                                                      "bo_loc": "trang_thai=in_review"})
    assert (response.status_code, response["Location"]) == (302, "/hop-thu/?trang_thai=in_review")
    assert texts(response)[0].startswith("Đã tiếp nhận 2 hồ sơ: ")
    assert set(type(first).objects.filter(pk__in=[first.pk, second.pk]).values_list("state", flat=True)) == {
        DossierState.APPRAISED}


def test_accept_many_page_lists_the_refusals(cast, client_for):
    complete, incomplete = in_review(cast, dossiers_of(cast, 1)[0]), in_review(cast, dossiers_of(cast, 1, 450)[0],
                                                                                verdict=False)
    response = client_for(cast.reviewer).post("/hop-thu/tiep-nhan/", {"ho_so": [complete.pk, incomplete.pk]})
    assert texts(response) == [
        f"Chưa có gì thay đổi: 1 hồ sơ không thực hiện được. {cast.unit_a.name} – {incomplete.offer.award_form}: "
        "Còn người, tập thể chưa có kết luận thẩm định (đủ / không đủ điều kiện)."]
    complete.refresh_from_db()
    assert complete.state == DossierState.IN_REVIEW


def test_accept_many_walls(cast, client_for):
    (dossier,) = (in_review(cast, d) for d in dossiers_of(cast, 1))
    other_reviewer = UserFactory(username="vanphong-stc")
    MembershipFactory(user=other_reviewer, organisation=cast.other, role=Role.REVIEWER)
    data = {"ho_so": [dossier.pk]}
    assert client_for(other_reviewer).post("/hop-thu/tiep-nhan/", data).status_code == 404
    for user in (cast.council, cast.approver):  # they read the inbox, they do not review
        assert client_for(user).post("/hop-thu/tiep-nhan/", data).status_code == 403
    for user in (cast.clerk_a, cast.outsider):
        assert client_for(user).post("/hop-thu/tiep-nhan/", data).status_code == 403
    dossier.refresh_from_db()
    assert dossier.state == DossierState.IN_REVIEW


def test_inbox_query_count_is_constant_with_dossiers_to_accept(cast, client_for):
    client = client_for(cast.reviewer)
    in_review(cast, dossiers_of(cast, 1)[0])
    small = queries(client, "/hop-thu/")
    for dossier in dossiers_of(cast, 5, plan_number=600):
        in_review(cast, dossier, verdict=dossier.pk % 2 == 0)
    assert queries(client, "/hop-thu/") == small
