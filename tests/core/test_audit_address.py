"""The audit trail records the client's address as login throttling reads it (issue 16): django-auditlog's own
middleware took the first X-Forwarded-For entry, which the client writes."""
import pytest
from auditlog.models import LogEntry
from django.test import override_settings
from django.urls import reverse

from orgs.models import Person

pytestmark = pytest.mark.django_db


def add_person(client, cast, **headers):
    response = client.post(reverse("orgs:person_create"), {
        "full_name": "Phạm Thị Mai", "gender": "nu", "date_of_birth": "05/03/1985",
        "organisation": cast.unit_a.pk, "position": "Chuyên viên", "category": "cong_chuc", "hometown": "",
        "qualification": "", "email": "", "phone": "", "is_active": "on"}, **headers)
    assert response.status_code == 302, response.content.decode()[:2000]
    person = Person.objects.get(full_name="Phạm Thị Mai")
    return LogEntry.objects.get_for_object(person).get(action=LogEntry.Action.CREATE)


@override_settings(PROXY_COUNT=1)
def test_behind_the_proxy_the_entry_the_proxy_wrote_is_recorded(cast, client_for):
    entry = add_person(client_for(cast.clerk_a), cast, REMOTE_ADDR="127.0.0.1",
                       HTTP_X_FORWARDED_FOR="10.6.6.6, 203.0.113.9")
    assert (entry.remote_addr, entry.actor) == ("203.0.113.9", cast.clerk_a)


@override_settings(PROXY_COUNT=1)
def test_a_direct_request_cannot_write_its_address_in_the_header(cast, client_for):
    entry = add_person(client_for(cast.clerk_a), cast, REMOTE_ADDR="198.51.100.50",
                       HTTP_X_FORWARDED_FOR="10.6.6.6")
    assert entry.remote_addr == "198.51.100.50"


def test_without_a_proxy_the_header_is_ignored(cast, client_for):
    entry = add_person(client_for(cast.clerk_a), cast, REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="10.6.6.6")
    assert entry.remote_addr == "203.0.113.9"


@override_settings(PROXY_COUNT=1)
def test_the_middlewares_context_reads_the_proxy_written_entry(rf):
    from core.middleware import AuditlogMiddleware

    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.6.6.6, 203.0.113.9")
    request.user = None
    assert AuditlogMiddleware(lambda r: None).get_extra_data(request)["remote_addr"] == "203.0.113.9"
