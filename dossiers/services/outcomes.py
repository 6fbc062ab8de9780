"""The one writer of a nominee's outcome (docs/design.md, Workflow).

A nominee's outcome (chưa xét, đủ / không đủ điều kiện, Hội đồng thông qua / không thông qua, lãnh đạo
đồng ý / không, được khen thưởng, đã trình cấp trên) moves only by an act of someone entitled to it, and
only along the moves that act may make: `MOVES[act][from] = {to, …}`. `move()` locks the dossiers' rows
(the same lock `workflow.transition()` takes), reads the outcomes again under the lock, refuses a move
the map does not hold, writes the new outcome and one `OutcomeChange` row per nominee moved (who, when,
which act, the reason), as `StateChange` does for the dossier.

The acts check their own preconditions (the dossier's state, the actor's role, the vote's result…);
this module guarantees that whatever they decide lands on a nominee only along a known edge.
"""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..enums import Outcome
from ..models import Dossier, Nomination, OutcomeChange

P, A, NQ, NM = Outcome.PENDING, Outcome.ACCEPTED, Outcome.NOT_QUALIFIED, Outcome.NEEDS_MORE
CP, CF = Outcome.COUNCIL_PASSED, Outcome.COUNCIL_FAILED
AP, NA, AW, FW = Outcome.APPROVED, Outcome.NOT_APPROVED, Outcome.AWARDED, Outcome.FORWARDED

# act -> outcome before -> outcomes the act may give
MOVES = {
    # the office's verdict while the dossier is in review (building.review_nominee): qualified, not qualified,
    # or "the unit must complete it" (the dossier can then only be returned)
    "review": {P: {A, NQ, NM}, A: {NQ, NM}, NQ: {A, NM}, NM: {A, NQ}},
    # the office returns the dossier: the verdicts given stay (the next review starts from them, docs/workflow.md);
    # a nominee sent back to be completed awaits a new verdict on what the unit sends
    "return": {NM: {P}},
    # the council's result on a nominee (council sessions); corrected while the session is open
    "council_vote": {A: {CP, CF}, CP: {CF}, CF: {CP}},
    # the leader's approval (decisions.approve): a form without council from "accepted", with council from
    # "passed"; changed until the decision is signed
    "approve": {A: {AP, NA}, CP: {AP, NA}, AP: {NA}, NA: {AP}},
    # the body's own Quyết định (decisions.sign_decision)
    "sign_decision": {AP: {AW}},
    # the body's Tờ trình to the higher authority (decisions.forward)
    "forward": {AP: {FW}},
    # the higher authority's decision as recorded (decisions.record_higher_decision)
    "higher_decision": {FW: {AW, NA}},
}

ACT_LABELS = {
    "review": "Kết luận thẩm định",
    "return": "Trả lại hồ sơ",
    "council_vote": "Kết quả biểu quyết của Hội đồng",
    "approve": "Lãnh đạo phê duyệt",
    "sign_decision": "Ký quyết định khen thưởng",
    "forward": "Trình cấp trên",
    "higher_decision": "Quyết định của cấp trên",
}


def move(nominations, to, *, act, by, reason="", **fields):
    """Give each of `nominations` the outcome `to` by `act` (a key of MOVES), as user `by`.

    `reason`: outcome_reason (why not qualified / failed / not approved; cleared otherwise by the
    caller passing ""). `fields`: other columns of the nominee the act writes with it (the office's
    override reason…). Nominees already at `to` keep it, with the new reason and fields (no log row).
    Raises ValidationError naming the nominee when the map has no such move for the outcome it has
    under the lock. Side effects (in the caller's transaction, or its own): the dossiers' rows locked,
    the nominees' outcome columns, one OutcomeChange per nominee moved; the instances passed in are
    updated. Returns the number moved.
    """
    nominations = list(nominations)
    if not nominations:
        return 0
    allowed = MOVES[act]
    with transaction.atomic():
        dossier_ids = sorted({n.dossier_id for n in nominations})
        list(Dossier.objects.select_for_update().filter(pk__in=dossier_ids).order_by("pk").values_list("pk"))
        current = dict(Nomination.objects.filter(pk__in=[n.pk for n in nominations]).values_list("pk", "outcome"))
        moved = []
        for nomination in nominations:
            before = current[nomination.pk]
            if before == to:
                continue
            if to not in allowed.get(before, ()):
                raise ValidationError(
                    f"{nomination.name}: không thể chuyển kết quả từ “{Outcome(before).label.lower()}” sang "
                    f"“{Outcome(to).label.lower()}” bằng thao tác “{ACT_LABELS[act].lower()}”.")
            moved.append((nomination, before))
        Nomination.objects.filter(pk__in=[n.pk for n in nominations]).update(
            outcome=to, outcome_reason=reason, updated_at=timezone.now(), **fields)
        if moved:
            OutcomeChange.objects.bulk_create([
                OutcomeChange(nomination_id=n.pk, from_outcome=before, to_outcome=to, act=act, by=by, reason=reason)
                for n, before in moved])
    for nomination in nominations:
        nomination.outcome, nomination.outcome_reason = to, reason
        for name, value in fields.items():
            setattr(nomination, name, value)
    return len(moved)
