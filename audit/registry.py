"""Which models' changes go to the audit trail an admin reads, and whose province each change belongs to.

A model is watched by the app that owns it, in its AppConfig.ready() (`watch(AwardForm, national=True)`); the
model must be registered with django-auditlog too: its entries are what is copied (audit.services.recording).
The audit app watches the accounts, roles and organisations itself (orgs cannot import it)."""
from dataclasses import dataclass, field


@dataclass
class Watch:
    national: bool = False  # national data: read by every province's admin
    unit: str = ""  # attribute path to the Organisation whose province the row belongs to ("campaign.issuer")
    province: object = None  # or a function (instance, actor) -> the province's id, or None
    formats: dict = field(default_factory=dict)  # field name -> function (stored text) -> words
    kinds: dict = field(default_factory=dict)  # auditlog action -> the event's kind (Membership: role granted…)
    describe: object = None  # function (instance) -> the object's name, when str() does not read well
    hide: frozenset = frozenset()  # fields not listed among the changes (what the name already says)


WATCHED = {}


def watch(model, *, national=False, unit="", province=None, formats=None, kinds=None, describe=None, hide=()):
    """Copy `model`'s django-auditlog entries to the audit trail. `national`: the row is national data; else
    the province is the root of `unit` (an attribute path from the row to an Organisation, "" for the row
    itself when it is one) or `province(instance, actor)`."""
    WATCHED[model] = Watch(national=national, unit=unit, province=province, formats=dict(formats or {}),
                           kinds=dict(kinds or {}), describe=describe, hide=frozenset(hide))


def watched(model):
    return WATCHED.get(model)
