from django.db import migrations

from core.db import trigram_index


class Migration(migrations.Migration):
    """Trigram index for accent-free search of the award register on PostgreSQL."""

    dependencies = [("dossiers", "0003_register")]
    operations = trigram_index("dossiers_award", "search_text")
