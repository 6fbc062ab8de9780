"""Phân công inside the office (issue 18, dossiers.services.assignment): who may assign whom and when, the
processing history, the inbox's filters, the home page's "Hồ sơ của tôi" and the head's page (load per specialist,
days per step), each within its walls and at a query count that does not grow with the rows."""
from datetime import datetime, timedelta

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from dossiers.enums import DossierState
from dossiers.models import Assignment, Dossier, StateChange
from dossiers.services.assignment import assign, history, load_and_timing, name_of, reviewers, workbook
from dossiers.services.workflow import transition
from orgs.enums import Role
from orgs.models import Organisation
from tests.at_once import at_once
from tests.factories.campaigns import launched_campaign
from tests.factories.dossiers import ready_dossier
from tests.factories.orgs import MembershipFactory, OrganisationFactory, UserFactory
from tests.portal.test_home_queues import dossier as made_dossier
from tests.portal.test_home_queues import listed_dossiers, offers

pytestmark = pytest.mark.django_db


def member(username, organisation, role, **names):
    user = UserFactory(username=username, **names)
    MembershipFactory(user=user, organisation=organisation, role=role)
    return user


@pytest.fixture
def second(cast):
    """A second specialist of the Sở's office."""
    return member("chuyenvien2", cast.body, Role.REVIEWER, first_name="Trần Thu", last_name="Hà")


@pytest.fixture
def sent(cast):
    return transition(ready_dossier(cast), "submit", by=cast.clerk_a)


def put(dossier, state):
    Dossier.objects.filter(pk=dossier.pk).update(state=state)
    dossier.refresh_from_db()
    return dossier


# --- the service ---------------------------------------------------------------------------------------------
def test_assign_writes_the_log_the_assignee_and_the_audit_entry(cast, sent, second):
    dossier = assign(sent, second, note="Thẩm định trong tuần", by=cast.reviewer)
    assert dossier.assignee == second and Dossier.objects.get(pk=sent.pk).assignee == second
    row = Assignment.objects.get(dossier=sent)
    assert (row.assignee, row.previous, row.by, row.note) == (second, None, cast.reviewer, "Thẩm định trong tuần")
    entry = LogEntry.objects.get_for_object(row).get()
    assert entry.actor == cast.reviewer


def test_reassignment_keeps_who_had_it_and_refuses_the_same_specialist(cast, sent, second):
    assign(sent, second, by=cast.reviewer)
    dossier = assign(sent, cast.reviewer, note="Chị Hà nghỉ phép", by=second)
    assert dossier.assignee == cast.reviewer
    last = Assignment.objects.filter(dossier=sent).last()
    assert (last.previous, last.assignee, last.by) == (second, cast.reviewer, second)
    with pytest.raises(ValidationError) as error:
        assign(sent, cast.reviewer, by=cast.reviewer)
    assert "đã được phân công cho" in error.value.messages[0]
    assert Assignment.objects.filter(dossier=sent).count() == 2


@pytest.mark.parametrize("actor", ["clerk_a", "council", "approver", "admin", "outsider"])
def test_only_the_bodys_reviewer_assigns(cast, sent, second, actor):
    with pytest.raises(PermissionDenied):
        assign(sent, second, by=getattr(cast, actor))
    assert not Assignment.objects.exists() and Dossier.objects.get(pk=sent.pk).assignee is None


def test_only_a_reviewer_of_the_body_can_be_assigned(cast, sent):
    elsewhere = member("vanphong_stc", cast.other, Role.REVIEWER)
    inactive = member("nghiviec", cast.body, Role.REVIEWER, is_active=False)
    for user in (cast.approver, cast.council, cast.clerk_a, elsewhere, inactive, None):
        with pytest.raises(ValidationError) as error:
            assign(sent, user, by=cast.reviewer)
        assert error.value.messages == ["Chỉ phân công được cho chuyên viên thẩm định của cơ quan nhận hồ sơ."]
    assert not Assignment.objects.exists()


