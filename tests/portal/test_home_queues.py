"""The home page's work queues (issue 17, dossiers.services.work_queue): what each role has to do next, its
figures equal to what their links list, only what the user may see, and a query count that does not grow with
the rows."""
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from campaigns.services.campaigns import offer_award
from dossiers.enums import DossierState, Outcome
from dossiers.models import CouncilSeat, CouncilSession, Dossier, Forwarding, Nomination
from dossiers.services import council as council_service
from orgs.enums import Role
from tests.factories.campaigns import award_form, draft_campaign, launched_campaign
from tests.factories.orgs import MembershipFactory, OrganisationFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


# --- data written directly: the home page only reads it -------------------------------------------------------
def offers(campaign, cast, count, *, authority=10, start=0):
    return [offer_award(campaign, award_form(code=f"hinh-thuc-{authority}-{start + i}", name=f"Hình thức {start + i}",
                                             authority=authority), copies=1, by=cast.admin)
            for i in range(count)]


def dossier(campaign, unit, offer, state, *, days_ago=1, reason="", nominees=(), outcome=Outcome.PENDING):
    sent = timezone.now() - timedelta(days=days_ago)
    made = Dossier.objects.create(campaign=campaign, organisation=unit, offer=offer, state=state,
                                  submitted_at=None if state == DossierState.DRAFT else sent, return_reason=reason)
    for person in nominees:
        Nomination.objects.create(dossier=made, subject_type="individual", person=person, outcome=outcome)
    return made


def query_count(client, url="/"):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def listed_dossiers(client, url):
    """The dossier ids a list page links to."""
    html = client.get(url).content.decode()
    return {int(pk) for pk in re.findall(r'href="/ho-so/(\d+)/(?:tham-dinh/)?"', html)}


# --- the clerk ------------------------------------------------------------------------------------------------
def test_clerk_sees_returned_dossiers_first_with_the_reason(cast, client_for):
    campaign = launched_campaign(cast, participants=[cast.unit_a, cast.unit_b])
    first, second, third = offers(campaign, cast, 3)
    draft = dossier(campaign, cast.unit_a, first, DossierState.DRAFT)
    returned = dossier(campaign, cast.unit_a, second, DossierState.RETURNED,
                       reason="Thiếu Biên bản họp bình xét có chữ ký của chủ trì.")
    sent = dossier(campaign, cast.unit_a, third, DossierState.SUBMITTED)
    sibling = dossier(campaign, cast.unit_b, first, DossierState.RETURNED, reason="Lý do của đơn vị khác")
    response = client_for(cast.clerk_a).get("/")
    work = response.context["clerk"]
    html = response.content.decode()
    assert [d.pk for d in work["dossiers"]] == [returned.pk, draft.pk, sent.pk]
    assert "Lý do trả lại:</strong> Thiếu Biên bản họp bình xét có chữ ký của chủ trì." in html
    assert "1 hồ sơ bị trả lại" in html
    assert f'href="/ho-so/{sibling.pk}/"' not in html and "Lý do của đơn vị khác" not in html
    assert [(state.value, count) for state, count in work["states"]] == [
        ("returned", 1), ("draft", 1), ("submitted", 1)]


def test_clerk_state_counts_link_to_the_list_of_those_dossiers(cast, client_for):
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    first, second, third = offers(campaign, cast, 3)
    returned = [dossier(campaign, cast.unit_a, offer, DossierState.RETURNED, reason="Bổ sung")
                for offer in (first, second)]
    dossier(campaign, cast.unit_a, third, DossierState.DRAFT)
    client = client_for(cast.clerk_a)
    html = client.get("/").content.decode()
    link = reverse("dossiers:dossier_list") + "?trang-thai=returned"
    assert f'href="{link}">Trả lại để bổ sung: 2</a>' in html
    assert listed_dossiers(client, link) == {d.pk for d in returned}


def test_clerk_campaigns_show_days_left_and_overdue_in_red(cast, client_for):
    today = timezone.localdate()
    late = launched_campaign(cast, participants=[cast.unit_a], title="Phong trào đã quá hạn nộp",
                             dossier_deadline=today - timedelta(days=3))
    soon = launched_campaign(cast, participants=[cast.unit_a], title="Phong trào còn hạn nộp",
                             dossier_deadline=today + timedelta(days=12), period_end=today + timedelta(days=5))
    other_unit = launched_campaign(cast, participants=[cast.unit_b], title="Phong trào của đơn vị bên cạnh")
    response = client_for(cast.clerk_a).get("/")
    html = response.content.decode()
    assert [c.pk for c in response.context["clerk"]["campaigns"]] == [late.pk, soon.pk]
    assert '<span class="badge text-bg-danger align-self-start">quá hạn 3 ngày</span>' in html
    assert '<span class="text-danger fw-semibold">' + (today - timedelta(days=3)).strftime("%d/%m/%Y") in html
    assert "còn 12 ngày" in html
    assert f'href="/ho-so/tao/?phong-trao={soon.pk}"' in html
    assert other_unit.title not in html


