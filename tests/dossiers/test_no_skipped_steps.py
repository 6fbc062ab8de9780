"""No state or outcome without the act that produces it (issue 14, docs/design.md, Workflow).

- Every action name posted directly to the transition URL, by every role, in every state: the moves that
  only record another act (CONSEQUENCES) are refused for everyone; the others change nothing unless the
  actor has the action's role (and then only the action's own state).
- Each consequence, called as the services call it, refuses when the act it records is not there.
- A nominee's outcome moves only along the map of its acts (outcomes.MOVES), each move logged.
"""
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from dossiers.enums import ACTION_LABELS, CONSEQUENCES, TRANSITIONS, DossierState, Outcome
from dossiers.models import Dossier, Nomination, OutcomeChange, StateChange
from dossiers.services import outcomes
from dossiers.services.workflow import TransitionError, may_act, record_consequence, transition
from tests.factories.dossiers import ready_dossier

pytestmark = pytest.mark.django_db

ROLES = ["outsider", "clerk_a", "clerk_b", "reviewer", "council", "approver", "admin"]


def put(dossier, state, outcome=None):
    Dossier.objects.filter(pk=dossier.pk).update(state=state)
    if outcome:
        dossier.nominations.update(outcome=outcome)
    dossier.refresh_from_db()
    return dossier


def snapshot(dossier):
    row = Dossier.objects.values("state", "version", "updated_at").get(pk=dossier.pk)
    return row, StateChange.objects.filter(dossier=dossier).count(), sorted(
        dossier.nominations.values_list("outcome", flat=True)), OutcomeChange.objects.count()


# where each consequence would be offered, with the nominee outcomes that would let it look plausible
PLAUSIBLE = {"council_done": (DossierState.IN_COUNCIL, Outcome.ACCEPTED),
             "decide": (DossierState.AWAITING_DECISION, Outcome.APPROVED),
             "forward": (DossierState.AWAITING_DECISION, Outcome.APPROVED),
             "record_higher_decision": (DossierState.FORWARDED, Outcome.FORWARDED)}


def test_every_action_posted_directly_by_every_role_changes_nothing_it_should_not(cast, client):
    dossier = ready_dossier(cast)
    for state in DossierState.values:
        put(dossier, state)
        for action in ACTION_LABELS:
            move = TRANSITIONS[state].get(action)
            for role in ROLES:
                user = getattr(cast, role)
                if action not in CONSEQUENCES and move is not None and may_act(user, dossier, move[1], move[2]):
                    continue  # a real move by its actor: test_workflow.py follows those
                before = snapshot(dossier)
                client.force_login(user)
                response = client.post(reverse("dossiers:dossier_transition", args=[dossier.pk, action]),
                                       {"note": "thử"})
                assert response.status_code in (302, 403, 404), (state, action, role, response.status_code)
                if action in CONSEQUENCES:
                    assert response.status_code in (403, 404), (state, action, role)
                assert snapshot(dossier) == before, (state, action, role)


@pytest.mark.parametrize("action", sorted(CONSEQUENCES))
def test_a_consequence_is_never_a_move_of_its_own(cast, action):
    state, outcome = PLAUSIBLE[action]
    dossier = put(ready_dossier(cast), state, outcome)
    before = snapshot(dossier)
    for role in ("reviewer", "approver", "admin"):
        with pytest.raises(TransitionError):
            transition(dossier, action, by=getattr(cast, role), note="bỏ qua bước")
    assert snapshot(dossier) == before


@pytest.mark.parametrize(("action", "message"), [
    ("council_done", "Còn người, tập thể chưa có kết quả biểu quyết của Hội đồng."),
    ("decide", "Còn người, tập thể chưa có quyết định: hồ sơ chưa thể kết thúc."),
    ("forward", "Chưa có người, tập thể nào được trình cấp trên, hoặc còn người chưa được xử lý."),
    ("record_higher_decision", "Còn người, tập thể chờ quyết định của cấp trên."),
])
def test_a_consequence_without_its_act_is_refused(cast, action, message):
    state, outcome = PLAUSIBLE[action]
    dossier = put(ready_dossier(cast), state, outcome)
    before = snapshot(dossier)
    with pytest.raises(ValidationError) as error:
        record_consequence(dossier, action, by=cast.reviewer if action == "council_done" else cast.approver)
    assert error.value.messages == [message]
    assert snapshot(dossier) == before


