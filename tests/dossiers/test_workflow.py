"""Every legal and illegal move of a dossier, for the right and the wrong actor (docs/design.md, Workflow)."""
import threading

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import close_old_connections, connection
from django.test import TestCase

from dossiers.enums import TRANSITIONS, DossierState, Outcome
from dossiers.models import Dossier, StateChange
from dossiers.services import building
from dossiers.services.workflow import TransitionError, allowed_actions, transition
from tests.factories.dossiers import ready_dossier

pytestmark = pytest.mark.django_db


def put(dossier, state):
    Dossier.objects.filter(pk=dossier.pk).update(state=state)
    dossier.refresh_from_db()
    return dossier


def accept_all(dossier, by):
    for nomination in dossier.nominations.all():
        building.review_nominee(nomination, verdict=Outcome.ACCEPTED, by=by, override_reason="Đã xem xét")


def test_submit_writes_state_change_version_and_mails_the_office(cast, mailoutbox):
    cast.reviewer.email = "vanphong@example.vn"
    cast.reviewer.save()
    dossier = ready_dossier(cast)
    with TestCase.captureOnCommitCallbacks(execute=True):
        dossier = transition(dossier, "submit", by=cast.clerk_a, note="Nộp lần đầu")
    assert dossier.state == DossierState.SUBMITTED and dossier.version == 1
    change = StateChange.objects.get(dossier=dossier)
    assert (change.from_state, change.to_state, change.action, change.by, change.note) == (
        "draft", "submitted", "submit", cast.clerk_a, "Nộp lần đầu")
    assert dossier.versions.get().content["nominations"][0]["name"] == "Nguyễn Thị Hương"
    assert [m.to for m in mail.outbox] == [["vanphong@example.vn"]]


def test_incomplete_dossier_cannot_be_submitted(cast):
    dossier = ready_dossier(cast)
    dossier.memo_number = ""
    dossier.save()
    with pytest.raises(ValidationError) as error:
        transition(dossier, "submit", by=cast.clerk_a)
    assert error.value.messages[:2] == ["Chưa thể nộp hồ sơ:",
                                        "Tờ trình đề nghị khen thưởng của cơ quan, đơn vị: chưa ghi số, ngày Tờ trình"]
    assert Dossier.objects.get(pk=dossier.pk).state == DossierState.DRAFT


def test_full_path_return_resubmit_accept_to_leader(cast):
    dossier = transition(ready_dossier(cast), "submit", by=cast.clerk_a)
    dossier = transition(dossier, "start_review", by=cast.reviewer)
    with pytest.raises(ValidationError) as error:
        transition(dossier, "return", by=cast.reviewer)
    assert error.value.messages == ["Phải ghi lý do trả lại (nội dung phiếu yêu cầu bổ sung)."]
    dossier = transition(dossier, "return", by=cast.reviewer, note="Bổ sung quyết định xếp loại năm 2024")
    assert (dossier.state, dossier.return_reason) == ("returned", "Bổ sung quyết định xếp loại năm 2024")
    dossier = transition(dossier, "submit", by=cast.clerk_a)
    assert dossier.version == 2 and dossier.versions.count() == 2
    dossier = transition(dossier, "start_review", by=cast.reviewer)
    accept_all(dossier, cast.reviewer)
    dossier = transition(dossier, "accept", by=cast.reviewer)
    assert dossier.state == DossierState.APPRAISED and dossier.accepted_at is not None
    dossier = transition(dossier, "to_leader", by=cast.reviewer)
    assert dossier.state == DossierState.AWAITING_DECISION


def test_every_illegal_move_is_refused_for_admins_too(cast):
    dossier = ready_dossier(cast)
    actions = {action for moves in TRANSITIONS.values() for action in moves}
    for state in DossierState.values:
        put(dossier, state)
        for action in sorted(actions - set(TRANSITIONS[state])):
            with pytest.raises(TransitionError):
                transition(dossier, action, by=cast.admin, note="x")
            assert Dossier.objects.get(pk=dossier.pk).state == state