def test_clerk_home_query_count_does_not_grow(cast, client_for):
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    few = offers(campaign, cast, 1)
    dossier(campaign, cast.unit_a, few[0], DossierState.RETURNED, reason="Bổ sung", nominees=[cast.person_a])
    client = client_for(cast.clerk_a)
    client.get("/")
    before = query_count(client)
    for number in range(4):
        more = launched_campaign(cast, participants=[cast.unit_a], title=f"Phong trào thêm {number}")
        for offer in offers(more, cast, 3, start=10 * number):
            dossier(more, cast.unit_a, offer, DossierState.SUBMITTED, nominees=[cast.person_a])
    assert query_count(client) == before


# --- the standing office --------------------------------------------------------------------------------------
@pytest.fixture
def office_dossiers(cast):
    """Dossiers sent to the Sở at each step (one new one waiting 30 days: more than 15 working days, Tết
    included), and one sent to another Sở."""
    campaign = launched_campaign(cast, participants=[cast.body])
    units = [OrganisationFactory(name=f"Đơn vị gửi {n}", parent=cast.body) for n in range(7)]
    offer = campaign.awards.first()
    made = {
        "new": dossier(campaign, units[0], offer, DossierState.SUBMITTED),
        "late": dossier(campaign, units[1], offer, DossierState.SUBMITTED, days_ago=30),
        "in_review": dossier(campaign, units[2], offer, DossierState.IN_REVIEW, days_ago=2),
        "appraised": dossier(campaign, units[3], offer, DossierState.APPRAISED),
        "council": dossier(campaign, units[4], offer, DossierState.IN_COUNCIL),
        "leader": dossier(campaign, units[5], offer, DossierState.AWAITING_DECISION),
        "draft": dossier(campaign, units[6], offer, DossierState.DRAFT),
    }
    elsewhere = launched_campaign(cast, issuer=cast.other, participants=[cast.other])
    made["elsewhere"] = dossier(elsewhere, cast.other, elsewhere.awards.first(), DossierState.SUBMITTED, days_ago=30)
    return made


def test_office_queues_count_what_their_inbox_link_lists(cast, client_for, office_dossiers):
    Dossier.objects.filter(pk__in=[office_dossiers["in_review"].pk, office_dossiers["leader"].pk]).update(urgent=True)
    client = client_for(cast.reviewer)
    queues = {queue["key"]: queue for queue in client.get("/").context["office_queues"]}
    expected = {"mine": set(), "urgent": {"in_review", "leader"}, "new": {"new", "late"}, "in_review": {"in_review"},
                "late": {"late"},
                "appraised": {"appraised"}, "council": {"council"}, "leader": {"leader"}}
    assert {key: queue["count"] for key, queue in queues.items()} == {key: len(v) for key, v in expected.items()}
    for key, names in expected.items():
        url = reverse("dossiers:inbox") + "?" + queues[key]["query"]
        assert listed_dossiers(client, url) == {office_dossiers[name].pk for name in names}, key


def test_office_home_links_each_count_into_the_inbox(cast, client_for, office_dossiers):
    html = client_for(cast.reviewer).get("/").content.decode()
    assert f'border-danger" id="queue-late" href="{reverse("dossiers:inbox")}?cham_xu_ly=on"' in html  # red: 1 late
    assert f'id="queue-new" href="{reverse("dossiers:inbox")}?trang_thai=submitted"' in html
    assert "Chờ Văn phòng quá 15 ngày làm việc" in html


def test_office_home_query_count_does_not_grow(cast, client_for):
    campaign = launched_campaign(cast, participants=[cast.body])
    dossier(campaign, OrganisationFactory(parent=cast.body), campaign.awards.first(), DossierState.SUBMITTED)
    client = client_for(cast.reviewer)
    client.get("/")
    before = query_count(client)
    for number in range(6):
        unit = OrganisationFactory(name=f"Đơn vị {number}", parent=cast.body)
        for state in (DossierState.SUBMITTED, DossierState.IN_COUNCIL):
            other = launched_campaign(cast, participants=[cast.body], title=f"Phong trào {number} {state}")
            dossier(other, unit, other.awards.first(), state, days_ago=30, nominees=[cast.person_a])
    assert query_count(client) == before


