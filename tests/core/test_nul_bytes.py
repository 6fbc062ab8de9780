"""A NUL character in a search box or a filter is dropped before any query (issue 16, core.nulbytes).

PostgreSQL refuses a string literal with NUL ("A string literal cannot contain NUL (0x00) characters"), so
`?q=%00` was a 500 there; SQLite accepts it. The walk below sends NUL in `q` and in every field of every GET
form of every page the permission matrix opens (as a role that sees it), with the database refusing NUL as
PostgreSQL does, on either backend; on PostgreSQL (.ci/run) the real refusal answers too.
"""
import re
from urllib.parse import urlencode, urlsplit

import pytest
from django.db import connection
from django.http import QueryDict
from django.test import RequestFactory

from core.nulbytes import StripNulMiddleware, without_nul
from tests.test_permission_matrix import (  # noqa: F401 (the matrix's module fixtures)
    MATRIX,
    ROLES,
    client_as,
    matrix_targets,
    row_id,
    set_up,
    targets,
    url_of,
)

GET_FORM = re.compile(r"<form\b(?P<attrs>[^>]*)>(?P<body>.*?)</form>", re.S)
FIELD = re.compile(r"<(?:input|select|textarea)\b[^>]*\bname=\"([^\"]+)\"")
SKIPPED_TYPES = re.compile(r"type=\"(?:hidden|submit|checkbox|radio|file)\"")


def refuse_nul(execute, sql, params, many, context):
    """What psycopg2 does with a NUL in a parameter, on any backend."""
    values = [value for group in (params or []) for value in (group if many else [group])]
    if "\x00" in sql or any(isinstance(value, str) and "\x00" in value for value in values):
        raise ValueError("A string literal cannot contain NUL (0x00) characters.")
    return execute(sql, params, many, context)


def get_form_fields(html):
    """The names of the text boxes and lists of the page's GET forms (search boxes and filters)."""
    names = []
    for form in GET_FORM.finditer(html):
        method = re.search(r"method=\"(\w+)\"", form["attrs"])
        if method and method[1].lower() != "get":
            continue
        for tag in re.finditer(r"<(?:input|select|textarea)\b[^>]*>", form["body"]):
            if not SKIPPED_TYPES.search(tag[0]) and (name := FIELD.match(tag[0])):
                names.append(name[1])
    return list(dict.fromkeys(names))


def readable_pages():
    """One case per matrix row a role opens with 200: (row, that role)."""
    for row in MATRIX:
        role = next((role for role in ROLES if row.get("get", {}).get(role) == 200), None)
        if role is not None:
            yield pytest.param(row, role, id=row_id(row))


@pytest.mark.parametrize(("row", "role"), list(readable_pages()))
def test_nul_in_any_search_box_or_filter_is_ignored(row, role, targets):  # noqa: F811
    set_up(row, targets)
    client = client_as(role, targets)
    url = urlsplit(url_of(row, targets))
    page = client.get(url.path + ("?" + url.query if url.query else ""))
    assert page.status_code == 200
    base = QueryDict(url.query)
    fields = ["q"] + (get_form_fields(page.content.decode()) if "html" in page.get("Content-Type", "") else [])
    with connection.execute_wrapper(refuse_nul):
        for field in dict.fromkeys(fields):
            query = base.copy()
            query.setlist(field, ["\x00", "Nguy\x00ễn"][: 1 + (field == "q")])
            response = client.get(url.path, data=query)
            assert response.status_code in (200, 302, 400), (field, response.status_code)


def test_the_middleware_drops_nul_from_keys_and_values_and_leaves_clean_requests_alone():
    clean = QueryDict("q=Nguyễn&don-vi=3")
    assert without_nul(clean) is clean
    dirty = without_nul(QueryDict(urlencode({"q": "Ng\x00uyễn", "t\x00rang": ["1", "\x002"]}, doseq=True)))
    assert (dirty["q"], dirty.getlist("trang"), dirty._mutable) == ("Nguyễn", ["1", "2"], False)
    seen = {}

    def view(request):
        seen.update(get=request.GET.dict(), post=request.POST.dict())

    request = RequestFactory().post("/?q=%00a", {"ten": "B\x00c"})
    StripNulMiddleware(view)(request)
    assert seen == {"get": {"q": "a"}, "post": {"ten": "Bc"}}
