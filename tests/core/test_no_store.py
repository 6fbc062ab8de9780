"""Logged-in pages and files are sent with Cache-Control: no-store (issue 16); public pages keep theirs."""
from django.urls import reverse


def test_signed_in_pages_are_not_stored(cast, client_for):
    client = client_for(cast.clerk_a)
    for url in ("/", reverse("campaigns:campaign_list"), reverse("orgs:person_list")):
        control = client.get(url)["Cache-Control"]
        assert "no-store" in control and "private" in control, url


def test_public_pages_keep_their_caching(db, client):
    response = client.get(reverse("campaigns:public_list"))
    assert response.status_code == 200 and "no-store" not in response.get("Cache-Control", "")
