"""The demo shared by the tests (tests/shared_demo.py): loading the session's seed gives back every row seed_demo
wrote, value for value, in every table."""
import pytest
from django.db import connection

from tests.shared_demo import _tables, dump_tables

pytestmark = pytest.mark.django_db


def test_the_loaded_demo_is_every_row_seed_demo_wrote(seeded_demo, demo_rows):
    assert dump_tables(connection, _tables(connection)) == demo_rows["tables"]
