"""Deadline reminders: due on the right day, to the right people, exactly once (time-travel tests)."""
import threading
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import close_old_connections, connection
from django.urls import reverse

from campaigns.models import CampaignParticipant, ReminderRule
from dossiers.models import Reminder
from dossiers.services import reminders
from dossiers.services.workflow import transition
from notifications.models import Notification, OutboxBatch
from notifications.services import release_batch
from orgs.enums import Role
from tests.factories.campaigns import launched_campaign
from tests.factories.dossiers import ready_dossier
from tests.factories.orgs import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DEADLINE = date(2025, 8, 5)


def at(day):
    """Travel to 07:00 (the beat's hour) of a day in Viet Nam."""
    return time_machine.travel(datetime(day.year, day.month, day.day, 7, 0, tzinfo=TZ), tick=False)


@pytest.fixture
def drive(cast):
    """A launched campaign (deadline 05/08/2025) in which units A and B take part, with a unit head for A."""
    campaign = launched_campaign(cast, participants=[cast.unit_a, cast.unit_b])
    head = UserFactory(username="truongphong_a", email="tp.a@example.vn")
    MembershipFactory(user=head, organisation=cast.unit_a, role=Role.APPROVER)
    cast.clerk_a.email, cast.clerk_b.email = "tccb@example.vn", "ccvc@example.vn"
    cast.clerk_a.save()
    cast.clerk_b.save()
    return campaign


def rule(campaign, kind, *, days=0, max_times=1, audience="clerks"):
    return ReminderRule.objects.create(campaign=campaign, kind=kind, days=days, max_times=max_times,
                                       audience=audience)


def sent_to(user):
    return list(Reminder.objects.filter(recipient=user).order_by("created_at", "pk")
                .values_list("rule__kind", "organisation__name", "due_date"))


def run(day):
    with at(day):
        return reminders.send_due()


def test_before_the_deadline_reaches_the_clerks_once_and_catches_up_a_missed_day(cast, drive):
    rule(drive, "before", days=3)
    assert run(date(2025, 8, 1)) == 0  # 4 days before: not yet
    assert run(date(2025, 8, 2)) == 2  # 3 days before: the clerks of A and B
    assert run(date(2025, 8, 2)) == 0  # the same run again: nothing twice
    assert run(date(2025, 8, 3)) == 0  # the same due date: nothing more
    assert sent_to(cast.clerk_a) == [("before", "Phòng Tổ chức cán bộ", date(2025, 8, 2))]
    note = Notification.objects.get(recipient=cast.clerk_a)
    assert note.subject == "[Cổng thi đua – khen thưởng] Còn 3 ngày đến hạn nộp hồ sơ: Phòng Tổ chức cán bộ"
    assert "hạn nộp hồ sơ đề nghị khen thưởng là ngày 05/08/2025 (còn 3 ngày)" in note.body


def test_a_missed_run_is_caught_up_before_the_deadline(cast, drive):
    rule(drive, "before", days=3)
    assert run(date(2025, 8, 4)) == 2  # the beat was down on 02/08 and 03/08
    assert run(date(2025, 8, 5)) == 0  # on the deadline the "before" reminder is over


def test_on_the_day_and_a_unit_that_sent_hears_nothing(cast, drive):
    rule(drive, "on_day")
    transition(ready_dossier(cast, campaign=drive), "submit", by=cast.clerk_a)
    assert run(date(2025, 8, 4)) == 0
    assert run(date(2025, 8, 5)) == 1
    assert (sent_to(cast.clerk_a), sent_to(cast.clerk_b)) == ([], [("on_day", "Phòng Công chức, viên chức", DEADLINE)])


def test_after_the_deadline_escalates_daily_to_the_unit_head_at_most_m_times(cast, drive):
    rule(drive, "after", max_times=2, audience="unit_head")
    head = drive.issuer.__class__.objects.get(pk=cast.unit_a.pk).memberships.get(role=Role.APPROVER).user
    assert [run(date(2025, 8, d)) for d in (5, 6, 7, 8)] == [0, 1, 1, 0]
    assert sent_to(head) == [("after", "Phòng Tổ chức cán bộ", date(2025, 8, 6)),
                             ("after", "Phòng Tổ chức cán bộ", date(2025, 8, 7))]
    assert sent_to(cast.clerk_a) == []  # this rule reaches the head, not the clerks


def test_the_office_gets_one_digest_of_the_late_units(cast, drive):
    rule(drive, "after", max_times=1, audience="office")
    transition(ready_dossier(cast, campaign=drive), "submit", by=cast.clerk_a)
    assert run(date(2025, 8, 6)) == 1
    assert sent_to(cast.reviewer) == [("after", "Sở Nội vụ tỉnh Thử", date(2025, 8, 6))]
    note = Notification.objects.get(recipient=cast.reviewer)
    assert "Còn 1 đơn vị chưa nộp hồ sơ:\n- Phòng Công chức, viên chức\n" in note.body
    assert note.url == reverse("dossiers:campaign_progress", args=[drive.pk])


