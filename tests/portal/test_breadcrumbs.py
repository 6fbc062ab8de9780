"""Breadcrumbs on every page (issue 17): each demo role's pages are walked from its home page as a person would
click them (menus, lists, then the detail pages they link to) and every page shows exactly one trail
(templates/includes/breadcrumbs.html, built by core/templatetags/breadcrumbs.py): "Trang chủ" first, linking
to /, the parents as links this user may open, the current page last, aria-current="page" and no link.
A static check keeps every page template that extends base.html filling the block, so a page no walk reaches
cannot lose its trail either."""
import re
from collections import Counter, deque
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.template import Context, Template
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone

from campaigns.enums import RegistrationStatus
from campaigns.models import Campaign, Registration
from dossiers.models import Decision, Dossier
from orgs.models import Organisation
from tests.module_data import module_transaction
from tests.shared_demo import forget_content_types, load_demo

# the pages where a trail makes no sense (docs/architecture.md, "Page conventions"): signing in and the
# second factor before anything else opens, the anonymous password-reset steps, and the error pages
WITHOUT_TRAIL = {
    "registration/login.html", "registration/lockout.html", "registration/password_reset_form.html",
    "registration/password_reset_done.html", "registration/password_reset_confirm.html",
    "registration/password_reset_complete.html", "registration/password_reset_throttled.html",
    "otp/verify.html", "errors/400.html", "errors/403.html", "errors/403_csrf.html", "errors/404.html",
}
DEMO_ROLES = ("quantri", "vanphong", "hoidong", "lanhdao", "canbo.tcbc")
PER_VIEW = 2  # pages opened per URL name and role: the walk checks each kind of page, not every row
# downloads, files being rendered and htmx fragments: no page, no trail
SKIPPED_VIEWS = re.compile(r"^documents:(download|docx|retry)$|excel|export|download|_file$|_zip$|:bell$|"
                           r"import_template|council_count_sheet|^admin:")


class Page(HTMLParser):
    """The local links of a page, and its breadcrumb trails: [[{current, href, text}, …], …]."""

    def __init__(self):
        super().__init__()
        self.links, self.trails, self.in_trail, self.item = [], [], False, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and (attrs.get("href") or "").startswith("/"):
            self.links.append(attrs["href"])
        if tag == "nav" and attrs.get("aria-label") == "Đường dẫn":
            self.in_trail = True
            self.trails.append([])
        elif self.in_trail and tag == "li":
            self.item = {"current": attrs.get("aria-current") == "page", "href": None, "text": ""}
            self.trails[-1].append(self.item)
        elif self.item is not None and tag == "a":
            self.item["href"] = attrs.get("href")

    def handle_endtag(self, tag):
        if tag == "nav":
            self.in_trail = False
        elif tag == "li":
            self.item = None

    def handle_data(self, data):
        if self.item is not None:
            self.item["text"] = (self.item["text"] + data).strip()


def parse(html):
    page = Page()
    page.feed(html)
    return page


def walk(client, also=()):
    """{path: (view name, html)} of the HTML pages reachable by GET links from / (and the pages `also`),
    PER_VIEW per view name."""
    queue, queued, per_view, pages = deque(["/", *also]), {"/", *also}, Counter(), {}
    while queue:
        link = queue.popleft()
        path = link.split("#")[0].replace("&amp;", "&")
        try:
            name = resolve(path.split("?")[0]).view_name
        except Resolver404:
            continue
        if SKIPPED_VIEWS.search(name) or per_view[name] >= PER_VIEW:
            continue
        response = client.get(path)
        # a broken page, and a link the user is shown but may not open (a dead end: 403/404), are reported with the
        # others, not skipped
        if response.status_code >= 500 or response.status_code in (403, 404):
            pages[path] = (name, f"answers {response.status_code}")
            continue
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        html = response.content.decode()
        if "<main" not in html:
            continue
        per_view[name] += 1
        pages[path] = (name, html)
        for href in parse(html).links:
            key = href.split("#")[0].split("?")[0]
            if key not in queued:
                queued.add(key)
                queue.append(href)
    return pages


