"""Accent-free matching of text columns that keep no search column (a decision's trích yếu, its body's name,
the higher authority): `Unaccent(field)` is the column as `core.text.search_key` would write it, computed by
the database. PostgreSQL: translate() over every Vietnamese letter, then lower(); SQLite: the same Python
function, registered on each connection (connection_created, publication.apps)."""
import unicodedata

from django.db.models import CharField, Func

from core.text import search_key


def _letters():
    """(accented letters, their plain letters): every letter of Latin-1, Latin Extended-A/B and Vietnamese
    (U+1EA0–U+1EFF) that search_key turns into one other ASCII letter, upper case included."""
    source, target = [], []
    for code in [*range(0xC0, 0x250), *range(0x1EA0, 0x1F00)]:
        char = chr(code)
        if unicodedata.normalize("NFC", char) != char:
            continue
        plain = search_key(char)
        if len(plain) == 1 and plain.isascii() and plain.isalpha() and plain != char:
            source.append(char)
            target.append(plain)
    return "".join(source), "".join(target)


ACCENTED, PLAIN = _letters()


def sqlite_unaccent(value):
    return search_key(value) if value is not None else None


def add_sqlite_unaccent(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("portal_unaccent", 1, sqlite_unaccent, deterministic=True)


class Unaccent(Func):
    """search_key(column) in SQL: unaccented, lower case (whitespace is left as stored: NFC text, single words
    are what is matched)."""

    function = "portal_unaccent"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="LOWER", template=(
            f"%(function)s(TRANSLATE(%(expressions)s, '{ACCENTED}', '{PLAIN}'))"), **extra_context)

