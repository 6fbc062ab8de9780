"""Actions on emulation blocs (khối, cụm thi đua)."""
from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction


def save_bloc(bloc, members, *, by):
    """Create or update a bloc and set its member units.

    Refused (ValidationError): a member or leader outside the organiser's province (a bloc enrols its members
    in campaigns: another province's unit would receive this province's campaigns).
    Side effects (one transaction): writes the bloc and its membership rows, audit log entries.
    """
    bloc.full_clean()
    outside = [unit.name for unit in [*members, *([bloc.leader] if bloc.leader_id else [])]
               if not bloc.organiser.same_province(unit)]
    if outside:
        raise ValidationError(f"Đơn vị ngoài tỉnh của cơ quan tổ chức: {', '.join(sorted(set(outside)))}.")
    with set_actor(by), transaction.atomic():
        bloc.save()
        bloc.members.set(members)
    return bloc
