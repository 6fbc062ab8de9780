"""Each nominee's eligibility verdicts, kept on its row (`Nomination.checks`, `checked_at`).

The rules (services/eligibility.py) read the register, the other dossiers of the campaign, the quota
figures and today's date: too much to run for every nominee on every view of a dossier. So the verdicts
are computed when their inputs change and stored; the pages only read them. `store()` is the only writer.

Who recomputes (docs/architecture.md, "Eligibility verdicts"):
- the services that change what the rules read, in their own transaction, for the dossier they change
  and the dossiers whose verdicts depend on it (`store_around()`): a nominee added or removed, a report
  saved, votes recorded, a dossier withdrawn, submitted (fresh verdicts decide whether it may go) or
  reviewed (the verdict the office accepts is the one it saw);
- a campaign's sections or an eligibility rule edited: every open dossier concerned, in the worker
  (`tasks.refresh_checks`, queued when the edit commits);
- every night, for every open dossier: the rules that count days (the deadline) and whatever changed
  outside the portal's services (an import of the register, a person who left);
- "Kiểm tra lại" on the dossier page, at once.
The page says when each dossier was last checked.
"""
import logging

from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils import timezone

from campaigns.enums import QuotaKind
from core.queue import publish_on_commit

from ..enums import DossierState
from ..models import Dossier, Nomination
from .eligibility import Check, evaluate, load_nominations

# The states whose verdicts may still change a decision: the unit prepares, the office reviews.
OPEN_STATES = (DossierState.DRAFT, DossierState.RETURNED, DossierState.SUBMITTED, DossierState.IN_REVIEW)


def stored(nomination):
    """The nominee's stored verdicts as Check objects ([] before the first check)."""
    return [Check(**item) for item in nomination.checks or ()]


def store(dossier, *, nominations=None, today=None):
    """Compute every nominee's verdicts now and keep them on the rows; returns {nomination id: [Check]}.
    `nominations`: what eligibility.load_nominations() returns, when the caller has it already (their
    `.checks` and `.checked_at` are updated too).

    The dossier's row is locked first (in the caller's transaction, or in one of its own), and only then
    are the rules' inputs read: two writers of the same dossier's verdicts (a clerk saving a report, the
    nightly run) take turns, and the second computes from what the first committed, so an older computation
    never lands on top of a newer one. Callers storing several dossiers lock them in id order."""
    with transaction.atomic():
        Dossier.objects.select_for_update().filter(pk=dossier.pk).values_list("pk").first()
        nominations = load_nominations(dossier) if nominations is None else nominations
        results = evaluate(dossier, today=today, nominations=nominations)
        now = timezone.now()
        for nomination in nominations:
            nomination.checks = [check.as_json() for check in results.get(nomination.pk, ())]
            nomination.checked_at = now
        Nomination.objects.bulk_update(nominations, ["checks", "checked_at"], batch_size=500)
    return results


def _dossiers():
    return Dossier.objects.select_related("campaign", "organisation", "offer__award_form").order_by("pk")


def store_around(dossier, subjects=None):
    """Store the verdicts of `dossier` (when still open) and of the other open dossiers whose verdicts
    read what changed in it: the unit's other dossiers in the campaign (the quota counts its nominees, per
    form and for the form a quota is a share of) and the campaign's dossiers that name one of `subjects`,
    the (person id, organisation id) pairs added or removed (“not yet proposed for the same achievement”);
    None: every nominee of the dossier (a withdrawn dossier). A ratio quota is counted over the whole body: when
    an offer's ratio reads this dossier's form (or it is this dossier's own offer), the campaign's open dossiers
    are checked again in the worker once this commits (their number grows with the campaign: not in the
    request)."""
    pairs = set(dossier.nominations.values_list("person_id", "organisation_id") if subjects is None else subjects)
    people = [person for person, _ in pairs if person]
    units = [unit for _, unit in pairs if unit]
    same_subject = Q(nominations__person_id__in=people) | Q(nominations__organisation_id__in=units)
    around = Dossier.objects.filter(campaign_id=dossier.campaign_id).filter(
        Q(pk=dossier.pk) | Q(organisation_id=dossier.organisation_id) | same_subject)
    store_dossiers(around.values("pk"))
    from campaigns.models import CampaignAward

    if CampaignAward.objects.filter(campaign_id=dossier.campaign_id, quota_kind=QuotaKind.RATIO_OF_FORM).filter(
            Q(quota_base_id=dossier.offer.award_form_id) | Q(pk=dossier.offer_id)).exists():
        schedule_refresh(dossier.campaign_id)


def store_dossiers(ids, *, today=None):
    """Store the verdicts of the open dossiers among `ids` (a list or a query of ids), in id order."""
    for dossier in _dossiers().filter(pk__in=ids, state__in=OPEN_STATES):
        store(dossier, today=today)


def store_naming(*, people=(), organisations=()):
    """Store the verdicts of the open dossiers that name these people or collectives (their register
    changed); a collective's history includes the units merged into it, so the units that took over a
    collective (its successors, at any depth) are named too."""
    units = set()
    for organisation in organisations:
        units.add(organisation.pk)
        units.update(unit.pk for unit in organisation.successor_chain())
    naming = Nomination.objects.filter(Q(person__in=list(people)) | Q(organisation_id__in=units))
    store_dossiers(naming.values("dossier_id"))


def refresh_open(campaign_id=None, *, today=None):
    """Store the verdicts of every open dossier (of one campaign), one short transaction each: the nightly
    run, and the worker's task after a campaign or a rule was edited. A dossier that fails is logged and
    left for the next run; returns how many were checked."""
    ids = list(Dossier.objects.filter(state__in=OPEN_STATES).filter(
        **({"campaign_id": campaign_id} if campaign_id else {})).order_by("pk").values_list("pk", flat=True))
    done = 0
    for pk in ids:
        try:
            store_dossiers([pk], today=today)
            done += 1
        except DatabaseError:
            logging.getLogger(__name__).exception("eligibility verdicts of dossier %s not stored", pk)
    return done


def schedule_refresh(campaign_id=None):
    """Queue refresh_open() in the worker once the current transaction commits (eager without Redis).
    A broker that is down loses only this early refresh: the nightly run makes it up."""
    from .. import tasks

    publish_on_commit(tasks.refresh_checks, campaign_id, notice="kết quả kiểm tra điều kiện sẽ được cập nhật sau")


def campaign_changed_receiver(sender, campaign, **kwargs):
    """campaigns.signals.campaign_changed: the campaign's open dossiers are checked again in the worker."""
    schedule_refresh(campaign.pk)
