"""core.widgets.PlainSelect renders exactly what Django's Select does, without a template per option."""
import pytest
from django import forms
from django.test.html import parse_html

from core.widgets import PlainSelect

CHOICES = [("", "Tất cả"), (7, "Kế hoạch 15/KH-UBND <thi đua> & “khen thưởng”"), (12, "Phong trào 2025")]


class Filters(forms.Form):
    plain = forms.TypedChoiceField(choices=CHOICES, coerce=int, required=False, widget=PlainSelect(
        attrs={"class": "form-select"}))
    django = forms.TypedChoiceField(choices=CHOICES, coerce=int, required=False, widget=forms.Select(
        attrs={"class": "form-select"}))
    needed = forms.ChoiceField(choices=CHOICES, widget=PlainSelect)
    needed_django = forms.ChoiceField(choices=CHOICES)


def same(plain, django, name="django"):
    """The two fields' HTML, the name and id aside."""
    return parse_html(str(plain).replace("id_plain", f"id_{name}").replace('name="plain"', f'name="{name}"')) \
        == parse_html(str(django))


@pytest.mark.parametrize("data", [None, {}, {"plain": "7", "django": "7"}, {"plain": "99", "django": "99"}])
def test_the_same_markup_as_djangos_select(data):
    form = Filters(data)
    if data is not None:
        form.is_valid()
    assert same(form["plain"], form["django"])


def test_required_and_errors_keep_their_attributes():
    form = Filters({})
    assert not form.is_valid()
    plain = str(form["needed"])
    assert " required" in plain and 'aria-invalid="true"' in plain
    django = str(form["needed_django"]).replace("needed_django", "needed")
    assert parse_html(plain) == parse_html(django)


def test_labels_are_escaped_and_the_choice_is_selected():
    html = str(Filters({"plain": "7"})["plain"])
    assert "&lt;thi đua&gt; &amp; “khen thưởng”" in html
    assert '<option value="7" selected>' in html and '<option value="" selected>' not in html
