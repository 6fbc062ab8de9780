"""The one writer of a dossier's state (docs/design.md, Workflow).

`transition()` locks the row, checks the transitions map and the actor's role, runs the action's
own checks and effects, saves with `update_fields`, writes a `StateChange` row and queues the
notifications after commit. Views, commands and tasks all call it; nothing else assigns `.state`.
"""
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from orgs import scope

from ..enums import ACTION_LABELS, CONSEQUENCES, FINAL_OUTCOMES, TRANSITIONS, UNIT, Outcome
from ..models import Award, Dossier, DossierVersion, Forwarding, StateChange


class TransitionError(ValidationError):
    """An action that the dossier's state does not allow."""


def allowed_actions(dossier, user, pending=None):
    """Actions the user may take on the dossier now (for buttons; transition() checks again).
    Actions that could only fail are left out: accepting while nominees await a verdict, sending a
    form that needs no council to the council, or one that needs it straight to the leader.
    `pending`: whether a nominee awaits a verdict, when the caller knows (saves a query)."""
    actions = []
    for action, (_, side, roles) in TRANSITIONS[dossier.state].items():
        if action in CONSEQUENCES:
            continue
        if may_act(user, dossier, side, roles) and _could_succeed(dossier, action, pending):
            actions.append(action)
    return actions


# outcomes that keep a dossier in review from being accepted: no verdict yet, or "the unit must complete it"
NOT_ACCEPTABLE = (Outcome.PENDING, Outcome.NEEDS_MORE)


def any_pending(nominations):
    """Whether one of these nominees still awaits the office's verdict or must be completed by the unit (for
    allowed_actions' `pending`)."""
    return any(n.outcome in NOT_ACCEPTABLE for n in nominations)


def _could_succeed(dossier, action, pending):
    needs_council = dossier.offer.needs_council
    if action == "to_council":
        return needs_council
    if action == "to_leader":
        return not needs_council
    if action == "accept":
        if pending is None:
            pending = dossier.nominations.filter(outcome__in=NOT_ACCEPTABLE).exists()
        return not pending
    return True


def may_act(user, dossier, side, roles):
    if side == UNIT:
        return scope.covers(user, dossier.organisation, roles)
    return scope.acts_for(user, dossier.campaign.issuer, roles)


def transition(dossier, action, *, by, note=""):
    """Move `dossier` by `action` (submit, return, accept…) as user `by`.

    Side effects (one transaction): the dossier row (state, timestamps, version), a StateChange row,
    a DossierVersion snapshot on submit, nominee outcomes where the action decides them, and the
    notifications to the people concerned once the transaction commits.
    Raises TransitionError for a move the state does not allow, PermissionDenied for the wrong actor,
    ValidationError when the action's own checks fail (e.g. an incomplete dossier): a submit refused
    that way rolls back, then stores the nominees' verdicts it found, for the page to show what stopped it.
    The CONSEQUENCES of other acts are refused here (TransitionError): they move only by record_consequence().
    """
    if action in CONSEQUENCES:
        raise TransitionError(f"“{ACTION_LABELS[action]}” không phải một thao tác riêng: hồ sơ tự chuyển khi "
                              f"{ACT_OF[action]}.")
    try:
        return _move(dossier, action, by=by, note=note)
    except TransitionError:
        raise
    except ValidationError:
        if action == "submit":
            from .checks import store_dossiers

            store_dossiers([dossier.pk])
        raise


# the act each consequence records (for the refusal's message)
ACT_OF = {
    "council_done": "phiên họp Hội đồng kết thúc với kết quả biểu quyết",
    "decide": "lãnh đạo ký quyết định khen thưởng hoặc kết luận không khen thưởng từng người",
    "forward": "lãnh đạo ký Tờ trình gửi cấp trên",
    "record_higher_decision": "ghi nhận quyết định của cấp trên",
}


def record_consequence(dossier, action, *, by, note=""):
    """Move `dossier` by one of the CONSEQUENCES of an act its caller has just written in the same
    transaction (the council session closed, the decision signed, the Tờ trình sent, the higher decision
    recorded). The move's own effect checks, under the dossier's lock, that the act is there."""
    if action not in CONSEQUENCES:
        raise TransitionError(f"“{ACTION_LABELS.get(action, action)}” là một thao tác, không phải kết quả.")
    return _move(dossier, action, by=by, note=note)


