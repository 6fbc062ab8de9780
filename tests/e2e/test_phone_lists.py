"""Every list page on a phone (issue 17, "Phones"): at 390×844 each demo role opens the list pages it works with, and
the pages one click further that hold a list (a campaign's registrations, progress and dashboard, a council session
and its ballots, a dossier, a decision, an account, a unit) and the row-per-line forms (a unit's registration, the
council's seats, a plan's sections, a Biên bản's votes). No page is wider than the screen, and no table scrolls
sideways inside it: a list table (`table-cards`, static/css/portal.css, docs/design.md "Phones") shows each row as a
card whose lines read "label: value", the label drawn from the cell's data-label, the header row hidden. At 1366×768
the same tables are ordinary tables.

Runs on the demo served by tests/e2e/test_role_journeys.py's `demo_site`; screenshots (the first screen of each page)
go to tests/e2e/artifacts/phone-<role>-<page>.png."""
import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_role_journeys import Visit, demo_site, sideways_scrollers  # noqa: F401 (demo_site: the fixture)

pytestmark = pytest.mark.e2e

# the list pages of each role (URL names), then the pages one click further: (list page, link, suffixes of its href)
LISTS = {
    "canbo.tcbc": ["dossiers:dossier_list", "campaigns:campaign_list", "orgs:person_list", "awards:awardform_list",
                   "notifications:list"],
    "vanphong": ["dossiers:inbox", "campaigns:campaign_list", "dossiers:council_list",
                 "dossiers:decision_list", "dossiers:register", "orgs:person_list", "awards:awardform_list",
                 "dossiers:council_seats", "dossiers:assignment_board"],
    "hoidong": ["dossiers:council_list", "dossiers:inbox", "dossiers:decision_list"],
    "lanhdao": ["dossiers:approval_queue", "dossiers:decision_list", "dossiers:inbox"],
    "quantri": ["orgs:organisation_tree", "orgs:account_list", "orgs:bloc_list", "awards:awardform_list",
                "awards:profile_list", "awards:salary_list", "awards:calendar_list", "dossiers:rule_settings",
                "dossiers:layout_list", "audit:trail", "campaigns:campaign_list"],
}
FURTHER = {
    "canbo.tcbc": [("dossiers:dossier_list", "#dossier-table a", [""]),
                   ("campaigns:campaign_list", "#campaign-table a", ["", "dang-ky/"]),
                   ("dossiers:meeting_list", "#meeting-table a", ["", "bieu-quyet/"])],
    "vanphong": [("campaigns:campaign_list", "#campaign-table a", ["", "dang-ky/tong-hop/", "tien-do/",
                                                                    "bang-dieu-khien/"]),
                 ("dossiers:council_list", "#council-table a", ["", "phieu/"]),
                 ("dossiers:decision_list", "#decision-table a", [""]),
                 ("dossiers:register", "#award-table a", [""])],
    "lanhdao": [("dossiers:approval_queue", "#bulk-approve ~ section tbody a", [""])],
    "quantri": [("campaigns:campaign_list", "#campaign-table a", ["", "muc/hinh-thuc/", "muc/chi-tieu/"]),
                ("orgs:account_list", "#account-table a", [""]),
                ("orgs:organisation_tree", "#org-tree a.org-name", [""])],
}

# each card table of the page: is it drawn as cards, is the header hidden, what does its first labelled cell show
CARDS = """() => [...document.querySelectorAll('main table.table-cards')].map(table => {
  const cell = table.querySelector('tbody td[data-label]');
  return {id: table.id || table.className, display: getComputedStyle(table.querySelector('tbody tr') || table).display,
          header: table.tHead ? table.tHead.getBoundingClientRect().height : 0,
          label: cell ? cell.dataset.label : null,
          before: cell ? getComputedStyle(cell, '::before').content : null};
})"""


def pages_of(visit, username):
    """The URLs the role opens: its lists, and the pages their first links lead to."""
    urls = [reverse(name) for name in LISTS[username]]
    for name, selector, suffixes in FURTHER.get(username, []):
        visit.page.goto(visit.base_url + reverse(name))
        link = visit.page.locator(selector).first
        expect(link).to_be_attached()
        href = link.get_attribute("href").split("#")[0]
        urls += [href + suffix for suffix in suffixes]
    return list(dict.fromkeys(urls))


