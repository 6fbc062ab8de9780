"""Lost updates (issue 16): an edit page carries a version token of what it edits, as the user opened it; saving
checks, with the record locked, that nothing changed meanwhile. If something did, the form is refused with a
message naming who saved and when, shown again with what this user typed and the new token (a second, deliberate
save goes through).

The token is a hash of the values the page edits, read from the database (no model change, works for rows
without `updated_at`, and a save that changed nothing does not count), followed by the time it was read (only
to find who saved since, in the audit log) and, for a form of one record, a short stamp of each field as opened:
a field only the other person changed comes back with its saved value (saving again keeps it), a field both
changed keeps what this user typed with the saved value shown beside. One mechanism for every kind of edit page:

- a form of one record: `VersionedFormMixin` (a hidden field `phien_ban`); what it watches is the record's
  row with the model fields the form edits (`watched()`, which a form extends with other rows it writes);
- a formset of a record's rows (a campaign's section): `VersionedFormSetMixin`, one token for the parent
  record's rows of that section (rendered by `{{ formset.version_input }}`);
- the save: `with unchanged(form, …):` locks each record's row (`select_for_update`) and reads the values again
  inside the transaction the service then writes in; a view based on `form_valid` uses `SaveUnchangedMixin`.

A POST without a token (an old page, a script) is not checked: the token protects a person from another
person's save, not the record from its editor."""
import hashlib
import json
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from datetime import time as dt_time
from typing import NamedTuple

from django import forms
from django.db import transaction
from django.db.models import Model, Q
from django.utils import timezone
from django.utils.html import format_html
from django.views.generic.detail import SingleObjectMixin

VERSION_FIELD = "phien_ban"
RETYPE = "Những gì bạn gõ vẫn còn dưới đây; hãy xem lại rồi lưu lại."


class StaleEdit(Exception):
    """The record changed after the user opened the page; the form or formset already says so."""


class Watched(NamedTuple):
    """Rows and the fields of them an edit page writes: what its token is a hash of."""

    queryset: object
    fields: tuple


# --- the token ---------------------------------------------------------------------------------------------

def values_of(watched):
    """The watched values as plain rows, in a fixed order (m2m fields give one row per link)."""
    parts = []
    for item in watched:
        rows = [json.dumps(row, default=str, sort_keys=True, ensure_ascii=False)
                for row in item.queryset.order_by().values_list("pk", *item.fields)]
        parts.append(sorted(rows))
    return parts


def digest(watched):
    return hashlib.sha256(json.dumps(values_of(watched)).encode()).hexdigest()[:32]


def make_token(watched):
    """`<hash of the values>.<when they were read, ms since the epoch>`."""
    return f"{digest(watched)}.{int(time.time() * 1000)}"


def split_token(token):
    """(hash, read at) of a posted token; read at is None when missing or malformed."""
    value, _, rest = (token or "").partition(".")
    millis = rest.partition(".")[0]
    try:
        read_at = datetime.fromtimestamp(int(millis) / 1000, tz=UTC)
    except (ValueError, OverflowError, OSError):
        read_at = None
    return value, read_at


def stamp(value):
    """A short hash of one field's value (comparable()), to tell later whether it changed."""
    return hashlib.sha256(json.dumps(value, default=str, sort_keys=True).encode()).hexdigest()[:10]


def field_stamps(token):
    """The per-field stamps a form's token ends with (`<hash>.<ms>.<stamp>,<stamp>…`), else []."""
    stamps = (token or "").split(".", 2)[2:]
    return stamps[0].split(",") if stamps and stamps[0] else []


# --- who changed it ----------------------------------------------------------------------------------------

