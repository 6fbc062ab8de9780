"""Actions on the organisation tree."""
from auditlog.context import set_actor
from django.db import transaction

from ..models import Organisation


def save_organisation(organisation, *, by):
    """Create or update a unit after validating it.

    Side effects: writes the row, re-paths its subtree when the parent changed, audit log entry.
    """
    organisation.full_clean()
    with set_actor(by), transaction.atomic():
        organisation.save()
    return organisation


def dissolve_organisation(organisation, *, on, successor=None, move_people=True,
                          move_children=True, by):
    """Giải thể / sáp nhập: close a unit on `on`, naming the unit that takes over its work.

    Side effects (one transaction): sets valid_until and successor; when asked, moves the unit's
    active people and its current sub-units to the successor; audit log entries for each row.
    Award history keeps pointing at the dissolved unit and follows it through `lineage_ids()`.
    """
    with set_actor(by), transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        organisation.valid_until = on
        organisation.successor = successor
        organisation.full_clean()
        organisation.save()
        moved_people = moved_children = 0
        if successor is not None and move_people:
            for person in organisation.people.filter(is_active=True):
                person.organisation = successor
                person.save()
                moved_people += 1
        if successor is not None and move_children:
            for child in organisation.children.current(on=on):
                if child.pk == successor.pk or successor.is_descendant_of(child):
                    continue
                child.parent = successor
                child.save()
                moved_children += 1
    return organisation, moved_people, moved_children
