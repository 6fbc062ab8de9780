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


def lazy_page(queryset, page, per_page=50):
    try:
        number = max(1, int(page))
    except (TypeError, ValueError):
        number = 1
    offset = (number - 1) * per_page
    rows = list(queryset[offset:offset + per_page + 1])
    return LazyPage(items=rows[:per_page], number=number, per_page=per_page,
                    has_next=len(rows) > per_page)
