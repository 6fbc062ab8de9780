"""What the dossier page and the review page show of a dossier besides its header, read for each request."""
from django.urls import reverse

from ..models import OutcomeChange
from .assignment import history
from .checks import OPEN_STATES
from .completeness import checked_nominations
from .eligibility import load_nominations
from .workflow import any_pending


def page_parts(dossier, *, criteria=False):
    """The nominees (each with its stored verdicts, `.verdicts`), when they were checked (the oldest,
    `checked_at`) and whether they may still be checked again (`open_checks`), the checklist, the
    attachments, the processing history (state changes and assignments, `history`) and the versions sent,
    and whether a nominee still awaits the office's
    verdict (`pending`); the failures every nominee shares (`common_failures`, shown once, and their
    `common_keys` the rows leave out). `criteria`: each nominee's confirmed criteria too (`.confirmed_criteria`)."""
    attachments = list(dossier.attachments.select_related("uploaded_by", "nomination"))
    nominations = load_nominations(dossier) if criteria else list(
        dossier.nominations.select_related("person__organisation", "organisation", "report", "meeting_vote")
        .only(*SHOWN).order_by("order", "pk"))
    nominations, check = checked_nominations(dossier, nominations, attachments)
    label_rows(dossier, nominations)
    common = common_failures(nominations)
    checked = [n.checked_at for n in nominations if n.checked_at is not None]
    return {"nominations": nominations, "checklist": check, "attachments": attachments,
            "checked_at": min(checked) if checked else None, "open_checks": dossier.state in OPEN_STATES,
            "history": history(dossier),
            "outcome_changes": OutcomeChange.objects.filter(nomination__dossier=dossier).select_related(
                "by", "nomination__person", "nomination__organisation").only(
                "at", "from_outcome", "to_outcome", "act", "reason", "by__username", "by__first_name",
                "by__last_name", "nomination__subject_type", "nomination__person__full_name",
                "nomination__organisation__name"),
            "versions": dossier.versions.values("number", "submitted_at") if dossier.version else (),
            "common_failures": common, "common_keys": {(c.code, c.message) for c in common},
            "pending": any_pending(nominations)}


def common_failures(nominations):
    """The failed verdicts every nominee shares, word for word (the deadline passed, the quota exceeded…):
    [Check], shown once above the nominees instead of on every row (with two nominees or more)."""
    if len(nominations) < 2:
        return []
    first, *others = nominations
    shared = {(c.code, c.message): c for c in first.verdicts if not c.passed}
    for nomination in others:
        keys = {(c.code, c.message) for c in nomination.verdicts if not c.passed}
        shared = {key: check for key, check in shared.items() if key in keys}
    return list(shared.values())


def label_rows(dossier, nominations):
    """What each nominee's row shows besides its verdicts, worked out here rather than in the template (a
    big dossier has 100+ rows; a {% url %} per row and link was a fifth of the page's time): `.subtitle`
    (position and unit, or "Tập thể", "Hộ gia đình"), `.missing` (how many fields the Báo cáo lacks), `.report_url`,
    `.print_url` (its PDF), `.remove_url` (one reverse() each, the row's id put into it)."""
    report_url, remove_url = (reverse(name, args=[ROW]) for name in ("dossiers:report_edit", "dossiers:nominee_remove"))
    print_url = reverse("documents:print", args=["bao_cao", ROW])
    for nomination in nominations:
        person = nomination.person
        if person is None:
            nomination.subtitle = "Hộ gia đình" if nomination.household_id else "Tập thể"
        elif person.organisation_id != dossier.organisation_id:
            unit = person.organisation
            nomination.subtitle = f"{person.position}, {unit.short_name or unit.name}"
        else:
            nomination.subtitle = person.position
        report = getattr(nomination, "report", None)
        nomination.missing = len(report.missing_fields()) if report is not None else 1
        nomination.report_url = report_url.replace(str(ROW), str(nomination.pk), 1)
        nomination.remove_url = remove_url.replace(str(ROW), str(nomination.pk), 1)
        nomination.print_url = print_url.replace(str(ROW), str(nomination.pk), 1)


ROW = 987654321  # the placeholder id label_rows() reverses the row URLs with

# What the dossier page reads of each nominee (the review page and the documents read them whole): a big
# dossier's nominees are ~600 model instances, and each field left out is work saved on every one of them.
SHOWN = ["dossier_id", "subject_type", "order", "summary", "outcome", "outcome_reason", "checks", "checked_at",
         "person__full_name", "person__position", "person__organisation__name", "person__organisation__short_name",
         "organisation__name", "report__nomination_id", "report__position", "report__functions", "report__results",
         "report__rating_year", "report__rating", "report__rating_decision_number", "report__rating_decision_date",
         "meeting_vote__nomination_id"]
