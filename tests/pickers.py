"""Reading a picker (core.widgets.Combobox) from a page as a browser would: its search URL, then what the search
offers for a text, as the script asks for it."""
import html
import re


def picker_url(page, field_id):
    """The search URL of the combobox whose text box has id `field_id` (AssertionError when there is none)."""
    found = re.search(r'<div class="combobox" data-combobox data-url="([^"]+)"[^>]*>(?:(?!</div>).)*?id="'
                      + re.escape(field_id) + '"', page, re.S)
    assert found, f"no picker {field_id} on the page"
    return html.unescape(found.group(1))


def offered(client, page, field_id, q=""):
    """The ids the picker `field_id` of `page` offers for `q`."""
    response = client.get(picker_url(page, field_id) + "&q=" + q)
    assert response.status_code == 200, response.status_code
    return [row["id"] for row in response.json()["results"]]


def chosen(page, field_id):
    """The ids shown chosen (chips) in the picker whose text box is `field_id`."""
    name = field_id.removeprefix("id_")
    chip = r'<li class="combobox-chip"[^>]*><input type="checkbox" class="form-check-input" name="'
    return [int(v) for v in re.findall(chip + re.escape(name) + r'" value="(\d+)"', page)]