def test_a_returned_dossier_not_sent_again_after_n_days(cast, drive):
    rule(drive, "returned", days=2)
    with at(date(2025, 8, 1)):
        dossier = transition(ready_dossier(cast, campaign=drive), "submit", by=cast.clerk_a)
        dossier = transition(dossier, "start_review", by=cast.reviewer)
        transition(dossier, "return", by=cast.reviewer, note="Bổ sung Biên bản có chữ ký.")
    assert [run(date(2025, 8, d)) for d in (2, 3, 4)] == [0, 1, 0]
    note = Notification.objects.get(recipient=cast.clerk_a, template="deadline-reminder")
    assert note.subject.startswith("[Cổng thi đua – khen thưởng] Hồ sơ bị trả lại chưa nộp lại")
    assert "Bổ sung Biên bản có chữ ký." in note.body


def test_an_inactive_rule_or_a_closed_campaign_sends_nothing(cast, drive):
    rule(drive, "on_day").__class__.objects.update(is_active=False)
    assert run(DEADLINE) == 0


def test_command_runs_the_day_given(cast, drive, capsys):
    rule(drive, "on_day")
    call_command("send_reminders", ngay="05/08/2025")
    assert capsys.readouterr().out == "Đã gửi 2 lời nhắc.\n"
    call_command("send_reminders", ngay="05/08/2025")
    assert capsys.readouterr().out == "Đã gửi 0 lời nhắc.\n"


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_each_reminder_once(cast, drive):
    if connection.vendor != "postgresql":
        pytest.skip("two writers at once need PostgreSQL")
    rule(drive, "on_day")
    barrier, results = threading.Barrier(2), []

    def worker():
        try:
            barrier.wait()
            results.append(reminders.send_due(DEADLINE))
        finally:
            close_old_connections()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results)[-1] + sorted(results)[0] == 2
    assert Reminder.objects.count() == Notification.objects.filter(template="deadline-reminder").count() == 2


# --- the progress page and the outbox -------------------------------------------------------------------
def test_progress_page_shows_sent_late_and_reminded(cast, drive, client_for):
    rule(drive, "on_day")
    transition(ready_dossier(cast, campaign=drive), "submit", by=cast.clerk_a)
    run(DEADLINE)
    with at(date(2025, 8, 7)):
        page = client_for(cast.reviewer).get(reverse("dossiers:campaign_progress", args=[drive.pk]))
    rows = {row.name: row for row in page.context["rows"]}
    assert (page.context["sent"], page.context["late"]) == (1, 1)
    assert rows["Phòng Tổ chức cán bộ"].has_sent and not rows["Phòng Tổ chức cán bộ"].is_late
    assert rows["Phòng Công chức, viên chức"].is_late
    assert rows["Phòng Công chức, viên chức"].reminded_at is not None


def test_progress_page_query_count_does_not_grow_with_units(cast, drive, client_for, django_assert_max_num_queries):
    from django.test.utils import CaptureQueriesContext

    from tests.factories.orgs import OrganisationFactory

    client = client_for(cast.reviewer)
    url = reverse("dossiers:campaign_progress", args=[drive.pk])
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for index in range(15):
        unit = OrganisationFactory(code=f"T-SNV-X{index}", name=f"Phòng thử {index}", parent=cast.body)
        CampaignParticipant.objects.create(campaign=drive, organisation=unit, include_subtree=False)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


def test_remind_all_late_units_goes_through_the_outbox(cast, drive, client_for):
    client = client_for(cast.reviewer)
    with at(date(2025, 8, 8)):
        response = client.post(reverse("dossiers:remind_late", args=[drive.pk]))
    batch = OutboxBatch.objects.get()
    assert response["Location"] == reverse("dossiers:outbox_batch", args=[drive.pk, batch.pk])
    assert Notification.objects.count() == 0  # nothing leaves before a person releases it
    page = client.get(response["Location"]).content.decode()
    assert "Đến nay (08/08/2025) đơn vị chưa nộp hồ sơ, đã trễ 3 ngày." in page
    data = {"subject": "Khẩn: nộp hồ sơ {phong_trao}", "body": "Kính gửi {don_vi}: trễ {so_ngay_tre} ngày.",
            "action": "release"}
    assert client.post(response["Location"], data).status_code == 302
    notes = {n.recipient.username: n for n in Notification.objects.select_related("recipient")}
    assert sorted(notes) == ["canbo_a", "canbo_b"]
    assert notes["canbo_b"].body.startswith("Kính gửi Phòng Công chức, viên chức: trễ 3 ngày.")
    batch.refresh_from_db()
    assert batch.status == "released"
    with pytest.raises(Exception, match="đã được xử lý"):
        release_batch(batch, by=cast.reviewer)  # a second click sends nothing
    assert Notification.objects.count() == 2


def test_discarded_batch_sends_nothing(cast, drive, client_for):
    client = client_for(cast.reviewer)
    with at(date(2025, 8, 8)):
        location = client.post(reverse("dossiers:remind_late", args=[drive.pk]))["Location"]
    client.post(location, {"subject": "x", "body": "y", "action": "discard"})
    assert (OutboxBatch.objects.get().status, Notification.objects.count()) == ("discarded", 0)


def test_an_empty_subject_keeps_what_was_typed(cast, drive, client_for):
    client = client_for(cast.reviewer)
    with at(date(2025, 8, 8)):
        location = client.post(reverse("dossiers:remind_late", args=[drive.pk]))["Location"]
    response = client.post(location, {"subject": "", "body": "Nội dung đã sửa", "action": "release"})
    assert response.status_code == 400
    assert "Tiêu đề không được để trống." in response.content.decode()
    assert "Nội dung đã sửa" in response.content.decode()
    assert Notification.objects.count() == 0
