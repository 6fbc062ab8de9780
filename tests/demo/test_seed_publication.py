"""The demo publishes its signed decisions (every form is published by default): the public list shows them, and a
decision's page lists its awards in force. (Kept with the other seed_demo tests.)"""
import pytest
from django.urls import reverse

from dossiers.models import Award, Decision

pytestmark = pytest.mark.django_db


def test_the_demos_signed_decisions_are_public(seeded_demo, client):
    decision = Decision.objects.get(number=125, symbol="QĐ-SNV")
    page = client.get(reverse("publication:decision_list")).content.decode()
    assert "125/QĐ-SNV" in page
    detail = client.get(reverse("publication:decision_detail", args=[decision.pk])).content.decode()
    live = Award.objects.live().filter(decision=decision)
    assert live.exists()
    for award in live:
        assert award.subject_name in detail
    found = client.get(reverse("publication:lookup"), {"ten": live.first().subject_name}).content.decode()
    assert "Số 125/QĐ-SNV" in found
