"""The account edit form opens with the record's values (issue 16): it opened blank, and saving it after changing
only the e-mail deactivated the account and unlinked its person."""
import re

from django.urls import reverse


def form_data(page):
    """What a browser would post back from the page as it opened (text inputs, checked boxes, selected options)."""
    inputs = re.findall(r'<input type="(?:text|email)" name="(\w+)" value="([^"]*)"', page)
    data = dict(inputs)
    data.update({name: "on" for name in re.findall(r'<input type="checkbox" name="(\w+)"[^>]*checked', page)})
    data.update(re.findall(r'<li class="combobox-chip"[^>]*><input type="checkbox" class="form-check-input" '
                           r'name="(\w+)" value="([^"]*)"', page))  # a picker's chosen value (core.widgets.Combobox)
    for name, options in re.findall(r'<select name="(\w+)"[^>]*>(.*?)</select>', page, re.S):
        selected = re.search(r'<option value="([^"]*)"[^>]*selected', options)
        data[name] = selected.group(1) if selected else ""
    return data


def test_the_account_form_opens_with_the_record_and_keeps_what_was_not_changed(cast, client_for):
    account = cast.clerk_a
    account.email, account.first_name, account.last_name = "canbo.a@example.gov.vn", "Phạm Thị", "Thảo"
    account.save()
    cast.person_a.user = account
    cast.person_a.save()
    client = client_for(cast.admin)
    url = reverse("orgs:account_update", args=[account.pk])
    page = client.get(url).content.decode()
    data = form_data(page)
    assert data["email"] == "canbo.a@example.gov.vn" and data["full_name"] == "Phạm Thị Thảo"
    assert data.get("is_active") == "on" and data["person"] == str(cast.person_a.pk)
    assert client.post(url, {**data, "email": "moi@example.gov.vn"}).status_code == 302
    account.refresh_from_db()
    cast.person_a.refresh_from_db()
    assert (account.email, account.is_active, cast.person_a.user_id) == ("moi@example.gov.vn", True, account.pk)
