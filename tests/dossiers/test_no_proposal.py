"""Đơn vị không đề nghị (issue 17): a unit that answers it proposes nobody counts as answered, not late, on the
progress page, the dashboard and the clerk's home; no reminder reaches it; it can undo the answer until the
deadline; and the answer and a live dossier for the same form exclude each other."""
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from campaigns.models import ReminderRule
from campaigns.services.campaigns import offer_award
from dossiers.models import NoProposal, Reminder
from dossiers.services import building, no_proposal, reminders, withdrawal
from dossiers.services.bell import clerk_tasks
from dossiers.services.dashboard import campaign_dashboard
from dossiers.services.work_queue import clerk_work
from tests.factories.campaigns import award_form, launched_campaign

pytestmark = pytest.mark.django_db
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DEADLINE = date(2025, 8, 5)  # the factory campaign's dossier deadline
BEFORE, AFTER = date(2025, 8, 1), date(2025, 8, 7)


def at(day):
    return time_machine.travel(datetime(day.year, day.month, day.day, 7, 0, tzinfo=TZ), tick=False)


@pytest.fixture
def drive(cast):
    """A launched campaign (deadline 05/08/2025) for units A and B."""
    return launched_campaign(cast, participants=[cast.unit_a, cast.unit_b])


def totals(campaign, day):
    return reminders.progress_totals(reminders.progress_units(campaign, day))


def test_a_unit_that_proposes_nobody_is_answered_not_late(cast, drive):
    assert totals(drive, AFTER) == {"total": 2, "sent": 0, "declined": 0, "late": 2}
    no_proposal.declare(drive, cast.unit_b, reason="Năm nay không có cá nhân đủ tiêu chuẩn", by=cast.clerk_b)
    assert totals(drive, AFTER) == {"total": 2, "sent": 0, "declined": 1, "late": 1}
    assert [unit.pk for unit in reminders.missing_units(drive, AFTER)] == [cast.unit_a.pk]
    board = campaign_dashboard(drive, AFTER)
    assert (board.sent, board.declined, board.not_sent, board.late) == (0, 1, 1, 1)


def test_a_unit_that_answered_is_not_reminded(cast, drive):
    ReminderRule.objects.create(campaign=drive, kind="after", days=0, max_times=3, audience="clerks")
    ReminderRule.objects.create(campaign=drive, kind="after", days=0, max_times=3, audience="office")
    no_proposal.declare(drive, cast.unit_b, offer=drive.awards.get(), by=cast.clerk_b)
    with at(AFTER):
        reminders.send_due()
    assert not Reminder.objects.filter(recipient=cast.clerk_b).exists()
    assert Reminder.objects.filter(recipient=cast.clerk_a).count() == 1
    digest = Reminder.objects.get(recipient=cast.reviewer)
    assert cast.unit_b.name not in digest.notification.body and cast.unit_a.name in digest.notification.body


def test_the_late_units_outbox_leaves_an_answered_unit_out(cast, drive):
    no_proposal.declare(drive, cast.unit_b, by=cast.clerk_b)
    with at(AFTER):
        batch = reminders.remind_late_units(drive, by=cast.reviewer)
    assert [item.label for item in batch.items.all()] == [cast.unit_a.name]


def test_the_bell_and_the_home_page_know_the_unit_answered(cast, drive):
    today = date(2025, 8, 3)
    assert [task.title for task in clerk_tasks(cast.clerk_b, today)] != []
    no_proposal.declare(drive, cast.unit_b, by=cast.clerk_b)
    assert clerk_tasks(cast.clerk_b, today) == []
    assert [(c.pk, c.declined) for c in clerk_work(cast.clerk_b, today)["campaigns"]] == [(drive.pk, True)]
    assert [(c.pk, c.declined) for c in clerk_work(cast.clerk_a, today)["campaigns"]] == [(drive.pk, False)]


