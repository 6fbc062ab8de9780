"""Accessibility (issue 17, WCAG 2.1 AA): axe-core, vendored in static/vendor/axe-core/ and injected only here, runs
on every page each role of the test cast reaches from its menu and its home page, and on the main detail pages (a
campaign, a dossier, a report form, the inbox, a council session, a decision), plus the pages seen before logging in.
Any violation of impact "serious" or "critical" fails, printed as rule · page · target selectors (docs/design.md,
Accessibility).

One browser context per role, logged in by its session cookie (the test client's login, past the second factor the
way tests/portal/second_factor_login.py does), and one tab reused for all of that role's pages."""
import re
from datetime import date

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from campaigns.models import Campaign
from campaigns.views.campaigns import SECTIONS
from dossiers.enums import Outcome
from dossiers.models import CouncilSession, Decision, Dossier, Nomination, NominationMeeting
from dossiers.services import decisions
from tests.e2e.conftest import ARTIFACTS
from tests.factories.campaigns import launched_campaign
from tests.factories.dossiers import ready_dossier
from tests.factories.orgs import PersonFactory
from tests.portal.second_factor_login import pass_second_factor
from tests.portal.test_menu_links import ROLES, busy_cast  # noqa: F401 (busy_cast: the fixture, work for every role)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE = "/static/vendor/axe-core/axe.min.js"  # served by the live server, never linked from a page
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING = ("serious", "critical")

# Violations accepted for now, each with its reason: {(rule id, page path): reason}. Keep it empty.
ALLOWED = {}

RUN_AXE = """async (tags) => {
  const contrast = n => {  // color-contrast's colours and ratio, the rest of the rules say enough by their id
    const d = (n.any[0] || {}).data;
    return d && d.contrastRatio ? ` (${d.fgColor} on ${d.bgColor}: ${d.contrastRatio})` : '';
  };
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                      targets: v.nodes.map(n => n.target.join(' ') + contrast(n))}));
}"""
SKIPPED = ("/tai-khoan/dang-xuat", "/xuat-excel", "/tai-ve", ".xlsx", ".pdf", ".docx", "/tai-zip", "/tep/")


def local_links(page, container):
    return page.eval_on_selector_all(
        f"{container} a[href^='/']", "links => links.map(a => a.getAttribute('href'))")


def detail_pages(cast):
    """The pages one click further that every journey goes through (each role opens those it may)."""
    campaign = cast.campaign
    pages = [reverse("campaigns:campaign_detail", args=[campaign.pk]),
             reverse("campaigns:campaign_update", args=[campaign.pk]),
             reverse("dossiers:campaign_progress", args=[campaign.pk]),
             reverse("dossiers:inbox"), reverse("dossiers:council_seats"), reverse("dossiers:decision_sign"),
             reverse("dossiers:meeting_create"), reverse("campaigns:public_detail", args=[campaign.pk])]
    for plan in Campaign.objects.order_by("pk"):  # the launched one and the draft: every section's formset table
        pages += [reverse("campaigns:campaign_section", args=[plan.pk, section]) for section in SECTIONS]
        pages += [reverse("campaigns:registration_edit", args=[plan.pk]),
                  reverse("dossiers:campaign_rules", args=[plan.pk])]
    offer = campaign.awards.first()
    pages += [reverse("campaigns:quota_overrides", args=[offer.pk]),
              reverse("awards:awardform_update", args=[offer.award_form_id]),
              reverse("awards:profile_update", args=[campaign.legal_profile_id]),
              reverse("awards:salary_create"), reverse("awards:calendar_list"), reverse("awards:calendar_create"),
              reverse("dossiers:award_create"), reverse("orgs:account_create"),
              reverse("orgs:person_create"), reverse("orgs:organisation_update", args=[cast.unit_a.pk])]
    meetings = NominationMeeting.objects.values_list("pk", flat=True)
    pages += [reverse("dossiers:meeting_votes", args=[pk]) for pk in meetings]
    for dossier in Dossier.objects.order_by("pk"):
        pages += [reverse("dossiers:dossier_detail", args=[dossier.pk]),
                  reverse("dossiers:review", args=[dossier.pk])]
    nomination = Nomination.objects.filter(report__isnull=False).order_by("pk").first()
    pages.append(reverse("dossiers:report_edit", args=[nomination.pk]))
    for session in CouncilSession.objects.all():
        pages += [reverse("dossiers:council_detail", args=[session.pk]),
                  reverse("dossiers:council_vote", args=[session.pk]),
                  reverse("dossiers:council_ballots", args=[session.pk])]
    pages += [reverse("dossiers:decision_detail", args=[pk]) for pk in Decision.objects.values_list("pk", flat=True)]
    return pages


