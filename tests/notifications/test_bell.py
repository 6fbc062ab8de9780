"""The bell (issue 17): a notification is one short line and a link, the e-mail carries the text; under it the
nhắc việc computed now (a clerk's deadlines near, a leader's nominees waiting), within the user's walls, in a
number of queries that does not grow with the rows."""
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from campaigns.enums import ReminderKind
from campaigns.models import ReminderRule
from dossiers.enums import DossierState, Outcome
from dossiers.models import Dossier, Nomination
from notifications.models import Notification
from notifications.services import notify
from notifications.templatetags.bell import ago
from tests.factories.campaigns import launched_campaign
from tests.factories.orgs import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db
EMAILS = Path(settings.BASE_DIR) / "templates" / "emails"


def bell(client):
    response = client.get(reverse("notifications:bell"))
    assert response.status_code == 200
    return response.content.decode()


def bell_queries(client):
    with CaptureQueriesContext(connection) as queries:
        bell(client)
    return len(queries)


def soon(cast, days, unit=None, title="Phong trào sắp hết hạn"):
    return launched_campaign(cast, participants=[unit or cast.unit_a], title=title,
                             dossier_deadline=timezone.localdate() + timedelta(days=days))


# --- titles ---------------------------------------------------------------------------------------------------
def test_every_message_has_a_short_title_beside_its_subject_and_bodies():
    names = {path.name.removesuffix("-subject.txt") for path in EMAILS.glob("*-subject.txt")}
    assert names == {path.name.removesuffix("-title.txt") for path in EMAILS.glob("*-title.txt")}
    assert {"campaign-launched", "deadline-reminder", "dossier-transition", "outbox"} <= names


def test_a_title_is_one_line_of_at_most_90_characters_without_the_portal_prefix(cast):
    [row] = notify([cast.clerk_a], "outbox", {"subject": "Đề nghị nộp hồ sơ " + "rất dài " * 30, "body": "Nội dung"})
    assert (len(row.title), row.title.endswith("…"), "\n" in row.title) == (90, True, False)
    campaign = launched_campaign(cast, title="Phong trào thi đua yêu nước")
    [row] = notify([cast.clerk_a], "campaign-launched", {"campaign": campaign}, url=campaign.get_absolute_url())
    assert row.title == "Phát động phong trào: Phong trào thi đua yêu nước"
    campaign.title = "Phát động phong trào thi đua đẩy mạnh cải cách hành chính"  # said once, not twice
    [row] = notify([cast.clerk_a], "campaign-launched", {"campaign": campaign}, url=campaign.get_absolute_url())
    assert row.title == "Phát động phong trào thi đua đẩy mạnh cải cách hành chính"
    assert row.subject.startswith("[Cổng thi đua – khen thưởng] ")


def test_bell_and_page_list_titles_with_time_unread_bold_never_the_body(cast, client_for):
    [row] = notify([cast.clerk_a], "outbox", {"subject": "Nhắc nộp báo cáo", "body": "Nội dung dài của thư"},
                   url="/phong-trao/")
    Notification.objects.filter(pk=row.pk).update(created_at=timezone.now() - timedelta(hours=3))
    row.refresh_from_db()
    client = client_for(cast.clerk_a)
    stamp = timezone.localtime(row.created_at).strftime("%d/%m/%Y %H:%M")
    for html in (bell(client), client.get(reverse("notifications:list")).content.decode()):
        assert "Nhắc nộp báo cáo" in html and "Nội dung dài của thư" not in html
        assert f"{stamp}</time> · 3 giờ trước" in html
    assert 'fw-semibold" data-bell-notification' in bell(client)
    assert "Đánh dấu đã đọc" in bell(client)


def test_one_notification_is_marked_read_from_the_page_and_only_ones_own(cast, client_for):
    mine, other = notify([cast.clerk_a], "outbox", {"subject": "Một", "body": "x"}) + notify(
        [cast.clerk_b], "outbox", {"subject": "Hai", "body": "x"})
    client = client_for(cast.clerk_a)
    client.post(reverse("notifications:mark_all_read"), {"id": other.pk})
    client.post(reverse("notifications:mark_all_read"), {"id": mine.pk})
    mine.refresh_from_db(), other.refresh_from_db()
    assert (mine.is_read, other.is_read) == (True, False)


def test_ago_in_vietnamese():
    now = timezone.now()
    assert [ago(now - delta, now) for delta in (timedelta(seconds=5), timedelta(minutes=12), timedelta(hours=5),
                                                timedelta(days=2, hours=3), timedelta(days=9))] == [
        "vừa xong", "12 phút trước", "5 giờ trước", "2 ngày trước", ""]


