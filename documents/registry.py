"""The kinds of official documents: what each prints and who may see it.

Domain apps register their kinds (`campaigns/documents.py`, `dossiers/documents.py`); this app only
stores and renders. A kind's `build(obj, part)` returns the frozen, JSON-able context of one document;
a kind may also have `docx(context) -> bytes`, an editable Word copy built from that same context
(`register_docx`, e.g. dossiers/docx.py).

`visible(user)` says who may see an object's documents (another unit's object is a 404); `refuse(obj)` says
why an object the user sees is not printed by the portal at all (e.g. a certificate decided by a higher
authority): the print and download pages answer 403 with that sentence.
"""
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Kind:
    code: str
    label: str
    template: str
    model: str                      # "app_label.ModelName" of the object the document belongs to
    build: object                   # (obj, part) -> dict (JSON-able)
    visible: object                 # (user) -> queryset of the objects the user may print
    frozen: object = None           # (obj) -> bool: True once what it prints must not change any more
    filename: object = None         # (context) -> readable file name without extension
    merged: bool = False            # the context holds {"parts": [{"template", "context"}], "copies": n}
    extra: dict = field(default_factory=dict)
    docx: object = None             # (context) -> bytes of an editable .docx, or None when there is none
    refuse: object = None           # (obj) -> "" or a Vietnamese sentence: why the portal does not print it
    parts: object = None            # (obj) -> the parts of the object that exist (each printed once); None: ""
    site_bound: bool = False        # prints the portal's address (a QR code): a stored file made under another
                                    # SITE_URL is made again from its frozen content (documents.services.current)

    def refusal(self, obj):
        return self.refuse(obj) if self.refuse is not None else ""

    def has_part(self, obj, part):
        """Whether `part` is one the object has: any other value is refused, not rendered and stored anew."""
        return part in (self.parts(obj) if self.parts is not None else [""])


KINDS = {}


def register(code, *, label, template="", model, visible, frozen=None, filename=None, merged=False, refuse=None,
             parts=None, site_bound=False):
    """Decorator registering `build` as the context builder of the document kind `code`."""
    def wrap(build):
        KINDS[code] = Kind(code=code, label=label, template=template, model=model, build=build, visible=visible,
                           frozen=frozen, filename=filename, merged=merged, refuse=refuse, parts=parts,
                           site_bound=site_bound)
        return build
    return wrap


def kind(code):
    try:
        return KINDS[code]
    except KeyError:
        raise LookupError(f"Không có loại văn bản “{code}”.") from None


def register_docx(code, function):
    """Give the registered kind `code` an editable Word copy: `function(context)` returns the .docx bytes."""
    KINDS[code] = replace(kind(code), docx=function)
    return function
