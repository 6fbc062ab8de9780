"""The limits the browser checks an upload against are the server's own (issue 17): the file field carries the
size limit from the setting the server reads and the types it accepts (static/js/upload.js reads them)."""
import re

import pytest
from django.urls import reverse

from core.widgets import VnFileInput
from dossiers.forms.council import CountSheetForm
from dossiers.services.attachments import ACCEPT
from dossiers.templatetags.attachment_tags import attachment_rules
from orgs.forms import PeopleImportForm
from tests.factories.dossiers import ready_dossier


def attribute(html, name):
    found = re.findall(rf'<input type="file"[^>]* {name}="([^"]*)"', html)
    return found[0] if found else None


def test_the_widget_draws_the_named_settings_limit_when_drawn(settings):
    widget = VnFileInput(attrs={"accept": ".pdf"}, max_bytes_setting="DOSSIER_ATTACHMENT_MAX_BYTES")
    settings.DOSSIER_ATTACHMENT_MAX_BYTES = 1234

    html = widget.render("tep", None, {"id": "id_tep"})

    assert attribute(html, "data-max-bytes") == "1234"
    assert attribute(html, "accept") == ".pdf"
    assert 'id="id_tep-error" data-file-error' in html  # where the browser's refusal is written


def test_a_widget_without_a_limit_draws_none():
    html = VnFileInput().render("tep", None, {"id": "id_tep"})
    assert attribute(html, "data-max-bytes") is None


def test_the_people_import_and_the_council_papers_carry_the_limits_their_services_check(settings):
    settings.PEOPLE_IMPORT_MAX_BYTES, settings.DOSSIER_ATTACHMENT_MAX_BYTES = 5000, 7000

    people = str(PeopleImportForm()["file"])
    sheet = str(CountSheetForm()["sheet"])

    assert (attribute(people, "data-max-bytes"), attribute(people, "accept")) == ("5000", ".xlsx")
    assert (attribute(sheet, "data-max-bytes"), attribute(sheet, "accept")) == ("7000", ".pdf,.jpg,.jpeg,.png")


def test_the_attachment_rules_are_the_upload_services(settings):
    settings.DOSSIER_ATTACHMENT_MAX_BYTES = 3 * 1024 * 1024
    assert attachment_rules() == {"accept": ACCEPT, "max_bytes": 3 * 1024 * 1024, "max_size": "3 MB",
                                  "max_count": 30}


@pytest.mark.django_db
def test_the_dossier_pages_upload_form_is_sent_with_progress_and_checked_first(cast, client_for, settings):
    settings.DOSSIER_ATTACHMENT_MAX_BYTES = 2048
    dossier = ready_dossier(cast)

    page = client_for(cast.clerk_a).get(dossier.get_absolute_url()).content.decode()

    form = re.search(r'<form [^>]*action="' + re.escape(reverse("dossiers:attachment_upload", args=[dossier.pk]))
                     + r'"[^>]*>', page).group(0)
    assert " data-upload" in form
    assert attribute(page, "data-max-bytes") == "2048" and attribute(page, "data-max-size") == "2 KB"
    assert attribute(page, "accept") == ACCEPT
