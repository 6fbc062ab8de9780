"""The long forms opt in to drafts and every page loads the form scripts (issue 17; the behaviour itself is
walked in the browser by tests/e2e/test_form_behaviour_journey.py)."""
import re

import pytest
from django.urls import reverse

from campaigns.views.campaigns import SECTIONS
from tests.factories.campaigns import draft_campaign
from tests.factories.dossiers import ready_dossier

pytestmark = pytest.mark.django_db

SCRIPTS = ["js/portal.js", "js/form-draft.js", "js/upload.js", "js/submit-once.js"]


def draft_forms(html):
    return re.findall(r'<form [^>]*data-form-draft data-draft-user="(\d+)"', html)


def test_mau_08_keeps_a_draft_of_its_user(cast, client_for):
    nomination = ready_dossier(cast).nominations.get()
    html = client_for(cast.clerk_a).get(reverse("dossiers:report_edit", args=[nomination.pk])).content.decode()
    assert draft_forms(html) == [str(cast.clerk_a.pk)]


@pytest.mark.parametrize("page", ["create", "update", *SECTIONS])
def test_the_campaign_plan_and_its_sections_keep_a_draft(cast, client_for, page):
    campaign = draft_campaign(cast)
    if page == "create":
        url = reverse("campaigns:campaign_create")
    elif page == "update":
        url = reverse("campaigns:campaign_update", args=[campaign.pk])
    else:
        url = reverse("campaigns:campaign_section", args=[campaign.pk, page])
    response = client_for(cast.admin).get(url)
    assert response.status_code == 200, url
    assert draft_forms(response.content.decode()) == [str(cast.admin.pk)]


def test_every_signed_in_page_loads_the_form_scripts_and_sign_out_clears_drafts(cast, client_for):
    html = client_for(cast.clerk_a).get(reverse("home")).content.decode()
    loaded = re.findall(r'<script src="/static/(js/[\w-]+\.js)"', html)
    assert [name for name in loaded if name in SCRIPTS] == SCRIPTS  # upload.js before submit-once.js
    assert re.search(r'<form method="post" action="' + re.escape(reverse("logout")) + r'" data-clear-drafts>', html)
