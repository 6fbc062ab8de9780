"""Lấy ý kiến nhân dân: the office's window on the nominees whose form needs it (open, close early, add or remove
a nominee before it opens), the public's comment, moderation, the summary, and the council's rule (no vote, no
closing, before the window has closed or without one)."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from dossiers.models import CommentState, PublicComment
from dossiers.services import public_comment as service
from tests.dossiers.test_council import council_dossier, vote
from tests.dossiers.test_council import new_session as council_session

pytestmark = pytest.mark.django_db


def needing_comment(cast, **kwargs):
    """A dossier in the council whose award form needs public comment under its campaign's profile."""
    dossier = council_dossier(cast, **kwargs)
    dossier.campaign.legal_profile.public_comment_forms.add(dossier.offer.award_form)
    return dossier


def window(cast, nominations, *, opens=-1, closes=10, by=None):
    now = timezone.now()
    return service.open_window(cast.body, title="", opens_at=now + timedelta(days=opens),
                               closes_at=now + timedelta(days=closes), nominations=nominations,
                               by=by or cast.reviewer)


def new_session(cast, *, held_in=30, **fields):
    """A council session `held_in` days from now: a month after the windows of these tests open (yesterday), so
    that the list has been public for its 10 working days (tests below check that rule itself)."""
    return council_session(cast, held_at=timezone.now() + timedelta(days=held_in), **fields)


def comment(nominee, text="Đồng ý với đề nghị khen thưởng."):
    return service.submit_comment(nominee, name="Nguyễn Văn Dân", contact="0912 345 678", text=text)


# --- the window ---------------------------------------------------------------------------------------------
def test_office_opens_a_window_with_the_nominees_summary(cast):
    dossier = needing_comment(cast)
    nomination = dossier.nominations.get()
    nomination.summary = "Hoàn thành xuất sắc nhiệm vụ 5 năm liền."
    nomination.save()
    assert list(service.candidates(cast.body)) == [nomination]

    opened = window(cast, [nomination])

    entry = opened.nominees.get()
    assert (entry.nomination, entry.summary, opened.opened_by) == (nomination, nomination.summary, cast.reviewer)
    assert opened.is_open() and opened.title.startswith("Lấy ý kiến nhân dân")
    assert list(service.candidates(cast.body)) == []  # once in a window, not offered again


def test_a_form_without_public_comment_is_not_a_candidate(cast):
    dossier = council_dossier(cast)
    assert list(service.candidates(cast.body)) == []
    with pytest.raises(ValidationError, match="không thuộc danh sách cần lấy ý kiến"):
        window(cast, list(dossier.nominations.all()))


@pytest.mark.parametrize("role", ["clerk_a", "council", "approver", "outsider"])
def test_only_the_office_opens_a_window(cast, role):
    nominations = list(needing_comment(cast).nominations.all())
    with pytest.raises(PermissionDenied):
        window(cast, nominations, by=getattr(cast, role))


def test_dates_in_the_wrong_order_are_refused(cast):
    nominations = list(needing_comment(cast).nominations.all())
    with pytest.raises(ValidationError) as error:
        window(cast, nominations, opens=5, closes=2)
    assert error.value.message_dict["closes_at"] == ["Thời điểm hết hạn phải sau thời điểm bắt đầu."]


def test_no_nominee_is_refused(cast):
    with pytest.raises(ValidationError) as error:
        window(cast, [])
    assert "Chọn ít nhất một" in error.value.message_dict["nominations"][0]


def test_close_early(cast):
    opened = window(cast, list(needing_comment(cast).nominations.all()))
    with pytest.raises(PermissionDenied):
        service.close_early(opened, by=cast.clerk_a)
    service.close_early(opened, by=cast.reviewer)
    opened.refresh_from_db()
    assert opened.has_closed() and opened.closed_early_by == cast.reviewer
    with pytest.raises(ValidationError, match="đã kết thúc"):
        service.close_early(opened, by=cast.reviewer)


def test_nominees_are_added_and_removed_only_before_the_window_opens(cast):
    dossier = needing_comment(cast, extra_people=1)
    first, second = dossier.nominations.order_by("pk")
    later = window(cast, [first], opens=2)
    added = service.add_nominee(later, second, by=cast.reviewer)
    service.remove_nominee(later, later.nominees.get(nomination=first), by=cast.reviewer)
    assert list(later.nominees.all()) == [added]
    with pytest.raises(PermissionDenied):
        service.add_nominee(later, first, by=cast.clerk_a)

    started = later
    started.opens_at = timezone.now() - timedelta(hours=1)
    started.save()
    with pytest.raises(ValidationError, match="đã bắt đầu"):
        service.add_nominee(started, first, by=cast.reviewer)
    with pytest.raises(ValidationError, match="đã bắt đầu"):
        service.remove_nominee(started, added, by=cast.reviewer)


