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
    include too."""

    def render(self, name, value, attrs=None, renderer=None):
        from django.template.loader import render_to_string

        attrs = self.build_attrs(self.attrs, attrs)
        return render_to_string("includes/file_input.html", {
            "id": attrs.get("id", f"id_{name}"), "name": name, "accept": attrs.get("accept", ""),
            "required": self.is_required, "invalid": "is-invalid" in attrs.get("class", "")})
