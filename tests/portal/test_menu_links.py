"""No dead ends (issue 17): every link of every role's menu, and every link of its home page, leads to a page
that role may open. Each role of the test cast logs in with something to do (a campaign, dossiers at each step,
an open council session, nominees waiting for the leader, a unit without an account) and its rendered pages are
walked as a person would click them."""
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.utils import timezone

from dossiers.enums import DossierState, Outcome
from tests.factories.campaigns import draft_campaign, launched_campaign
from tests.factories.orgs import OrganisationFactory, PersonFactory
from tests.portal.test_home_queues import dossier, open_ballot_session, seat_council

pytestmark = pytest.mark.django_db

ROLES = ("clerk_a", "clerk_b", "reviewer", "council", "approver", "admin", "outsider", "system")


class Links(HTMLParser):
    """The local links (href) inside the first element named `container` (nav, main)."""

    def __init__(self, container):
        super().__init__()
        self.container, self.depth, self.done, self.links = container, 0, False, []

    def handle_starttag(self, tag, attrs):
        if tag == self.container and not self.done:
            self.depth += 1
        elif self.depth and tag == "a":
            href = dict(attrs).get("href") or ""
            if href.startswith("/"):
                self.links.append(href)

    def handle_endtag(self, tag):
        if tag == self.container and self.depth:
            self.depth -= 1
            self.done = not self.depth


def links_in(html, container):
    parser = Links(container)
    parser.feed(html)
    return list(dict.fromkeys(parser.links))


@pytest.fixture
def busy_cast(cast):
    """The cast with work for every role."""
    campaign = launched_campaign(cast, participants=[cast.unit_a, cast.unit_b, cast.body],
                                 dossier_deadline=timezone.localdate() + timedelta(days=10))
    offer = campaign.awards.first()
    form = offer.award_form
    form.needs_council = True
    form.save()
    draft_campaign(cast, title="Kế hoạch đang soạn")
    people = [PersonFactory(full_name=f"Người thứ {n}", organisation=cast.unit_a) for n in range(4)]
    dossier(campaign, cast.unit_a, offer, DossierState.RETURNED, reason="Bổ sung Biên bản", nominees=people[:1])
    dossier(campaign, cast.unit_b, offer, DossierState.SUBMITTED, days_ago=20, nominees=[cast.person_b])
    for state, person, outcome in ((DossierState.IN_COUNCIL, people[1], Outcome.ACCEPTED),
                                   (DossierState.AWAITING_DECISION, people[2], Outcome.APPROVED),
                                   (DossierState.AWAITING_DECISION, people[3], Outcome.ACCEPTED)):
        dossier(campaign, OrganisationFactory(parent=cast.body), offer, state, nominees=[person], outcome=outcome)
    open_ballot_session(cast, seat_council(cast))
    OrganisationFactory(name="Trung tâm chưa có tài khoản", parent=cast.body)
    return cast


def walk(client, links):
    """{link: status} of the links that do not open (followed through redirects)."""
    failed = {}
    for link in links:
        response = client.get(link.replace("&amp;", "&"), follow=True)
        if response.status_code != 200:
            failed[link] = response.status_code
    return failed


@pytest.mark.parametrize("role", ROLES)
def test_every_menu_link_opens_for_the_role(busy_cast, client_for, role):
    client = client_for(getattr(busy_cast, role))
    menu = links_in(client.get("/").content.decode(), "nav")
    assert len(menu) >= 4
    assert walk(client, menu) == {}


@pytest.mark.parametrize("role", ROLES)
def test_every_home_page_link_answers_200(busy_cast, client_for, role):
    client = client_for(getattr(busy_cast, role))
    links = links_in(client.get("/").content.decode(), "main")
    assert links
    failed = {}
    for link in links:
        status = client.get(link.replace("&amp;", "&")).status_code
        if status != 200:
            failed[link] = status
    assert failed == {}


@pytest.mark.parametrize(("role", "expected"), [
    ("clerk_a", {"/ho-so/?trang-thai=returned", "/ho-so/tao/?phong-trao="}),
    ("reviewer", {"/hop-thu/?trang_thai=submitted", "/hop-thu/?cham_xu_ly=on", "/hop-thu/?trang_thai=in_council"}),
    ("council", {"/bo-phieu/"}),
    ("approver", {"/quyet-dinh/ky/?phong-trao=", "/phe-duyet/#campaign-"}),
    ("admin", {"/phong-trao/them/", "/phong-trao/?trang_thai=draft", "/don-vi/"}),
])
def test_each_role_home_page_links_its_next_steps(busy_cast, client_for, role, expected):
    links = links_in(client_for(getattr(busy_cast, role)).get("/").content.decode(), "main")
    assert {part for part in expected if any(part in link for link in links)} == expected
