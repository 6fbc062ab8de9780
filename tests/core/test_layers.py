"""Imports follow the dependency order of docs/architecture.md ("Apps and dependencies", issue 13).

Between apps: `core ← {notifications, documents} ← orgs ← audit ← awards ← campaigns ← dossiers ← funds ←
{portal, demo}` (publication sits beside funds).
notifications and documents depend on core alone and every domain app may use them (a domain app
registers its document kinds, `<app>/documents.py`, and notifies people through them).

Inside an app, and across apps too: `enums → rules → models → services → forms → views`, where each layer
may import its own and the ones before it. A module sits in the layer of its name right under the app
(`dossiers.services.inbox` is a service); the table LAYER_OF places the helpers that are not named after
a layer (`orgs.scope` is what the `rules` predicates are made of, `dossiers.documents` builds what a
document prints, `tasks` are thin entry points like views). core's own helpers (text, db, pdf, …) sit below
everything and may be imported anywhere.

An import against the order is either fixed or listed in ALLOWED with the one-line reason it stands; an
entry that no longer matches anything fails too, so the list only shrinks. The scan reads the source with
`ast` (no import): tests/, bench/ and migrations are left out.
"""
import ast
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIPPED_DIRS = {"tests", "bench", "migrations", ".venv", "node_modules", "var"}

APP_RANK = {"core": 0, "notifications": 1, "documents": 1, "orgs": 2, "audit": 3, "awards": 4, "campaigns": 5,
            "dossiers": 6, "funds": 7, "publication": 7, "reports": 7, "portal": 8, "demo": 8}

LIB, ENUMS, RULES, MODELS, SERVICES, FORMS, VIEWS = range(-1, 6)
LAYER_NAMES = {LIB: "core helper", ENUMS: "enums", RULES: "rules", MODELS: "models", SERVICES: "services",
               FORMS: "forms", VIEWS: "entry points (views, tasks)"}
LAYER_OF = {  # the module or package right under an app -> its layer
    "enums": ENUMS, "citation": ENUMS,  # campaigns.citation: plain text rules, imports nothing of the project
    "classification": ENUMS,  # orgs.classification: the statistical class of a subject, from its fields and enums
    "rules": RULES, "scope": RULES,
    "models": MODELS, "signals": MODELS,
    "services": SERVICES, "sections": SERVICES, "search": SERVICES, "history": SERVICES, "audit": SERVICES,
    "registry": SERVICES, "middleware": VIEWS, "once": SERVICES,
    "forms": FORMS, "documents": FORMS, "exports": FORMS, "docx": FORMS, "pickers": FORMS,
    "views": VIEWS, "urls": VIEWS, "admin": VIEWS, "apps": VIEWS, "templatetags": VIEWS, "management": VIEWS,
    "tasks": VIEWS,
}
CORE_LAYER_OF = {"models": MODELS, "backends": SERVICES, "imports": SERVICES, "widgets": FORMS, "pickers": FORMS,
                 "views": VIEWS,
                 "templatetags": VIEWS, "context_processors": VIEWS, "admin": VIEWS, "apps": VIEWS,
                 "tasks": VIEWS}  # any other core module: LIB