@pytest.mark.parametrize(("action", "outcome", "message"), [
    # outcomes that look final or gone up, without the decision / Tờ trình / closed session behind them
    ("council_done", Outcome.COUNCIL_PASSED, "Kết quả của Hội đồng chỉ có hiệu lực khi phiên họp đã kết thúc."),
    ("decide", Outcome.AWARDED, "Người, tập thể được khen thưởng phải có trong một quyết định đã ký."),
    ("forward", Outcome.FORWARDED, "Người, tập thể trình cấp trên phải có trong một Tờ trình đã ký."),
])
def test_a_consequence_checks_the_record_behind_the_outcomes(cast, action, outcome, message):
    state, _ = PLAUSIBLE[action]
    dossier = put(ready_dossier(cast), state, outcome)
    with pytest.raises(ValidationError) as error:
        record_consequence(dossier, action, by=cast.reviewer if action == "council_done" else cast.approver)
    assert error.value.messages == [message]
    assert Dossier.objects.get(pk=dossier.pk).state == state


def test_a_real_move_is_not_a_consequence(cast):
    with pytest.raises(TransitionError):
        record_consequence(ready_dossier(cast), "submit", by=cast.clerk_a)


ALL_ACTS = sorted(outcomes.MOVES)


@pytest.mark.parametrize("act", ALL_ACTS)
def test_outcome_moves_follow_the_map_of_each_act(cast, act):
    """Every (from, to) pair for every act: moved and logged exactly when the map holds it."""
    dossier = ready_dossier(cast)
    nomination = dossier.nominations.get()
    for before in Outcome.values:
        for to in Outcome.values:
            if before == to:
                continue
            Nomination.objects.filter(pk=nomination.pk).update(outcome=before)
            nomination.refresh_from_db()
            logged = OutcomeChange.objects.count()
            allowed = to in outcomes.MOVES[act].get(before, ())
            if allowed:
                assert outcomes.move([nomination], to, act=act, by=cast.reviewer, reason="lý do") == 1
                change = OutcomeChange.objects.latest("pk")
                assert (change.from_outcome, change.to_outcome, change.act, change.by, change.reason) == (
                    before, to, act, cast.reviewer, "lý do")
            else:
                with pytest.raises(ValidationError):
                    outcomes.move([nomination], to, act=act, by=cast.reviewer)
                assert OutcomeChange.objects.count() == logged
            assert Nomination.objects.get(pk=nomination.pk).outcome == (to if allowed else before)


def test_no_act_awards_without_approval_or_a_higher_decision():
    for act, edges in outcomes.MOVES.items():
        for before, targets in edges.items():
            if Outcome.AWARDED in targets:
                assert (act, before) in {("sign_decision", Outcome.APPROVED), ("higher_decision", Outcome.FORWARDED)}


@pytest.mark.parametrize(("catalogue", "campaign", "goes_to_council"), [
    (False, "", False), (False, "yes", True), (True, "", True), (True, "no", False)])
def test_the_campaign_decides_whether_a_form_goes_to_the_council(cast, catalogue, campaign, goes_to_council):
    dossier = put(ready_dossier(cast), DossierState.APPRAISED, Outcome.ACCEPTED)
    form = dossier.offer.award_form
    form.needs_council, form.vote_threshold = catalogue, 70
    form.save()
    dossier.offer.council_vote = campaign
    dossier.offer.save()
    from dossiers.services.workflow import allowed_actions

    expected = ["to_council"] if goes_to_council else ["to_leader"]
    assert allowed_actions(dossier, cast.reviewer) == expected
    refused = "to_leader" if goes_to_council else "to_council"
    with pytest.raises(ValidationError):
        transition(dossier, refused, by=cast.reviewer)
    assert transition(dossier, expected[0], by=cast.reviewer).state == (
        DossierState.IN_COUNCIL if goes_to_council else DossierState.AWAITING_DECISION)


def test_a_campaign_cannot_send_a_form_without_a_threshold_to_the_council(cast):
    dossier = ready_dossier(cast)
    offer = dossier.offer
    offer.award_form.vote_threshold = None
    offer.award_form.save()
    offer.council_vote = "yes"
    with pytest.raises(ValidationError) as error:
        offer.full_clean()
    assert "chưa có tỷ lệ phiếu đồng ý tối thiểu" in error.value.message_dict["council_vote"][0]
