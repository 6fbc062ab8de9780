"""Active content in an uploaded PDF: scripts, actions run on opening, launched programs, embedded files
(issue 16, ASVS 12.2). A dossier's PDF is opened by the office's staff in their viewers; one that runs
JavaScript or launches something when opened is refused.

The file is parsed (pypdf): every object reachable from the trailer is walked, objects inside compressed
object streams included, and names are compared as pypdf decodes them, so `/J#61vaScript` is `/JavaScript`.
The raw bytes are read as well, name by name with the same decoding, for what the parser does not reach
(an object no reference leads to, a file too damaged to parse). Links to web addresses (/URI) are not
active content: a viewer asks before following them.
"""
import io
import re

# Keys of a dictionary that hold active content, and the action types (/S) that are.
ACTIVE_KEYS = {"/JavaScript", "/JS", "/OpenAction", "/AA", "/Launch", "/EmbeddedFile", "/EmbeddedFiles",
               "/RichMedia", "/RichMediaContent", "/XFA", "/SubmitForm", "/ImportData", "/GoToE"}
ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToE", "/RichMediaExecute",
                  "/Rendition", "/Sound", "/Movie"}
MAX_OBJECTS = 200_000  # a bound on the walk: a file with more objects than this is not a scanned paper
_NAME = re.compile(rb"/([^\s/<>\[\]()%{}]+)")
_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


def _decoded(raw):
    return "/" + _ESCAPE.sub(lambda m: bytes([int(m[1], 16)]), raw).decode("latin-1")


def raw_names(data):
    """Every name written in the file's bytes, #xx escapes decoded (compressed streams stay unread)."""
    return {_decoded(match[1]) for match in _NAME.finditer(data)}


def parsed_names(data):
    """The keys and name values of every object reachable from the trailer; None when pypdf cannot read it."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        stack, seen, names = [reader.trailer], set(), set()
        while stack:
            item = stack.pop()
            if isinstance(item, IndirectObject):
                if (item.idnum, item.generation) in seen:
                    continue
                seen.add((item.idnum, item.generation))
                if len(seen) > MAX_OBJECTS:
                    return None
                stack.append(item.get_object())
            elif isinstance(item, DictionaryObject):
                names.update(str(key) for key in item.keys())
                stack.extend(item.values())
            elif isinstance(item, ArrayObject):
                stack.extend(item)
            elif isinstance(item, NameObject):
                names.add(str(item))
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError, OSError):
        return None
    return names


def active_content(data):
    """The names of the active content `data` holds (sorted; [] when none). A file pypdf cannot read is
    judged on its raw bytes only, except that compressed object streams it cannot open are refused as
    '/ObjStm' (they could hide anything)."""
    names = raw_names(data)
    parsed = parsed_names(data)
    if parsed is None and "/ObjStm" in names:
        return ["/ObjStm"]
    names |= parsed or set()
    return sorted(names & (ACTIVE_KEYS | ACTIVE_ACTIONS))