@pytest.mark.parametrize("username", ["canbo.tcbc", "vanphong", "hoidong", "lanhdao", "quantri"])
def test_every_list_page_fits_a_phone_and_shows_its_rows_as_cards(demo_site, browser, username):  # noqa: F811
    visit = Visit(browser, demo_site, username, 390, 844)
    try:
        urls, cards_seen = pages_of(visit, username), 0
        assert len(urls) >= 3
        for url in urls:
            response = visit.page.goto(visit.base_url + url)
            assert response.status == 200, url
            name = re.sub(r"[^a-z0-9]+", "-", url.strip("/")) or "home"
            visit.page.screenshot(path=str(ARTIFACTS / f"phone-{username}-{name}.png"))
            assert visit.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), url
            assert sideways_scrollers(visit.page) == [], url
            for table in visit.page.evaluate(CARDS):
                assert table["display"] == "block", (url, table)  # a row is a card, not a table row
                assert table["header"] <= 1, (url, table)  # the header row is hidden (read by screen readers)
                if table["label"]:
                    assert table["before"] == f'"{table["label"]}: "', (url, table)  # "label: value"
                    cards_seen += 1
            assert visit.errors == [], url
        assert cards_seen >= 3  # the role's lists had rows to show
    finally:
        visit.close()


def test_the_leaders_row_controls_are_big_enough_for_a_finger(demo_site, browser):  # noqa: F811
    """The approval queue's checkbox line, the reason field and the buttons of a card, and the link to sign the
    decision: at least 44 px high."""
    visit = Visit(browser, demo_site, "lanhdao", 390, 844)
    try:
        visit.page.goto(visit.base_url + reverse("dossiers:approval_queue"))
        card = visit.page.locator("#bulk-approve ~ section tbody tr").first
        select = card.locator("label", has_text=re.compile(r"^Chọn "))
        expect(select).to_be_visible()  # hidden on a desktop: the checkbox's own label, shown beside it
        boxes = [select.bounding_box(), card.get_by_label("Lý do không đồng ý").bounding_box(),
                 card.get_by_role("button", name="Đồng ý", exact=True).bounding_box(),
                 card.get_by_role("button", name="Không", exact=True).bounding_box()]
        sign = visit.page.locator("#bulk-approve ~ section").get_by_role("link", name="Ký quyết định")
        boxes.append(sign.bounding_box())
        assert all(box["height"] >= 44 for box in boxes), boxes
        assert all(box["x"] + box["width"] <= 390 for box in boxes), boxes
        select.tap()
        expect(card.get_by_role("checkbox")).to_be_checked()  # the whole line selects the nominee
    finally:
        visit.close()


def test_card_tables_stay_tables_on_a_desktop(demo_site, browser):  # noqa: F811
    visit = Visit(browser, demo_site, "vanphong", 1366, 768)
    try:
        for name in ("dossiers:inbox", "campaigns:campaign_list", "dossiers:decision_list"):
            visit.page.goto(visit.base_url + reverse(name))
            tables = visit.page.evaluate(CARDS)
            assert tables, name
            for table in tables:
                assert table["display"] == "table-row" and table["header"] > 1, (name, table)
                assert table["before"] in ("none", "normal"), (name, table)  # no label before the value
    finally:
        visit.close()


def test_a_meetings_votes_are_cards_on_a_phone_and_a_table_on_a_desktop(demo_site, browser):  # noqa: F811
    """The clerk's Biên bản votes (dossiers/meeting_votes.html): at 390×844 each nominee is a card titled with the name,
    the three counts labelled lines with boxes a finger hits, nothing scrolls sideways; at 1366×768 one table.
    Screenshots: tests/e2e/artifacts/meeting-votes-<width>.png."""
    for width, height in ((390, 844), (1366, 768)):
        visit = Visit(browser, demo_site, "canbo.luutru", width, height)  # its Biên bản has a nominee to vote on
        try:
            page = visit.page
            page.goto(visit.base_url + reverse("dossiers:meeting_list"))
            links = [link.get_attribute("href") for link in page.locator("#meeting-table tbody a").all()]
            for href in links:  # the first Biên bản whose votes the clerk may still enter
                response = page.goto(visit.base_url + href + "bieu-quyet/")
                if response.status == 200 and page.locator("#votes-table td.vote-count").count():
                    break
            else:
                pytest.fail(f"no Biên bản of the demo with votes to enter among {links}")
            page.screenshot(path=str(ARTIFACTS / f"meeting-votes-{width}.png"), full_page=True)
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
            assert sideways_scrollers(page) == []
            [table] = [t for t in page.evaluate(CARDS) if t["id"] == "votes-table"]
            card = page.locator("#votes-table tbody tr").first
            count = card.locator("td.vote-count").first
            if width < 768:
                assert table["display"] == "block" and table["header"] <= 1, table
                assert table["before"] == f'"{table["label"]}: "', table
                name = card.locator("th[scope=row]").bounding_box()
                assert name["width"] > 300  # the card's title takes its width
                box = count.locator("input").bounding_box()
                assert box["height"] >= 44 and box["x"] + box["width"] <= 390, box
                assert computed_style(page, "#votes-table td.vote-count", "display") == "flex"
            else:
                assert table["display"] == "table-row" and table["header"] > 1, table
                assert table["before"] in ("none", "normal"), table
            assert visit.errors == []
        finally:
            visit.close()


def computed_style(page, selector, prop):
    return page.evaluate(f"getComputedStyle(document.querySelector({selector!r})).{prop}")
