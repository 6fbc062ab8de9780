"""Widgets rendered in Python where Django's template-per-option rendering costs too much."""
from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


class PlainSelect(forms.Select):
    """A <select> of flat choices built in Python: Django renders every <option> through a template. The
    inbox's three lists (31 campaigns, 12 award forms, 9 states at province scale) take 0.5 ms instead of
    2.2–3.4 ms, and the inbox page 2–3.5 ms less (4–7.5 % of its median; Select and PlainSelect swapped
    request by request, 3 × 600 pairs). Same markup and attributes (`required`, `aria-*`, `class` from the
    form); grouped choices fall back to Django's own rendering."""

    def render(self, name, value, attrs=None, renderer=None):
        if any(isinstance(label, list | tuple) for _value, label in self.choices):
            return super().render(name, value, attrs, renderer)
        selected = set(self.format_value(value))
        options = format_html_join("", '<option value="{}"{}>{}</option>', (
            (option, mark_safe(" selected") if str(option) in selected else "", label)
            for option, label in ((("" if option is None else str(option)), label) for option, label in self.choices)))
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(self.build_attrs(self.attrs, attrs)),
                           options)


class VnFileInput(forms.FileInput):
    """A file field in Vietnamese whatever the browser's language ("Chọn tệp", the chosen name; the native
    button reads "Choose File"): the markup of templates/includes/file_input.html, which hand-written forms
    include too. `max_bytes_setting` names the setting the server checks the file's size against: its value,
    read when the field is drawn, goes on the input for static/js/upload.js to refuse a larger file before it
    is sent (one source for both)."""

    def __init__(self, attrs=None, *, max_bytes_setting=""):
        super().__init__(attrs)
        self.max_bytes_setting = max_bytes_setting

    def render(self, name, value, attrs=None, renderer=None):
        from django.conf import settings
        from django.template.loader import render_to_string

        attrs = self.build_attrs(self.attrs, attrs)
        return render_to_string("includes/file_input.html", {
            "id": attrs.get("id", f"id_{name}"), "name": name, "accept": attrs.get("accept", ""),
            "required": self.is_required, "invalid": "is-invalid" in attrs.get("class", ""),
            "max_bytes": getattr(settings, self.max_bytes_setting) if self.max_bytes_setting else None})


class Combobox(forms.Widget):
    """A searchable picker of people, units or accounts (core.pickers, docs/architecture.md "Pickers"): the
    chosen values as checked boxes (chips once static/js/combobox.js has run) and a text box. The script turns the
    box into a WAI-ARIA 1.2 combobox whose options come from the picker's JSON search; without it, the box is a
    plain input whose text the field resolves against the same queryset. Posts `name` (ids, one per chip) and
    `name__tim` (what is typed, if anything). `url` and `labels` (ids → [(id, label)]) are set by the field."""

    template_name = "core/widgets/combobox.html"
    allow_multiple_selected = False
    TEXT_SUFFIX = "__tim"

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.url = ""
        self.labels = lambda ids: []

    def value_from_datadict(self, data, files, name):
        raw = data.getlist(name) if hasattr(data, "getlist") else data.get(name)
        ids = [str(value) for value in (raw if isinstance(raw, list | tuple) else [raw]) if value not in (None, "")]
        text = (data.get(name + self.TEXT_SUFFIX) or "").strip()
        if self.allow_multiple_selected:
            return ids + ([text] if text else [])
        return text or (ids[-1] if ids else None)

    def value_omitted_from_data(self, data, files, name):
        return False  # no box ticked is a value (nothing chosen), like a checkbox

    def format_value(self, value):
        values = value if isinstance(value, list | tuple) else [value]
        return [str(v) for v in values if v not in (None, "")]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        values = context["widget"]["value"]
        ids = [v for v in values if v.isdigit()]
        chosen = dict(self.labels(ids)) if ids else {}
        context["widget"].update(
            url=self.url, multiple=self.allow_multiple_selected, text_name=name + self.TEXT_SUFFIX,
            chosen=[(pk, chosen[pk]) for pk in dict.fromkeys(ids) if pk in chosen],
            text=" ".join(v for v in values if not v.isdigit()),
            flat_attrs=flatatt({key: value for key, value in context["widget"]["attrs"].items() if key != "required"}))
        return context

    def render(self, name, value, attrs=None, renderer=None):
        from django.template.loader import render_to_string

        return render_to_string(self.template_name, self.get_context(name, value, attrs))


class ComboboxMultiple(Combobox):
    """The combobox choosing several (one chip each): never a <select multiple> with Ctrl-click."""

    allow_multiple_selected = True