# --- the council ----------------------------------------------------------------------------------------------
def seat_council(cast):
    seats = [CouncilSeat(full_name="Lê Quang Thắng", title="chair", user=cast.approver),
             CouncilSeat(full_name="Phạm Thu Hà", title="secretary", user=cast.reviewer),
             CouncilSeat(full_name="Hoàng Đức Minh", title="vice_chair", user=cast.council)]
    council_service.save_seats(cast.body, seats, by=cast.reviewer)
    return seats


def open_ballot_session(cast, seats):
    session = CouncilSession(issuer=cast.body, held_at=timezone.now(), place="Phòng họp số 1")
    return council_service.open_session(session, by=cast.approver,
                                        attendance={seat.pk: "present" for seat in seats})


def council_nominees(cast, count, start=0):
    campaign = launched_campaign(cast, participants=[cast.body], title=f"Phong trào xét {start}")
    form = campaign.awards.first().award_form
    form.needs_council = True
    form.save()
    people = [PersonFactory(full_name=f"Người được xét {start + n}", organisation=cast.unit_a) for n in range(count)]
    made = dossier(campaign, OrganisationFactory(parent=cast.body), campaign.awards.first(), DossierState.IN_COUNCIL,
                   nominees=people, outcome=Outcome.ACCEPTED)
    return list(made.nominations.all())


def test_council_member_sees_the_open_session_and_who_has_not_voted(cast, client_for):
    nominees = council_nominees(cast, 2)
    session = open_ballot_session(cast, seat_council(cast))
    client = client_for(cast.council)
    html = client.get("/").content.decode()
    vote_url = reverse("dossiers:council_vote", args=[session.pk])
    assert "Còn 3 người chưa bỏ phiếu</span>, trong đó có bạn." in html
    assert f'href="{vote_url}"' in html
    assert client.get(vote_url).status_code == 200
    council_service.cast_votes(session, {n.pk: "for" for n in nominees}, by=cast.council)
    html = client.get("/").content.decode()
    assert "Còn 2 người chưa bỏ phiếu</span>." in html and f'href="{vote_url}"' not in html


def test_council_sessions_of_other_bodies_and_closed_ones_are_not_shown(cast, client_for):
    council_nominees(cast, 1)
    open_ballot_session(cast, seat_council(cast))
    outsider_council = UserFactory(username="hoidong_khac")
    MembershipFactory(user=outsider_council, organisation=cast.other, role=Role.COUNCIL)
    html = client_for(outsider_council).get("/").content.decode()
    assert "Không có phiên họp nào đang mở mà bạn là thành viên." in html
    assert client_for(cast.clerk_a).get("/").context["council_sessions"] == []


def test_council_home_query_count_does_not_grow(cast, client_for):
    council_nominees(cast, 1)
    session = open_ballot_session(cast, seat_council(cast))
    client = client_for(cast.council)
    client.get("/")
    before = query_count(client)
    council_nominees(cast, 6, start=10)
    council_nominees(cast, 6, start=20)
    council_service.cast_votes(session, {n.pk: "for" for n in council_service.agenda(session)}, by=cast.reviewer)
    assert query_count(client) == before


# --- the leader -----------------------------------------------------------------------------------------------
def leader_data(cast, count=1, start=0):
    """A campaign of the Sở with nominees waiting for the leader: `count` to approve, `count` approved within the
    Sở's authority (to sign), `count` approved beyond it (to forward)."""
    campaign = launched_campaign(cast, participants=[cast.body], title=f"Phong trào chờ lãnh đạo {start}")
    within, beyond = campaign.awards.first(), offers(campaign, cast, 1, authority=30, start=start)[0]
    unit = OrganisationFactory(parent=cast.body)
    people = [PersonFactory(organisation=unit) for _ in range(3 * count)]
    dossier(campaign, unit, within, DossierState.AWAITING_DECISION, nominees=people[:count], outcome=Outcome.ACCEPTED)
    signed = dossier(campaign, OrganisationFactory(parent=cast.body), within, DossierState.AWAITING_DECISION,
                     nominees=people[count:2 * count], outcome=Outcome.APPROVED)
    dossier(campaign, unit, beyond, DossierState.AWAITING_DECISION, nominees=people[2 * count:],
            outcome=Outcome.APPROVED)
    return campaign, signed


