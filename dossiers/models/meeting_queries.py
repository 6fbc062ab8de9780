"""Who sees which Biên bản họp bình xét, and when one is frozen.

`NominationMeeting` has no manager of its own yet: `meetings_for(user)` gives the same answer a
`NominationMeeting.objects.for_user(user)` would (attach `MeetingQuerySet.as_manager()` to the model
to get that spelling). The predicates in `dossiers/rules.py` and the views read these facts.
"""
from django.db import models
from django.db.models import Exists, OuterRef, Q

from orgs import scope
from orgs.enums import ISSUER_STAFF, Role
from orgs.models import subtree_q

from ..enums import EDITABLE_STATES, UNSENT_STATES, DossierState


def _dossiers():
    from .dossier import Dossier

    return Dossier.objects.all()


class MeetingQuerySet(models.QuerySet):
    def of_clerk(self, user):
        """Meetings of the units under the user's clerk role (what the clerk records and edits)."""
        if user.is_superuser:
            return self.all()
        return self.filter(subtree_q(scope.scope_paths(user, [Role.CLERK]), prefix="organisation__path"))

    def for_user(self, user):
        """The unit's clerks see their units' meetings; the issuing body's staff see a meeting once a
        dossier linked to it was sent to them (never a meeting behind drafts only)."""
        if user.is_superuser:
            return self.all()
        own = subtree_q(scope.scope_paths(user, [Role.CLERK]), prefix="organisation__path")
        if not scope.roles_of(user) & set(ISSUER_STAFF):
            return self.filter(own)
        sent = _dossiers().filter(meeting=OuterRef("pk")).filter(
            scope.issuer_q(user, ISSUER_STAFF, "campaign__issuer")).exclude(state__in=UNSENT_STATES)
        return self.filter(own | Q(Exists(sent)))


def meetings_for(user):
    """`NominationMeeting.objects.for_user(user)`."""
    from .dossier import NominationMeeting

    return MeetingQuerySet(model=NominationMeeting).for_user(user)


def meetings_of_clerk(user):
    from .dossier import NominationMeeting

    return MeetingQuerySet(model=NominationMeeting).of_clerk(user)


def frozen_dossiers(meeting):
    """Dossiers already sent (or further on) that print this meeting's Biên bản or its votes: while
    one exists, the meeting's header (members present, total, ballot) may not change."""
    return (_dossiers().filter(Q(meeting=meeting) | Q(nominations__meeting_vote__meeting=meeting))
            .exclude(state__in=[*EDITABLE_STATES, DossierState.WITHDRAWN]).distinct())


def is_frozen(meeting):
    cached = getattr(meeting, "_is_frozen", None)
    if cached is None:
        cached = meeting._is_frozen = frozen_dossiers(meeting).exists()
    return cached