def last_change(watched, since, extra=()):
    """(who, when) of the latest audit entry, after `since`, on the watched rows (and `extra`: (model, pks) pairs,
    e.g. rows deleted meanwhile), else (None, the latest `updated_at` after `since` of those rows, if any)."""
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    if since is None:
        return None, None
    pairs = [(item.queryset.model, list(item.queryset.values_list("pk", flat=True))) for item in watched]
    condition = Q()
    for model, pks in [*pairs, *extra]:
        if pks:
            condition |= Q(content_type=ContentType.objects.get_for_model(model),
                           object_pk__in=[str(pk) for pk in pks])
    entry = None
    if condition:
        entry = LogEntry.objects.filter(condition, timestamp__gt=since).select_related("actor").order_by(
            "-timestamp").first()
    if entry is not None:
        return actor_name(entry), entry.timestamp
    stamps = [stamp for model, pks in pairs if pks and any(f.name == "updated_at" for f in model._meta.fields)
              for stamp in model._default_manager.filter(pk__in=pks, updated_at__gt=since).values_list(
                  "updated_at", flat=True)]
    return None, max(stamps, default=None)


def actor_name(entry):
    """The person's name (a linked Person's, else the account's), else the login."""
    actor = entry.actor
    if actor is None:
        return entry.actor_email or None
    person = getattr(actor, "person", None)
    return getattr(person, "full_name", "") or actor.get_full_name() or actor.get_username()


def conflict_message(watched, since, extra=()):
    """"Trong lúc bạn sửa, Nguyễn Văn A đã lưu thay đổi lúc 10:42 07/12/2026. Những gì bạn gõ …"."""
    who, when = last_change(watched, since, extra)
    at = f" lúc {timezone.localtime(when):%H:%M %d/%m/%Y}" if when else ""
    saved = f"{who} đã lưu thay đổi" if who else "đã có người lưu thay đổi"
    return f"Trong lúc bạn sửa, {saved}{at}. {RETYPE}"


# --- forms -------------------------------------------------------------------------------------------------

