"""Finding units by name: the text filter "Đơn vị (kể cả cấp dưới)" of list pages.

A text box, not a <select>: a province has thousands of units, and rendering them all was most of a
list page's time (docs/performance.md).
"""
from core.text import filter_by_search

from .models import Organisation, subtree_q

MAX_UNIT_MATCHES = 50


def units_named(text, units=None):
    """The units (of `units`, default all) whose name, short name, abbreviation or code contains every
    word of `text` (accents and case ignored), highest in the tree first, at most MAX_UNIT_MATCHES;
    a unit under another match is left out, its parent's subtree already covers it."""
    units = Organisation.objects.all() if units is None else units
    found = []
    for unit in filter_by_search(units, text).order_by("depth", "path")[:MAX_UNIT_MATCHES]:
        if not any(unit.path.startswith(top.path) for top in found):
            found.append(unit)
    return found


def under_units(units, prefix="organisation__path"):
    """Q matching the rows of `units` and of their sub-units (nothing when `units` is empty)."""
    return subtree_q([unit.path for unit in units], prefix=prefix)