def trail_faults(html, opens):
    """What is wrong with a page's trails (an empty list when it has one good trail); `opens(url)` tells whether
    the user can open a parent's link."""
    if html.startswith("answers "):
        return [html]
    trails = parse(html).trails
    if len(trails) != 1:
        return [f"{len(trails)} breadcrumb trails"]
    trail, faults = trails[0], []
    if not trail or trail[0]["text"] != "Trang chủ":
        return ["the trail does not start at Trang chủ"]
    *parents, current = trail
    if parents and parents[0]["href"] != "/":
        faults.append(f"Trang chủ links to {parents[0]['href']}")
    if not current["current"] or current["href"] is not None:
        faults.append(f"the last item {current['text']!r} is a link or lacks aria-current")
    if not current["text"]:
        faults.append("the current page has no name")
    faults += [f"{item['text']!r} is marked current" for item in parents if item["current"]]
    faults += [f"{item['text']!r} -> {item['href']} does not open" for item in parents[1:]
               if item["href"] and not opens(item["href"])]
    return faults


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory, demo_rows):
    """The demo data (seed_demo: every stage of the workflow, meetings, council sessions, decisions…), the session's
    one seed (tests/shared_demo.py) loaded once for the module in a transaction rolled back after it
    (tests/module_data.py); gives the pages some roles reach only by a form (the leader's signing page), to walk
    from too."""
    from django.test.utils import override_settings

    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("breadcrumb-media")):
        with module_transaction(django_db_blocker):
            with django_db_blocker.unblock():
                load_demo(demo_rows)
                # what the demo has none of: a unit's registration (Đăng ký thi đua) waiting at the office
                campaign = Campaign.objects.get(issuer__code="QT-SNV", plan_number=2150)
                Registration.objects.create(campaign=campaign, status=RegistrationStatus.SUBMITTED,
                                            organisation=Organisation.objects.get(code="QT-SNV-TCBC"),
                                            submitted_at=timezone.now())
                decision = Decision.objects.filter(issuer__code="QT-SNV", kind=Decision.OWN).first()
                dossier = Dossier.objects.filter(campaign=campaign).exclude(submitted_at=None).first()
            # the print pages are opened by a form's button: a GET of them writes nothing (documents.views)
            yield {"lanhdao": [reverse("dossiers:decision_sign") + f"?phong-trao={campaign.pk}",
                               reverse("dossiers:forward") + f"?phong-trao={campaign.pk}"],
                   "vanphong": [reverse("documents:print", args=["quyet_dinh", decision.pk]),
                                reverse("documents:print", args=["to_trinh", dossier.pk])]}
        forget_content_types()  # the demo's content types were rolled back with it


# what each role's walk must reach, so that a page dropping out of the walk is noticed too
MUST_REACH = {
    "quantri": {"campaigns:campaign_detail", "campaigns:campaign_section", "orgs:organisation_detail",
                "orgs:organisation_tree", "orgs:account_detail", "orgs:account_list", "orgs:bloc_detail",
                "orgs:person_detail", "awards:awardform_list", "orgs:account_update", "orgs:organisation_update",
                "orgs:bloc_update", "awards:salary_list", "dossiers:layout_edit", "audit:trail",
                "notifications:list", "orgs:second_factor_policy", "dossiers:rule_settings"},
    "vanphong": {"campaigns:campaign_detail", "campaigns:registration_list", "campaigns:registration_detail",
                 "dossiers:inbox", "dossiers:dossier_detail", "dossiers:council_list", "dossiers:council_detail",
                 "dossiers:decision_list", "dossiers:decision_detail", "dossiers:register",
                 "dossiers:person_history", "dossiers:campaign_progress", "orgs:person_detail", "documents:print"},
    "hoidong": {"dossiers:council_list", "dossiers:council_detail", "campaigns:campaign_detail"},
    "lanhdao": {"dossiers:approval_queue", "dossiers:decision_list", "dossiers:decision_detail",
                "dossiers:decision_sign", "campaigns:campaign_detail"},
    "canbo.tcbc": {"campaigns:campaign_detail", "campaigns:registration_edit", "dossiers:dossier_list",
                   "dossiers:dossier_detail", "dossiers:meeting_list", "dossiers:meeting_detail",
                   "orgs:person_list", "orgs:person_detail", "dossiers:dossier_create"},
}


@pytest.mark.parametrize("username", DEMO_ROLES)
def test_every_page_of_the_role_has_one_trail_from_home_to_the_current_page(demo, db, username):
    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.get(username=username))
    pages = walk(client, also=demo.get(username, ()))
    opened = {}

    def opens(url):
        if url not in opened:
            opened[url] = client.get(url.replace("&amp;", "&")).status_code == 200
        return opened[url]

    faults = {f"{name} {path}": fault for path, (name, html) in pages.items()
              if (fault := trail_faults(html, opens))}
    assert faults == {}
    assert MUST_REACH[username] - {name for name, _ in pages.values()} == set()


def test_home_page_trail_is_trang_chu_alone(demo, db):
    client = Client()
    client.force_login(get_user_model().objects.get(username="canbo.tcbc"))
    [trail] = parse(client.get("/").content.decode()).trails
    assert trail == [{"current": True, "href": None, "text": "Trang chủ"}]


def render(source, user):
    return Template("{% load breadcrumbs %}" + source).render(Context({"user": user}))