class VersionedFormMixin:
    """A form editing one existing record (a ModelForm's instance by default; another form names it in
    `version_record()`, set before calling this __init__) carries the token of what it edits, as opened."""

    def version_record(self):
        return getattr(self, "instance", None)

    def watched(self):
        """The record's row with the model fields this form edits; a form extends it with other rows it writes."""
        record = self.version_record()
        names = {f.name for f in record._meta.get_fields() if f.concrete or f.many_to_many}
        fields = tuple(name for name in self.fields if name in names and name != "id")
        return [Watched(type(record)._default_manager.filter(pk=record.pk), fields)]

    def version_lock(self):
        """The row locked while checking and saving: two guarded saves of one record take turns."""
        record = self.version_record()
        return type(record)._default_manager.filter(pk=record.pk)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        record = self.version_record()
        self.versioned = record is not None and record.pk is not None
        if self.versioned:
            self.fields[VERSION_FIELD] = forms.CharField(
                widget=forms.HiddenInput, required=False, max_length=4000, initial=self.opened_token)

    def opened_token(self):
        """The token, then a stamp of each field as opened (`saved_values`): what the user had before typing."""
        values = self.saved_values()
        if values is None:
            return make_token(self.watched())
        return f"{make_token(self.watched())}.{','.join(stamp(comparable(value)) for value in values.values())}"

    def saved_values(self):
        """{form field: its value as saved now}: the record's columns the form shows and the user may change
        (`merge_fields`), then `saved_elsewhere()`; None when the record is gone."""
        fresh = self.fresh_record()
        if fresh is None:
            return None
        return {**{name: model_field.value_from_object(fresh) for name, model_field in self.merge_fields()},
                **self.saved_elsewhere()}

    def fresh_record(self):
        record = self.version_record()
        return type(record)._default_manager.filter(pk=record.pk).first()

    def merge_fields(self):
        """(name, model field) of the record's columns this form shows and the user may change."""
        record = self.version_record()
        names = {f.name: f for f in record._meta.get_fields() if f.concrete or f.many_to_many}
        return [(name, names[name]) for name, field in self.fields.items()
                if name in names and name != "id" and not field.disabled and not field.widget.is_hidden]

    @property
    def posted_version(self):
        return self.data.get(self.add_prefix(VERSION_FIELD)) if self.is_bound and self.versioned else None

    def clean(self):
        cleaned = super().clean()
        if self.posted_version:
            check(self)
        return cleaned

    def refuse(self, message, token):
        self.data = self.data.copy()
        taken = self.take_saved()
        self.add_error(None, message)
        if taken:
            self.add_error(None, f"Những ô bạn chưa sửa đã được lấy theo bản vừa lưu: {', '.join(taken)}.")
        if differences := self.saved_differences():
            self.add_error(None, differences)
        self.data[self.add_prefix(VERSION_FIELD)] = token

    def take_saved(self):
        """Fields another person changed since the page was opened and this user did not (as its token's stamps
        tell): shown again with the saved value, so that saving again keeps that person's change. Their labels."""
        stamps, values = field_stamps(self.posted_version), self.saved_values()
        cleaned = getattr(self, "cleaned_data", {})
        if values is None or len(stamps) != len(values):
            return []
        taken = []
        for (name, saved), opened in zip(values.items(), stamps, strict=True):
            if name in cleaned and stamp(comparable(saved)) != opened and stamp(comparable(cleaned[name])) == opened:
                put(self.data, self.add_prefix(name), self.fields[name], saved)
                cleaned[name] = saved
                taken.append(str(self.fields[name].label or name))
        return taken

    def saved_differences(self):
        """"Bản vừa được lưu khác bản của bạn ở: Chức vụ: “…”; …": each field another person changed since the page
        was opened (all, when the token has no stamps) that holds otherwise than this user typed, with its saved value
        (side by side with the form, which shows what they typed)."""
        values, cleaned = self.saved_values(), getattr(self, "cleaned_data", {})
        if values is None:
            return ""
        stamps = field_stamps(self.posted_version)
        opened = dict(zip(values, stamps, strict=True)) if len(stamps) == len(values) else {}
        record, columns, shown = self.fresh_record(), dict(self.merge_fields()), []
        for name, saved in values.items():
            if name not in cleaned or comparable(saved) == comparable(cleaned[name]):
                continue
            if opened.get(name) == stamp(comparable(saved)):
                continue  # only this user changed it
            field = self.fields[name]
            if name in columns:
                text = shown_value(record, columns[name], field)
            else:  # saved_elsewhere
                text = (", ".join(map(str, saved)) if isinstance(saved, (list, tuple)) else str(saved or "")) \
                    or "để trống"
            shown.append(f"{field.label or name}: “{text}”")
        return f"Bản vừa được lưu khác bản của bạn ở: {'; '.join(shown)}." if shown else ""

    def saved_elsewhere(self):
        """{form field: its value as saved now} for the fields the form edits outside the record's own columns
        (shown by saved_differences)."""
        return {}


def comparable(value):
    """A value as saved (pk for a row, sorted pks for many, text with \\n line ends) to compare what was saved with
    what was typed."""
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, (list, tuple, set)) or hasattr(value, "model"):
        return sorted((comparable(item) for item in value), key=str)
    if isinstance(value, str):
        return value.replace("\r\n", "\n")
    return "" if value is None else value


def put(data, key, field, value):
    """Set a bound form's data so that the field shows `value` (a saved value) as typed."""
    value = field.prepare_value(value)
    if isinstance(field.widget, forms.CheckboxInput):
        if value:
            data[key] = "on"
        else:
            data.pop(key, None)
    elif isinstance(value, (list, tuple)):
        values = [str(item) for item in value]
        if hasattr(data, "setlist"):
            data.setlist(key, values)
        else:
            data[key] = values
    else:
        data[key] = "" if value is None else value


