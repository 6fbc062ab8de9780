"""The dossiers app's pickers (core.pickers): the register's person and unit, a meeting's unit, a council seat's
account, a dossier's new nominee (person or collective, marked when already proposed in the campaign). Each scope
is the one function its form field and the search endpoint both read."""
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404

from core.pickers import register
from core.text import search_key
from orgs.models import Household, Organisation, Person
from orgs.pickers import person_label, unit_label

from .models import Dossier
from .services import council, meetings, proposed
from .services import register as register_service


def register_person_label(person):
    born = f", sinh {person.date_of_birth:%d/%m/%Y}" if person.date_of_birth else ""
    return f"{person.full_name}{born} – {person.organisation.name}"


# the register's manual entry: people and units (dissolved ones too: a past award may have gone to a unit that no
# longer exists) of the register editors' scope
REGISTER_PEOPLE = register(
    "can-bo", "so-khen-thuong", lambda user: Person.objects.for_user(user, register_service.EDITORS).select_related(
        "organisation").order_by("search_text", "pk"), label=register_person_label)
REGISTER_UNITS = register(
    "don-vi", "so-khen-thuong", lambda user: Organisation.objects.for_user(user, register_service.EDITORS)
    .select_related("parent").order_by("depth", "path"), label=unit_label)
# a meeting's unit: the units the user is a clerk of
CLERK_UNITS = register("don-vi", "van-thu", lambda user: meetings.clerk_units(user).select_related("parent"),
                       label=unit_label)


def account_label(account):
    return f"{account.get_full_name() or account.username} ({account.username})"


def search_accounts(accounts, text):
    """Accounts have no search column: their names and usernames, accents and case ignored, read in one query (a
    body's office, council and leaders: tens of accounts)."""
    words = search_key(text).split()
    return [account for account in accounts
            if all(word in search_key(account.get_full_name(), account.username) for word in words)]


def office_body(user, raw):
    return get_object_or_404(council.office_bodies(user), pk=raw)


# a council seat's voting account: the body's office, council members and leaders (services.council.seat_accounts)
SEAT_ACCOUNTS = register("tai-khoan", "hoi-dong", lambda user, body=None: council.seat_accounts(body)
                         if body is not None else get_user_model().objects.none(),
                         label=account_label, search=search_accounts, context={"body": ("co-quan", office_body)})


# --- a dossier's new nominee (Thêm người, tập thể: forms.dossiers.NomineeForm) ------------------------------------
def visible_dossier(user, raw):
    """The dossier named by the search's `ho-so`, among those the user sees (else 404)."""
    return get_object_or_404(Dossier.objects.for_user(user).select_related("organisation", "campaign"), pk=raw)


def _adds_to(user, dossier):
    return dossier is not None and user is not None and user.has_perm("dossiers.change_dossier", dossier)


def nominee_people(user, dossier=None):
    """The active people of the dossier's unit and its sub-units not in the dossier yet; nobody unless the user may
    change the dossier (its unit's clerk, while it is being prepared)."""
    if not _adds_to(user, dossier):
        return Person.objects.none()
    taken = dossier.nominations.filter(person__isnull=False).values("person_id")
    return Person.objects.filter(organisation__path__startswith=dossier.organisation.path, is_active=True).exclude(
        pk__in=taken).select_related("organisation").order_by("search_text", "pk")  # d < đ < e, as people read


def nominee_units(user, dossier=None):
    """The dossier's unit and its current sub-units, for a collective nominee."""
    if not _adds_to(user, dossier):
        return Organisation.objects.none()
    return Organisation.objects.filter(path__startswith=dossier.organisation.path).current().select_related(
        "parent").order_by("path")


def nominee_households(user, dossier=None):
    """The households the dossier's unit and its sub-units keep (orgs.Household) not in the dossier yet."""
    if not _adds_to(user, dossier):
        return Household.objects.none()
    taken = dossier.nominations.filter(household__isnull=False).values("household_id")
    return Household.objects.filter(organisation__path__startswith=dossier.organisation.path).exclude(
        pk__in=taken).order_by("search_text", "pk")


def household_label(household):
    return f"{household.name} – {household.address}"


def proposed_people(user, rows, dossier=None):
    """{person id: "Đã được đề nghị trong hồ sơ …"} of the rows proposed in another dossier of the campaign."""
    marks = proposed.proposed_elsewhere(dossier, user, people=[row.pk for row in rows]) if dossier else {}
    return {pk: proposed.mark_text(texts) for (_kind, pk), texts in marks.items()}


def proposed_units(user, rows, dossier=None):
    marks = proposed.proposed_elsewhere(dossier, user, units=[row.pk for row in rows]) if dossier else {}
    return {pk: proposed.mark_text(texts) for (_kind, pk), texts in marks.items()}


NOMINEE_PEOPLE = register("can-bo", "de-nghi", nominee_people, label=person_label, notes=proposed_people,
                          context={"dossier": ("ho-so", visible_dossier)})
NOMINEE_UNITS = register("don-vi", "de-nghi", nominee_units, label=unit_label, notes=proposed_units,
                         context={"dossier": ("ho-so", visible_dossier)})
NOMINEE_HOUSEHOLDS = register("ho-gia-dinh", "de-nghi", nominee_households, label=household_label,
                              context={"dossier": ("ho-so", visible_dossier)})
