"""The real services CI provides: PostgreSQL as the database, Redis as the Celery broker."""
import os

import pytest
from django.db import connection


@pytest.mark.services
@pytest.mark.django_db
def test_database_is_postgresql_when_database_url_is_set():
    if not os.environ.get("DATABASE_URL"):
        pytest.skip("embedded SQLite run")
    assert connection.vendor == "postgresql"


@pytest.mark.services
def test_celery_broker_is_redis_and_reachable(require_redis):
    from django.conf import settings

    from portal.celery import app

    assert app.conf.broker_url == require_redis
    assert settings.CELERY_TASK_ALWAYS_EAGER is False  # the suite runs tasks inline (tests/conftest.py)
    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=2)
        assert conn.connected