# (importing module, imported module) as fnmatch patterns -> why the import stands
ALLOWED = {
    ("orgs.pickers", "orgs.views.accounts"):
        "the account whose person a picker offers is found through the account pages' own accounts_for() at call "
        "time, so the picker and the pages cannot disagree on which accounts an admin reaches",
    ("orgs.scope", "orgs.models"):
        "the permission facts are the user's Membership rows, read at call time and cached on the user: "
        "the rules predicates and the for_user() querysets share them",
    ("campaigns.rules", "orgs.models"):
        "clerk_units() reads the user's clerk units (Organisation rows) for the predicates, once per request "
        "(cached on the user), like orgs.scope reads the memberships",
    ("dossiers.rules", "dossiers.models.meeting_queries"):
        "the meeting predicates run the list's own query (meetings_for, is_frozen) at call time, so a "
        "predicate and the list cannot disagree",
    ("dossiers.rules", "dossiers.models.council_queries"):
        "the council predicates (chair, presiding, voting member) run the services' own queries at call time, "
        "so a permission and the service acting on it cannot disagree",
    ("documents.services", "documents.tasks"):
        "current() queues render_document on commit; the task is the service's worker entry point, "
        "imported at call time",
    ("core.imports", "core.tasks"):
        "start_import() queues run_import on commit (and the sweep queues it again), imported at call time",
    ("notifications.services", "notifications.tasks"):
        "save_and_queue() queues send_notification_emails on commit, imported at call time",
    ("dossiers.*", "dossiers.tasks"):
        "exports.request_inbox_export (and the services that refresh a dossier's checks) queue their task "
        "on commit, imported at call time",
    ("dossiers.services.inbox", "dossiers.forms.inbox"):
        "filtered_inbox() is shared by the page and the worker's Excel export, which has no view: the filter "
        "form is the one parser of the inbox's query string for both (a second would duplicate its checks)",
}


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name):
    base = ROOT.joinpath(*name.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def source_files():
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if parts[0] in APP_RANK and not SKIPPED_DIRS.intersection(parts):
            yield path


def imports(path):
    """(line, imported module, at call time?) of every import of an app's module in one file."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    lazy_lines = {node.lineno for function in ast.walk(tree)
                  if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef) for node in ast.walk(function)
                  if isinstance(node, ast.Import | ast.ImportFrom)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            # `from orgs import scope` imports the module orgs.scope; `from ..models import Dossier` the package
            targets = [f"{origin}.{alias.name}" if is_module(f"{origin}.{alias.name}") else origin
                       for alias in node.names]
        else:
            continue
        for target in dict.fromkeys(targets):
            if target.split(".")[0] in APP_RANK:
                yield node.lineno, target, node.lineno in lazy_lines


def layer(name):
    app, _, rest = name.partition(".")
    head = rest.split(".")[0]
    if app in ("portal", "demo"):
        return VIEWS
    if app == "core":
        return CORE_LAYER_OF.get(head, LIB)
    if not rest:
        return VIEWS  # the app's package itself (its __init__)
    assert head in LAYER_OF, f"{name}: which layer is “{head}”? Add it to LAYER_OF in {__file__}."
    return LAYER_OF[head]


def problem(importer, target):
    """Why `importer` may not import `target`, or None."""
    app, target_app = importer.split(".")[0], target.split(".")[0]
    if app != target_app and APP_RANK[target_app] >= APP_RANK[app]:
        return f"app {app} may not depend on app {target_app}"
    if layer(target) > layer(importer):
        return f"{LAYER_NAMES[layer(importer)]} may not import {LAYER_NAMES[layer(target)]}"
    return None


def violations():
    """[(file:line, importer, imported, at call time, why)] of every import against the order."""
    found = []
    for path in source_files():
        importer = module_name(path)
        for line, target, lazy in imports(path):
            if (why := problem(importer, target)) is not None:
                found.append((f"{path.relative_to(ROOT)}:{line}", importer, target, lazy, why))
    return found


def allowed(importer, target):
    return next((key for key in ALLOWED if fnmatch(importer, key[0]) and fnmatch(target, key[1])), None)


def test_imports_follow_the_layer_order():
    unexplained = [f"{where} {importer} -> {target}: {why}"
                   for where, importer, target, _lazy, why in violations() if allowed(importer, target) is None]
    assert not unexplained, ("Imports against docs/architecture.md's order: fix them, or add them to ALLOWED "
                             "with the reason they stand:\n" + "\n".join(unexplained))


def test_every_exception_is_still_needed():
    used = {allowed(importer, target) for _where, importer, target, _lazy, _why in violations()}
    assert [key for key in ALLOWED if key not in used] == []


def test_every_exception_inside_an_app_is_imported_at_call_time():
    """Inside an app, an exception imported at load time would make the two modules a cycle (the
    pending fixes aside)."""
    at_load = [f"{where} {importer} -> {target}" for where, importer, target, lazy, _why in violations()
               if not lazy and importer.split(".")[0] == target.split(".")[0]
               and not ALLOWED.get(allowed(importer, target), "").startswith("to fix")]
    assert at_load == []


def test_the_checker_sees_the_kinds_of_violation():
    assert problem("core.backends", "notifications.models") == "app core may not depend on app notifications"
    assert problem("orgs.models", "campaigns.models") == "app orgs may not depend on app campaigns"
    assert problem("notifications.services", "documents.services") == \
        "app notifications may not depend on app documents"
    assert problem("dossiers.services.printing", "dossiers.documents") == "services may not import forms"
    assert problem("dossiers.models.dossier", "dossiers.services.eligibility") == "models may not import services"
    assert problem("dossiers.models.dossier", "campaigns.services.campaigns") == "models may not import services"
    assert problem("core.pdf", "core.models") == "core helper may not import models"
    assert problem("dossiers.views.inbox", "dossiers.services.inbox") is None
    assert problem("dossiers.documents", "documents.registry") is None
    assert problem("campaigns.models", "orgs.scope") is None
    assert problem("dossiers.forms.inbox", "core.widgets") is None
