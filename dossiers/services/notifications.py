"""Who hears about a dossier's move: the unit's clerks, or the issuing body's office/leaders.

The workflow calls `notify_transition` once its transaction has committed; each recipient gets a
notification under the bell and an e-mail copy (template triple emails/dossier-transition-*).
"""
from django.contrib.auth import get_user_model
from django.db.models import Q

from notifications.services import notify
from orgs.enums import Role

from ..enums import ACTION_LABELS
from ..models import Dossier

AUDIENCE = {
    "submit": ("issuer", [Role.REVIEWER]),
    "withdraw": ("issuer", [Role.REVIEWER]),
    "return": ("unit", [Role.CLERK]),
    "accept": ("unit", [Role.CLERK]),
    "start_review": ("unit", [Role.CLERK]),
    "to_council": ("issuer", [Role.COUNCIL]),
    "to_leader": ("issuer", [Role.APPROVER]),
    "council_done": ("issuer", [Role.APPROVER]),
    "decide": ("unit", [Role.CLERK]),
    "forward": ("unit", [Role.CLERK]),
    "record_higher_decision": ("unit", [Role.CLERK]),
}
# Moves after which the unit has something to do before the campaign's deadline.
DEADLINE_ACTIONS = {"return", "withdraw"}


def recipients(dossier, side, roles):
    """Active users holding one of `roles` on the organisation or one of its ancestors."""
    organisation = dossier.organisation if side == "unit" else dossier.campaign.issuer
    ids = [*organisation.ancestor_ids(), organisation.pk]
    return get_user_model().objects.filter(
        Q(memberships__organisation_id__in=ids), memberships__role__in=roles, is_active=True).distinct()


def notify_transition(dossier_id, action, actor_id, note=""):
    """Notify the people concerned by `action` on the dossier (everyone but the actor).

    Side effects: Notification rows and, after commit, their e-mails (notifications.services.notify).
    """
    dossier = Dossier.objects.select_related("campaign__issuer", "organisation", "offer__award_form").get(
        pk=dossier_id)
    side, roles = AUDIENCE.get(action, ("unit", [Role.CLERK]))
    users = list(recipients(dossier, side, roles).exclude(pk=actor_id))
    if not users:
        return []
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    context = {
        "dossier": dossier, "action": action, "action_label": ACTION_LABELS.get(action, action),
        "state_label": dossier.get_state_display(), "note": note,
        "actor": (actor.get_full_name() or actor.username) if actor else "",
        "deadline": dossier.campaign.dossier_deadline if action in DEADLINE_ACTIONS else None,
    }
    return notify(users, "dossier-transition", context, url=dossier.get_absolute_url())
