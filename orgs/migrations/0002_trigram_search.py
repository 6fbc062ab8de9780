from django.db import migrations

from core.db import trigram_index


class Migration(migrations.Migration):
    """Trigram indexes for accent-free search on PostgreSQL (no-op on SQLite)."""

    dependencies = [("orgs", "0001_initial")]

    operations = [
        *trigram_index("orgs_person", "search_text"),
        *trigram_index("orgs_organisation", "search_text")[1:],
    ]
