"""Browser journeys of every demo role on a desktop screen and on a phone (issue 17, "Phones").

Issue text: "Browser journeys for every role at desktop and phone width with screenshots (tests/e2e/artifacts/)";
"Below the `md` breakpoint, list rows become cards, the dossier page fits the screen, selects and status controls
stay readable. Leaders can approve from a phone."

The journeys run against the demo itself (`manage.py seed_demo`, the accounts of README "Demo accounts"), served by
`manage.py runserver` in a child process on a SQLite file of its own: the demo is built once per test session
(about 15 s on a quiet machine; by one xdist worker, tests/shared_demo.py) and each test module gets a fresh copy of
it (`demo_site`, also used by test_phone_lists.py and test_breadcrumbs_phone.py). The demo has no nominee waiting
for the leader, so one dossier (the returned Giấy khen of Trung tâm Lưu trữ lịch sử) is resubmitted by its clerk and
appraised by the office through the services first (PREPARE).

Each journey walks a role's main task at 1366×768 and at 390×844, saving tests/e2e/artifacts/<role>-<width>-<step>.png,
and on every page asserts that nothing is wider than the screen (no sideways scroll of the page or of a table) and
that the browser logged no console error. On the phone the leader selects nominees, refuses one with a reason,
approves one and signs the decision."""
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import ARTIFACTS
from tests.shared_demo import seeded_demo_folder

pytestmark = pytest.mark.e2e

BASE_DIR = Path(__file__).resolve().parents[2]
PASSWORD = "ThiDua@2025"  # README, Demo accounts
WIDTHS = [(1366, 768), (390, 844)]
ROLES = {"quantri": "admin", "vanphong": "office", "hoidong": "council", "lanhdao": "leader", "canbo.tcbc": "clerk"}

# run in the demo's database after seed_demo: a Giấy khen dossier with two nominees waits for the leader
PREPARE = """
from django.contrib.auth import get_user_model
from dossiers.enums import DossierState, Outcome
from dossiers.models import Dossier
from dossiers.services import building, workflow
users = get_user_model().objects
office = users.get(username="vanphong")
dossier = Dossier.objects.get(state=DossierState.RETURNED, offer__award_form__name="Giấy khen",
                              organisation__name="Trung tâm Lưu trữ lịch sử")
clerk = users.filter(memberships__organisation=dossier.organisation).order_by("pk").first()
for action, by in (("submit", clerk), ("start_review", office)):
    dossier.refresh_from_db()
    workflow.transition(dossier, action, by=by)
for nomination in Dossier.objects.get(pk=dossier.pk).nominations.all():
    building.review_nominee(nomination, verdict=Outcome.ACCEPTED, by=office, override_reason="Đã đối chiếu hồ sơ gốc.")
for action in ("accept", "to_leader"):
    dossier.refresh_from_db()
    workflow.transition(dossier, action, by=office)
"""
BUILD = "from django.core.management import call_command\n" \
        "call_command('migrate', verbosity=0)\ncall_command('seed_demo')\n" + PREPARE  # one process: one start-up
LEADER_NOMINEES = ("Phạm Quang Huy", "Lê Thị Xuân")  # the nominees of that dossier (demo/…: seed_demo)


# --- the demo site --------------------------------------------------------------------------------------------
def demo_env(folder):
    """The child process's settings: embedded (SQLite, no Redis, tasks inline), files kept under `folder`."""
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "REDIS_URL")}
    env.update(SQLITE_PATH=str(folder / "demo.sqlite3"), MEDIA_ROOT=str(folder / "media"),
               EMAIL_FILE_PATH=str(folder / "emails"), DEBUG="0", PYTHONUNBUFFERED="1")
    return env


def build_command(folder):
    """argv, environment and folder of the process that builds the demo's database in `folder`."""
    return [sys.executable, "manage.py", "shell", "-c", BUILD], demo_env(folder), BASE_DIR


def manage(folder, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=demo_env(folder), check=True,
                   capture_output=True, timeout=300)


