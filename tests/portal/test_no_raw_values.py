"""No raw values and no English on any page (issue 17): each role of the test cast, with something to do in every
step (tests/portal/test_menu_links.py, busy_cast), opens its home page, every page of its menu and every page its
home page and menu pages link to; none shows "None", an ISO duration ("PT15M"), a template placeholder ("N ngày",
"M lần"), a Python repr or braces, an English word of a form or a browser's own file button ("Choose File")."""
import re
from html.parser import HTMLParser

import pytest

from tests.portal.test_menu_links import ROLES, links_in
from tests.portal.test_menu_links import busy_cast as busy_cast  # the fixture

pytestmark = pytest.mark.django_db

ENGLISH = ("Choose File", "No file chosen", "Submit", "Save", "Cancel", "Delete", "Next", "Previous", "Search",
           "Required", "This field", "Select", "Clear", "Currently", "Change", "Unknown", "True", "False")
RAW = [
    (re.compile(r"\bNone\b"), "None"),
    (re.compile(r"\bP(?:T\d+[HMS]|\d+[DWMY])\b"), "thời lượng ISO (PT15M)"),
    (re.compile(r"(?<![\w/])[NM] (?:ngày|lần)\b"), "chỗ giữ chỗ (N ngày, M lần)"),
    (re.compile(r"[{}]"), "dấu ngoặc nhọn"),
    (re.compile(r"<[A-Za-z_.]+(?: object at 0x| object \(\d+\)|: )"), "repr của Python"),
    (re.compile(r"\b(?:" + "|".join(re.escape(word) for word in ENGLISH) + r")\b"), "tiếng Anh"),
]
SHOWN_ATTRIBUTES = {"value", "placeholder", "title", "aria-label", "alt"}


class Shown(HTMLParser):
    """The text a person reads: the page's text and its shown attributes, without <script>, <style>, comments; a
    native file input that is not hidden behind the Vietnamese "Chọn tệp" (core.widgets.VnFileInput)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skip, self.texts, self.native_file_inputs = 0, [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style", "template"):
            self.skip += 1
            return
        if tag == "input" and attrs.get("type") == "file" and "visually-hidden" not in (attrs.get("class") or ""):
            self.native_file_inputs.append(attrs.get("name") or "")
        if tag == "input" and attrs.get("type") == "hidden":
            return
        self.texts += [value for name, value in attrs.items() if name in SHOWN_ATTRIBUTES and value]

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip and data.strip():
            self.texts.append(data.strip())


def problems(html):
    """[(what, the text around it)] of a rendered page."""
    shown = Shown()
    shown.feed(html)
    found = [("nút chọn tệp của trình duyệt", f"input type=file name={name}") for name in shown.native_file_inputs]
    for text in shown.texts:
        for pattern, what in RAW:
            match = pattern.search(text)
            if match:
                found.append((what, text[max(0, match.start() - 40):match.end() + 40]))
    return found


def pages_of(client):
    """The role's home page, its menu pages, and the pages its home and menu pages link to."""
    home = client.get("/").content.decode()
    menu = links_in(home, "nav")
    pages = ["/", *menu, *links_in(home, "main")]
    for link in menu:
        response = client.get(link.replace("&amp;", "&"))
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            pages += links_in(response.content.decode(), "main")
    return [page.replace("&amp;", "&") for page in dict.fromkeys(pages)
            if not re.search(r"/(tai-ve|xuat|excel|pdf|docx|in)/|\.(pdf|docx|xlsx)\b|dang-xuat", page)]


def test_the_checker_finds_what_it_looks_for():
    assert [what for what, _ in problems(
        "<main><p>Hạn: None</p><p>PT15M</p><p>trước N ngày</p><button>Save</button><p>{'a': 1}</p>"
        "<input type='file' name='f'><script>var x = {a: 1};</script><input type='hidden' value='None'></main>")] == [
        "nút chọn tệp của trình duyệt", "None", "thời lượng ISO (PT15M)", "chỗ giữ chỗ (N ngày, M lần)",
        "tiếng Anh", "dấu ngoặc nhọn"]
    assert problems("<p>Nhắc trước 7 ngày, tối đa 3 lần; Phòng Nội vụ; 12/2025</p>") == []


@pytest.mark.parametrize("role", ROLES)
def test_no_raw_value_nor_english_on_the_pages_of_each_role(busy_cast, client_for, role):
    client = client_for(getattr(busy_cast, role))
    found = {}
    pages = pages_of(client)
    assert len(pages) >= 4
    for page in pages:
        response = client.get(page)
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            issues = problems(response.content.decode())
            if issues:
                found[page] = issues
    assert found == {}


def test_reminder_rules_read_in_words_with_their_numbers(cast, client_for):
    from django.urls import reverse

    from campaigns.models import ReminderRule
    from tests.factories.campaigns import draft_campaign

    campaign = draft_campaign(cast)
    for kind, days, times in (("before", 7, 1), ("on_day", 0, 1), ("after", 0, 3), ("returned", 3, 1)):
        ReminderRule.objects.create(campaign=campaign, kind=kind, days=days, max_times=times)
    client = client_for(cast.admin)
    detail = client.get(campaign.get_absolute_url()).content.decode()
    for words in ("7 ngày trước hạn nộp hồ sơ", "Đúng ngày hết hạn", "Sau hạn nộp hồ sơ: hằng ngày, tối đa 3 lần",
                  "Hồ sơ bị trả lại chưa nộp lại sau 3 ngày"):
        assert words in detail
    section = client.get(reverse("campaigns:campaign_section", args=[campaign.pk, "nhac-han"]))
    assert section.status_code == 200
    assert "Trước hạn nộp hồ sơ (số ngày)" in section.content.decode()
    assert problems(detail) == [] and problems(section.content.decode()) == []


def test_the_pages_before_signing_in_and_the_lockout_page(cast):
    from django.test import Client
    from django.urls import reverse

    from tests.factories.campaigns import launched_campaign
    from tests.portal.test_auth import LOGIN, fail_five_times

    campaign = launched_campaign(cast)
    pages = [LOGIN, reverse("password_reset"), reverse("campaigns:public_list"),
             reverse("campaigns:public_detail", args=[campaign.pk])]
    for page in pages:
        response = Client().get(page)
        assert response.status_code == 200, page
        assert problems(response.content.decode()) == [], page
    fail_five_times()
    locked = Client().post(LOGIN, {"username": "canbo_a", "password": cast.password}).content.decode()
    assert "15 phút" in locked and problems(locked) == []
