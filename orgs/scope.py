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
