"""Permissions of the award catalogue: configured by admins, readable by every signed-in user."""
import rules

from orgs.rules import is_portal_admin

rules.add_perm("awards.configure", is_portal_admin)
