"""The dossier page's body (everything under its header: the nominees with each one's checks, the
checklist, the Tờ trình, the attachments, the print list, the log), kept per process under a version
of what it shows.

Building the body is almost all of the page's cost: the nominees with their reports, votes and people,
the register history, the other nominations of the same campaign, the rules, the log, the attachments
and the rendering. A process that kept a dossier's body reads instead one value, `dossier_page_version`
(a PL/pgSQL function, migration dossiers 0013): an md5 of the PostgreSQL row version (`xmin`, the
transaction that last wrote the row, which moves on every write whatever the code path: `save()`,
`QuerySet.update()`, an import, hand-written SQL) of every row the body and the dossier's own object
show, and of the quota figures the checks count:

- the dossier, its campaign and issuing body, offer, award forms, unit, its Biên bản and that one's unit;
- the campaign's criteria and dossier components;
- each nominee: the nomination, its report, vote and Biên bản, the person and their unit, the collective,
  the criteria confirmed;
- the nominees' register rows (awards and ratings; a collective's include those of the units merged
  into it, at any depth), the other live nominations of the same people or units in the campaign, with
  their dossier and unit;
- the attachments and their uploaders, the state log and the users named in it, the versions sent;
- the unit's live nominees per offer of the campaign, its active staff, its quota overrides, the
  eligibility rule settings.

With today's date (the deadline and the ages the checks compute) that is the body's version. When it
matches, the page makes no other query about the dossier: the kept dossier object (read with the body,
and covered by the same version) answers the permission checks, and only the header (the moves this
user may make, with their CSRF forms) is rendered for the request. The version is read before the body
is built, in the same statement as the dossier (or before it): a row written meanwhile only makes the
next request build the body again; the body is never older than its version.

Kept only for users who may not change the dossier (office, council, leaders: who read it most): a
clerk's body carries forms with the session's CSRF token. SQLite has no row version: the body is then
built on every request, as it is when settings.DOSSIER_PAGE_CACHE is off.
"""
from typing import NamedTuple

from django.conf import settings
from django.db import connection
from django.db.models import F, Func, TextField
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone

from core.memo import VersionedCache

from .completeness import checked_nominations
from .workflow import any_pending

VERSION = "page_version"  # the dossier query's annotation holding the version (version_annotation())


class Body(NamedTuple):
    dossier: object  # the Dossier the body was built from (shared by the process's requests: never change it)
    html: str        # templates/dossiers/_body.html
    pending: bool    # a nominee still awaits the office's verdict (for the moves in the header)


_bodies = VersionedCache(size=256)


def enabled():
    return connection.vendor == "postgresql" and settings.DOSSIER_PAGE_CACHE


def version_annotation():
    """{name: expression} to annotate the dossier query with the body's version (none when the cache is off)."""
    return {VERSION: Func(F("pk"), function="dossier_page_version", output_field=TextField())} if enabled() else {}


def kept_body(user, pk):
    """The kept body of dossier `pk` if it is still current and `user` may read the dossier but not change it;
    else None. Reads the version only when this process keeps a body of that dossier."""
    if not enabled() or not _bodies.has(pk):
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT dossier_page_version(%s)", [pk])
        version = cursor.fetchone()[0]
    body = _bodies.peek(pk, _key(version))
    if body is None or not user.has_perm("dossiers.view_dossier", body.dossier) \
            or user.has_perm("dossiers.change_dossier", body.dossier):
        return None
    return body


def body(dossier, request, can_change):
    """The body of `dossier`'s page, built for this request; kept when `can_change` is False and the
    dossier came with its version (version_annotation())."""
    nominations, check = checked_nominations(dossier)
    context = {"dossier": dossier, "nominations": nominations, "checklist": check, "can_change": can_change,
               **record(dossier)}
    if can_change:  # the rows' forms; no context processors: the page runs them once
        from ..forms.dossiers import NomineeForm

        context.update(csrf_token=get_token(request), nominee_form=NomineeForm(dossier=dossier))
    built = Body(dossier, render_to_string("dossiers/_body.html", context), any_pending(nominations))
    version = getattr(dossier, VERSION, None)
    if not can_change and version is not None:
        _bodies.put(dossier.pk, _key(version), built)
    return built


def _key(version):
    """The version a body is kept at: the rows' version and today (the checks count days to deadlines)."""
    return version, timezone.localdate()


def record(dossier):
    """What the dossier page and the review page show beside the nominees: the state log, the versions
    sent, the attachments."""
    return {"state_changes": dossier.state_changes.select_related("by"),
            "versions": dossier.versions.values("number", "submitted_at") if dossier.version else (),
            "attachments": dossier.attachments.select_related("uploaded_by", "nomination")}
