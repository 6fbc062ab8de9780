"""The one pager of every list page (templates/includes/pager.html): previous/next keep the filters."""
from django.template.loader import render_to_string
from django.test import RequestFactory

from core.pagination import LazyPage


def render(page, query, **extra):
    request = RequestFactory().get("/bien-ban/", query)
    return render_to_string("includes/pager.html", {"page": page, **extra}, request=request)


def test_links_keep_the_filters_and_change_the_page_only():
    html = render(LazyPage(items=list(range(30)), number=2, per_page=30, has_next=True),
                  {"phong-trao": "7", "trang": "2"})
    assert "Dòng 31–60 · Trang 2" in html
    assert 'href="?phong-trao=7&amp;trang=1">‹ Trang trước</a>' in html
    assert 'href="?phong-trao=7&amp;trang=3">Trang sau ›</a>' in html
    assert 'class="card-footer' in html


def test_outside_a_card_and_nothing_for_a_single_page():
    page = LazyPage(items=[1], number=1, per_page=30, has_next=True)
    assert 'class="mt-3' in render(page, {}, outside=True)
    assert render(LazyPage(items=[1], number=1, per_page=30, has_next=False), {}).strip() == ""