def _move(dossier, action, *, by, note):
    with transaction.atomic():
        dossier = (Dossier.objects.select_for_update(of=("self",))
                   .select_related("campaign__issuer", "organisation", "offer__award_form").get(pk=dossier.pk))
        moves = TRANSITIONS[dossier.state]
        if action not in moves:
            raise TransitionError(
                f"Không thể “{ACTION_LABELS.get(action, action).lower()}”: hồ sơ đang ở trạng thái "
                f"“{dossier.get_state_display().lower()}”. Có thể người khác vừa xử lý hồ sơ này; "
                "hãy tải lại trang.")
        next_state, side, roles = moves[action]
        if not may_act(by, dossier, side, roles):
            raise PermissionDenied("Bạn không có vai trò để thực hiện thao tác này với hồ sơ.")
        note = (note or "").strip()
        fields = ["state", "updated_at"]
        fields += EFFECTS.get(action, _no_effect)(dossier, by=by, note=note)
        previous = dossier.state
        dossier.state = next_state
        dossier.save(update_fields=sorted(set(fields)))
        StateChange.objects.create(dossier=dossier, from_state=previous, to_state=next_state, action=action,
                                   by=by, note=note)
        for after in AFTER_MOVE.get(action, ()):
            after(dossier)
        transaction.on_commit(lambda: _notify(dossier.pk, action, by.pk if by else None, note))
    return dossier


def _no_effect(dossier, *, by, note):
    return []


def _submit(dossier, *, by, note):
    from .completeness import blocking_problems

    problems = blocking_problems(dossier)
    if problems:
        raise ValidationError(["Chưa thể nộp hồ sơ:"] + problems)
    dossier.version += 1
    dossier.submitted_at = timezone.now()
    DossierVersion.objects.create(dossier=dossier, number=dossier.version, content=snapshot(dossier))
    return ["version", "submitted_at"]


def _return(dossier, *, by, note):
    if not note:
        raise ValidationError("Phải ghi lý do trả lại (nội dung phiếu yêu cầu bổ sung).")
    dossier.returned_at = timezone.now()
    dossier.return_reason = note
    from .outcomes import move

    # the verdicts given stay for the next review; those to be completed await a new one
    move(dossier.nominations.filter(outcome=Outcome.NEEDS_MORE), Outcome.PENDING, act="return", by=by)
    return ["returned_at", "return_reason"]


def _accept(dossier, *, by, note):
    if dossier.nominations.filter(outcome=Outcome.PENDING).exists():
        raise ValidationError("Còn người, tập thể chưa có kết luận thẩm định (đủ / không đủ điều kiện).")
    if dossier.nominations.filter(outcome=Outcome.NEEDS_MORE).exists():
        raise ValidationError("Còn người, tập thể cần bổ sung: hãy trả lại hồ sơ để đơn vị bổ sung.")
    if not dossier.nominations.filter(outcome=Outcome.ACCEPTED).exists():
        raise ValidationError("Không có người, tập thể nào đủ điều kiện: hãy trả lại hồ sơ thay vì tiếp nhận.")
    dossier.accepted_at = timezone.now()
    return ["accepted_at"]


def _reopen(dossier, *, by, note):
    """A withdrawn dossier becomes a draft again only while it could be started anew (withdrawal.refusal)."""
    from .withdrawal import refusal

    problem = refusal(dossier)
    if problem:
        raise ValidationError(problem)
    return []


def _to_council(dossier, *, by, note):
    if not dossier.offer.needs_council:
        raise ValidationError(f"“{dossier.offer.award_form}” không cần Hội đồng bỏ phiếu: hãy trình lãnh đạo.")
    return []


def _to_leader(dossier, *, by, note):
    if dossier.offer.needs_council:
        raise ValidationError(f"“{dossier.offer.award_form}” cần Hội đồng bỏ phiếu trước khi trình lãnh đạo.")
    return []


# --- the consequences: each checks that the act it records is there ----------------------------------


def _outcomes(dossier):
    return set(dossier.nominations.values_list("outcome", flat=True))


def _council_done(dossier, *, by, note):
    """Every nominee the office found qualified has the council's result, from a closed session."""
    if dossier.nominations.filter(outcome=Outcome.ACCEPTED).exists():
        raise ValidationError("Còn người, tập thể chưa có kết quả biểu quyết của Hội đồng.")
    voted = dossier.nominations.filter(outcome__in=[Outcome.COUNCIL_PASSED, Outcome.COUNCIL_FAILED])
    if not voted.exists():
        raise ValidationError("Hội đồng chưa biểu quyết người, tập thể nào của hồ sơ.")
    if voted.exclude(council_ballots__session__closed_at__isnull=False).exists():
        raise ValidationError("Kết quả của Hội đồng chỉ có hiệu lực khi phiên họp đã kết thúc.")
    return []