@pytest.mark.parametrize("state", [DossierState.DRAFT, DossierState.RETURNED, DossierState.WITHDRAWN,
                                   DossierState.DECIDED])
def test_a_dossier_the_office_no_longer_holds_is_refused(cast, sent, second, state):
    put(sent, state)
    with pytest.raises(ValidationError) as error:
        assign(sent, second, by=cast.reviewer)
    label = DossierState(state).label.lower()
    assert error.value.messages == [f"Không thể phân công: hồ sơ đang ở trạng thái “{label}”, không còn do Văn "
                                    "phòng xử lý."]


@pytest.mark.parametrize("state", [DossierState.SUBMITTED, DossierState.IN_REVIEW, DossierState.APPRAISED,
                                   DossierState.IN_COUNCIL, DossierState.AWAITING_DECISION, DossierState.FORWARDED])
def test_every_state_the_office_holds_may_be_assigned(cast, sent, second, state):
    assert assign(put(sent, state), second, by=cast.reviewer).assignee == second


def test_reviewers_are_the_bodys_and_its_standing_offices_only(cast, second):
    office = OrganisationFactory(name="Ban Thi đua – Khen thưởng", parent=cast.province)
    cast.body.standing_office = office
    cast.body.save()
    standing = member("banthidua", office, Role.REVIEWER)
    member("vanphong_stc", cast.other, Role.REVIEWER)
    assert set(reviewers(cast.body)) == {cast.reviewer, second, standing}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="two real transactions need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_assignments_to_the_same_specialist_write_one(cast, second):
    """Two people click "Phân công" for the same specialist at once: the row lock orders them, the second sees
    the first's assignment and gets a message; one Assignment row."""
    sent = transition(ready_dossier(cast), "submit", by=cast.clerk_a)

    def click():
        try:
            return assign(sent, second, note="Cùng lúc", by=cast.reviewer).assignee_id
        except ValidationError as error:
            return error.messages[0]

    answers = at_once(2, click)
    assert sorted(answers, key=str) == sorted([second.pk, "Hồ sơ đã được phân công cho Trần Thu Hà."], key=str)
    assert Assignment.objects.filter(dossier=sent).count() == 1


# --- the history ---------------------------------------------------------------------------------------------
def test_history_interleaves_moves_and_assignments_newest_last(cast, client_for, sent, second):
    assign(sent, second, note="Giao chị Hà", by=cast.reviewer)
    dossier = transition(sent, "start_review", by=second)
    assign(dossier, cast.reviewer, note="Chuyển lại cho Văn phòng", by=second)
    entries = history(dossier)
    assert [e.kind for e in entries] == ["state", "assignment", "state", "assignment"]
    html = client_for(cast.reviewer).get(reverse("dossiers:dossier_detail", args=[sent.pk])).content.decode()
    log = html[html.index('id="state-log"'):]
    order = ["Đang soạn → <strong>Đã nộp", "Phân công cho <strong>Trần Thu Hà", "Giao chị Hà",
             "Đã nộp → <strong>Đang thẩm định", "Chuyển phân công: Trần Thu Hà → ", "Chuyển lại cho Văn phòng"]
    positions = [log.index(text) for text in order]
    assert positions == sorted(positions)
    # the clerk reads the history too (no form)
    clerk_page = client_for(cast.clerk_a).get(reverse("dossiers:dossier_detail", args=[sent.pk])).content.decode()
    assert "Phân công cho <strong>Trần Thu Hà" in clerk_page and 'id="assign"' not in clerk_page


def test_history_reads_two_queries_whatever_its_length(cast, sent, second):
    assign(sent, second, by=cast.reviewer)
    with CaptureQueriesContext(connection) as few:
        history(sent)
    for user in (cast.reviewer, second, cast.reviewer):
        assign(sent, user if user != Dossier.objects.get(pk=sent.pk).assignee else second, by=cast.reviewer)
    transition(sent, "start_review", by=cast.reviewer)
    with CaptureQueriesContext(connection) as many:
        assert len(history(sent)) >= 5
    assert len(few) == len(many) == 2


