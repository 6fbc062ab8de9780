"""The checklist a clerk sees before submitting: components, reports, copies, eligibility."""
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone

from campaigns import sections
from campaigns.enums import ComponentKind

from .checks import store, stored
from .eligibility import evaluate, load_nominations


@dataclass
class ChecklistItem:
    label: str
    done: bool
    detail: str = ""
    blocking: bool = True
    url: str = ""  # the page (or place on the dossier page) where the clerk fixes it
    links: list = field(default_factory=list)  # [(name, url)]: one per nominee concerned, when it is theirs


@dataclass
class Checklist:
    items: list = field(default_factory=list)            # the dossier's own: components, reports, copies
    nominee_items: list = field(default_factory=list)    # each nominee's failed rules
    eligibility: dict = field(default_factory=dict)
    components: list = field(default_factory=list)

    @property
    def asks_meeting(self):
        """Whether the dossier needs a Biên bản họp bình xét (a track may ask none: the đột xuất fast path)."""
        return any(component.kind == ComponentKind.BIEN_BAN for component in self.components)

    SHOWN = 8  # nominee items the page lists; the rest are counted (the table shows every nominee's)

    @property
    def problems(self):
        return [f"{item.label}: {item.detail}" if item.detail else item.label
                for item in self.items + self.nominee_items if item.blocking and not item.done]

    @property
    def todo(self):
        """The items that stop the dossier from being sent (one per problem), each with where to fix it."""
        return [item for item in self.items + self.nominee_items if item.blocking and not item.done]

    @property
    def shown_nominee_items(self):
        return self.nominee_items[:self.SHOWN]

    @property
    def more_nominee_items(self):
        return max(len(self.nominee_items) - self.SHOWN, 0)


def checklist(dossier, nominations=None, attachments=None, verdicts=None):
    """Every required component, every nominee's report, the copies to print, and each nominee's stored
    eligibility verdicts (services/checks.py). `nominations`: what eligibility.load_nominations()
    returns, `attachments`: the dossier's attachments, `verdicts`: {nomination id: [Check]} just computed
    (instead of the stored ones), when the caller has them already."""
    nominations = load_nominations(dossier) if nominations is None else nominations
    titles = None
    components = sections.components(dossier.campaign)
    fix = FixLinks(dossier)
    items = [ChecklistItem("Có ít nhất một người, tập thể được đề nghị", bool(nominations),
                           f"{len(nominations)} người, tập thể" if nominations else "chưa thêm ai",
                           url=fix.add_nominee)]
    for component in components:
        if component.kind == ComponentKind.TO_TRINH:
            done = bool(dossier.memo_number and dossier.memo_date)
            items.append(ChecklistItem(component.name, done, "" if done else "chưa ghi số, ngày Tờ trình",
                                       component.required, url=fix.memo))
        elif component.kind == ComponentKind.BIEN_BAN:
            voted = [n for n in nominations if hasattr(n, "meeting_vote")]
            done = dossier.meeting_id is not None and len(voted) == len(nominations)
            detail = "" if done else ("chưa chọn Biên bản họp bình xét" if not dossier.meeting_id
                                      else f"còn {len(nominations) - len(voted)} người chưa có kết quả biểu quyết")
            items.append(ChecklistItem(component.name, done, detail, component.required,
                                       url=fix.meeting_votes if dossier.meeting_id else fix.memo))
        elif component.kind == ComponentKind.BAO_CAO:
            incomplete = [n for n in nominations if not hasattr(n, "report") or n.report.missing_fields()]
            links = [(n.name, fix.report(n)) for n in incomplete[:LINKED]]
            items.append(ChecklistItem(component.name, not incomplete,
                                       ("chưa đầy đủ: " + names([n.name for n in incomplete])) if incomplete else
                                       f"{len(nominations)} bản", component.required,
                                       url=links[0][1] if links else "", links=links))
        else:
            if titles is None:
                titles = [a.title.casefold() for a in (dossier.attachments.all() if attachments is None
                                                       else attachments)]
            done = any(component.name[:40].casefold() in title for title in titles)
            items.append(ChecklistItem(component.name, done, "" if done else "chưa tải lên", component.required,
                                       url=fix.attachments))
    items.append(ChecklistItem(f"In {dossier.offer.copies_label} hồ sơ giấy theo yêu cầu của phong trào", True,
                               blocking=False))
    results = verdicts if verdicts is not None else {n.pk: stored(n) for n in nominations}
    nominee_items = []
    for nomination in nominations:
        failed = [check for check in results.get(nomination.pk, ()) if not check.passed]
        for blocking in (True, False):
            labels = [check.label.lower() for check in failed if check.blocking is blocking]
            if labels:
                nominee_items.append(ChecklistItem(f"{nomination.name}: {'chưa đạt' if blocking else 'cảnh báo'}",
                                                   False, "; ".join(labels), blocking, url=fix.report(nomination)))
    return Checklist(items=items, nominee_items=nominee_items, eligibility=results, components=components)


LINKED = 5  # nominees whose report is linked one by one from the report item (the names() shown)


class FixLinks:
    """Where each item of the checklist is fixed: the nominee form, the Tờ trình form (which also chooses the
    Biên bản), the Biên bản's votes, a nominee's Mẫu 08, the dossier page's upload form. One reverse() per kind
    of link, a nominee's id put into it (a dossier has 100+ nominees)."""

    ROW = 987654321

    def __init__(self, dossier):
        self.dossier = dossier
        self.add_nominee = reverse("dossiers:nominee_add", args=[dossier.pk])
        self.memo = reverse("dossiers:dossier_update", args=[dossier.pk])
        self.attachments = reverse("dossiers:dossier_detail", args=[dossier.pk]) + "#tai-lieu"
        self._report = reverse("dossiers:report_edit", args=[self.ROW])

    @property
    def meeting_votes(self):
        return reverse("dossiers:meeting_votes", args=[self.dossier.meeting_id])

    def report(self, nomination):
        return self._report.replace(str(self.ROW), str(nomination.pk), 1)


def names(listed, shown=5):
    """'A, B, C, D, E và 7 người, tập thể khác' for a long list."""
    more = len(listed) - shown
    return ", ".join(listed[:shown]) + (f" và {more} người, tập thể khác" if more > 0 else "")


def checked_nominations(dossier, nominations, attachments=None):
    """The dossier's nominees, each with its stored eligibility verdicts as `.verdicts`, and the
    checklist: what the dossier and review pages show. Nominees never checked yet (rows written before
    verdicts were stored), whatever the dossier's state, are checked now, once."""
    verdicts = None
    if any(nomination.checked_at is None for nomination in nominations):
        verdicts, checked_at = store(dossier), timezone.now()
        for nomination in nominations:
            nomination.checked_at = checked_at
    check = checklist(dossier, nominations, attachments, verdicts)
    for nomination in nominations:
        nomination.verdicts = check.eligibility.get(nomination.pk, [])
    return nominations, check


def blocking_problems(dossier):
    """What stops the dossier from being sent, on verdicts computed now (the submit stores them once the
    move is written: workflow.AFTER_MOVE)."""
    nominations = load_nominations(dossier)
    return checklist(dossier, nominations, verdicts=evaluate(dossier, nominations=nominations)).problems
