"""Actions on people (cán bộ, công chức, viên chức, người lao động)."""
from auditlog.context import set_actor
from django.db import transaction


def save_person(person, *, by):
    """Create or update a person. Side effects: writes the row and an audit log entry."""
    person.full_clean()
    with set_actor(by), transaction.atomic():
        person.save()
    return person