def shown_value(record, model_field, form_field):
    """A saved value as the page would show it: a row's name, a choice's label, dd/mm/yyyy, có/không."""
    if model_field.many_to_many:
        return ", ".join(str(item) for item in getattr(record, model_field.name).all()) or "để trống"
    if model_field.is_relation:
        related = getattr(record, model_field.name)
        return str(related) if related is not None else "để trống"
    value = model_field.value_from_object(record)
    labels = {str(key): label for key, label in getattr(form_field, "choices", None) or [] if key != ""}
    if value in (None, "", []):
        return "để trống"
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, datetime):
        return f"{timezone.localtime(value):%H:%M %d/%m/%Y}"
    if isinstance(value, dt_time):
        return f"{value:%H:%M}"
    if hasattr(value, "strftime"):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(labels.get(str(item), item)) for item in value)
    text = str(labels.get(str(value), value))
    return text if len(text) <= 160 else text[:159] + "…"


class VersionedFormSetMixin:
    """A formset of a record's rows (a campaign's section) carries one token for them all, the record being the
    formset's `instance` (what `version_lock()` locks)."""

    def watched(self):
        names = [name for name in self.form._meta.fields if name != self.fk.name]
        rows = self.model._default_manager.filter(**{self.fk.name: self.instance})
        return [Watched(rows, tuple(names))]

    def version_lock(self):
        return type(self.instance)._default_manager.filter(pk=self.instance.pk)

    @property
    def version_key(self):
        return f"{self.prefix}-{VERSION_FIELD}"

    @property
    def posted_version(self):
        return self.data.get(self.version_key) if self.is_bound else None

    def version_input(self):
        token = self.data.get(self.version_key) if self.is_bound else make_token(self.watched())
        return format_html('<input type="hidden" name="{}" value="{}">', self.version_key, token or "")

    def clean(self):
        super().clean()
        if self.posted_version:
            check(self)

    def history_extra(self):
        """Rows the user opened that may be gone now (deleted meanwhile): their audit entries name who."""
        posted = [self.data.get(f"{self.prefix}-{index}-id") for index in range(self.total_form_count())]
        return [(self.model, [pk for pk in posted if pk and str(pk).isdigit()])]

    def refuse(self, message, token):
        if self._non_form_errors is None:
            self._non_form_errors = self.error_class(error_class="nonform", renderer=self.renderer)
        self._non_form_errors.append(message)
        self.data = self.data.copy()
        self.data[self.version_key] = token


# --- the check ---------------------------------------------------------------------------------------------

def check(owner, lock=False):
    """Whether `owner` (a versioned form or formset) edits what its record holds now; if not, it is refused
    (message, the new token in its data) and False is returned. `lock`: the record's row is locked first (in
    the caller's transaction)."""
    posted = getattr(owner, "posted_version", None)
    if not posted:
        return True
    if lock:
        list(owner.version_lock().select_for_update().values_list("pk", flat=True))
    watched = owner.watched()
    value, read_at = split_token(posted)
    if value == digest(watched):
        return True
    extra = owner.history_extra() if hasattr(owner, "history_extra") else ()
    owner.refuse(conflict_message(watched, read_at, extra), make_token(watched))
    return False


@contextmanager
def unchanged(*owners):
    """Inside: one transaction in which each form's (formset's) record is locked and still holds what its user
    opened; else StaleEdit, the forms showing why. Wrap the service call that saves them:

        try:
            with unchanged(form):
                service.save_thing(form.instance, by=user)
        except StaleEdit:
            return self.form_invalid(form)
    """
    with transaction.atomic():
        results = [check(owner, lock=True) for owner in owners]
        if not all(results):
            raise StaleEdit
        yield


class SaveUnchangedMixin:
    """A FormView/UpdateView editing a versioned form: its form_valid (the view's own, whatever it does) runs in
    `unchanged(form)`, and a form whose record changed meanwhile comes back (form_invalid) with the message and
    what the user typed. (ProcessFormView.post, with the save inside the check.)"""

    def post(self, request, *args, **kwargs):
        if isinstance(self, SingleObjectMixin):
            self.object = self.get_object()  # as BaseUpdateView.post
        form = self.get_form()
        if not form.is_valid():
            return self.form_invalid(form)
        try:
            with unchanged(form):
                return self.form_valid(form)
        except StaleEdit:
            return self.form_invalid(form)
