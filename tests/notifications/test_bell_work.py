"""Nhắc việc for every role (issue 17): the office's queues and a council member's ballot under the bell, and the
bell's count that includes them (fetched after the page has loaded)."""
import pytest
from django.urls import reverse
from django.utils import timezone

from dossiers.services import council as council_service
from dossiers.services.bell import council_tasks, office_tasks
from dossiers.services.workflow import transition
from tests.dossiers.test_council import council_dossier
from tests.dossiers.test_council_ballots import council, open_session  # noqa: F401 (the fixture)
from tests.factories.dossiers import ready_dossier

pytestmark = pytest.mark.django_db


def test_the_office_sees_new_dossiers_to_receive(cast):
    today = timezone.localdate()
    assert office_tasks(cast.reviewer, today) == []
    transition(ready_dossier(cast), "submit", by=cast.clerk_a)
    [task] = office_tasks(cast.reviewer, today)
    assert (task.title, task.detail, task.url) == ("Hồ sơ mới nộp, chờ tiếp nhận", "1 hồ sơ",
                                                   f"{reverse('dossiers:inbox')}?trang_thai=submitted")
    assert office_tasks(cast.clerk_a, today) == [] and office_tasks(cast.approver, today) == []


def test_a_member_present_who_has_not_voted_is_told(cast, council):  # noqa: F811
    nomination = council_dossier(cast).nominations.get()
    session = open_session(cast, council)
    today = timezone.localdate()
    [task] = council_tasks(cast.council, today)
    assert task.url == reverse("dossiers:council_vote", args=[session.pk]) and task.urgent
    assert task.title == "Bỏ phiếu: phiên họp Hội đồng ngày 12/08/2025"
    council_service.cast_votes(session, {nomination.pk: "for"}, by=cast.council)
    assert council_tasks(cast.council, today) == []
    assert council_tasks(council["users"][4], today) == []  # absent (written opinion): nothing to vote
    assert council_tasks(cast.clerk_a, today) == []


def test_the_bell_counts_unread_and_work(cast, client_for):
    transition(ready_dossier(cast), "submit", by=cast.clerk_a)
    html = client_for(cast.reviewer).get(reverse("notifications:bell_link")).content.decode()
    assert 'data-tasks="1"' in html and "việc cần làm" in html and 'hx-get' not in html  # asked once, not again
    page = client_for(cast.reviewer).get(reverse("home")).content.decode()
    assert f'hx-get="{reverse("notifications:bell_link")}"' in page  # each page asks for the full count after loading
    quiet = client_for(cast.outsider).get(reverse("notifications:bell_link")).content.decode()
    assert 'aria-label="Thông báo"' in quiet and "badge" not in quiet
