"""Lazy pagination: no COUNT(*) over big tables, one extra row tells whether a next page exists."""
from dataclasses import dataclass


@dataclass
class LazyPage:
    items: list
    number: int
    per_page: int
    has_next: bool

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def start_index(self):
        return (self.number - 1) * self.per_page + 1 if self.items else 0

    @property
    def end_index(self):
        return self.start_index + len(self.items) - 1 if self.items else 0


def lazy_page(queryset, page, per_page=50, rows=None):
    """Page `page` (a number, from the query string) of `queryset`, reading one row more than it shows.
    `rows`: a function from the page's window of `queryset` (a sliced queryset, e.g. of ids) to the rows to
    show, so that a list can find its page on narrow rows and join what it shows for that page only."""
    try:
        number = max(1, int(page))
    except (TypeError, ValueError):
        number = 1
    offset = (number - 1) * per_page
    window = queryset[offset:offset + per_page + 1]
    found = list(window if rows is None else rows(window))
    return LazyPage(items=found[:per_page], number=number, per_page=per_page, has_next=len(found) > per_page)