def test_undo_before_the_deadline_makes_the_unit_expected_again(cast, drive):
    answer = no_proposal.declare(drive, cast.unit_b, by=cast.clerk_b)
    with at(BEFORE):
        no_proposal.undo(answer, by=cast.clerk_b)
    answer.refresh_from_db()
    assert answer.undone_by == cast.clerk_b and answer.undone_at is not None
    assert totals(drive, AFTER)["late"] == 2
    with at(BEFORE), pytest.raises(ValidationError, match="đã được hủy"):
        no_proposal.undo(answer, by=cast.clerk_b)


def test_undo_after_the_deadline_is_refused(cast, drive):
    answer = no_proposal.declare(drive, cast.unit_b, by=cast.clerk_b)
    with at(AFTER), pytest.raises(ValidationError, match="Đã quá hạn nộp hồ sơ"):
        no_proposal.undo(answer, by=cast.clerk_b)
    assert NoProposal.objects.active().count() == 1


def test_wrong_actor_cannot_answer_or_undo(cast, drive):
    with pytest.raises(PermissionDenied):
        no_proposal.declare(drive, cast.unit_b, by=cast.clerk_a)
    with pytest.raises(PermissionDenied):
        no_proposal.declare(drive, cast.unit_b, by=cast.reviewer)
    answer = no_proposal.declare(drive, cast.unit_b, by=cast.clerk_b)
    with at(BEFORE), pytest.raises(PermissionDenied):
        no_proposal.undo(answer, by=cast.clerk_a)


def test_an_answer_and_a_live_dossier_exclude_each_other(cast, drive):
    offer = drive.awards.get()
    dossier = building.start_dossier(drive, cast.unit_a, offer, by=cast.clerk_a)
    with pytest.raises(ValidationError, match="rút hồ sơ đó trước"):
        no_proposal.declare(drive, cast.unit_a, offer=offer, by=cast.clerk_a)
    with pytest.raises(ValidationError, match="rút hồ sơ đó trước"):
        no_proposal.declare(drive, cast.unit_a, by=cast.clerk_a)
    dossier = withdrawal.withdraw(dossier, by=cast.clerk_a)
    no_proposal.declare(drive, cast.unit_a, offer=offer, by=cast.clerk_a)
    with pytest.raises(ValidationError, match="đã báo không đề nghị"):
        building.start_dossier(drive, cast.unit_a, offer, by=cast.clerk_a)
    with pytest.raises(ValidationError, match="hủy báo “không đề nghị”"):
        withdrawal.reopen(dossier, by=cast.clerk_a)
    with pytest.raises(ValidationError, match="Đơn vị đã báo không đề nghị"):
        no_proposal.declare(drive, cast.unit_a, offer=offer, by=cast.clerk_a)


def test_an_answer_standing_is_told_as_the_forms_or_the_whole_campaigns(cast, drive):
    offer = drive.awards.get()
    no_proposal.declare(drive, cast.unit_a, offer=offer, by=cast.clerk_a)
    with pytest.raises(ValidationError) as error:
        no_proposal.declare(drive, cast.unit_a, offer=offer, by=cast.clerk_a)
    assert error.value.messages == [f"Đơn vị đã báo không đề nghị {offer.award_form}."]
    no_proposal.declare(drive, cast.unit_a, by=cast.clerk_a)  # a form's answer leaves the whole campaign open
    for form in (offer, None):
        with pytest.raises(ValidationError) as error:
            no_proposal.declare(drive, cast.unit_a, offer=form, by=cast.clerk_a)
        assert error.value.messages == ["Đơn vị đã báo không đề nghị khen thưởng trong phong trào này."]
    whole = NoProposal.objects.get(offer__isnull=True)
    with at(BEFORE):
        no_proposal.undo(whole, by=cast.clerk_a)  # an undone answer stands in nobody's way
    assert no_proposal.declare(drive, cast.unit_a, by=cast.clerk_a).pk != whole.pk


def test_one_form_answered_leaves_the_other_forms_open(cast, drive):
    first = drive.awards.get()
    second = offer_award(drive, award_form(code="lao-dong-tien-tien-test", name="Lao động tiên tiến (thử)",
                                           category="title"), copies=1, by=cast.admin, order=2)
    no_proposal.declare(drive, cast.unit_a, offer=first, by=cast.clerk_a)
    assert building.start_dossier(drive, cast.unit_a, second, by=cast.clerk_a).offer == second


