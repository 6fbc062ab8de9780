"""The demo's awards outside campaigns (demo/seeds/outside.py): the Sở's đột xuất track, an urgent proposal decided
two days after it was sent, a household and an enterprise nominated; created once."""
import pytest
from django.core.management import call_command

from campaigns.models import Campaign
from dossiers.models import Award, Dossier

pytestmark = pytest.mark.django_db


def test_seed_demo_decides_a_sudden_award_and_nominates_a_household_and_an_enterprise(seeded_demo):
    track = Campaign.objects.tracks().get()
    assert (track.award_type, track.dossier_deadline, track.status) == ("dot_xuat", None, "launched")
    decided = Dossier.objects.get(campaign=track, state="decided")
    assert decided.urgent and (decided.decided_at.date() - decided.memo_date).days <= 3
    award = Award.objects.get(nomination__dossier=decided)
    assert (award.award_type, award.subject_class, award.decision.campaign) == ("dot_xuat", "truc_tiep", track)
    assert award.decision.memo_reference.startswith("15/TTr-TCBC ngày")  # printed after "Tờ trình số"
    waiting = Dossier.objects.get(campaign=track, state="submitted")
    assert sorted((n.subject_type, n.name) for n in waiting.nominations.all()) == [
        ("collective", "Công ty Cổ phần Công nghệ số Đông Hà"), ("household", "Hộ ông Trần Văn Lộc")]
    call_command("seed_demo")
    assert Campaign.objects.tracks().count() == 1 and Dossier.objects.filter(campaign=track).count() == 2
