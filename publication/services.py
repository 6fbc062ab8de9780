"""Công bố và tra cứu: what anyone may read without an account, and a province's choice of what it publishes.

Every public page reads its awards through `public_awards()`, the one place that says what is public: awards
in force (not revoked, `Award.objects.live()`), written from a signed decision of the portal (the body's own or a
higher authority's recorded one; revoking decisions are not listed), of a form its province publishes. The
pages show names, units, forms and the decision, never what the register holds besides (date of birth, ratings,
votes, reasons, bonus amounts): the templates read only those fields.
"""
from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q

from awards.models import AwardForm
from core.db import aggregate_subquery
from core.text import search_tokens
from dossiers.models import Award, Decision
from orgs import scope
from orgs.enums import Role
from orgs.models import names_within
from orgs.search import under_units, units_named

from .models import PUBLISHED_BY_DEFAULT, PublicationSetting
from .search import Unaccent

PUBLIC_KINDS = (Decision.OWN, Decision.HIGHER)
PRINT_LIMIT = 500  # rows on the printable lookup


# --- what is public ---------------------------------------------------------------------------------------
def _unpublished_q():
    """Q of the awards whose province has turned their form off (one query: the few rows set to "không")."""
    hidden = Q()
    for path, form_id in PublicationSetting.objects.filter(published=False).values_list("province__path",
                                                                                          "award_form_id"):
        hidden |= Q(decision__issuer__path__startswith=path, award_form_id=form_id)
    return hidden


def public_awards():
    """The awards anyone may read: in force, from a signed decision of the portal, of a published form."""
    awards = Award.objects.live().filter(decision__isnull=False, decision__kind__in=PUBLIC_KINDS)
    hidden = _unpublished_q()
    return awards.exclude(hidden) if hidden else awards


def public_decisions():
    """Signed decisions with at least one public award, each with `awardees` (how many), newest first."""
    awards = public_awards().filter(decision=OuterRef("pk"))
    return (Decision.objects.filter(kind__in=PUBLIC_KINDS).filter(Exists(awards))
            .annotate(awardees=aggregate_subquery(awards))
            .select_related("issuer").order_by("-date", "-number", "-pk"))


def authority_of(decision):
    """Who decided, as the public pages name it: the higher authority, or the issuing body."""
    return decision.higher_authority if decision.kind == Decision.HIGHER and decision.higher_authority \
        else decision.issuer.name


def _words_in(queryset, fields, text):
    """Rows where every word of `text` (accents ignored) is in one of `fields`."""
    aliases = {f"_key_{i}": Unaccent(field) for i, field in enumerate(fields)}
    queryset = queryset.alias(**aliases)
    for word in search_tokens(text):
        match = Q()
        for alias in aliases:
            match |= Q(**{f"{alias}__contains": word})
        queryset = queryset.filter(match)
    return queryset


def search_decisions(query="", *, year=None, authority=""):
    """Published decisions whose number, trích yếu, awardees' names or forms hold every word of `query` (accents
    ignored), of `year`, of an issuing body or higher authority whose name holds every word of `authority`."""
    decisions = public_decisions()
    if year:
        decisions = decisions.filter(year=year)
    if authority:
        decisions = _words_in(decisions, ["issuer__name", "higher_authority"], authority)
    if query:
        decisions = decisions.alias(_title=Unaccent("title"), _symbol=Unaccent("symbol"))
        awards = public_awards()  # what is published is read once, not once per word
        for word in search_tokens(query):
            in_awards = awards.filter(decision=OuterRef("pk"), search_text__contains=word)
            decisions = decisions.filter(Q(_title__contains=word) | Q(_symbol__contains=word) | Exists(in_awards))
    return decisions


def decision_years():
    """The years that have a published decision, newest first."""
    return list(public_decisions().order_by("-year").values_list("year", flat=True).distinct())


def awardees(decision):
    """The public awards of a decision, each with `unit_label` (the person's unit, the collective's parent, named
    as the decision names them); two queries whatever the number."""
    rows = list(public_awards().filter(decision=decision)
                .select_related("award_form", "person__organisation", "organisation__parent")
                .order_by("award_form__order", "award_form__name", "-subject_type", "pk"))
    _label_units(rows, body=decision.issuer)
    return rows


def _unit_of(award):
    if award.household_id:
        return award.household.organisation
    return award.person.organisation if award.person_id else award.organisation.parent


def _label_units(awards, body=None):
    labels = names_within([_unit_of(a) for a in awards], body)
    for award in awards:
        unit = _unit_of(award)
        award.unit_label = labels.get(unit.pk, "") if unit else ""
    return awards


# --- tra cứu ----------------------------------------------------------------------------------------------
def lookup(name="", unit=""):
    """Public awards of the people and collectives whose name holds every word of `name` (accents ignored), in
    the units (and their sub-units) named by `unit`; (queryset, units found, whether `unit` matched none)."""
    awards = public_awards()
    for word in search_tokens(name):
        awards = awards.filter(Q(person__search_text__contains=word) | Q(organisation__search_text__contains=word))
    units = []
    if unit.strip():
        units = units_named(unit)
        if not units:
            return Award.objects.none(), [], True
        awards = awards.filter(under_units(units, "person__organisation__path")
                               | under_units(units, "organisation__path"))
    awards = awards.select_related("award_form", "decision__issuer", "person__organisation",
                                   "organisation__parent").order_by("-decision_date", "-pk")
    return awards, units, False


def label_units(awards):
    """The lookup's rows with `unit_label` (their unit and its parent body), one query."""
    return _label_units(list(awards))


# --- what a province publishes ----------------------------------------------------------------------------
def settings_for(province):
    """[(award form, published)] of every form of the catalogue for `province` (its rows, else the default)."""
    chosen = dict(PublicationSetting.objects.filter(province=province).values_list("award_form_id", "published"))
    return [(form, chosen.get(form.pk, PUBLISHED_BY_DEFAULT)) for form in AwardForm.objects.order_by("order", "name")]


def save_settings(province, published_ids, *, by):
    """The province's admin sets which forms it publishes: `published_ids` on, every other form off. Writes
    only the rows that change (audit trail: the province's). Returns how many forms changed."""
    if province.parent_id is not None:
        raise ValidationError("Cấu hình công bố đặt cho cả tỉnh (đơn vị cấp cao nhất).")
    if not scope.covers(by, province, [Role.ADMIN]):
        raise PermissionDenied("Chỉ quản trị của tỉnh mới chọn những gì được công bố.")
    published_ids = {int(pk) for pk in published_ids}
    changed = 0
    with set_actor(by), transaction.atomic():
        rows = {row.award_form_id: row for row in
                PublicationSetting.objects.select_for_update().filter(province=province)}
        for form in AwardForm.objects.order_by("order", "name"):
            wanted = form.pk in published_ids
            row = rows.get(form.pk)
            current = row.published if row else PUBLISHED_BY_DEFAULT
            if wanted == current:
                continue
            if row is None:
                PublicationSetting.objects.create(province=province, award_form=form, published=wanted)
            else:
                row.published = wanted
                row.save(update_fields=["published", "updated_at"])
            changed += 1
    return changed