def test_page_lists_answers_and_takes_a_new_one(cast, drive, client_for):
    client = client_for(cast.clerk_b)
    url = f"/phong-trao/{drive.pk}/khong-de-nghi/"
    page = client.get(url)
    assert page.status_code == 200 and "Đơn vị chưa báo không đề nghị" in page.content.decode()
    response = client.post(url, {"unit": cast.unit_b.pk, "what": "ca-phong-trao", "reason": "Không có ai đủ"})
    assert response.status_code == 302
    answer = NoProposal.objects.get()
    assert (answer.organisation, answer.offer, answer.reason, answer.by) == (cast.unit_b, None, "Không có ai đủ",
                                                                              cast.clerk_b)
    html = client.get(url).content.decode()
    assert "Phòng Công chức, viên chức</strong> không đề nghị khen thưởng trong phong trào" in html
    again = client.post(url, {"unit": cast.unit_b.pk, "what": "ca-phong-trao", "reason": "lần hai"})
    assert again.status_code == 400 and "đã báo không đề nghị" in again.content.decode()
    assert "lần hai" in again.content.decode()  # what was typed is kept


def test_page_refuses_a_unit_or_form_not_offered(cast, drive, client_for):
    url = f"/phong-trao/{drive.pk}/khong-de-nghi/"
    response = client_for(cast.clerk_b).post(url, {"unit": cast.unit_a.pk, "what": "ca-phong-trao"})
    assert response.status_code == 400 and "Đơn vị không hợp lệ" in response.content.decode()
    response = client_for(cast.clerk_b).post(url, {"unit": cast.unit_b.pk, "what": "999999"})
    assert response.status_code == 400 and not NoProposal.objects.exists()


def test_page_and_undo_walls(cast, drive, client_for):
    url = f"/phong-trao/{drive.pk}/khong-de-nghi/"
    assert client_for(cast.reviewer).get(url).status_code == 403
    other = launched_campaign(cast, participants=[cast.unit_a], plan_number=190, title="Chỉ phòng A")
    assert client_for(cast.clerk_b).get(f"/phong-trao/{other.pk}/khong-de-nghi/").status_code == 404
    answer = no_proposal.declare(drive, cast.unit_b, by=cast.clerk_b)
    undo = f"/khong-de-nghi/{answer.pk}/huy/"
    assert client_for(cast.clerk_a).post(undo).status_code == 404
    assert client_for(cast.reviewer).post(undo).status_code == 404
    assert client_for(cast.clerk_b).get(undo).status_code == 405
    with at(BEFORE):
        assert client_for(cast.clerk_b).post(undo).status_code == 302
    answer.refresh_from_db()
    assert answer.undone_at is not None


def test_progress_page_shows_the_answer(cast, drive, client_for):
    no_proposal.declare(drive, cast.unit_b, by=cast.clerk_b)
    html = client_for(cast.reviewer).get(f"/phong-trao/{drive.pk}/tien-do/").content.decode()
    assert "Không đề nghị</span>" in html and 'id="count-declined"' in html


def test_page_queries_do_not_grow_with_the_answers(cast, drive, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(cast.clerk_b)
    url = f"/phong-trao/{drive.pk}/khong-de-nghi/"
    answer = no_proposal.declare(drive, cast.unit_b, by=cast.clerk_b)
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    with at(BEFORE):
        no_proposal.undo(answer, by=cast.clerk_b)
    for offer in [drive.awards.get(), offer_award(drive, award_form(code="ldtt-test", name="Lao động tiên tiến (thử)",
                                                                  category="title"), copies=1, by=cast.admin)]:
        no_proposal.declare(drive, cast.unit_b, offer=offer, by=cast.clerk_b)
    with CaptureQueriesContext(connection) as three:
        html = client.get(url).content.decode()
    assert html.count("không đề nghị Lao động tiên tiến (thử)") == 1
    assert len(three) == len(one)
