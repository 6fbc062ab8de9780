"""Bulk work: the leader's opinion on several nominees at once, the office accepting several dossiers at once.

Each item goes through the same single-item service (decisions.approve, workflow.transition), so there is no
second writer of an outcome or a state; all of them run in one transaction, all or nothing: when one item is
refused, nothing is changed and the refusal names every item that could not be moved and why.
"""
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from .decisions import approve
from .workflow import transition


class BulkRefused(ValidationError):
    """Some items of a bulk action were refused; `refusals` is [(name, reason)], nothing was changed."""

    def __init__(self, refusals, what):
        self.refusals = refusals
        super().__init__([f"Chưa có gì thay đổi: {len(refusals)} {what} không thực hiện được."]
                         + [f"{name}: {reason}" for name, reason in refusals])


def _reason(error):
    return " ".join(error.messages) if hasattr(error, "messages") else str(error)


def _all_or_nothing(items, act, name, what):
    """Run `act(item)` for every item in one transaction; roll everything back and raise BulkRefused listing
    each refused item when any is refused (every item is tried, so the list is complete)."""
    refusals = []
    with transaction.atomic():
        for item in items:
            try:
                with transaction.atomic():
                    act(item)
            except (ValidationError, PermissionDenied) as error:
                refusals.append((name(item), _reason(error)))
        if refusals:
            transaction.set_rollback(True)
    if refusals:
        raise BulkRefused(refusals, what)
    return len(items)


def approve_many(nominations, *, approved, by, reason=""):
    """Lãnh đạo đồng ý (or không đồng ý, with one reason for the group) several nominees at once.

    Side effects: as decisions.approve for each nominee (its outcome, OutcomeChange row, the dossier settled
    once all its nominees have ended), in one transaction. Raises ValidationError without a reason for "không
    đồng ý", BulkRefused (nothing changed) when any nominee is refused.
    """
    nominations = list(nominations)
    if not nominations:
        raise ValidationError("Chọn ít nhất một người, tập thể.")
    if not approved and not (reason or "").strip():
        raise ValidationError("Ghi lý do không đồng ý: đơn vị sẽ được thông báo lý do này.")
    return _all_or_nothing(nominations, lambda n: approve(n, approved=approved, by=by, reason=reason or ""),
                           lambda n: n.name, "người, tập thể")


def dossier_name(dossier):
    """How a dossier is named in a bulk action's messages: its unit and award form."""
    return f"{dossier.organisation.name} – {dossier.offer.award_form}"


def accept_many(dossiers, *, by):
    """Văn phòng tiếp nhận several dossiers in review whose nominees all have a verdict.

    Side effects: as workflow.transition(dossier, "accept") for each (state, StateChange, stored verdicts,
    notifications after commit), in one transaction. Raises BulkRefused (nothing changed) when any is refused.
    """
    dossiers = list(dossiers)
    if not dossiers:
        raise ValidationError("Chọn ít nhất một hồ sơ.")
    return _all_or_nothing(dossiers, lambda d: transition(d, "accept", by=by),
                           dossier_name, "hồ sơ")
