"""Who hears about a dossier's move: the unit's clerks, or the issuing body's office/leaders.

E-mail for now (queued after commit by the workflow); the in-app inbox and templates come with
the notifications work.
"""
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db.models import Q

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


def recipients(dossier, side, roles):
    """Active users holding one of `roles` on the organisation or one of its ancestors."""
    organisation = dossier.organisation if side == "unit" else dossier.campaign.issuer
    ids = [*organisation.ancestor_ids(), organisation.pk]
    return get_user_model().objects.filter(
        Q(memberships__organisation_id__in=ids), memberships__role__in=roles, is_active=True).exclude(
        email="").distinct()


def notify_transition(dossier_id, action, actor_id):
    dossier = Dossier.objects.select_related("campaign__issuer", "organisation", "offer__award_form").get(
        pk=dossier_id)
    side, roles = AUDIENCE.get(action, ("unit", [Role.CLERK]))
    subject = f"[{settings.PORTAL_NAME}] {ACTION_LABELS.get(action, action)}: hồ sơ {dossier.offer.award_form}"
    body = (f"Hồ sơ đề nghị {dossier.offer.award_form} của {dossier.organisation} "
            f"(phong trào “{dossier.campaign.title}”) vừa chuyển sang trạng thái "
            f"“{dossier.get_state_display()}”.\n")
    if dossier.return_reason and action == "return":
        body += f"\nLý do trả lại:\n{dossier.return_reason}\n"
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
                for user in recipients(dossier, side, roles).exclude(pk=actor_id)]
    if messages:
        send_mass_mail(messages, fail_silently=True)