# --- the views -----------------------------------------------------------------------------------------------
def test_the_office_assigns_from_the_dossier_page(cast, client_for, sent, second):
    client = client_for(cast.reviewer)
    page = client.get(reverse("dossiers:dossier_detail", args=[sent.pk])).content.decode()
    form = page[page.index('id="assign"'):page.index("</section>", page.index('id="assign"'))]
    assert f'value="{second.pk}"' in form and f'value="{cast.reviewer.pk}"' in form
    for outsider in (cast.approver, cast.council, cast.clerk_a):
        assert f'value="{outsider.pk}"' not in form
    response = client.post(reverse("dossiers:assign", args=[sent.pk]),
                           {"phan-cong-assignee": second.pk, "phan-cong-note": "Xử lý trước 15/8"})
    assert response.status_code == 302
    assert Dossier.objects.get(pk=sent.pk).assignee == second
    assert 'id="assign"' in client.get(reverse("dossiers:review", args=[sent.pk])).content.decode()


def test_posting_another_bodys_user_is_a_form_error_keeping_the_note(cast, client_for, sent):
    elsewhere = member("vanphong_stc", cast.other, Role.REVIEWER)
    response = client_for(cast.reviewer).post(reverse("dossiers:assign", args=[sent.pk]), {
        "phan-cong-assignee": elsewhere.pk, "phan-cong-note": "Ghi chú đã gõ"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Chỉ chọn được chuyên viên thẩm định của cơ quan nhận hồ sơ." in html and "Ghi chú đã gõ" in html
    assert not Assignment.objects.exists()


def test_a_decided_dossier_has_no_form_and_refuses_the_post(cast, client_for, sent, second):
    put(sent, DossierState.DECIDED)
    client = client_for(cast.reviewer)
    assert 'id="assign"' not in client.get(reverse("dossiers:dossier_detail", args=[sent.pk])).content.decode()
    response = client.post(reverse("dossiers:assign", args=[sent.pk]), {"phan-cong-assignee": second.pk},
                           follow=True)
    assert "không còn do Văn phòng xử lý" in response.content.decode() and not Assignment.objects.exists()


def test_walls_of_the_assign_view(cast, client_for, sent, second):
    url = reverse("dossiers:assign", args=[sent.pk])
    data = {"phan-cong-assignee": second.pk}
    for user, status in ((cast.clerk_a, 403), (cast.approver, 403), (cast.council, 403), (cast.outsider, 404),
                         (member("vanphong_stc", cast.other, Role.REVIEWER), 404)):
        assert client_for(user).post(url, data).status_code == status, user
    assert not Assignment.objects.exists()


# --- the inbox and the home page -----------------------------------------------------------------------------
@pytest.fixture
def three(cast, second):
    """Three dossiers sent to the Sở: one assigned to the office's first specialist, one to the second, one not."""
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    first_offer, second_offer, third_offer = offers(campaign, cast, 3)
    mine = made_dossier(campaign, cast.unit_a, first_offer, DossierState.IN_REVIEW)
    theirs = made_dossier(campaign, cast.unit_a, second_offer, DossierState.SUBMITTED)
    nobodys = made_dossier(campaign, cast.unit_a, third_offer, DossierState.SUBMITTED)
    assign(mine, cast.reviewer, by=cast.reviewer)
    assign(theirs, second, by=cast.reviewer)
    return mine, theirs, nobodys


def test_inbox_filters_mine_and_unassigned_and_shows_the_specialist(cast, client_for, three, second):
    mine, theirs, nobodys = three
    client = client_for(cast.reviewer)
    inbox = reverse("dossiers:inbox")
    assert listed_dossiers(client, f"{inbox}?cua_toi=on") == {mine.pk}
    assert listed_dossiers(client, f"{inbox}?chua_phan_cong=on") == {nobodys.pk}
    assert listed_dossiers(client_for(second), f"{inbox}?cua_toi=on") == {theirs.pk}
    html = client.get(inbox).content.decode()
    assert '<td class="small" data-label="Chuyên viên">Trần Thu Hà</td>' in html
    assert '<td class="small" data-label="Chuyên viên"><span class="text-muted">Chưa phân công</span></td>' in html
    assert reverse("dossiers:assignment_board") in html


def test_home_counts_my_dossiers_as_the_inbox_lists_them(cast, client_for, three, second):
    for user, expected in ((cast.reviewer, 1), (second, 1)):
        queues = {q["key"]: q for q in client_for(user).get("/").context["office_queues"]}
        assert queues["mine"]["count"] == expected and queues["mine"]["query"] == "cua_toi=on"
    assert 'id="queue-mine"' in client_for(second).get("/").content.decode()


# --- the head's page -----------------------------------------------------------------------------------------
def at(day, hour=8):
    return timezone.make_aware(datetime(2025, 8, day, hour))


def logged(dossier, moves):
    """Write the dossier's state log as it was: [(from, to, action, when)]."""
    for from_state, to_state, action, when in moves:
        change = StateChange.objects.create(dossier=dossier, from_state=from_state, to_state=to_state, action=action)
        StateChange.objects.filter(pk=change.pk).update(at=when)


def assigned(dossier, user, when, by):
    assign(dossier, user, by=by)
    Assignment.objects.filter(dossier=dossier, assignee=user).update(at=when)


@pytest.fixture
def timed(cast, second):
    """Counted by hand (days):
    A (Hà from 2/8): submitted 1/8 → received 3/8 (2, Hà) → accepted 7/8 (4, Hà) → to the leader 8/8 (1, Hà).
    B (Hà from 1/8 9h, then the first specialist from 4/8): submitted 1/8 → received 2/8 (1, Hà) → returned 10/8
    (8, first); sent again 12/8 → received 13/8 (1, first); in review now.
    C (nobody): submitted 5/8 → withdrawn by the unit 6/8 (no step); D (nobody): submitted 20/8, waiting."""
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    oa, ob, oc, od = offers(campaign, cast, 4)
    a = made_dossier(campaign, cast.unit_a, oa, DossierState.SUBMITTED)
    b = made_dossier(campaign, cast.unit_a, ob, DossierState.SUBMITTED)
    c = made_dossier(campaign, cast.unit_a, oc, DossierState.WITHDRAWN)
    d = made_dossier(campaign, cast.unit_a, od, DossierState.SUBMITTED)
    assigned(a, second, at(2), cast.reviewer)
    assigned(b, second, at(1, 9), cast.reviewer)
    assigned(b, cast.reviewer, at(4), cast.reviewer)
    S, R, V, P, L, W, D = ("submitted", "in_review", "returned", "appraised", "awaiting_decision", "withdrawn",
                           "draft")
    logged(a, [(D, S, "submit", at(1)), (S, R, "start_review", at(3)), (R, P, "accept", at(7)),
               (P, L, "to_leader", at(8))])
    logged(b, [(D, S, "submit", at(1)), (S, R, "start_review", at(2)), (R, V, "return", at(10)),
               (V, S, "submit", at(12)), (S, R, "start_review", at(13))])
    logged(c, [(D, S, "submit", at(5)), (S, W, "withdraw", at(6))])
    logged(d, [(D, S, "submit", at(20))])
    put(a, L)
    put(b, R)
    return a, b, c, d


def test_head_page_figures_counted_by_hand(cast, timed, second):
    table = load_and_timing(cast.reviewer)
    first = name_of(cast.reviewer)
    rows = {row["name"]: row for row in table["rows"]}
    assert list(rows) == sorted([first, "Trần Thu Hà"]) + ["Chưa phân công"]
    states = [str(state) for state in table["states"]]
    assert states[:2] == ["submitted", "in_review"] and states[4] == "awaiting_decision"
    assert (rows["Trần Thu Hà"]["open"], rows["Trần Thu Hà"]["load"][4]) == (1, 1)  # A, with the leader
    assert (rows[first]["open"], rows[first]["load"][1]) == (1, 1)  # B, in review
    assert (rows["Chưa phân công"]["open"], rows["Chưa phân công"]["load"][0]) == (1, 1)  # D
    assert table["overall"]["open"] == 3
    assert rows["Trần Thu Hà"]["steps"] == {"receive": (2, 1.5, 1.5), "review": (1, 4.0, 4.0),
                                            "submit": (1, 1.0, 1.0)}
    assert rows[first]["steps"] == {"receive": (1, 1.0, 1.0), "review": (1, 8.0, 8.0),
                                         "submit": (0, None, None)}
    assert rows["Chưa phân công"]["steps"]["receive"] == (0, None, None)  # C's withdrawal ends no step
    assert table["overall"]["steps"] == {"receive": (3, 1.0, 1.3), "review": (2, 6.0, 6.0),
                                         "submit": (1, 1.0, 1.0)}


def test_head_page_and_its_export(cast, client_for, timed):
    client = client_for(cast.reviewer)
    html = client.get(reverse("dossiers:assignment_board")).content.decode()
    assert "Phân công, theo dõi xử lý" in html and "2 · 1.5 · 1.5" in html.replace(",", ".")
    response = client.get(reverse("dossiers:assignment_export"))
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml")
    data, count = workbook(cast.reviewer)
    assert count == 4  # three rows and the office's


def test_head_page_sees_only_its_bodys_dossiers(cast, client_for, timed):
    elsewhere = member("vanphong_stc", cast.other, Role.REVIEWER)
    table = load_and_timing(elsewhere)
    assert table["rows"] == [] and table["overall"]["open"] == 0
    assert client_for(cast.clerk_a).get(reverse("dossiers:assignment_board")).status_code == 403
    assert client_for(cast.clerk_a).get(reverse("dossiers:assignment_export")).status_code == 403


def test_head_page_query_count_does_not_grow(cast, client_for, second):
    client = client_for(cast.reviewer)
    url = reverse("dossiers:assignment_board")

    def grow(start, count):
        campaign = launched_campaign(cast, participants=[cast.unit_a], plan_number=300 + start)
        for index, offer in enumerate(offers(campaign, cast, count, start=start)):
            made = made_dossier(campaign, cast.unit_a, offer, DossierState.SUBMITTED)
            logged(made, [("draft", "submitted", "submit", timezone.now() - timedelta(days=3))])
            if index % 2:
                transition(made, "start_review", by=cast.reviewer)
            assign(made, [second, cast.reviewer, member(f"cv{start}{index}", cast.body, Role.REVIEWER)][index % 3],
                   by=cast.reviewer)

    grow(0, 2)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    grow(10, 6)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


def test_reviewers_reach_up_the_tree_not_down_nor_to_an_office_in_another_province(cast, second,
                                                                                  django_assert_num_queries):
    """A reviewer membership on the body's parents (or the standing office's) counts, one on its sub-units does
    not; a standing office of another province (which the unit form refuses) lends no reviewers."""
    above = member("vanphong_tinh", cast.province, Role.REVIEWER)
    member("vanphong_phong", cast.unit_a, Role.REVIEWER)
    assert set(reviewers(cast.body)) == {cast.reviewer, second, above}
    elsewhere = OrganisationFactory(code="X-UBND", name="Ủy ban nhân dân tỉnh Khác")
    office = OrganisationFactory(code="X-SNV", name="Sở Nội vụ tỉnh Khác", parent=elsewhere)
    member("vanphong_khac", office, Role.REVIEWER)
    member("vanphong_khac_tinh", elsewhere, Role.REVIEWER)
    cast.body.standing_office = office
    cast.body.save()  # not full_clean(): the model refuses it
    body = Organisation.objects.get(pk=cast.body.pk)
    with django_assert_num_queries(2):  # the standing office, then the reviewers
        assert set(reviewers(body)) == {cast.reviewer, second, above}
