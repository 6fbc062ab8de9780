"""The fixed cast of every test: a province, its Sở with two sibling units, an outside body,
and one user per role (docs/design.md, Tests). Also the service checks of REQUIRE_SERVICES=1."""
import os
import shutil

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"
PASSWORD = "MatKhau@123"


def pytest_sessionstart(session):
    """With REQUIRE_SERVICES=1 a missing service fails the run instead of skipping tests."""
    if not REQUIRE_SERVICES:
        return
    missing = []
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        missing.append("DATABASE_URL (PostgreSQL)")
    if not os.environ.get("REDIS_URL"):
        missing.append("REDIS_URL")
    else:
        import redis

        try:
            redis.Redis.from_url(os.environ["REDIS_URL"], socket_connect_timeout=3).ping()
        except Exception as error:  # noqa: BLE001
            missing.append(f"Redis at REDIS_URL ({error})")
    if not shutil.which(CHROMIUM):
        missing.append(f"Chromium at {CHROMIUM}")
    if missing:
        pytest.exit("REQUIRE_SERVICES=1 but missing: " + "; ".join(missing), returncode=3)


@pytest.fixture(autouse=True, scope="session")
def _eager_tasks():
    """Tasks run inline in tests, even when REDIS_URL is set; the real-worker test opts out."""
    from portal.celery import app

    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """PBKDF2 is slow on purpose; tests do not need that."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def require_redis():
    url = os.environ.get("REDIS_URL")
    if not url:
        if REQUIRE_SERVICES:
            pytest.fail("REDIS_URL is required (REQUIRE_SERVICES=1)")
        pytest.skip("REDIS_URL not set")
    return url


@pytest.fixture
def cast(db):
    """Province → Sở → {Phòng A, Phòng B}; another Sở outside; one user per role (tests/module_data.py builds
    it, for the modules that build their data once too)."""
    from tests.module_data import build_cast

    return build_cast()


@pytest.fixture(scope="session")
def demo_rows(django_db_setup, django_db_blocker, tmp_path_factory):
    """What `manage.py seed_demo` writes into the test database, seeded once per test session (by the first xdist
    worker to ask) and kept as every table's rows (tests/shared_demo.py)."""
    from tests.shared_demo import demo_rows

    return demo_rows(tmp_path_factory, django_db_blocker)


@pytest.fixture
def seeded_demo(db, demo_rows):
    """The test database as seed_demo leaves it, loaded from the session's one seed into the test's transaction
    (rolled back after it, as the test's own writes)."""
    from tests.shared_demo import forget_content_types, load_demo

    load_demo(demo_rows)
    yield
    forget_content_types()


@pytest.fixture
def client_for(client):
    """client_for(user) -> a test client logged in as that user (None: anonymous), past the second factor when the
    user owes one (tests/portal/second_factor_login.py)."""
    from tests.portal.second_factor_login import pass_second_factor

    def login(user):
        client.logout()
        if user is not None:
            client.force_login(user)
            pass_second_factor(client, user)
        return client
    return login


# --- browser (Playwright on Debian's Chromium; never `playwright install`) ----------------------
@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not shutil.which(CHROMIUM):
        if REQUIRE_SERVICES:
            pytest.fail(f"Chromium not found at {CHROMIUM}")
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "vi-VN", "timezone_id": "Asia/Ho_Chi_Minh",
            "viewport": {"width": 1366, "height": 900}}


# --- documents (PDF) ---------------------------------------------------------------------------
@pytest.fixture(autouse=True)
def weasyprint_warnings_fail():
    """Fail the test on any WeasyPrint warning or error (bad CSS, refused or missing resource):
    WeasyPrint only logs them, so a broken document would otherwise still "pass". A test that provokes
    a warning on purpose requests this fixture and empties the list it yields after checking it."""
    from core.pdf import capture_warnings, format_warnings

    with capture_warnings() as records:
        yield records
    if records:
        pytest.fail("WeasyPrint: " + format_warnings(records), pytrace=False)
