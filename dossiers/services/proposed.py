"""Who is already proposed in the campaign: the nominee picker marks them before the clerk types a Mẫu 08, and
adding one anyway is said out loud (NomineeAddView asks to confirm, then warns).

Only the dossiers the clerk may see count (Dossier.objects.for_user: their units' dossiers, drafts included;
another unit's dossier only when the user is the issuing body's staff and it was sent), so the mark never
reveals another unit's draft. Withdrawn dossiers do not count: their nominees are proposed nowhere.
"""
from django.db.models import Q, QuerySet

from ..enums import DossierState
from ..models import Dossier, Nomination


def proposed_elsewhere(dossier, user, *, people=(), units=()):
    """{("person", id) | ("unit", id): [text, …]} for the people (ids, or a queryset of people: a picker's whole
    scope, read as a subquery) and collectives (unit ids or a queryset of units) proposed in another live dossier
    of the same campaign that `user` may see; one query (none when no id is asked)."""
    people, units = _asked(people), _asked(units)
    if isinstance(people, list) and isinstance(units, list) and not people and not units:
        return {}
    rows = (Nomination.objects.filter(dossier__campaign_id=dossier.campaign_id)
            .filter(Q(person_id__in=people) | Q(organisation_id__in=units, person__isnull=True))
            .filter(dossier__in=Dossier.objects.for_user(user).values("pk"))
            .exclude(dossier_id=dossier.pk).exclude(dossier__state=DossierState.WITHDRAWN)
            .values_list("person_id", "organisation_id", "dossier_id", "dossier__offer__award_form__name",
                         "dossier__organisation__name", "dossier__organisation__short_name", "dossier__state")
            .order_by("dossier__offer__order", "dossier_id"))
    marks = {}
    for person, unit, _dossier, form, unit_name, short_name, state in rows:
        key = ("person", person) if person else ("unit", unit)
        text = (f"hồ sơ {form} của {short_name or unit_name}"
                f" ({DossierState(state).label.lower()})")
        if text not in marks.setdefault(key, []):
            marks[key].append(text)
    return marks


def _asked(values):
    return values.values("pk") if isinstance(values, QuerySet) else [pk for pk in values if pk]


def mark_text(texts):
    """'Đã được đề nghị trong hồ sơ Giấy khen của Phòng A (đang soạn)' for a picker's option."""
    return "Đã được đề nghị trong " + "; ".join(texts) if texts else ""


def already_proposed(dossier, user, *, person=None, organisation=None):
    """The mark of one subject about to be added (for the confirmation and the warning), or ""."""
    marks = proposed_elsewhere(dossier, user, people=[person.pk] if person else (),
                               units=[organisation.pk] if organisation and not person else ())
    key = ("person", person.pk) if person else ("unit", organisation.pk if organisation else None)
    return mark_text(marks.get(key, []))
