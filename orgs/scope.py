"""The facts permissions are built from: which subtrees a user's memberships cover.

A membership on an organisation covers that organisation and all of its sub-units. Both the
`rules` predicates (one object) and the `for_user()` querysets (lists) read these facts, so the
two can never disagree.
"""
from django.db.models import Q

from .enums import Role


def _memberships(user):
    cache = getattr(user, "_membership_cache", None)
    if cache is None:
        from .models import Membership

        cache = list(
            Membership.objects.filter(user_id=user.pk).values_list("role", "organisation__path",
                                                                  "organisation_id"))
        user._membership_cache = cache
    return cache


def forget(user):
    """Drop the cached memberships (after granting or revoking a role)."""
    user.__dict__.pop("_membership_cache", None)
    user.__dict__.pop("_acting_cache", None)


# The role of a standing office that acts for the bodies it serves (Organisation.standing_office): its office
# (reviewers). Its own council members and leaders act for it only; who sits on the served body's council acts
# for that body as a council member through their seat (a source the council registers: add_acting_source).
ACTING_ROLES = (Role.REVIEWER,)
_acting_sources = []


def add_acting_source(function):
    """Register `function(user) -> [(role, issuer id)]`, another way of working for an issuing body (the
    dossiers app registers the council seats: orgs cannot import it)."""
    if function not in _acting_sources:
        _acting_sources.append(function)


def _acting(user):
    """[(role, issuer id)]: the issuing bodies whose standing office one of the user's reviewer memberships
    covers (in the same province), and those of the registered sources, read once per request."""
    cache = getattr(user, "_acting_cache", None)
    if cache is None:
        found = set()
        paths = {(role, path) for role, path, _ in _memberships(user) if role in ACTING_ROLES}
        if paths:
            from .models import Organisation

            served = Organisation.objects.filter(standing_office__isnull=False).values_list(
                "pk", "path", "standing_office__path")
            found = {(role, issuer) for issuer, issuer_path, office in served for role, path in paths
                     if office.startswith(path) and root_of(office) == root_of(issuer_path)}
        for source in _acting_sources:
            found.update(source(user))
        cache = sorted(found)
        user._acting_cache = cache
    return cache


def root_of(path):
    """The id of the province (root organisation) of a tree path ("/3/17/" -> 3); None for no path."""
    return int(path.strip("/").split("/")[0]) if path else None


def acting_for(user, roles=None):
    """Ids of the issuing bodies the user works for through their standing office (not their subtrees:
    the office of the UBND tỉnh acts on the UBND tỉnh's own campaigns, not on its Sở's internal ones)."""
    if not user or not user.is_authenticated:
        return []
    roles = set(roles) if roles else None
    return sorted({issuer for role, issuer in _acting(user) if roles is None or role in roles})


def scope_paths(user, roles=None):
    """Tree paths covered by the user's memberships, optionally only for some roles."""
    if not user or not user.is_authenticated:
        return []
    roles = set(roles) if roles else None
    return sorted({path for role, path, _ in _memberships(user) if roles is None or role in roles})


def covered_q(user, roles, prefix="path"):
    """Q of the rows whose tree path (`prefix`, e.g. "campaign__issuer__path") lies under a membership of
    the user with one of `roles`; every row for a superuser."""
    from .models import subtree_q

    return Q() if user.is_superuser else subtree_q(scope_paths(user, roles), prefix=prefix)


def provinces_administered(user):
    """The provinces (root organisations) the user administers at the root, whose own settings they set (rule
    choices, certificate calibration); every province for the system administrator."""
    from .models import Organisation

    roots = Organisation.objects.filter(parent__isnull=True).order_by("order", "name")
    if user.is_superuser:
        return roots
    return roots.filter(pk__in=membership_org_ids(user, [Role.ADMIN]))


def province_paths(user):
    """The tree paths of the provinces (roots) the user holds a role in: what their searches may reach."""
    return sorted({f"/{root_of(path)}/" for path in scope_paths(user)})


def issuer_q(user, roles, field):
    """Q of the rows whose issuing body (`field`, e.g. "campaign__issuer") the user works for with one of
    `roles`: under one of their memberships, or served by their standing office (`acting_for`)."""
    query = covered_q(user, roles, f"{field}__path")
    if user.is_superuser:
        return query  # every row (and Q() | Q(x) would be Q(x))
    if acting := acting_for(user, roles):
        query |= Q(**{f"{field}__in": acting})
    return query


def acts_for(user, issuer, roles):
    """Does the user work for `issuer` with one of `roles` (its own staff, or its standing office's)?"""
    return covers(user, issuer, roles) or (issuer is not None and issuer.pk in acting_for(user, roles))


def roles_of(user):
    if not user or not user.is_authenticated:
        return set()
    return {role for role, _, _ in _memberships(user)}


def roles_at(user, organisation_id):
    """Roles the user holds directly on one organisation."""
    return sorted({role for role, _, org_id in _memberships(user) if org_id == organisation_id})


def membership_org_ids(user, roles=None):
    roles = set(roles) if roles else None
    return [org_id for role, _, org_id in _memberships(user) if roles is None or role in roles]


def covers(user, organisation, roles=None):
    """Does one of the user's memberships (with one of `roles`) cover this organisation?"""
    if user.is_superuser:
        return True
    if organisation is None or not organisation.path:
        return False
    return any(organisation.path.startswith(path) for path in scope_paths(user, roles))


def is_admin(user):
    return bool(user and user.is_authenticated and (user.is_superuser or Role.ADMIN in roles_of(user)))