@pytest.mark.parametrize(("state", "action", "actor", "allowed"), [
    ("draft", "submit", "clerk_a", True), ("draft", "submit", "clerk_b", False),
    ("draft", "submit", "reviewer", False), ("draft", "submit", "admin", False),
    ("draft", "withdraw", "clerk_a", True), ("draft", "withdraw", "outsider", False),
    ("submitted", "start_review", "reviewer", True), ("submitted", "start_review", "clerk_a", False),
    ("submitted", "start_review", "council", False), ("submitted", "start_review", "approver", False),
    ("submitted", "withdraw", "clerk_a", True), ("submitted", "withdraw", "reviewer", False),
    ("in_review", "return", "reviewer", True), ("in_review", "return", "approver", False),
    ("in_review", "return", "clerk_a", False), ("returned", "submit", "clerk_a", True),
    ("returned", "submit", "reviewer", False), ("appraised", "to_leader", "reviewer", True),
    ("appraised", "to_leader", "clerk_a", False),
    # decide / forward follow the decision signed, the Tờ trình sent: test_no_skipped_steps.py
])
def test_only_the_right_actor_may_move(cast, state, action, actor, allowed):
    dossier = put(ready_dossier(cast), state)
    assert (action in allowed_actions(dossier, getattr(cast, actor))) is allowed
    if not allowed:
        with pytest.raises(PermissionDenied):
            transition(dossier, action, by=getattr(cast, actor), note="ghi chú")
        assert Dossier.objects.get(pk=dossier.pk).state == state
        assert not StateChange.objects.filter(dossier=dossier).exists()


def test_double_click_second_submit_gets_a_clear_message(cast):
    dossier = ready_dossier(cast)
    stale = Dossier.objects.get(pk=dossier.pk)
    transition(dossier, "submit", by=cast.clerk_a)
    with pytest.raises(TransitionError) as error:
        transition(stale, "submit", by=cast.clerk_a)
    assert "hồ sơ đang ở trạng thái “đã nộp”" in error.value.messages[0]
    assert StateChange.objects.filter(dossier=dossier).count() == 1


def test_edits_are_refused_once_submitted(cast):
    dossier = transition(ready_dossier(cast), "submit", by=cast.clerk_a)
    with pytest.raises(ValidationError) as error:
        building.add_nominee(dossier, subject_type="collective", organisation=cast.unit_a, by=cast.clerk_a)
    assert "chỉ sửa được khi đang soạn hoặc bị trả lại" in error.value.messages[0]


def test_accepting_with_a_warning_needs_a_reason(cast):
    dossier = transition(transition(ready_dossier(cast), "submit", by=cast.clerk_a), "start_review",
                         by=cast.reviewer)
    nomination = dossier.nominations.get()
    with pytest.raises(ValidationError) as error:  # the deadline (05/08/2025) has passed: a warning
        building.review_nominee(nomination, verdict=Outcome.ACCEPTED, by=cast.reviewer)
    assert error.value.messages == ["Có cảnh báo chưa đạt: ghi lý do vẫn chấp nhận (Nộp trong hạn)."]
    building.review_nominee(nomination, verdict=Outcome.ACCEPTED, by=cast.reviewer,
                            override_reason="Đơn vị nộp chậm do sáp nhập, Lãnh đạo Sở đồng ý")
    nomination.refresh_from_db()
    assert (nomination.outcome, nomination.override_reason) == (
        "accepted", "Đơn vị nộp chậm do sáp nhập, Lãnh đạo Sở đồng ý")


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_two_reviewers_clicking_at_once_make_one_transition(cast):
    dossier = transition(ready_dossier(cast), "submit", by=cast.clerk_a)
    barrier, results = threading.Barrier(2), []

    def click():
        close_old_connections()
        barrier.wait()
        try:
            transition(Dossier.objects.get(pk=dossier.pk), "start_review", by=cast.reviewer)
            results.append("ok")
        except TransitionError:
            results.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["ok", "refused"]
    assert StateChange.objects.filter(dossier=dossier, action="start_review").count() == 1


def test_rules_keep_their_default_when_no_setting_row_exists(cast):
    """After a flush (transactional tests) or on a fresh database, the deadline is still a warning."""
    from dossiers.models import EligibilityRule

    EligibilityRule.objects.all().delete()
    dossier = transition(ready_dossier(cast), "submit", by=cast.clerk_a)  # the deadline has passed
    assert dossier.state == DossierState.SUBMITTED
