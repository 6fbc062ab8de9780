import pytest
from django.core.management import call_command

from dossiers.models import Award, Decision, Dossier, StateChange

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_dossiers_at_every_stage_once(seeded_demo):
    states = sorted(Dossier.objects.filter(campaign__issuer__code="QT-SNV").exclude(campaign__kind="track")
                    .values_list("state", flat=True))  # the track's two: tests/demo/test_seed_outside.py
    assert states == sorted(["decided", "forwarded", "returned", "in_review", "submitted", "draft", "in_council",
                             "in_review"])  # the last: the Huân chương nominee in public comment (seeds/comments.py)
    counts = (Dossier.objects.count(), StateChange.objects.count(), Award.objects.count(), Decision.objects.count())
    call_command("seed_demo")
    assert (Dossier.objects.count(), StateChange.objects.count(), Award.objects.count(),
            Decision.objects.count()) == counts


def test_seeded_decision_has_bonuses(seeded_demo):
    decision = Decision.objects.get(number=125)
    assert decision.reference == "125/QĐ-SNV"
    assert sorted(decision.awards.values_list("bonus_amount", flat=True)) == [710_000, 710_000]


def test_seeded_returned_dossier_carries_its_reasons(seeded_demo):
    returned = Dossier.objects.get(state="returned")
    assert returned.return_reason.startswith("Báo cáo thành tích chưa nêu số liệu cụ thể")
    assert returned.nominations.exclude(review_note="").count() == 1
