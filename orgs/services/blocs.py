"""Actions on emulation blocs (khối, cụm thi đua)."""
from auditlog.context import set_actor
from django.db import transaction


def save_bloc(bloc, members, *, by):
    """Create or update a bloc and set its member units.

    Side effects (one transaction): writes the bloc and its membership rows, audit log entries.
    """
    bloc.full_clean()
    with set_actor(by), transaction.atomic():
        bloc.save()
        bloc.members.set(members)
    return bloc