def demo_folder(tmp_path_factory):
    """The folder holding the demo's database (migrate, seed_demo, PREPARE), built once per test session by the
    first xdist worker to need it, the others waiting for it (tests/shared_demo.py)."""
    def build(folder):
        folder.mkdir()
        manage(folder, "shell", "-c", BUILD)
    return seeded_demo_folder(tmp_path_factory, build)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory):
    """The base URL of a server of the demo, on a fresh copy of the seeded database, for one test module."""
    seeded = demo_folder(tmp_path_factory)
    folder = tmp_path_factory.mktemp("demo-site")
    shutil.copy(seeded / "demo.sqlite3", folder / "demo.sqlite3")
    port = free_port()
    server = subprocess.Popen([sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
                              cwd=BASE_DIR, env=demo_env(folder), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(url + "/tai-khoan/dang-nhap/", timeout=2)  # noqa: S310 (a local URL)
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail("the demo server stopped while starting")
                time.sleep(0.25)
        else:
            pytest.fail("the demo server did not answer within 30 s")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


# --- steps ----------------------------------------------------------------------------------------------------
class Visit:
    """One role's tab at one screen size: logs in, records console errors, saves screenshots and checks each page."""

    def __init__(self, browser, base_url, username, width, height):
        self.context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh",
                                           viewport={"width": width, "height": height},
                                           has_touch=width < 768, is_mobile=width < 768)
        self.page: Page = self.context.new_page()
        self.errors = []
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", lambda dialog: dialog.accept())  # the data-confirm questions ("Ký quyết định…?")
        self.base_url, self.username, self.width, self.steps = base_url, username, width, 0
        self.log_in()

    def log_in(self):
        page = self.page
        page.goto(self.base_url + "/tai-khoan/dang-nhap/")
        page.get_by_label("Tên đăng nhập").fill(self.username)
        page.get_by_label("Mật khẩu").fill(PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        expect(page).not_to_have_url(re.compile(r"/dang-nhap/"))

    def tap(self, locator):
        locator.tap() if self.width < 768 else locator.click()

    def menu(self, *names):
        """Opens a page from the menu: the ☰ button first on a phone, then each (sub)menu item by its name."""
        page = self.page
        toggler = page.locator(".navbar-toggler")
        if toggler.is_visible():
            self.tap(toggler)
            # Bootstrap adds "show" once the menu has finished sliding open: a tap during the slide hits a
            # neighbour of the item (it moved under the finger)
            expect(page.locator("#mainnav")).to_have_class(re.compile(r"(^|\s)show(\s|$)"))
        for name in names:
            self.tap(page.locator("#mainnav a").get_by_text(name, exact=True))  # a link, or a submenu's button
        page.wait_for_load_state()

    def check(self, step):
        """Screenshot tests/e2e/artifacts/<role>-<width>-<nn>-<step>.png; nothing wider than the screen; no console
        error so far."""
        page = self.page
        page.wait_for_load_state()
        self.steps += 1
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{self.username}-{self.width}-{self.steps:02d}-{step}.png"),
                        full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), f"{step}: page too wide"
        assert sideways_scrollers(page) == [], f"{step} ({page.url}): scrolls sideways"
        assert self.errors == [], f"{step} ({page.url}): console errors"

    def close(self):
        self.context.close()


SIDEWAYS = """() => [...document.querySelectorAll('main *')]
  .filter(e => e.scrollWidth > e.clientWidth + 1
               && !['visible', 'hidden', 'clip'].includes(getComputedStyle(e).overflowX))
  .map(e => (e.id ? '#' + e.id : e.tagName.toLowerCase() + '.' + [...e.classList].join('.'))
            + ' > ' + ((e.querySelector('table') || {}).id || '') + ` (${e.scrollWidth} > ${e.clientWidth})`)"""


def sideways_scrollers(page):
    """The elements of the page's content that scroll sideways (a table wider than its .table-responsive)."""
    return page.evaluate(SIDEWAYS)


def first_link(page, selector):
    link = page.locator(selector).first
    expect(link).to_be_visible()
    return link


# --- journeys -------------------------------------------------------------------------------------------------
def clerk_journey(visit):
    page = visit.page
    visit.check("home")
    visit.menu("Phong trào thi đua")
    visit.check("campaigns")
    visit.tap(first_link(page, "#campaign-table a"))
    expect(page.locator("h1")).to_be_visible()
    visit.check("campaign")
    visit.menu("Hồ sơ của đơn vị")
    visit.check("dossiers")
    visit.tap(first_link(page, "#dossier-table a"))
    expect(page).to_have_url(re.compile(r"/ho-so/\d+/$"))
    expect(page.get_by_text("Người, tập thể được đề nghị").first).to_be_visible()
    visit.check("dossier")


def office_journey(visit):
    page = visit.page
    visit.check("home")
    visit.menu("Xét khen thưởng", "Hộp hồ sơ")
    visit.check("inbox")
    link = first_link(page, "#inbox-table a")
    dossier = re.search(r"/ho-so/\d+/", link.get_attribute("href")).group(0)
    visit.tap(link)  # the review page of a dossier the office may review, else the dossier's page
    expect(page).to_have_url(re.compile(dossier))
    visit.check("opened")
    page.goto(visit.base_url + dossier)
    expect(page.get_by_text("Người, tập thể được đề nghị").first).to_be_visible()
    visit.check("dossier")
    page.goto(visit.base_url + dossier + "tham-dinh/")
    expect(page.locator("h1")).to_be_visible()
    visit.check("review")


def council_journey(visit):
    page = visit.page
    visit.check("home")
    visit.menu("Xét khen thưởng", "Hội đồng Thi đua – Khen thưởng")
    visit.check("sessions")
    visit.tap(first_link(page, "#council-table a"))
    expect(page).to_have_url(re.compile(r"/hoi-dong/\d+/$"))
    visit.check("session")
    visit.tap(page.locator("#vote-link"))
    expect(page).to_have_url(re.compile(r"/hoi-dong/\d+/bo-phieu/$"))
    visit.check("ballot")


def leader_journey(visit):
    page = visit.page
    visit.check("home")
    visit.menu("Xét khen thưởng", "Phê duyệt, ký quyết định")
    expect(page.get_by_role("heading", name="Phê duyệt khen thưởng")).to_be_visible()
    visit.check("queue")
    if visit.width >= 768:  # on the desktop the leader reads; the phone journey decides (it changes the demo)
        visit.menu("Xét khen thưởng", "Quyết định khen thưởng")
        visit.check("decisions")
        return
    approve, refuse = LEADER_NOMINEES
    # select a nominee by tapping its line, refuse it with the common reason
    visit.tap(page.get_by_text(f"Chọn {refuse}", exact=True))
    expect(page.get_by_label(f"Chọn {refuse}")).to_be_checked()
    page.get_by_label("Lý do chung cho các đề nghị đã chọn").fill("Thành tích chưa nổi trội so với đơn vị khác.")
    visit.check("selected")
    visit.tap(page.get_by_role("button", name="Không đồng ý các đề nghị đã chọn"))
    expect(page.locator("tr", has_text=refuse).get_by_text("Đã cho ý kiến")).to_be_visible()
    # approve the other one from its own card, whose buttons a thumb can hit
    row = page.locator("tr", has_text=approve)
    agree = row.get_by_role("button", name="Đồng ý", exact=True)
    assert agree.bounding_box()["height"] >= 44
    visit.tap(agree)
    expect(page.locator("tr", has_text=approve).get_by_text("chờ ký quyết định")).to_be_visible()
    visit.check("approved")
    # sign the decision for the approved nominee
    visit.tap(page.get_by_role("link", name="Ký quyết định").first)
    expect(page.get_by_role("heading", name="Ký quyết định khen thưởng")).to_be_visible()
    expect(page.get_by_label(re.compile(approve))).to_be_checked()
    visit.check("sign")
    visit.tap(page.get_by_role("button", name="Ký quyết định khen thưởng"))
    expect(page.get_by_text(re.compile(r"Đã ký Quyết định số"))).to_be_visible()
    expect(page.locator("#awardees")).to_contain_text(approve)
    visit.check("signed")


def admin_journey(visit):
    page = visit.page
    visit.check("home")
    visit.menu("Quản trị", "Cơ quan, đơn vị")
    expect(page.locator("#org-tree")).to_be_visible()
    visit.check("organisations")
    visit.menu("Quản trị", "Người dùng")
    expect(page.locator("#account-table")).to_contain_text("lanhdao")
    visit.check("accounts")
    visit.menu("Phong trào thi đua")
    visit.tap(page.get_by_role("link", name="Tạo phong trào"))
    expect(page).to_have_url(re.compile(r"/phong-trao/them/$"))
    visit.check("create-campaign")


JOURNEYS = {"clerk": clerk_journey, "office": office_journey, "council": council_journey, "leader": leader_journey,
            "admin": admin_journey}


@pytest.mark.parametrize(("width", "height"), WIDTHS, ids=["desktop", "phone"])
@pytest.mark.parametrize("username", list(ROLES))
def test_each_demo_role_does_its_main_task(demo_site, browser, username, width, height):
    visit = Visit(browser, demo_site, username, width, height)
    try:
        JOURNEYS[ROLES[username]](visit)
    finally:
        visit.close()
