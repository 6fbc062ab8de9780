"""The nominees part of the dossier page (the nominee table with each one's checks, the checklist, the
office's notes, whether a verdict is pending), kept per process under a fingerprint of what it shows.

Building that part is most of the page's cost: the nominees with their reports, votes and people, the
register history, the other nominations of the same campaign, the rules, and the rendering. Each request
reads instead, in the query that reads the quota figures anyway, a fingerprint of every row the part
depends on (PostgreSQL's `xmin`, the id of the transaction that last wrote a row, moves on every write,
whatever the code path: `save()`, `QuerySet.update()`, an import or a hand-written SQL):

- the dossier, its campaign, offer, award form and unit;
- each nominee: the nomination, its report, vote and Biên bản, the person and their unit, the collective;
- the criteria each nominee's unit confirmed;
- the register rows of the nominees (awards, with their form, and ratings; a collective's include those
  of the units merged into it, at any depth);
- the other live nominations of the same people or units in the campaign, with their dossier, unit and form;
- the dossier's attachments (the checklist looks for uploaded components).

The quota figures and the rules' stamp (dossier_figures) and today's date complete the version. A row
written after the fingerprint was read but before the part was built only makes the next request build
it again: the part is never older than its version.

Kept only for users who may not change the dossier (office, council, leaders: who read it most): a
clerk's rows carry forms with the session's CSRF token. SQLite has no row version: the part is then
built on every request, as it is when settings.DOSSIER_PAGE_CACHE is off.
"""
from dataclasses import dataclass
from typing import NamedTuple

from django.conf import settings
from django.db import connection
from django.db.models import TextField
from django.db.models.expressions import RawSQL
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone

from core.memo import VersionedCache

from .completeness import checked_nominations
from .eligibility import dossier_figures
from .workflow import any_pending


def fingerprint_expression(dossier):
    """The fingerprint as an expression of the figures query: a PL/pgSQL function (migration 0012 of
    this app), whose statement PostgreSQL plans once per connection rather than on every request."""
    return RawSQL("dossier_page_fingerprint(%s, %s)", (dossier.pk, dossier.campaign_id), output_field=TextField())


class Nominee(NamedTuple):
    pk: int
    name: str


@dataclass(frozen=True)
class NomineesPart:
    table: str       # the nominee card's header and table (templates/dossiers/_nominees.html)
    checklist: str   # "Kiểm tra trước khi nộp", while the dossier is editable
    notes: tuple     # (name, the office's note) of each nominee the office wrote one for
    pending: bool    # a nominee still awaits the office's verdict
    nominees: tuple  # a Nominee of each, in order: the print links and the attachments' select


_parts = VersionedCache(size=256)


def nominees_part(dossier, request, can_change):
    """The nominees part of `dossier`'s page for a user who may (`can_change`) or may not edit it."""
    cached = not can_change and connection.vendor == "postgresql" and settings.DOSSIER_PAGE_CACHE
    extra = {"fingerprint": fingerprint_expression(dossier)} if cached else {}
    figures = dossier_figures(dossier, **extra)  # read before the part: never older than its version
    if not cached:
        return _build(dossier, figures, request, can_change)
    fingerprint = figures.pop("fingerprint")
    version = (fingerprint, tuple(sorted(figures.items())), timezone.localdate())
    return _parts.get(dossier.pk, version, lambda _pk: _build(dossier, figures, None, False))


def _build(dossier, figures, request, can_change):
    nominations, check = checked_nominations(dossier, figures)
    context = {"dossier": dossier, "nominations": nominations, "checklist": check, "can_change": can_change}
    if request is not None:  # the rows' forms; no context processors: the page runs them once
        context["csrf_token"] = get_token(request)
    return NomineesPart(
        table=render_to_string("dossiers/_nominees.html", context),
        checklist=render_to_string("dossiers/_checklist.html", context) if dossier.is_editable else "",
        notes=tuple((n.name, n.review_note) for n in nominations if n.review_note),
        pending=any_pending(nominations),
        nominees=tuple(Nominee(n.pk, n.name) for n in nominations))
