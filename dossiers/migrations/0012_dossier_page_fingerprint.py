"""Once created the dossier page cache's fingerprint function; the cache is gone (issue 13) and
0015_nomination_checks drops what an earlier install created. Kept, empty, for the migration graph."""
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0011_eligibility_rule_updated_at")]

    operations = []
