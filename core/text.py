"""Vietnamese text helpers: NFC normalisation and the unaccented search key."""
import unicodedata

_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})


def nfc(value):
    """Return `value` in Unicode NFC (what we store), leaving non-strings alone."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value


def unaccent(value):
    """'Nguyễn Thị Hương' -> 'Nguyen Thi Huong' (đ/Đ become d/D)."""
    decomposed = unicodedata.normalize("NFD", (value or "").translate(_D_MAP))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_key(*values):
    """The stored search column: unaccented, lower-case, single-spaced."""
    text = " ".join(v for v in values if v)
    return " ".join(unaccent(text).lower().split())


def search_tokens(query):
    return search_key(query).split()


def filter_by_search(queryset, query, field="search_text"):
    """Keep rows whose search column contains every word of `query` (accents ignored)."""
    for token in search_tokens(query):
        queryset = queryset.filter(**{f"{field}__contains": token})
    return queryset