def test_leader_sees_what_waits_for_approval_and_signature(cast, client_for):
    campaign, _ = leader_data(cast, count=2)
    elsewhere = launched_campaign(cast, issuer=cast.other, participants=[cast.other], title="Phong trào Sở khác")
    dossier(elsewhere, cast.other, elsewhere.awards.first(), DossierState.AWAITING_DECISION,
            nominees=[cast.person_other], outcome=Outcome.APPROVED)
    client = client_for(cast.approver)
    response = client.get("/")
    leader = response.context["leader"]
    assert (leader["to_approve"], leader["to_sign"], leader["to_forward"]) == (2, 2, 2)
    assert [row["pk"] for row in leader["campaigns"]] == [campaign.pk]
    html = response.content.decode()
    sign_url = reverse("dossiers:decision_sign") + f"?phong-trao={campaign.pk}"
    forward_url = reverse("dossiers:forward") + f"?phong-trao={campaign.pk}"
    assert f'href="{sign_url}"' in html and f'href="{forward_url}"' in html
    assert "Phong trào Sở khác" not in html
    for url in (sign_url, forward_url, reverse("dossiers:approval_queue")):
        assert client.get(url).status_code == 200


def test_leader_sees_forwardings_waiting_for_the_higher_decision(cast, client_for):
    forwarding = Forwarding.objects.create(issuer=cast.body, to_authority="Chủ tịch UBND tỉnh",
                                           memo_number="12/TTr-SNV", memo_date=timezone.localdate())
    html = client_for(cast.approver).get("/").content.decode()
    assert f'href="{reverse("dossiers:forwarding_detail", args=[forwarding.pk])}">số 12/TTr-SNV' in html


def test_leader_home_query_count_does_not_grow(cast, client_for):
    leader_data(cast)
    client = client_for(cast.approver)
    client.get("/")
    before = query_count(client)
    for number in range(1, 4):
        leader_data(cast, count=3, start=number)
    assert query_count(client) == before


# --- the admin ------------------------------------------------------------------------------------------------
def test_admin_sees_campaigns_by_state_each_linked_to_the_list(cast, client_for):
    drafts = [draft_campaign(cast, title=f"Dự thảo {n}") for n in range(2)]
    launched_campaign(cast, title="Phong trào đã phát động")
    client = client_for(cast.admin)
    response = client.get("/")
    states = {state.value: count for state, count in response.context["admin"]["campaign_states"]}
    assert states == {"draft": 2, "launched": 1, "closed": 0, "archived": 0}
    html = response.content.decode()
    assert 'href="/phong-trao/them/"' in html and "Tạo phong trào" in html
    listed = client.get(reverse("campaigns:campaign_list") + "?trang_thai=draft").content.decode()
    assert all(c.title in listed for c in drafts) and "Phong trào đã phát động" not in listed


def test_admin_sees_units_without_an_account_in_their_province_only(cast, client_for):
    empty = OrganisationFactory(name="Trung tâm chưa có tài khoản", parent=cast.body)
    left = OrganisationFactory(name="Phòng có tài khoản đã khóa", parent=cast.body)
    MembershipFactory(user=UserFactory(is_active=False), organisation=left, role=Role.CLERK)
    other_province = OrganisationFactory(name="Ủy ban nhân dân tỉnh Khác", kind="ubnd_tinh")
    OrganisationFactory(name="Sở của tỉnh khác", parent=other_province)
    response = client_for(cast.admin).get("/")
    admin = response.context["admin"]
    assert [unit.pk for unit in admin["unstaffed"]] == [empty.pk, left.pk] and admin["unstaffed_count"] == 2
    html = response.content.decode()
    assert f'href="{empty.get_absolute_url()}">Trung tâm chưa có tài khoản</a>' in html
    assert "Sở của tỉnh khác" not in html
    assert "Tạo phong trào" not in client_for(cast.reviewer).get("/").content.decode()


def test_admin_home_query_count_does_not_grow(cast, client_for):
    draft_campaign(cast)
    OrganisationFactory(parent=cast.body)
    client = client_for(cast.admin)
    client.get("/")
    before = query_count(client)
    for number in range(5):
        draft_campaign(cast, title=f"Dự thảo {number}")
        launched_campaign(cast, title=f"Đã phát động {number}")
        OrganisationFactory(parent=cast.unit_a)
    assert query_count(client) == before
