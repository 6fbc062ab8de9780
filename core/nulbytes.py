"""NUL characters never reach a query (issue 16).

PostgreSQL refuses a string literal containing NUL ("A string literal cannot contain NUL (0x00) characters"):
`?q=%00` in any search box or filter was a 500 on PostgreSQL (SQLite accepts it). Rather than guard every
search helper and filter form, the request's GET and POST values (and keys) are cleaned once, here: the
character is dropped and the page answers as if it had not been typed. Uploaded files are not touched.
"""
from django.http import QueryDict

NUL = "\x00"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def without_nul(query):
    """`query` itself when it holds no NUL; else an immutable copy with every NUL removed."""
    if not any(NUL in key or any(NUL in value for value in values) for key, values in query.lists()):
        return query
    cleaned = QueryDict(mutable=True, encoding=query.encoding)
    for key, values in query.lists():
        cleaned.setlist(key.replace(NUL, ""), [value.replace(NUL, "") for value in values])
    cleaned._mutable = False
    return cleaned


class StripNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.GET = without_nul(request.GET)
        if request.method == "POST" and request.content_type in FORM_TYPES:
            request.POST = without_nul(request.POST)
        return self.get_response(request)
