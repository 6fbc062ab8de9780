"""Lấy ý kiến nhân dân, the public's side (no login): the open windows, each nominee's public summary (never a
private field), the comment form and its anti-abuse checks (honeypot, too fast, stale, too many from one address,
too long), and the office's pages and moderation."""
from datetime import date, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from dossiers.models import CommentState, PublicComment
from dossiers.services import public_comment as service
from publication.forms import MIN_SECONDS, PER_ADDRESS
from tests.dossiers.test_public_comment import needing_comment, window

pytestmark = pytest.mark.django_db

PRIVATE = ["12/03/1985", "1985-03-12", "0912999888", "bimat@example.vn", "LÝ DO KHÔNG CÔNG BỐ",
           "GHI CHÚ KHÔNG CÔNG BỐ", "phiếu", "tiền thưởng", "xếp loại", "Nguyễn Văn Dân", "0988 777 666",
           "Ý KIẾN BỊ TỪ CHỐI", "Ý KIẾN CHỜ DUYỆT", "Ý KIẾN ĐÃ DUYỆT"]


@pytest.fixture
def opened(cast):
    dossier = needing_comment(cast)
    nomination = dossier.nominations.get()
    nomination.summary = "Hoàn thành xuất sắc nhiệm vụ 5 năm liền, 2 sáng kiến cấp tỉnh."
    nomination.outcome_reason, nomination.review_note = "LÝ DO KHÔNG CÔNG BỐ", "GHI CHÚ KHÔNG CÔNG BỐ"
    nomination.save()
    person = nomination.person
    person.date_of_birth, person.phone, person.email = date(1985, 3, 12), "0912999888", "bimat@example.vn"
    person.save()
    opened = window(cast, [nomination])
    entry = opened.nominees.get()
    for text, state in (("Ý KIẾN BỊ TỪ CHỐI", "rejected"), ("Ý KIẾN CHỜ DUYỆT", "pending"),
                        ("Ý KIẾN ĐÃ DUYỆT", "approved")):
        PublicComment.objects.create(nominee=entry, name="Nguyễn Văn Dân", contact="0988 777 666", text=text,
                                     state=state)
    return opened


def pages(opened):
    entry = opened.nominees.get()
    return [reverse("publication:comment_windows"), reverse("publication:comment_window", args=[opened.pk]),
            reverse("publication:comment_form", args=[opened.pk, entry.pk])]


def test_public_pages_show_the_summary_and_never_a_private_field(opened, client):
    entry = opened.nominees.get()
    for url in pages(opened):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert entry.nomination.name in html and entry.summary in html, url
        assert entry.nomination.dossier.offer.award_form.name in html
        assert entry.nomination.dossier.organisation.name in html
        leaked = [word for word in PRIVATE if word.lower() in html.lower()]
        assert leaked == [], f"{url} shows {leaked}"


def test_a_window_not_open_is_not_public(cast, client):
    later = window(cast, list(needing_comment(cast).nominations.all()), opens=2)
    assert client.get(reverse("publication:comment_window", args=[later.pk])).status_code == 404
    assert later.title not in client.get(reverse("publication:comment_windows")).content.decode()


def form_url(opened):
    return reverse("publication:comment_form", args=[opened.pk, opened.nominees.get().pk])


def post(client, opened, *, wait=MIN_SECONDS + 1, **fields):
    """Show the form, wait `wait` seconds, post it with `fields` over a valid comment."""
    page = client.get(form_url(opened))
    token = page.context["form"]["token"].value()
    data = {"name": "Trần Thị Góp", "contact": "0909 000 111", "text": "Tôi đồng ý với đề nghị.", "website": "",
            "token": token, **fields}
    with time_machine.travel(timezone.now() + timedelta(seconds=wait)):
        return client.post(form_url(opened), data)


def test_a_comment_is_stored_waiting(opened, client):
    response = post(client, opened)
    assert response.status_code == 302
    stored = PublicComment.objects.get(name="Trần Thị Góp")
    assert (stored.state, stored.text, stored.address) == (CommentState.PENDING, "Tôi đồng ý với đề nghị.",
                                                           "127.0.0.1")


@pytest.mark.parametrize(("fields", "message"), [
    ({"website": "http://spam.example"}, "phải để trống"),
    ({"wait": 1}, "quá nhanh"),
    ({"wait": 5 * 3600}, "mở quá lâu"),
    ({"token": "gia-mao"}, "không hợp lệ"),
    ({"text": "x" * 2001}, "Nội dung ý kiến không quá 2000 ký tự."),
    ({"name": ""}, "Nhập họ và tên."),
])
def test_anti_abuse_checks_refuse_and_keep_what_was_typed(opened, client, fields, message):
    response = post(client, opened, **fields)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and "0909 000 111" in html  # the form keeps what was typed
    assert not PublicComment.objects.filter(name="Trần Thị Góp").exists()


