"""A django-auditlog entry's changes in words, as a person reads them (labels, choices, Có/Không, dd/mm/yyyy,
decimal comma, names instead of ids): worked out once, when the event is written, so the page reads text only.
The ideas are those of awards/history.py (which reads a catalogue object's own history)."""
import datetime
import json

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone, translation
from django.utils.text import capfirst

from core.vntext import vn_decimal

EMPTY = "—"
HIDDEN_FIELDS = {"id", "created_at", "updated_at", "path", "depth", "search_text", "password", "last_login",
                 "checks", "checked_at"}


def changes_in_words(model, changes, *, created=False, formats=None, hide=()):
    """[[label, before, after]] of an auditlog entry's `changes` ({field: [old, new]} or an m2m change), but
    the fields in `hide`."""
    formats = formats or {}
    changes = {name: values for name, values in changes.items() if name not in hide}
    with translation.override("vi"):
        fields = {name: _field(model, name) for name in changes}
        names = _related_names(fields, changes)
        rows = []
        for name, values in changes.items():
            model_field = fields[name]
            if name in HIDDEN_FIELDS or (model_field is not None and not model_field.concrete
                                         and not model_field.many_to_many):
                continue
            label = capfirst(str(model_field.verbose_name)) if model_field is not None else name
            if isinstance(values, dict) and values.get("type") == "m2m":
                objects = ", ".join(str(item) for item in values.get("objects", [])) or EMPTY
                if values.get("operation") == "add":
                    rows.append([label, EMPTY, "thêm: " + objects])
                else:
                    rows.append([label, "bỏ: " + objects, EMPTY])
                continue
            if not isinstance(values, list | tuple) or len(values) != 2:
                continue
            old, new = (display(model_field, value, names, formats.get(name)) for value in values)
            if old == new or (created and new == EMPTY):
                continue
            rows.append([label, old, new])
    return rows


def _field(model, name):
    try:
        return model._meta.get_field(name) if model is not None else None
    except FieldDoesNotExist:
        return None


def _related_names(fields, changes):
    """{(related model, id as text): name} of the foreign keys the changes point at, one query per model."""
    wanted = {}
    for name, model_field in fields.items():
        if isinstance(model_field, models.ForeignKey) and isinstance(changes[name], list | tuple):
            ids = {str(value) for value in changes[name] if value not in (None, "None", "")}
            wanted.setdefault(model_field.related_model, set()).update(ids)
    names = {}
    for related, ids in wanted.items():
        if ids:
            names.update({(related, str(row.pk)): str(row) for row in related._base_manager.filter(pk__in=ids)})
    return names


def display(model_field, value, names=None, fmt=None):
    """One stored value (auditlog keeps text) in words."""
    if value in (None, "None", ""):
        return EMPTY
    value = str(value)
    if fmt is not None:
        try:
            return fmt(value) or EMPTY
        except (TypeError, ValueError):
            return value
    if model_field is None:
        return value
    if isinstance(model_field, models.ForeignKey):
        return (names or {}).get((model_field.related_model, value), f"(đã xóa, mã số {value})")
    if model_field.choices:
        return str(dict((str(key), label) for key, label in model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.BooleanField):
        return {"True": "Có", "False": "Không"}.get(value, value)
    if isinstance(model_field, models.DateTimeField):
        try:
            moment = datetime.datetime.fromisoformat(value)
        except ValueError:
            return value
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        return moment.strftime("%d/%m/%Y %H:%M")
    if isinstance(model_field, models.DateField):
        try:
            return datetime.date.fromisoformat(value[:10]).strftime("%d/%m/%Y")
        except ValueError:
            return value
    if isinstance(model_field, models.DecimalField):
        return vn_decimal(value)
    if isinstance(model_field, models.JSONField):
        return json_in_words(value)
    return value


def json_in_words(value):
    """'{"years": 3}' -> 'years: 3'; '["a", "b"]' -> 'a, b'."""
    try:
        data = json.loads(value)
    except ValueError:
        return value
    if isinstance(data, dict):
        return "; ".join(f"{key}: {item}" for key, item in sorted(data.items())) or EMPTY
    if isinstance(data, list):
        return ", ".join(str(item) for item in data) or EMPTY
    return str(data)
