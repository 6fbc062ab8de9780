"""Permissions of the award catalogue (award forms, legal-basis profiles with their coefficients and vote rules,
the base-salary table): national data, the same for every province of the deployment, so configured by the
system administrator only and readable by every signed-in user."""
import rules

from orgs.rules import is_system_admin

rules.add_perm("awards.view_catalogue", rules.is_authenticated)
rules.add_perm("awards.configure", is_system_admin)
