"""The page "Nhật ký hệ thống": the events a user may read, filtered, as rows a person reads."""
import datetime
from dataclasses import dataclass, field
from functools import lru_cache

from django.apps import apps
from django.utils import timezone
from django.utils.text import capfirst

from core.text import search_tokens
from orgs.enums import Role

from .. import enums
from ..models import Event
from ..registry import WATCHED

NATIONAL = "toan-quoc"


def object_types():
    """(label, text) of the kinds of object the trail holds: the accounts and every watched model."""
    labels = {model._meta.label_lower for model in WATCHED}
    return sorted(((label, type_label(label)) for label in labels), key=lambda item: item[1])


TYPE_LABELS = {"auth.user": "Tài khoản"}  # Django's own name for it is "người dùng"


@lru_cache(maxsize=64)
def type_label(object_type):
    if object_type in TYPE_LABELS:
        return TYPE_LABELS[object_type]
    try:
        model = apps.get_model(object_type)
    except (LookupError, ValueError):
        return object_type
    return capfirst(str(model._meta.verbose_name))


def events_for(user, *, who="", kind="", object_type="", since=None, until=None, text="", province=""):
    """The events `user` may read (Event.objects.for_user), newest first, narrowed by the page's filters."""
    events = Event.objects.for_user(user)
    for token in search_tokens(who):
        events = events.filter(who_text__contains=token)
    for token in search_tokens(text):
        events = events.filter(search_text__contains=token)
    if kind:
        events = events.filter(kind=kind)
    if object_type:
        events = events.filter(object_type=object_type)
    if since:
        events = events.filter(at__gte=_start_of(since))
    if until:
        events = events.filter(at__lt=_start_of(until + datetime.timedelta(days=1)))
    if province == NATIONAL:
        events = events.filter(national=True)
    elif province:
        events = events.filter(province_id=province)
    return events.select_related("province").order_by("-at", "-pk")


def _start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


@dataclass
class Row:
    at: datetime.datetime
    who: str
    address: str
    what: str
    object_type: str
    object_repr: str
    province: str
    national: bool
    changes: list = field(default_factory=list)  # [(label, before, after)]
    details: list = field(default_factory=list)  # [(label, value)]
    security: bool = False


def readable(event, viewer):
    """One event as the page shows it. The address of a national change (the system administrator's) is the
    system administrator's to see only."""
    who = event.actor_name or ("Không xác định" if event.kind in (enums.LOGIN_FAILED, enums.LOCKED_OUT)
                               else "Hệ thống")
    address = event.client_address or ""
    if event.national and not viewer.is_superuser:
        address = ""
    details = [(enums.DETAIL_LABELS[key], _detail(value)) for key, value in (event.details or {}).items()
               if key in enums.DETAIL_LABELS and value not in (None, "")]
    return Row(at=timezone.localtime(event.at), who=who, address=address, what=event.kind_label,
               object_type=type_label(event.object_type) if event.object_type else "",
               object_repr=event.object_repr, province=event.province.name if event.province_id else "",
               national=event.national, changes=[tuple(row) for row in event.changes or []], details=details,
               security=event.kind not in (enums.CREATED, enums.UPDATED, enums.DELETED))


def _detail(value):
    """A detail's value in words: a list of roles by their names."""
    if isinstance(value, list):
        return ", ".join(str(Role(item).label) if item in Role.values else str(item) for item in value) or "—"
    return str(value)
