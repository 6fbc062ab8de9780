"""Running a real Celery worker for the integration tests (tests/integration/test_celery_worker.py explains
how: a subprocess on the test database, eager mode off meanwhile, one at a time on a shared Redis)."""
import contextlib
import email
import email.policy
import fcntl
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"
TIMEOUT = 30  # seconds for one job, the worker's start excluded
START_TIMEOUT = 60
LOCK_TIMEOUT = 300


# --- the worker ----------------------------------------------------------------------------------
def _require_postgresql():
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        if REQUIRE_SERVICES:
            pytest.fail("DATABASE_URL must be PostgreSQL (REQUIRE_SERVICES=1)")
        pytest.skip("a real worker needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL)")
    if connection.vendor != "postgresql":
        pytest.fail(f"DATABASE_URL is PostgreSQL but the test connection is {connection.vendor}")


def _database_url():
    """The test database as a URL for the worker (pytest-django's "test_<name>", with xdist's suffix)."""
    db = connection.settings_dict
    user = quote(db.get("USER") or "", safe="")
    password = quote(db.get("PASSWORD") or "", safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = quote(db.get("HOST") or "", safe="")
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{credentials}{host}{port}/{quote(db['NAME'], safe='')}"


@contextlib.contextmanager
def _one_worker_at_a_time(redis_url):
    """Hold a lock shared by every pytest process on this machine that uses the same Redis."""
    name = hashlib.sha256(redis_url.encode()).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"portal-celery-it-{name}.lock"
    with open(path, "a") as handle:
        deadline = time.monotonic() + LOCK_TIMEOUT
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    pytest.fail(f"another test worker held {path} for {LOCK_TIMEOUT} s")
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class Worker:
    def __init__(self, process, log_path, email_dir, media_root):
        self.process, self.log_path = process, log_path
        self.email_dir, self.media_root = email_dir, media_root

    def log(self):
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def wait_for(self, condition, what, timeout=TIMEOUT):
        """Poll `condition()` until it returns something true; fail with the worker's log otherwise."""
        deadline = time.monotonic() + timeout
        while True:
            result = condition()
            if result:
                return result
            if self.process.poll() is not None:
                pytest.fail(f"the worker exited ({self.process.returncode}) before {what}:\n{self.log()}")
            if time.monotonic() > deadline:
                pytest.fail(f"{what}: not done after {timeout} s. Worker log:\n{self.log()}")
            time.sleep(0.25)

    def emails(self):
        """Every message the worker's file backend wrote, parsed (subjects decoded)."""
        messages = []
        for path in sorted(self.email_dir.glob("*.log")):
            for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
                if chunk.strip():
                    messages.append(email.message_from_bytes(chunk, policy=email.policy.default))
        return messages


def _celery_command():
    script = Path(sys.executable).with_name("celery")
    return [str(script)] if script.exists() else [sys.executable, "-m", "celery"]


@contextlib.contextmanager
def running_worker(redis_url, tmp_path, settings, *, lock=True, name="worker"):
    """A running `celery -A portal worker -P solo` on the test database and `redis_url`; eager mode off
    meanwhile. `lock`: one such worker at a time on a shared Redis (a private Redis needs none)."""
    _require_postgresql()
    from portal.celery import app

    email_dir, media_root = tmp_path / "emails", tmp_path / "media"
    email_dir.mkdir(exist_ok=True)
    media_root.mkdir(exist_ok=True)
    settings.MEDIA_ROOT = str(media_root)  # the test reads the files the worker stores
    environment = {**os.environ, "DATABASE_URL": _database_url(), "REDIS_URL": redis_url,
                   "EMAIL_FILE_PATH": str(email_dir), "MEDIA_ROOT": str(media_root),
                   # no collectstatic in CI: documents read static files from STATICFILES_DIRS
                   "STATICFILES_MANIFEST": "0", "DJANGO_SETTINGS_MODULE": "portal.settings",
                   "SECRET_KEY": os.environ.get("SECRET_KEY") or "integration-test-only", "LOG_LEVEL": "INFO",
                   "PYTHONUNBUFFERED": "1"}
    environment.pop("EMAIL_HOST", None)  # the file backend, not SMTP
    log_path = tmp_path / f"{name}.log"
    nodename = f"it-{name}-{os.getpid()}@%h"
    command = [*_celery_command(), "-A", "portal", "worker", "-P", "solo", "-l", "info", "-n", nodename,
               "--without-gossip", "--without-mingle", "--without-heartbeat"]
    with (_one_worker_at_a_time(redis_url) if lock else contextlib.nullcontext()), open(log_path, "wb") as log:
        process = subprocess.Popen(command, cwd=settings.BASE_DIR, env=environment, stdout=log,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        running = Worker(process, log_path, email_dir, media_root)
        eager = app.conf.task_always_eager
        try:
            running.wait_for(lambda: " ready." in running.log(), "the worker's start", timeout=START_TIMEOUT)
            app.conf.task_always_eager = False
            yield running
        finally:
            app.conf.task_always_eager = eager
            process.terminate()  # warm shutdown: a task under way finishes first
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
            # pytest shows this only for a failing test ("Captured stdout teardown")
            print(f"--- celery worker log ({' '.join(command)}) ---\n{running.log()}")
