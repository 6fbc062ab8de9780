"""Pickers of people, units and accounts (issue 17): a searchable combobox, never a <select> of thousands.

A `Picker` is one named scope of one kind: the function giving the queryset a user may pick from (with its
context, e.g. the dossier whose unit's people may be nominated), the label of a row, and how text finds rows.
Its form field (`PickerField`, `PickerMultipleField`) validates against that queryset, and the kind's JSON search
(`search`, /tim-kiem/<kind>/?pham-vi=<scope>&q=…) answers from the same function: an id the search never offers
is a form error, and another province's row is neither offered nor accepted. Apps register their pickers in their
own `pickers.py` (core knows no domain); the widget is core.widgets.Combobox, the script static/js/combobox.js.
"""
from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from .text import filter_by_search, search_key
from .widgets import Combobox, ComboboxMultiple

KINDS = {"can-bo": "pick_people", "don-vi": "pick_units", "tai-khoan": "pick_accounts",
         "ho-gia-dinh": "pick_households"}
LIMIT = 20  # options shown at most; the user types more of the name to narrow them
PICKERS = {}


@dataclass(frozen=True)
class Picker:
    """`queryset(user, **context)`: what the user may pick; `context`: keyword → (query parameter,
    `resolve(user, raw)` returning the object or raising Http404 outside the user's walls); `notes(user, rows,
    **context)`, if any: {pk: a short warning} shown with those options (e.g. "already proposed in the campaign"),
    read once for the rows shown."""

    kind: str
    scope: str
    queryset: Callable
    label: Callable
    context: dict = field(default_factory=dict)
    search: Callable = filter_by_search
    notes: Callable | None = None

    def url(self, **context):
        params = {"pham-vi": self.scope}
        params.update({param: context[key].pk for key, (param, _resolve) in self.context.items()
                       if getattr(context.get(key), "pk", None) is not None})
        return f"{reverse(KINDS[self.kind])}?{urlencode(params)}"

    def context_from(self, user, params):
        """The context objects named by a request's query parameters (Http404 when one is out of reach)."""
        context = {}
        for key, (param, resolve) in self.context.items():
            raw = params.get(param, "")
            if raw and not raw.isdigit():
                raise Http404
            context[key] = resolve(user, raw) if raw else None
        return context

    def found(self, queryset, text, limit=LIMIT):
        return list(self.search(queryset, text)[:limit]) if text else list(queryset[:limit])


def register(kind, scope, queryset, *, label, context=None, search=filter_by_search, notes=None):
    assert kind in KINDS, kind
    picker = Picker(kind, scope, queryset, label, context or {}, search, notes)
    assert PICKERS.setdefault((kind, scope), picker) is picker, f"picker {kind}/{scope} registered twice"
    return picker


@login_required
@require_GET
def search(request, kind):
    """The options of a picker for what is typed (`q`): at most LIMIT rows of the picker's queryset for this user,
    as JSON {"results": [{"id", "label"[, "note"]}], "more": bool} ("note": the picker's warning on that row, if
    any). An unknown scope or a context outside the walls: 404."""
    picker = PICKERS.get((kind, request.GET.get("pham-vi", "")))
    if picker is None:
        raise Http404
    context = picker.context_from(request.user, request.GET)
    queryset = picker.queryset(request.user, **context)
    found = picker.found(queryset, request.GET.get("q", "").strip()[:100], LIMIT + 1)
    rows = found[:LIMIT]
    notes = picker.notes(request.user, rows, **context) if picker.notes and rows else {}
    results = [{"id": row.pk, "label": picker.label(row), **({"note": notes[row.pk]} if notes.get(row.pk) else {})}
               for row in rows]
    return JsonResponse({"results": results, "more": len(found) > LIMIT})


INVALID = "Lựa chọn này không có trong danh sách bạn được chọn."


class PickerMixin:
    def __init__(self, picker, **kwargs):
        kwargs.setdefault("queryset", None)
        super().__init__(**kwargs)
        self.picker = picker
        self.error_messages["invalid_choice"] = self.error_messages["invalid_pk_value"] = INVALID

    def scope(self, user, **context):
        """Limit the field to what `user` may pick (the picker's queryset) and point the widget at its search."""
        self.queryset = self.picker.queryset(user, **context)
        self.widget.url = self.picker.url(**context)
        self.widget.labels = self.labels
        return self

    def prime(self, labels):
        """Labels of ids ({str(pk): label}) read once for a formset's rows, so that a row costs no query of its own."""
        self.known = labels
        return self

    def labels(self, ids):
        known = getattr(self, "known", {})
        rest = [pk for pk in ids if pk not in known]
        found = {str(row.pk): self.picker.label(row) for row in self.queryset.filter(pk__in=rest)} if rest else {}
        return [(pk, known.get(pk) or found[pk]) for pk in ids if pk in known or pk in found]

    def label_from_instance(self, obj):
        return self.picker.label(obj)

    def from_text(self, text):
        """The one row `text` names (typed without the script): the only match, or the one whose label is the text."""
        rows = self.picker.found(self.queryset, text, LIMIT + 1)
        exact = [row for row in rows if search_key(self.picker.label(row)) == search_key(text)
                 or search_key(str(row)) == search_key(text)]
        if len(rows) == 1 or len(exact) == 1:
            return rows[0] if len(rows) == 1 else exact[0]
        if not rows:
            raise ValidationError(f"Không tìm thấy “{text}” trong danh sách bạn được chọn.", code="invalid_choice")
        count = f"{LIMIT} kết quả trở lên" if len(rows) > LIMIT else f"{len(rows)} kết quả"
        raise ValidationError(f"Có {count} khớp với “{text}”: gõ đầy đủ hơn, hoặc chọn trong danh sách gợi ý.",
                              code="invalid_choice")


class PickerField(PickerMixin, forms.ModelChoiceField):
    """One person, unit or account, picked with the combobox; call `scope(user, **context)` in the form."""

    widget = Combobox

    def to_python(self, value):
        if isinstance(value, str) and value.strip() and not value.strip().isdigit():
            return self.from_text(value.strip())
        return super().to_python(value)


class PickerMultipleField(PickerMixin, forms.ModelMultipleChoiceField):
    """Several people or units, one chip each."""

    widget = ComboboxMultiple

    def clean(self, value):
        values = [str(v).strip() for v in (value or []) if str(v).strip()]
        ids = [v for v in values if v.isdigit()]
        typed = [self.from_text(v) for v in values if not v.isdigit()]
        if not ids and not typed:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return self.queryset.none()
        chosen = list(self._check_values(ids)) if ids else []
        pks = list(dict.fromkeys([row.pk for row in chosen] + [row.pk for row in typed]))
        self.run_validators(pks)
        return self.queryset.filter(pk__in=pks)

    def has_changed(self, initial, data):
        data = [str(v) for v in (data or []) if str(v).isdigit()] + [v for v in (data or []) if not str(v).isdigit()]
        return super().has_changed(initial, data)


def prime_rows(forms, names):
    """Read once the labels of the values every row of a formset shows in its pickers `names` (one query per
    name instead of one per row), and give them to each row's field; returns `forms`."""
    for name in names:
        rows = [(form, form.fields[name]) for form in forms if isinstance(form.fields.get(name), PickerMixin)]
        if not rows:
            continue
        ids = {value for form, picker in rows for value in picker.widget.format_value(form[name].value())
               if value.isdigit()}
        known = dict(rows[0][1].labels(sorted(ids))) if ids else {}
        for _form, picker in rows:
            picker.prime(known)
    return forms