def signed_decision(cast):
    """The approved nominee of the busy cast's campaign gets its Quyết định (so a decision page exists)."""
    nomination = Nomination.objects.filter(outcome=Outcome.APPROVED).first()
    campaign = nomination.dossier.campaign
    return decisions.sign_decision(Decision(
        issuer=cast.body, campaign=campaign, number=125, symbol="QĐ-SNV", date=date.today(),
        title="Về việc khen thưởng", signer_name="Lê Quang Thắng", signer_title="Giám đốc",
        legal_profile=campaign.legal_profile), [nomination], by=cast.approver)


def violations_on(page, url):
    """[(rule, impact, page, targets)] of the failing violations on the page at url; None if it does not open."""
    try:
        response = page.goto(url)
    except PlaywrightError as error:  # a file download, or an error answered without a body: not a page
        if "Download is starting" in str(error) or "ERR_HTTP_RESPONSE_CODE_FAILURE" in str(error):
            return None
        raise
    if response is None or response.status != 200 or "text/html" not in response.headers.get("content-type", ""):
        return None
    page.add_script_tag(url=AXE)  # by its URL: the portal's CSP (script-src 'self') refuses an inline script
    path = page.url.removeprefix(page.url.split("/", 3)[0] + "//" + page.url.split("/", 3)[2])
    return [(v["id"], v["impact"], path, v["targets"]) for v in page.evaluate(RUN_AXE, TAGS)
            if v["impact"] in FAILING and (v["id"], path.split("?")[0]) not in ALLOWED]


def audit(page, base_url, start_pages, extra_pages):
    """Walks the start pages, every local link of their nav and main, and the extra pages; returns the
    violations and the paths audited (those that opened as a page)."""
    found, seen, opened, queue = [], set(), set(), list(start_pages)
    for url in start_pages:
        page.goto(base_url + url)
        queue += local_links(page, "nav") + local_links(page, "main")
    queue += extra_pages
    for url in queue:
        url = url.split("#")[0]
        if url in seen or any(part in url for part in SKIPPED):
            continue
        seen.add(url)
        result = violations_on(page, base_url + url)
        if result is not None:
            found += result
            opened.add(url)
    return found, opened


def report(found):
    return "\n".join(f"{rule} ({impact}) · {path} · {', '.join(targets[:6])}{' …' if len(targets) > 6 else ''}"
                     for rule, impact, path, targets in found)


def session_cookie(user, base_url):
    client = Client()
    client.force_login(user)
    pass_second_factor(client, user)
    return {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "url": base_url}