def _decide(dossier, *, by, note):
    """Every nominee has ended, and each one awarded is in a signed decision of the register."""
    outcomes = _outcomes(dossier)
    if not outcomes or not outcomes <= FINAL_OUTCOMES:
        raise ValidationError("Còn người, tập thể chưa có quyết định: hồ sơ chưa thể kết thúc.")
    awarded = dossier.nominations.filter(outcome=Outcome.AWARDED)
    if awarded.exclude(pk__in=Award.objects.filter(decision__isnull=False).values("nomination_id")).exists():
        raise ValidationError("Người, tập thể được khen thưởng phải có trong một quyết định đã ký.")
    dossier.decided_at = timezone.now()
    return ["decided_at"]


def _forward(dossier, *, by, note):
    """Every nominee has ended or gone up, and each one gone up is in a Tờ trình of the body."""
    outcomes = _outcomes(dossier)
    if Outcome.FORWARDED not in outcomes or not outcomes <= FINAL_OUTCOMES | {Outcome.FORWARDED}:
        raise ValidationError("Chưa có người, tập thể nào được trình cấp trên, hoặc còn người chưa được xử lý.")
    gone_up = dossier.nominations.filter(outcome=Outcome.FORWARDED)
    if gone_up.exclude(pk__in=Forwarding.nominations.through.objects.values("nomination_id")).exists():
        raise ValidationError("Người, tập thể trình cấp trên phải có trong một Tờ trình đã ký.")
    return []


def _record_higher_decision(dossier, *, by, note):
    """The higher authority's decision is recorded for every Tờ trình naming the dossier's nominees."""
    if not _outcomes(dossier) <= FINAL_OUTCOMES:
        raise ValidationError("Còn người, tập thể chờ quyết định của cấp trên.")
    if Forwarding.objects.filter(nominations__dossier=dossier, decision__isnull=True).exists():
        raise ValidationError("Chưa ghi nhận quyết định của cấp trên cho Tờ trình đã gửi.")
    return _decide(dossier, by=by, note=note)


def _freeze_sent(dossier):
    from .printing import freeze_sent_dossier

    freeze_sent_dossier(dossier)


def _freeze_return(dossier):
    from .printing import freeze_return_slip

    freeze_return_slip(dossier)


def _recheck_around(dossier):
    from .checks import store_around

    store_around(dossier)


def _store_checks(dossier):
    from .checks import store

    store(dossier)


# What runs once the move is written: the documents print is frozen (after the StateChange, which the
# return slip reads for the reviewer's name and reasons); the verdicts are stored as the new state reads
# them (a sent dossier's deadline is the day it was sent; a returned one is late again by today's date;
# accepted, they are kept as they were then); a withdrawn dossier's nominees no longer count in the quota
# and the "not yet proposed" rule of the unit's other dossiers (reopened, they count again).
AFTER_MOVE = {
    "submit": [_freeze_sent, _store_checks],
    "return": [_freeze_return, _store_checks],
    "accept": [_store_checks],
    "withdraw": [_recheck_around],
    "reopen": [_recheck_around],
}

EFFECTS = {
    "submit": _submit,
    "return": _return,
    "accept": _accept,
    "reopen": _reopen,
    "to_council": _to_council,
    "to_leader": _to_leader,
    "council_done": _council_done,
    "decide": _decide,
    "forward": _forward,
    "record_higher_decision": _record_higher_decision,
}


def snapshot(dossier):
    """What the unit sends: the dossier, its nominees and their reports, as plain JSON."""
    nominations = []
    for nomination in dossier.nominations.select_related("person", "organisation", "report").prefetch_related(
            "criteria_confirmed"):
        report = getattr(nomination, "report", None)
        nominations.append({
            "id": nomination.pk, "subject_type": nomination.subject_type, "name": nomination.name,
            "summary": nomination.summary,
            "criteria": [c.text for c in nomination.criteria_confirmed.all()],
            "report": {field.name: _plain(getattr(report, field.name)) for field in report._meta.concrete_fields
                       if field.name not in ("id", "nomination", "created_at", "updated_at")} if report else None,
        })
    return {
        "campaign": dossier.campaign.title, "organisation": dossier.organisation.name,
        "award_form": str(dossier.offer.award_form), "memo_number": dossier.memo_number,
        "memo_date": _plain(dossier.memo_date), "note": dossier.note, "nominations": nominations,
        # read by review.version_changes (what changed since the previous submission)
        "attachments": [{"id": a.pk, "title": a.title, "name": a.original_name, "nomination": a.nomination_id}
                        for a in dossier.attachments.all()],
    }


def _plain(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _notify(dossier_id, action, actor_id, note):
    from .notifications import notify_transition

    notify_transition(dossier_id, action, actor_id, note)