# --- comments and moderation ------------------------------------------------------------------------------------
def test_a_comment_waits_for_moderation(cast):
    entry = window(cast, list(needing_comment(cast).nominations.all())).nominees.get()
    posted = comment(entry)
    assert posted.state == CommentState.PENDING


def test_the_office_bell_counts_the_comments_waiting_for_moderation(cast):
    from dossiers.services.bell import comment_tasks

    opened = window(cast, list(needing_comment(cast).nominations.all()))
    entry = opened.nominees.get()
    assert comment_tasks(cast.reviewer, timezone.localdate()) == []
    comment(entry)
    moderated = comment(entry, text="Ý kiến thứ hai.")
    comment(entry, text="Ý kiến thứ ba.")
    service.moderate(moderated, approve=True, by=cast.reviewer)
    [task] = comment_tasks(cast.reviewer, timezone.localdate())
    assert (task.title, task.url) == ("Ý kiến nhân dân chờ duyệt", f"/hoi-dong/lay-y-kien/{opened.pk}/")
    assert task.detail.startswith("2 ý kiến – ")
    assert comment_tasks(cast.clerk_a, timezone.localdate()) == []  # not the office: nothing


@pytest.mark.parametrize(("fields", "key", "message"), [
    ({"name": " "}, "name", "Họ và tên: không được để trống."),
    ({"text": "x" * 2001}, "text", "Nội dung ý kiến: không quá 2000 ký tự (đang có 2001)."),
])
def test_a_comment_with_a_bad_field_is_refused(cast, fields, key, message):
    entry = window(cast, list(needing_comment(cast).nominations.all())).nominees.get()
    values = {"name": "Nguyễn Văn Dân", "contact": "0912 345 678", "text": "Ý kiến.", **fields}
    with pytest.raises(ValidationError) as error:
        service.submit_comment(entry, **values)
    assert error.value.message_dict[key] == [message]


def test_no_comment_outside_the_window(cast):
    entry = window(cast, list(needing_comment(cast).nominations.all()), opens=1).nominees.get()
    with pytest.raises(ValidationError, match="không còn nhận ý kiến"):
        comment(entry)


def test_moderation_and_the_summary(cast):
    entry = window(cast, list(needing_comment(cast).nominations.all())).nominees.get()
    kept, dropped, waiting = comment(entry, "Tốt."), comment(entry, "Quảng cáo."), comment(entry, "Chưa xem.")
    with pytest.raises(PermissionDenied):
        service.moderate(kept, approve=True, by=cast.clerk_a)
    with pytest.raises(ValidationError) as error:
        service.moderate(dropped, approve=False, by=cast.reviewer)
    assert error.value.message_dict["note"] == ["Ghi lý do không duyệt ý kiến."]
    service.moderate(kept, approve=True, by=cast.reviewer)
    service.moderate(dropped, approve=False, note="Nội dung không liên quan.", by=cast.reviewer)

    summary = service.summaries([entry.nomination])[entry.nomination_id]
    assert (summary.total, [c.pk for c in summary.approved], summary.rejected, summary.pending) == (
        3, [kept.pk], 1, 1)
    assert summary.line == "3 ý kiến: 1 được duyệt, 1 không duyệt, 1 chờ duyệt."
    assert PublicComment.objects.get(pk=dropped.pk).moderated_by == cast.reviewer
    assert waiting.state == CommentState.PENDING


# --- the council's rule -------------------------------------------------------------------------------------------
def test_the_council_cannot_vote_without_a_window(cast):
    nomination = needing_comment(cast).nominations.get()
    session = new_session(cast)
    row = service_agenda_row(session, nomination)
    assert row.comment_block.startswith("Chưa lấy ý kiến nhân dân")
    with pytest.raises(ValidationError, match="Chưa lấy ý kiến nhân dân"):
        vote(session, nomination, cast.reviewer)
    from dossiers.services import council

    with pytest.raises(ValidationError, match="Chưa biểu quyết được"):
        council.close_session(session, by=cast.reviewer)


def test_the_council_cannot_vote_while_the_window_is_open_then_can(cast):
    nomination = needing_comment(cast).nominations.get()
    opened = window(cast, [nomination])
    session = new_session(cast)
    with pytest.raises(ValidationError, match="Đang lấy ý kiến nhân dân đến"):
        vote(session, nomination, cast.reviewer)

    service.close_early(opened, by=cast.reviewer)

    assert vote(session, nomination, cast.reviewer).passed is not None


