"""“Lịch sử thay đổi”: the django-auditlog entries of a catalogue object, readable by a person
(who, when, which field from → to), in a constant number of queries."""
import datetime
import json
from dataclasses import dataclass, field

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.utils.text import capfirst

from audit.services.words import display
from core.vntext import tien

from .enums import SubjectType
from .models import AwardForm, BaseSalary, BonusCoefficient

ACTIONS = {LogEntry.Action.CREATE: "Tạo mới", LogEntry.Action.UPDATE: "Sửa",
           LogEntry.Action.DELETE: "Xóa", LogEntry.Action.ACCESS: "Xem"}
HIDDEN_FIELDS = {"id", "created_at", "updated_at", "profile"}
MONEY_FIELDS = {(BaseSalary, "amount")}
EMPTY = "—"


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    timestamp: datetime.datetime
    actor: str
    action: str
    subject: str  # what the entry is about when it is not the page's object (a coefficient row)
    changes: list = field(default_factory=list)


def history_for(obj, *, limit=50):
    """The newest `limit` audit entries of `obj`, newest first. For a legal-basis profile, the
    entries of its bonus coefficients (deleted ones too) come with it."""
    condition = Q(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)
    if obj._meta.model_name == "legalbasisprofile":
        condition |= Q(content_type=ContentType.objects.get_for_model(BonusCoefficient),
                       additional_data__profile_id=obj.pk)
    entries = list(LogEntry.objects.filter(condition).select_related("actor", "content_type")
                   .order_by("-timestamp", "-pk")[:limit])
    award_forms = _award_form_names(entries)
    return [_readable(entry, award_forms) for entry in entries]


def _award_form_names(entries):
    """Names of the award forms the coefficient entries point at, in one query."""
    ids = set()
    for entry in entries:
        if entry.content_type.model_class() is BonusCoefficient:
            for value in (entry.changes_dict.get("award_form") or []):
                if value not in (None, "None", ""):
                    ids.add(int(value))
    if not ids:
        return {}
    return {str(pk): name for pk, name in AwardForm.objects.filter(pk__in=ids).values_list("pk", "name")}


def _readable(entry, award_forms):
    model = entry.content_type.model_class()
    actor = entry.actor
    who = (actor.get_full_name() or actor.username) if actor else (entry.actor_email or "Hệ thống")
    subject = ""
    if model is BonusCoefficient:
        subject = "Hệ số tiền thưởng: " + (entry.additional_data or {}).get("label", entry.object_repr)
    changes = []
    for name, values in entry.changes_dict.items():
        if name in HIDDEN_FIELDS or not isinstance(values, (list, tuple)) or len(values) != 2:
            continue
        try:
            model_field = model._meta.get_field(name) if model else None
        except FieldDoesNotExist:
            model_field = None
        if model_field is not None and not model_field.concrete:
            continue  # a reverse relation: not a field of this row
        old, new = (_display(model, model_field, value, award_forms) for value in values)
        if old == new or (entry.action == LogEntry.Action.CREATE and new == EMPTY):
            continue
        label = capfirst(str(model_field.verbose_name)) if model_field else name
        changes.append(Change(label, old, new))
    return HistoryEntry(entry.timestamp, who, ACTIONS.get(entry.action, ""), subject, changes)


def _display(model, model_field, value, award_forms):
    """One stored value (auditlog keeps them as text) as a person reads it."""
    if value in (None, "None", ""):
        return EMPTY
    value = str(value)
    if model_field is None:
        return value
    if model_field.name == "subject_types":
        try:
            items = json.loads(value)
        except ValueError:
            return value
        return ", ".join(SubjectType(item).label if item in SubjectType.values else str(item)
                         for item in items) or EMPTY
    if isinstance(model_field, models.ForeignKey):
        if model_field.related_model is AwardForm:
            return award_forms.get(value, f"(hình thức đã xóa, mã số {value})")
        return value
    if (model, model_field.name) in MONEY_FIELDS:
        try:
            return tien(value)
        except ValueError:
            return value
    return display(model_field, value)  # choices, Có/Không, dd/mm/yyyy, decimal comma: as the audit trail reads them
