"""In-app notifications and their e-mail copies (the bell, the list, the workflow's messages)."""
import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.test import TestCase
from django.urls import reverse

from dossiers.services.workflow import transition
from notifications.enums import EmailStatus
from notifications.models import Notification
from notifications.services import deliver_emails, mark_read, notify
from tests.factories.dossiers import ready_dossier

pytestmark = pytest.mark.django_db


def returned_dossier(cast):
    dossier = transition(ready_dossier(cast), "submit", by=cast.clerk_a)
    dossier = transition(dossier, "start_review", by=cast.reviewer)
    with TestCase.captureOnCommitCallbacks(execute=True):
        return transition(dossier, "return", by=cast.reviewer, note="Thiếu Biên bản họp bình xét có chữ ký.")


def test_return_notifies_the_unit_clerk_in_app_and_by_mail(cast, mailoutbox):
    cast.clerk_a.email = "tccb@example.vn"
    cast.clerk_a.save()
    dossier = returned_dossier(cast)
    row = Notification.objects.get(recipient=cast.clerk_a, template="dossier-transition")
    assert row.subject == ("[Cổng thi đua – khen thưởng] Trả lại để bổ sung: hồ sơ Giấy khen (thử) – "
                           "Phòng Tổ chức cán bộ")
    assert "Lý do trả lại:\nThiếu Biên bản họp bình xét có chữ ký." in row.body
    assert row.url == dossier.get_absolute_url()
    assert row.email_status == EmailStatus.SENT
    message = mailoutbox[-1]
    assert (message.to, message.subject) == (["tccb@example.vn"], row.subject)
    assert message.alternatives[0][1] == "text/html"
    assert "Thiếu Biên bản họp bình xét có chữ ký." in message.alternatives[0][0]


def test_actor_is_not_notified_and_unit_b_hears_nothing(cast):
    returned_dossier(cast)
    assert not Notification.objects.filter(recipient__in=[cast.reviewer, cast.clerk_b]).exists()


def test_user_without_address_gets_the_bell_but_no_mail(cast, mailoutbox):
    cast.clerk_a.email = ""
    cast.clerk_a.save()
    returned_dossier(cast)
    row = Notification.objects.get(recipient=cast.clerk_a)
    assert (row.email_status, len(mailoutbox)) == (EmailStatus.NONE, 0)


def test_html_of_user_text_is_escaped_in_the_html_mail(cast):
    cast.clerk_a.email = "tccb@example.vn"
    cast.clerk_a.save()
    [row] = notify([cast.clerk_a], "dossier-transition", {
        "dossier": ready_dossier(cast), "action": "accept", "action_label": "Tiếp nhận",
        "state_label": "Đã tiếp nhận", "note": "<script>alert(1)</script>"}, url="/ho-so/1/")
    assert "<script>" not in row.body_html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in row.body_html


def test_failed_mail_is_retried_then_marked_failed(cast, settings):
    settings.EMAIL_BACKEND = "tests.notifications.test_notifications.BrokenBackend"
    cast.clerk_a.email = "tccb@example.vn"
    cast.clerk_a.save()
    rows = notify([cast.clerk_a], "dossier-transition", {"dossier": ready_dossier(cast), "action": "accept",
                                                        "action_label": "Tiếp nhận", "state_label": "x"})
    assert deliver_emails([rows[0].pk]) == 1
    rows[0].refresh_from_db()
    assert (rows[0].email_status, rows[0].email_error) == (EmailStatus.PENDING, "máy chủ thư không trả lời")
    assert deliver_emails([rows[0].pk], final=True) == 1
    rows[0].refresh_from_db()
    assert rows[0].email_status == EmailStatus.FAILED


def test_sent_mail_is_not_sent_again(cast, mailoutbox):
    cast.clerk_a.email = "tccb@example.vn"
    cast.clerk_a.save()
    returned_dossier(cast)
    row = Notification.objects.get(recipient=cast.clerk_a)
    assert deliver_emails([row.pk]) == 0
    assert len(mailoutbox) == 1


class BrokenBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise OSError("máy chủ thư không trả lời")


def test_bell_shows_unread_count_and_list_marks_read(cast, client_for):
    returned_dossier(cast)
    client = client_for(cast.clerk_a)
    home = client.get(reverse("home")).content.decode()
    assert 'aria-label="Thông báo (1 chưa đọc)"' in home
    row = Notification.objects.get(recipient=cast.clerk_a)
    listing = client.get(reverse("notifications:list")).content.decode()
    assert row.title == "Trả lại để bổ sung: Giấy khen (thử) – Phòng Tổ chức cán bộ"
    assert (row.title in listing, row.subject in listing, "Thiếu Biên bản" in listing) == (True, False, False)
    response = client.post(reverse("notifications:open", args=[row.pk]))
    assert response.status_code == 302 and response["Location"] == row.url
    row.refresh_from_db()
    assert row.is_read
    assert 'aria-label="Thông báo"' in client.get(reverse("home")).content.decode()


def test_someone_elses_notification_is_404_and_stays_unread(cast, client_for):
    returned_dossier(cast)
    row = Notification.objects.get(recipient=cast.clerk_a)
    response = client_for(cast.clerk_b).post(reverse("notifications:open", args=[row.pk]))
    row.refresh_from_db()
    assert (response.status_code, row.is_read) == (404, False)


def test_mark_all_read_only_touches_own_rows(cast, client_for):
    returned_dossier(cast)
    notify([cast.clerk_b], "dossier-transition", {"dossier": ready_dossier(cast), "action": "accept",
                                                  "action_label": "Tiếp nhận", "state_label": "x"})
    client_for(cast.clerk_a).post(reverse("notifications:mark_all_read"))
    assert list(Notification.objects.unread().values_list("recipient", flat=True)) == [cast.clerk_b.pk]
    assert mark_read(cast.clerk_b) == 1


def test_notification_list_query_count_is_constant(cast, client_for, django_assert_max_num_queries):
    client = client_for(cast.clerk_a)
    context = {"dossier": ready_dossier(cast), "action": "accept", "action_label": "Tiếp nhận", "state_label": "x"}
    notify([cast.clerk_a], "dossier-transition", context)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(reverse("notifications:list"))
    for _ in range(25):
        notify([cast.clerk_a], "dossier-transition", context)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("notifications:list"))
    assert len(many) == len(one)


@pytest.mark.parametrize(("template", "expected"), [
    ("Kính gửi {don_vi}: trễ {so_ngay_tre} ngày.", "Kính gửi Phòng TCCB: trễ 3 ngày."),
    ("{khong_co}", "{khong_co}"),  # an unknown name is printed as typed
    ("{don_vi:>99999999}", "{don_vi:>99999999}"),  # a format spec: not interpreted (was a 100 MB preview)
    ("{don_vi.__class__}", "{don_vi.__class__}"),  # an attribute: not interpreted (printed Python internals)
    ("{don_vi[0]}", "{don_vi[0]}"),
    ("{{don_vi}} và { lẻ", "{Phòng TCCB} và { lẻ"),  # stray braces are text
    ("{0}", "{0}"),
])
def test_outbox_templates_fill_named_placeholders_only(template, expected):
    from notifications.services import fill

    assert fill(template, {"don_vi": "Phòng TCCB", "so_ngay_tre": 3}) == expected