@time_machine.travel(datetime(2026, 2, 2, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")), tick=False)
def test_the_list_is_public_for_its_working_days_before_the_council_meets(cast, client_for):
    """Published Monday 02/02/2026: Tết Bính Ngọ (16–20/02, Thông báo 9441/TB-BNV, in the calendar's migration)
    does not count, so the 10th working day is Monday 23/02 and the council meets from Tuesday 24/02."""
    nomination = needing_comment(cast).nominations.get()
    opened = window(cast, [nomination], opens=0, closes=1)
    service.close_early(opened, by=cast.reviewer)
    local = ZoneInfo("Asia/Ho_Chi_Minh")

    too_soon = council_session(cast, held_at=datetime(2026, 2, 23, 8, 0, tzinfo=local))
    with pytest.raises(ValidationError, match="chưa đủ 10 ngày làm việc trước ngày họp 23/02/2026.*từ ngày 24/02/2026"):
        vote(too_soon, nomination, cast.reviewer)
    page = client_for(cast.reviewer).get(opened.get_absolute_url()).content.decode()
    assert "từ ngày <strong>24/02/2026</strong>" in page and "ít nhất 10 ngày làm việc" in page

    profile = nomination.dossier.campaign.legal_profile
    profile.public_comment_days = 5  # the rule is the profile's: 5 working days end on Monday 09/02
    profile.save(update_fields=["public_comment_days"])
    assert vote(too_soon, nomination, cast.reviewer).passed is not None


@time_machine.travel(datetime(2026, 2, 2, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")), tick=False)
def test_a_council_meeting_on_the_first_day_allowed_votes(cast):
    nomination = needing_comment(cast).nominations.get()
    service.close_early(window(cast, [nomination], opens=0, closes=1), by=cast.reviewer)
    session = council_session(cast, held_at=datetime(2026, 2, 24, 8, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")))
    assert vote(session, nomination, cast.reviewer).passed is not None


def test_a_form_without_public_comment_is_voted_as_before(cast):
    nomination = council_dossier(cast).nominations.get()
    session = new_session(cast)
    assert vote(session, nomination, cast.reviewer).passed is not None


def service_agenda_row(session, nomination):
    from dossiers.services import council

    return next(n for n in council.agenda(session) if n.pk == nomination.pk)


def test_the_council_page_shows_why_and_the_comments(cast, client_for):
    from django.urls import reverse

    nomination = needing_comment(cast).nominations.get()
    session = new_session(cast)
    url = reverse("dossiers:council_detail", args=[session.pk])
    client = client_for(cast.reviewer)
    assert "Chưa lấy ý kiến nhân dân" in client.get(url).content.decode()

    opened = window(cast, [nomination])
    entry = opened.nominees.get()
    kept, dropped = comment(entry, "Ý KIẾN ĐƯỢC DUYỆT."), comment(entry, "Ý KIẾN KHÔNG DUYỆT.")
    service.moderate(kept, approve=True, by=cast.reviewer)
    service.moderate(dropped, approve=False, note="Không liên quan.", by=cast.reviewer)
    page = client.get(url).content.decode()
    assert "Đang lấy ý kiến nhân dân đến" in page
    assert "2 ý kiến: 1 được duyệt, 1 không duyệt." in page
    assert "Ý KIẾN ĐƯỢC DUYỆT." in page and "Ý KIẾN KHÔNG DUYỆT." not in page


def test_the_councils_minutes_report_the_public_comment(cast):
    from dossiers.documents import bien_ban_hoi_dong
    from dossiers.services import council

    nomination = needing_comment(cast).nominations.get()
    opened = window(cast, [nomination])
    entry = opened.nominees.get()
    kept, dropped = comment(entry, "Ý KIẾN ĐƯỢC DUYỆT."), comment(entry, "Ý KIẾN KHÔNG DUYỆT.")
    service.moderate(kept, approve=True, by=cast.reviewer)
    service.moderate(dropped, approve=False, note="Không liên quan.", by=cast.reviewer)
    service.close_early(opened, by=cast.reviewer)
    session = new_session(cast)
    vote(session, nomination, cast.reviewer)
    council.close_session(session, by=cast.reviewer)

    context = bien_ban_hoi_dong(session)
    assert context["public_comments"] == [{
        "name": nomination.name, "award_form": str(nomination.dossier.offer.award_form),
        "line": "2 ý kiến: 1 được duyệt, 1 không duyệt.",
        "approved": [{"name": "Nguyễn Văn Dân", "text": "Ý KIẾN ĐƯỢC DUYỆT."}]}]
    from django.template.loader import render_to_string

    html = render_to_string("documents/bien_ban_hoi_dong.html", context)
    assert "Kết quả lấy ý kiến nhân dân." in html and "Ý KIẾN ĐƯỢC DUYỆT." in html
    assert "Ý KIẾN KHÔNG DUYỆT." not in html


def test_minutes_without_public_comment_have_no_such_section(cast):
    from dossiers.documents import bien_ban_hoi_dong

    nomination = council_dossier(cast).nominations.get()
    session = new_session(cast)
    vote(session, nomination, cast.reviewer)
    assert bien_ban_hoi_dong(session)["public_comments"] == []