def test_trail_current_page_is_the_last_crumb_and_never_a_link(db):
    from tests.factories.orgs import UserFactory

    html = render('{% breadcrumbs %}{% crumb "Phong trào thi đua" "campaigns:campaign_list" %}'
                  '{% crumb "Đăng ký" "/dang-ky/1/" %}{% crumb "" "/bo-qua/" %}{% endbreadcrumbs %}', UserFactory())
    assert parse(html).trails == [[{"current": False, "href": "/", "text": "Trang chủ"},
                                   {"current": False, "href": "/phong-trao/", "text": "Phong trào thi đua"},
                                   {"current": True, "href": None, "text": "Đăng ký"}]]


def test_trail_parent_without_target_is_plain_text(db):
    from tests.factories.orgs import UserFactory

    html = render('{% breadcrumbs %}{% crumb "Sở Nội vụ" %}{% crumb "Phòng A" %}{% endbreadcrumbs %}', UserFactory())
    assert parse(html).trails == [[{"current": False, "href": "/", "text": "Trang chủ"},
                                   {"current": False, "href": None, "text": "Sở Nội vụ"},
                                   {"current": True, "href": None, "text": "Phòng A"}]]


def test_trail_of_an_anonymous_visitor_starts_without_home():
    from django.contrib.auth.models import AnonymousUser

    html = render('{% breadcrumbs %}{% crumb "Phong trào đang phát động" "campaigns:public_list" %}'
                  '{% crumb "Kế hoạch" %}{% endbreadcrumbs %}', AnonymousUser())
    assert parse(html).trails == [[{"current": False, "href": "/cong-khai/phong-trao/",
                                    "text": "Phong trào đang phát động"},
                                   {"current": True, "href": None, "text": "Kế hoạch"}]]


def test_trail_checker_notices_a_missing_trail_a_linked_current_page_and_a_closed_parent():
    linked_current = ('<nav aria-label="Đường dẫn"><ol><li><a href="/">Trang chủ</a></li>'
                      '<li aria-current="page"><a href="/phong-trao/">Phong trào thi đua</a></li></ol></nav>')
    closed_parent = ('<nav aria-label="Đường dẫn"><ol><li><a href="/">Trang chủ</a></li>'
                     '<li><a href="/nguoi-dung/">Người dùng</a></li><li aria-current="page">An</li></ol></nav>')
    assert trail_faults("<main></main>", lambda url: True) == ["0 breadcrumb trails"]
    assert trail_faults(linked_current + linked_current, lambda url: True) == ["2 breadcrumb trails"]
    assert trail_faults(linked_current, lambda url: True) == [
        "the last item 'Phong trào thi đua' is a link or lacks aria-current"]
    assert trail_faults(closed_parent, lambda url: url != "/nguoi-dung/") == [
        "'Người dùng' -> /nguoi-dung/ does not open"]
    assert trail_faults(closed_parent, lambda url: True) == []


def page_templates():
    root = Path(settings.BASE_DIR) / "templates"
    for path in sorted(root.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if re.search(r"{%\s*extends\s+[\"']base\.html[\"']", text):
            yield path.relative_to(root).as_posix(), text


def test_every_page_template_fills_the_breadcrumbs_block():
    block = re.compile(r"{%\s*block breadcrumbs\s*%}(.*?){%\s*endblock", re.S)
    missing = []
    for name, text in page_templates():
        if name in WITHOUT_TRAIL:
            continue
        found = block.search(text)
        if not found or not re.search(r"{%\s*(breadcrumbs|include)\b", found.group(1)):
            missing.append(name)
    assert missing == []
    assert WITHOUT_TRAIL <= {name for name, _ in page_templates()}


def test_public_campaign_page_trail_of_an_anonymous_visitor_starts_at_the_public_list(demo, db):
    campaign = Campaign.objects.get(issuer__code="QT-SNV", plan_number=2150)
    client = Client()
    [trail] = parse(client.get(reverse("campaigns:public_detail", args=[campaign.pk])).content.decode()).trails
    assert trail == [{"current": False, "href": reverse("campaigns:public_list"), "text": "Phong trào đang phát động"},
                     {"current": True, "href": None, "text": campaign.title}]
    assert parse(client.get(reverse("campaigns:public_list")).content.decode()).trails == []


def enrol_trails(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    response = client.get(reverse("second_factor_enrol"))
    assert response.status_code == 200
    return [[item["text"] for item in trail] for trail in parse(response.content.decode()).trails]


def test_second_factor_enrolment_owed_at_sign_in_shows_no_trail(demo, db):
    assert enrol_trails("hethong") == []  # owes it (README, Demo accounts): nothing else opens before it
    assert enrol_trails("quantri") == [["Trang chủ", "Xác thực hai bước", "Đăng ký ứng dụng xác thực"]]