def test_too_many_comments_from_one_address(opened, client):
    for _ in range(PER_ADDRESS):
        assert post(client, opened).status_code == 302
    response = post(client, opened)
    assert response.status_code == 400 and "nhiều ý kiến trong thời gian ngắn" in response.content.decode()
    assert PublicComment.objects.filter(name="Trần Thị Góp").count() == PER_ADDRESS


def test_a_token_of_another_nominee_is_refused(cast, opened, client):
    other = window(cast, list(needing_comment(cast).nominations.all()))
    token = client.get(reverse("publication:comment_form", args=[other.pk, other.nominees.get().pk])
                       ).context["form"]["token"].value()
    response = post(client, opened, token=token)
    assert response.status_code == 400


# --- the office's pages ---------------------------------------------------------------------------------------
def test_office_opens_a_window_on_its_page(cast, client_for):
    nomination = needing_comment(cast).nominations.get()
    client = client_for(cast.reviewer)
    url = reverse("dossiers:comment_window_create")
    assert nomination.name in client.get(url).content.decode()
    start = timezone.localtime() + timedelta(hours=1)
    response = client.post(url, {"co-quan": cast.body.pk, "title": "", "opens_at": f"{start:%d/%m/%Y %H:%M}",
                                 "closes_at": "01/01/2020 08:00", "nominations": [nomination.pk]})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Thời điểm hết hạn phải sau thời điểm bắt đầu." in html and f"{start:%d/%m/%Y %H:%M}" in html
    end = start + timedelta(days=14)
    response = client.post(url, {"co-quan": cast.body.pk, "title": "Đợt 1", "opens_at": f"{start:%d/%m/%Y %H:%M}",
                                 "closes_at": f"{end:%d/%m/%Y %H:%M}", "nominations": [nomination.pk]})
    assert response.status_code == 302
    assert service.windows_for(cast.reviewer).get().nominees.get().nomination == nomination


def test_office_moderates_on_the_window_page(opened, cast, client_for):
    client = client_for(cast.reviewer)
    url = reverse("dossiers:comment_window", args=[opened.pk])
    waiting = PublicComment.objects.get(text="Ý KIẾN CHỜ DUYỆT")
    page = client.get(url).content.decode()
    assert "Ý KIẾN CHỜ DUYỆT" in page and "0988 777 666" in page  # the office sees the contact
    client.post(url, {"action": "moderate", "comment": waiting.pk, "decision": "reject", "note": ""})
    waiting.refresh_from_db()
    assert waiting.state == CommentState.PENDING
    client.post(url, {"action": "moderate", "comment": waiting.pk, "decision": "reject", "note": "Trùng lặp."})
    waiting.refresh_from_db()
    assert (waiting.state, waiting.moderation_note) == (CommentState.REJECTED, "Trùng lặp.")
    client.post(url, {"action": "close"})
    opened.refresh_from_db()
    assert opened.has_closed()


@pytest.mark.parametrize("role", ["clerk_a", "council", "approver"])
def test_others_cannot_open_the_office_pages(opened, cast, client_for, role):
    client = client_for(getattr(cast, role))
    assert client.get(reverse("dossiers:comment_window", args=[opened.pk])).status_code in (403, 404)
    assert client.get(reverse("dossiers:comment_window_list")).status_code == 403


def test_another_bodys_office_gets_404(opened, cast, client_for):
    from orgs.enums import Role
    from tests.factories.orgs import MembershipFactory, UserFactory

    other_office = UserFactory()
    MembershipFactory(user=other_office, organisation=cast.other, role=Role.REVIEWER)
    client = client_for(other_office)
    assert client.get(reverse("dossiers:comment_window", args=[opened.pk])).status_code == 404


def test_office_adds_a_nominee_and_edits_the_summary_before_the_window_opens(cast, client_for):
    dossier = needing_comment(cast, extra_people=1)
    first, second = dossier.nominations.order_by("pk")
    later = window(cast, [first], opens=2)
    client = client_for(cast.reviewer)
    url = reverse("dossiers:comment_window", args=[later.pk])
    assert second.name in client.get(url).content.decode()  # offered in the "add" list
    client.post(url, {"action": "add", "nomination": second.pk})
    entry = later.nominees.get(nomination=first)
    client.post(url, {"action": "summary", "nominee": entry.pk, "summary": "Tóm tắt mới."})
    client.post(url, {"action": "summary", "nominee": entry.pk, "summary": " "})  # refused: kept
    assert set(later.nominees.values_list("nomination", flat=True)) == {first.pk, second.pk}
    entry.refresh_from_db()
    assert entry.summary == "Tóm tắt mới."
    assert client.post(url, {"action": "add", "nomination": 999999}).status_code == 404


def test_the_summary_is_fixed_once_the_window_opens(opened, cast):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="đã bắt đầu"):
        service.save_summary(opened.nominees.get(), "Khác.", by=cast.reviewer)
