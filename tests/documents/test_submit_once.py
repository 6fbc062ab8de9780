"""A create form sent twice makes one record (issue 16: eight clicks on "Thêm cán bộ" made eight people).

Every create view of the permission matrix (SubmitOnceMixin, documents/once.py) is sent the matrix's own POST
twice with the same one-time token: the second POST changes no watched table and is sent where the first one
went. tests/documents/test_submit_once_at_once.py: the token on the pages, refused forms, and eight clicks at the
same moment on PostgreSQL."""
import pytest
from django.urls import get_resolver, resolve

from core.once import FIELD
from documents.once import REPEATED, SubmitOnceMixin
from tests.documents.test_submit_once_at_once import SYSTEM_ONLY
from tests.test_permission_matrix import (  # noqa: F401 (the matrix's module fixtures)
    MATRIX,
    ROLES,
    WRITTEN,
    changed_tables,
    client_as,
    matrix_targets,
    row_id,
    set_up,
    snapshot,
    targets,
    url_of,
)

# The views that create a record, by URL name: each must act once per token.
CREATE_URLS = {"orgs:person_create", "orgs:organisation_create", "orgs:province_create", "orgs:account_create",
               "orgs:membership_create", "orgs:bloc_create", "campaigns:campaign_create", "dossiers:dossier_create",
               "dossiers:nominee_add", "dossiers:attachment_upload", "dossiers:meeting_create",
               "dossiers:council_create", "dossiers:award_create", "awards:salary_create", "awards:profile_create",
               "awards:awardform_create", "dossiers:remind_late"}


def guarded(url):
    view = resolve(url.split("?")[0]).func
    return issubclass(getattr(view, "view_class", object), SubmitOnceMixin)


def create_rows():
    for row in MATRIX:
        role = next((role for role in ROLES if row.get("post", {}).get(role) == WRITTEN), None)
        if role is not None and row["url"] in CREATE_URLS:
            yield pytest.param(row, role, id=row_id(row))


def test_every_create_view_is_guarded_and_in_the_matrix():
    with_rows = {row["url"] for row in MATRIX if any(v == WRITTEN for v in row.get("post", {}).values())}
    assert CREATE_URLS - with_rows == set(SYSTEM_ONLY)  # the superuser's: test_submit_once_at_once.py
    for name in CREATE_URLS:
        namespace, _, short = name.partition(":")
        pattern = next(p for p in get_resolver().namespace_dict[namespace][1].url_patterns
                       if getattr(p, "name", None) == short)
        assert issubclass(pattern.callback.view_class, SubmitOnceMixin), name


@pytest.mark.parametrize(("row", "role"), list(create_rows()))
def test_the_same_create_form_sent_twice_makes_one_record(row, role, targets, settings, tmp_path):  # noqa: F811
    settings.MEDIA_ROOT = tmp_path
    set_up(row, targets)
    client = client_as(role, targets)
    url = url_of(row, targets)
    assert guarded(url)
    before = snapshot()
    first = client.post(url, {**row["data"](targets), FIELD: "mot-lan-bam"})
    assert first.status_code == 302
    made = snapshot()
    assert changed_tables(before, made) != []
    second = client.post(url, {**row["data"](targets), FIELD: "mot-lan-bam"}, follow=False)
    assert changed_tables(made, snapshot()) == []
    assert (second.status_code, second["Location"]) == (302, first["Location"])
    assert REPEATED in [str(m) for m in client.get(second["Location"]).context["messages"]]
    third = client.post(url, {**row["data"](targets), FIELD: "lan-khac"})  # a new form: acted on as always
    assert third.status_code in (200, 302, 400)
