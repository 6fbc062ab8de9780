"""Who reads the statistical reports of a body (docs/domain.md, Statistics): the only place this logic is written.

The body's standing office compiles them, its leaders and admins read them: the roles that read the fund.
A role covers the body's subtree (a province's report sums its bodies'); a standing office reports for the bodies
it serves (the Sở Nội vụ for the UBND tỉnh)."""
import rules

from orgs import scope
from orgs.enums import Role

READERS = (Role.REVIEWER, Role.APPROVER, Role.ADMIN)


@rules.predicate
def reads_some_report(user):
    return user.is_superuser or bool(scope.roles_of(user) & set(READERS))


@rules.predicate
def reads_report(user, organisation):
    return scope.acts_for(user, organisation, READERS)


rules.add_perm("reports.view_reports", reads_some_report)
rules.add_perm("reports.view_report", reads_report)
