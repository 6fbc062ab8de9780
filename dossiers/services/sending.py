"""Gửi hồ sơ: the unit's clerk sends a dossier to the issuing body, and the page after it says what was sent, to
whom and what happens next (docs/domain.md, The path of a dossier).

What may stop the sending is the checklist's (services/completeness.py: the dossier page lists each missing
item with a link to where it is fixed); the move itself is workflow.transition's ("submit").
"""
from dataclasses import dataclass, field

from django.utils import timezone

from orgs.enums import Role

from ..models import Attachment
from .inbox import REVIEW_DAYS, review_by
from .notifications import recipients
from .workflow import transition


def submit(dossier, *, by, note=""):
    """Gửi hồ sơ (a draft, or a returned dossier sent again).

    Side effects (workflow.transition, one transaction): the checklist computed again (refused, with what is
    missing, as a ValidationError), the state (submitted), version and time, a DossierVersion snapshot, the
    documents' print frozen, the verdicts stored, a StateChange row with `note`; after commit the issuing body's
    office is notified (in the portal and by e-mail).
    """
    return transition(dossier, "submit", by=by, note=note)


@dataclass
class SentSummary:
    """What the page after "Gửi hồ sơ" says."""

    dossier: object
    body: object            # the issuing body the dossier is addressed to
    office: object          # who receives and reviews it: the body's standing office, or the body itself
    individuals: int = 0
    collectives: int = 0
    documents: list = field(default_factory=list)    # labels of the documents frozen as sent
    attachments: list = field(default_factory=list)  # titles of the files sent with it
    office_told: int = 0    # the office's staff notified of the sending
    clerks: int = 0         # the unit's clerks who will be told of the office's answer
    review_days: int = REVIEW_DAYS
    review_by: object = None  # the day after which the portal counts the office late (no campaign sets one)

    @property
    def nominees(self):
        return self.individuals + self.collectives


def sent_summary(dossier):
    """The SentSummary of a sent dossier, from its rows as sent (a fixed number of queries)."""
    campaign = dossier.campaign
    body = campaign.issuer
    office = body.reviewing_office()
    subjects = list(dossier.nominations.values_list("person_id", flat=True))
    individuals = sum(1 for person in subjects if person)
    documents = []
    if dossier.memo_number:
        documents.append(f"Tờ trình số {dossier.memo_number}"
                         + (f" ngày {dossier.memo_date:%d/%m/%Y}" if dossier.memo_date else ""))
    else:
        documents.append("Tờ trình")
    if dossier.meeting_id:
        documents.append("Biên bản họp bình xét")
    if subjects:
        documents.append(f"{len(subjects)} Báo cáo thành tích (Mẫu 08)")
    documents.append(f"Toàn bộ hồ sơ thành một tệp PDF ({dossier.offer.copies_label})")
    submitted = timezone.localtime(dossier.submitted_at).date() if dossier.submitted_at else None
    return SentSummary(
        dossier=dossier, body=body, office=office, individuals=individuals,
        collectives=len(subjects) - individuals, documents=documents,
        attachments=list(Attachment.objects.filter(dossier=dossier).values_list("title", flat=True)),
        office_told=recipients(dossier, "issuer", [Role.REVIEWER]).count(),
        clerks=recipients(dossier, "unit", [Role.CLERK]).count(),
        review_by=review_by(submitted) if submitted else None)
