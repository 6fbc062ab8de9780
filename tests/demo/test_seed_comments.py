"""The demo's public comment (demo/seeds/comments.py): a Huân chương nominee in an open window with two comments,
one rejected by moderation; public without an account; created once."""
import pytest
from django.core.management import call_command
from django.urls import reverse

from dossiers.models import CommentWindow, PublicComment

pytestmark = pytest.mark.django_db


def test_seed_demo_opens_a_comment_window_with_two_comments_once(seeded_demo, client):
    window = CommentWindow.objects.get()
    entry = window.nominees.get()
    assert window.is_open() and entry.nomination.dossier.offer.award_form.code == "huan-chuong-ld-3"
    assert sorted(PublicComment.objects.values_list("state", flat=True)) == ["approved", "rejected"]
    page = client.get(reverse("publication:comment_windows")).content.decode()
    assert entry.nomination.name in page and "Huân chương Lao động hạng Ba" in page
    call_command("seed_demo")
    assert (CommentWindow.objects.count(), PublicComment.objects.count()) == (1, 2)
