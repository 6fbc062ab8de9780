"""The demo (`manage.py seed_demo`) built once per test session and shared by every test that reads it
(docs/performance.md, "The test suite"), instead of seeded again by each module and xdist worker.

Two forms, each built by the first xdist worker that asks for it, under a file lock in the session's temporary
folder (shared by the workers); the others wait for it and reuse it:

- `seeded_demo_folder(tmp_path_factory, build)`: a folder holding a SQLite file of the demo, made by `build(folder)`
  (the browser journeys' `manage.py shell` of migrate, seed_demo and their PREPARE, tests/e2e/test_role_journeys.py).
  Each user copies the file, so the pristine one is never written.
- `demo_rows(...)` and `load_demo(rows)`: the rows seed_demo writes into the test database of the configured backend
  (SQLite, or PostgreSQL in CI), every table's content dumped right after a real seed_demo in a transaction that is
  rolled back. `load_demo` replaces the content of every table with them, inside the caller's transaction (a test's,
  or a module's: tests/module_data.py), so the rollback at its end restores the empty test database. A test then
  starts from exactly what seed_demo wrote (same rows, same primary keys), a few hundred milliseconds instead of a
  seed. PostgreSQL's sequences are moved past the loaded keys (as after a seed). Content types and permissions are
  copied too (a transactional test's flush makes them again under new keys), so the process's content-type cache is
  emptied after the load; the caller empties it again after its rollback (`forget_content_types`).
"""
import fcntl
import io
import os
import pickle
import shutil
import subprocess
from contextlib import contextmanager
from io import StringIO

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # as tests/conftest.py: the tests' hasher


def shared_folder(tmp_path_factory):
    """The folder every xdist worker of this session sees (the parent of the workers' own temporary folders)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextmanager
def locked(path):
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build_once(tmp_path_factory, name, build):
    """The path `name` in the shared folder, made by `build(path)` if no worker has made it yet. A failed build
    leaves nothing behind: the next worker tries again (and fails the same way)."""
    shared = shared_folder(tmp_path_factory)
    target = shared / name
    with locked(shared / f"{name}.lock"):
        if not target.exists():
            partial = shared / f"{name}.partial"
            if partial.is_dir():
                shutil.rmtree(partial)
            partial.unlink(missing_ok=True)
            build(partial)
            partial.rename(target)
    return target


def seeded_demo_folder(tmp_path_factory, build):
    """A folder built once per session by `build(folder)` (which makes the folder), or by the background process
    `start_demo_folder` started (waited for)."""
    return build_once(tmp_path_factory, "demo-seeded", build)


def start_demo_folder(tmp_path_factory, command):
    """Starts building the demo folder in a background process as soon as the tests are collected, so that no
    worker waits for it later: `command(folder)` -> (argv, env) of a process that fills `folder` (made here).
    The process holds the build lock (it inherits the locked file) and renames the folder when it succeeds; if it
    fails, the first test needing the folder builds it again (and reports the failure). Nothing is started when
    the folder exists or another worker is already building it."""
    shared = shared_folder(tmp_path_factory)
    target, partial = shared / "demo-seeded", shared / "demo-seeded.partial"
    if target.exists():
        return None
    handle = open(shared / "demo-seeded.lock", "a")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return None
        if target.exists():
            return None
        if partial.is_dir():
            shutil.rmtree(partial)
        partial.mkdir()
        argv, env, cwd = command(partial)
        rename = (f"\nfrom django.db import connection\nconnection.close()\nimport os\n"
                  f"os.rename({str(partial)!r}, {str(target)!r})\n")
        argv = [*argv[:-1], argv[-1] + rename]
        with open(shared / "demo-seeded.log", "w") as log:
            return subprocess.Popen(argv, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, pass_fds=(handle.fileno(),))
    finally:
        handle.close()  # the child keeps the lock (the same open file) until it exits


# --- the demo's rows in the test database ----------------------------------------------------------------------
def _tables(connection):
    with connection.cursor() as cursor:
        existing = set(connection.introspection.table_names(cursor))
    return sorted(table for table in connection.introspection.django_table_names(only_existing=True)
                  if table in existing)


def _columns(cursor, connection, table):
    cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)} WHERE 1 = 0")
    return [column[0] for column in cursor.description]


def dump_tables(connection, tables):
    """{table: (columns, content)}: PostgreSQL's COPY text, SQLite's rows as SQL literals (`quote()`): both give
    back the stored values exactly, without going through Python types."""
    quote = connection.ops.quote_name
    dumped = {}
    with connection.cursor() as cursor:
        for table in tables:
            columns = _columns(cursor, connection, table)
            names = ", ".join(quote(column) for column in columns)
            if connection.vendor == "postgresql":
                buffer = io.BytesIO()
                cursor.copy_expert(f"COPY (SELECT {names} FROM {quote(table)} ORDER BY 1) TO STDOUT", buffer)
                dumped[table] = (columns, buffer.getvalue())
            else:
                literals = ", ".join(f"quote({quote(column)})" for column in columns)
                cursor.execute(f"SELECT {literals} FROM {quote(table)} ORDER BY {quote(columns[0])}")
                dumped[table] = (columns, [f"({', '.join(row)})" for row in cursor.fetchall()])
    return dumped


def seed_and_dump(django_db_blocker):
    """Runs seed_demo in the (empty) test database inside a transaction, dumps every table, rolls back."""
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test.utils import override_settings

    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        with transaction.atomic():
            call_command("seed_demo", stdout=StringIO())
            rows = {"vendor": connection.vendor, "tables": dump_tables(connection, _tables(connection))}
            transaction.set_rollback(True)
    return rows


def demo_rows(tmp_path_factory, django_db_blocker):
    """The demo's rows for this session's backend: dumped once (by the first worker), read by the others."""
    from django.db import connection

    def build(path):
        path.write_bytes(pickle.dumps(seed_and_dump(django_db_blocker)))

    return pickle.loads(build_once(tmp_path_factory, f"demo-rows-{connection.vendor}.pickle", build).read_bytes())


def load_demo(rows):
    """Replaces every table's content by the demo's rows, in the current transaction (to be rolled back by the
    caller: a test's, or a module's)."""
    from django.apps import apps
    from django.core.management.color import no_style
    from django.db import connection

    assert rows["vendor"] == connection.vendor, "demo rows of another database backend"
    tables = rows["tables"]
    assert set(tables) == set(_tables(connection)), "demo rows of another schema"
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"DELETE FROM {quote(table)}")
        for table, (columns, content) in tables.items():
            if not content:
                continue
            names = ", ".join(quote(column) for column in columns)
            if connection.vendor == "postgresql":
                cursor.copy_expert(f"COPY {quote(table)} ({names}) FROM STDIN", io.BytesIO(content))
            else:
                for start in range(0, len(content), 200):
                    values = ", ".join(content[start:start + 200])
                    cursor.execute(f"INSERT INTO {quote(table)} ({names}) VALUES {values}")
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True)):
            cursor.execute(statement)
    forget_content_types()


def forget_content_types():
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
