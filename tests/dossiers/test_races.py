"""The loser of two concurrent actions gets a message, not a 500, and nothing of its attempt is written
(issue 16). The race is simulated: the check that would have seen the winner's row is made blind, as it is
when both requests read before either commits, so the unique constraint fires inside the service. On
PostgreSQL the nominee race also runs for real, in two threads."""
from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from dossiers.enums import DossierState, Outcome
from dossiers.models import Award, Decision, Nomination
from dossiers.services import building, decisions
from tests.at_once import at_once
from tests.dossiers.test_decisions import awaiting, decision_for
from tests.factories.campaigns import launched_campaign
from tests.factories.dossiers import ready_dossier
from tests.factories.orgs import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def blind_checks(monkeypatch):
    """Both requests read before either commits: the services' own checks see no winner yet."""
    monkeypatch.setattr(building, "_already_in", lambda *args: False)
    monkeypatch.setattr(decisions, "number_taken", lambda decision: False)
    monkeypatch.setattr(Decision, "validate_constraints", lambda self, exclude=None: None)


def test_the_second_of_two_simultaneous_nominee_additions_gets_a_message(cast, client_for, blind_checks):
    dossier = ready_dossier(cast)
    client = client_for(cast.clerk_a)
    collective = {"subject_type": "collective", "organisation": cast.unit_a.pk}
    assert client.post(reverse("dossiers:nominee_add", args=[dossier.pk]), collective).status_code == 302
    before = Nomination.objects.count()
    response = client.post(reverse("dossiers:nominee_add", args=[dossier.pk]), collective)  # IntegrityError inside
    assert response.status_code == 400 and "Người, tập thể này đã có trong hồ sơ." in response.content.decode()
    assert Nomination.objects.count() == before


def two_approved(cast):
    """(campaign, its nominee, another campaign, its nominee): both approved, waiting for a decision."""
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    first = awaiting(cast, ready_dossier(cast, campaign=campaign)).nominations.get()
    second_campaign = launched_campaign(cast, participants=[cast.unit_a], plan_number=200)
    second = awaiting(cast, ready_dossier(cast, campaign=second_campaign,
                                         person=PersonFactory(organisation=cast.unit_a, full_name="Trần Văn Hai"))
                      ).nominations.get()
    for nomination in (first, second):
        decisions.approve(nomination, approved=True, by=cast.approver)
    return campaign, first, second_campaign, second


def signed_twice(cast):
    """Two campaigns' nominees approved; the first signed as number 125 by another leader."""
    campaign, first, second_campaign, second = two_approved(cast)
    decisions.sign_decision(decision_for(cast, campaign), [first], by=cast.approver)
    return second_campaign, second


def test_the_loser_of_two_simultaneous_signings_gets_a_message_and_nothing_is_written(cast, client_for,
                                                                                        blind_checks):
    second_campaign, second = signed_twice(cast)
    awards, decided = Award.objects.count(), Decision.objects.count()
    response = client_for(cast.approver).post(f"/quyet-dinh/ky/?phong-trao={second_campaign.pk}", {
        "number": "125", "symbol": "QĐ-SNV", "date": "20/08/2025", "title": "Về việc khen thưởng",
        "memo_reference": "", "sign_as": "", "signer_title": "Giám đốc", "signer_name": "Lê Quang Thắng",
        "legal_profile": second_campaign.legal_profile.pk, "nominations": [second.pk]})
    assert response.status_code == 200
    assert "vừa được ghi vào một quyết định khác ký cùng lúc; chưa có gì được lưu" in response.content.decode()
    second.refresh_from_db()
    assert (Award.objects.count(), Decision.objects.count()) == (awards, decided)
    assert (second.outcome, second.dossier.state) == (Outcome.APPROVED, DossierState.AWAITING_DECISION)


def test_the_service_says_so_too(cast, blind_checks):
    second_campaign, second = signed_twice(cast)
    decision = decision_for(cast, second_campaign, when=date(2025, 8, 21))
    with pytest.raises(decisions.ValidationError) as error:
        decisions.sign_decision(decision, [second], by=cast.approver)
    assert "Số 125/QĐ-SNV năm 2025" in error.value.messages[0] and decision.pk is None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="two real transactions need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_threads_adding_the_same_collective_make_one_nominee(cast, client_for):
    dossier = ready_dossier(cast)
    def add():
        client = Client()
        client.force_login(cast.clerk_a)
        return client.post(reverse("dossiers:nominee_add", args=[dossier.pk]),
                           {"subject_type": "collective", "organisation": cast.unit_a.pk}).status_code

    answers = at_once(2, add)
    assert sorted(answers) == [302, 400]
    assert dossier.nominations.filter(organisation=cast.unit_a).count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="two real transactions need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_leaders_signing_the_same_number_at_once_make_one_decision(cast):
    campaign, first, other_campaign, second = two_approved(cast)
    queue = [(campaign, first), (other_campaign, second)]

    def sign():
        plan, nomination = queue.pop()
        try:
            return decisions.sign_decision(decision_for(cast, plan), [nomination], by=cast.approver).pk
        except decisions.ValidationError as error:
            return error.messages[0]

    answers = at_once(2, sign)
    assert Decision.objects.count() == 1 and Award.objects.count() == 1
    [message] = [answer for answer in answers if isinstance(answer, str)]
    assert "chưa có gì được lưu" in message or "đã được dùng" in message
