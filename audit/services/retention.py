"""How long the audit trail is kept: as long as the operator decides (docs/operations.md), then purged by day."""
import datetime

from django.utils import timezone

from ..models import Event


def purge_before(day):
    """Delete the events before `day` (local time); returns how many."""
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    deleted, _ = Event.objects.filter(at__lt=start).delete()
    return deleted