# --- nhắc việc: the clerk -------------------------------------------------------------------------------------
def test_clerk_sees_a_deadline_near_until_their_unit_has_sent(cast, client_for):
    campaign = soon(cast, 3)
    client = client_for(cast.clerk_a)
    html = bell(client)
    assert "Hạn nộp hồ sơ: Phong trào sắp hết hạn" in html
    deadline = campaign.dossier_deadline.strftime("%d/%m/%Y")
    assert f"Đơn vị chưa nộp · hạn {deadline} (còn 3 ngày)" in html
    assert f'href="{campaign.get_absolute_url()}" data-bell-task' in html
    assert "Hạn nộp hồ sơ: Phong trào sắp hết hạn" in client.get(reverse("notifications:list")).content.decode()
    Dossier.objects.create(campaign=campaign, organisation=cast.unit_a, offer=campaign.awards.first(),
                           state=DossierState.DRAFT)
    assert "Phong trào sắp hết hạn" in bell(client)  # a draft is not sent
    Dossier.objects.filter(campaign=campaign).update(state=DossierState.SUBMITTED, submitted_at=timezone.now())
    assert "Phong trào sắp hết hạn" not in bell(client)


def test_the_window_is_the_campaigns_before_rule_or_seven_days(cast, client_for):
    soon(cast, 7, title="Còn bảy ngày")
    soon(cast, 12, title="Còn mười hai ngày")
    ruled = soon(cast, 20, title="Quy tắc hai mươi ngày")
    ReminderRule.objects.create(campaign=ruled, kind=ReminderKind.BEFORE, days=20)
    soon(cast, -1, title="Đã quá hạn")
    html = bell(client_for(cast.clerk_a))
    assert ("Còn bảy ngày" in html, "Còn mười hai ngày" in html, "Quy tắc hai mươi ngày" in html,
            "Đã quá hạn" in html) == (True, False, True, False)


def test_another_units_deadline_is_never_shown(cast, client_for):
    soon(cast, 2, unit=cast.unit_b, title="Phong trào của Phòng B")
    soon(cast, 2, unit=cast.other, title="Phong trào của Sở khác")
    for user in (cast.clerk_a, cast.reviewer, cast.approver):
        html = bell(client_for(user))
        assert "Phòng B" not in html and "Sở khác" not in html
    assert "Phong trào của Phòng B" in bell(client_for(cast.clerk_b))
    assert "Phong trào của Sở khác" in bell(client_for(cast.outsider))


def test_clerk_bell_query_count_does_not_grow(cast, client_for):
    soon(cast, 2)
    client = client_for(cast.clerk_a)
    before = bell_queries(client)
    for number in range(4):
        campaign = soon(cast, number, title=f"Phong trào {number}")
        ReminderRule.objects.create(campaign=campaign, kind=ReminderKind.BEFORE, days=10)
        notify([cast.clerk_a], "outbox", {"subject": f"Thư {number}", "body": "x"})
    assert bell_queries(client) == before
    assert bell(client).count("data-bell-task") == 5


# --- nhắc việc: the leader ------------------------------------------------------------------------------------
def waiting_for_leader(cast, issuer=None, title="Phong trào chờ lãnh đạo", count=1):
    """Nominees of a campaign at the leader: `count` to approve, `count` approved (to sign)."""
    issuer = issuer or cast.body
    campaign = launched_campaign(cast, issuer=issuer, participants=[issuer], title=title)
    offer = campaign.awards.first()
    for outcome in (Outcome.ACCEPTED, Outcome.APPROVED):
        unit = OrganisationFactory(parent=issuer)
        dossier = Dossier.objects.create(campaign=campaign, organisation=unit, offer=offer,
                                         state=DossierState.AWAITING_DECISION, submitted_at=timezone.now())
        for _ in range(count):
            Nomination.objects.create(dossier=dossier, subject_type="individual",
                                      person=PersonFactory(organisation=unit), outcome=outcome)
    return campaign


def test_leader_sees_nominees_waiting_for_approval_and_signature(cast, client_for):
    campaign = waiting_for_leader(cast, count=2)
    waiting_for_leader(cast, issuer=cast.other, title="Phong trào của Sở khác")
    html = bell(client_for(cast.approver))
    assert "Chờ phê duyệt: Phong trào chờ lãnh đạo" in html
    assert "2 cá nhân, tập thể chờ ý kiến phê duyệt" in html
    assert "Chờ ký quyết định: Phong trào chờ lãnh đạo" in html
    assert f'href="{reverse("dossiers:decision_sign")}?phong-trao={campaign.pk}"' in html
    assert "Sở khác" not in html
    for user in (cast.clerk_a, cast.reviewer):
        assert "Chờ phê duyệt" not in bell(client_for(user))


def test_leader_bell_query_count_does_not_grow(cast, client_for):
    waiting_for_leader(cast)
    client = client_for(cast.approver)
    before = bell_queries(client)
    for number in range(3):
        waiting_for_leader(cast, title=f"Phong trào {number}", count=2)
    assert bell_queries(client) == before
    assert bell(client).count("data-bell-task") == 8