def test_every_page_of_every_role_has_no_serious_axe_violation(busy_cast, live_server, browser):  # noqa: F811
    cast = busy_cast
    cast.campaign = Dossier.objects.order_by("pk").first().campaign
    decision = signed_decision(cast)
    ready = launched_campaign(cast, participants=[cast.unit_a], plan_number=190, title="Phong trào có hồ sơ đủ")
    ready_dossier(cast, ready, PersonFactory(full_name="Đặng Thị Sẵn", organisation=cast.unit_a))  # report, Biên bản
    extra = detail_pages(cast)
    failures, audited = [], set()
    anonymous = browser.new_context(locale="vi-VN", viewport={"width": 1366, "height": 900})
    found, seen = audit(anonymous.new_page(), live_server.url, ["/tai-khoan/dang-nhap/", "/cong-khai/phong-trao/"],
                        [reverse("campaigns:public_detail", args=[cast.campaign.pk]),
                         # Công bố, tra cứu (issue 19): a decision, a lookup with results, its printable page
                         reverse("publication:decision_detail", args=[decision.pk]),
                         reverse("publication:decision_list") + "?q=khen&nam=" + str(decision.year),
                         reverse("publication:lookup") + "?don_vi=" + cast.body.name,
                         reverse("publication:lookup") + "?ten=x",  # an error kept in the form
                         reverse("publication:lookup_print") + "?don_vi=" + cast.body.name])
    anonymous.close()
    failures += [("khách", *item) for item in found]
    audited |= {("khách", path) for path in seen}
    for role in ROLES:
        context = browser.new_context(locale="vi-VN", viewport={"width": 1366, "height": 900})
        context.add_cookies([session_cookie(getattr(cast, role), live_server.url)])
        found, seen = audit(context.new_page(), live_server.url, ["/"], extra)
        context.close()
        failures += [(role, *item) for item in found]
        audited |= {(role, path) for path in seen}
    print(f"axe: {len(audited)} pages of {len(ROLES) + 1} roles")
    assert len(audited) > 150
    for kind in (r"/muc/hinh-thuc/$", r"/dang-ky/$", r"/bieu-quyet/$", r"/bao-cao/$", r"^/ho-so/\d+/$", r"/tham-dinh/$",
                 r"^/hop-thu/$", r"^/hoi-dong/\d+/$", r"^/quyet-dinh/\d+/$", r"^/don-vi/$", r"^/tai-khoan/dang-nhap/$",
                 r"^/cong-khai/quyet-dinh/\d+/$", r"^/cong-khai/tra-cuu/in/", r"^/cau-hinh-cong-bo/$"):
        assert any(re.search(kind, path) for _, path in audited), f"no page {kind} was audited"
    assert not failures, f"{len(failures)} serious or critical axe violations:\n" + "\n".join(
        f"[{role}] " + report([item]) for role, *item in failures)


def test_the_skip_link_is_the_first_tab_stop_and_jumps_to_the_content(cast, live_server, browser):
    context = browser.new_context(locale="vi-VN", viewport={"width": 1366, "height": 900})
    context.add_cookies([session_cookie(cast.clerk_a, live_server.url)])
    page = context.new_page()
    page.goto(live_server.url + "/")
    skip = page.get_by_role("link", name="Bỏ qua đến nội dung chính")
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main#noi-dung")).to_be_focused()
    page.keyboard.press("Tab")  # the next stop is inside the content, past the menu
    assert page.evaluate("document.activeElement.closest('main') !== null")
    context.close()


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (390, 844)])
def test_pages_after_the_contrast_change_look_right(busy_cast, live_server, browser, width, height):  # noqa: F811
    """Screenshots for a person to look at (tests/e2e/artifacts/): the menu on the red bar, the skip link when
    focused, links and outline buttons in their darker shades."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(locale="vi-VN", viewport={"width": width, "height": height})
    context.add_cookies([session_cookie(busy_cast.reviewer, live_server.url)])
    page = context.new_page()
    for name, url in (("home", "/"), ("inbox", reverse("dossiers:inbox")),
                      ("dossier", reverse("dossiers:dossier_detail", args=[Dossier.objects.order_by("pk")[1].pk]))):
        page.goto(live_server.url + url)
        if name == "home":
            page.keyboard.press("Tab")
            expect(page.get_by_role("link", name="Bỏ qua đến nội dung chính")).to_be_visible()
        page.screenshot(path=str(ARTIFACTS / f"accessibility-{name}-{width}x{height}.png"))
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing wider than the screen
    context.close()
