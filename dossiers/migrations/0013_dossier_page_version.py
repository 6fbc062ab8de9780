"""The dossier page's version (dossiers.services.page_cache): one PL/pgSQL function returning an md5 of the
version (`xmin`) of every row the page's body shows, and of the figures its checks count. It replaces the
fingerprint of migration 0012, which covered only the nominees part: the whole body under the page's header
is now kept, and read on a hit with this one query (no other query about the dossier).

Beside 0012's rows (dossier, campaign, offer, unit, award forms, nominations, reports, votes, their
Biên bản, people, units, confirmed criteria, register, same-campaign nominations, attachments):
- the campaign's issuing body (the permission checks read its tree path), the dossier's own Biên bản
  and that Biên bản's unit;
- the campaign's criteria and dossier components (the checks and the checklist read them);
- the state log with the names of the users in it, the versions sent, the names of the attachments'
  uploaders (their names only: a login writes the user's row);
- the quota figures: the unit's live nominees per offer of the campaign (used, base_count), its active
  staff (headcount), its quota overrides, and the eligibility rule settings.

PostgreSQL only: SQLite has no row versions. To change what the version covers, add a migration that
replaces the function."""
import importlib

from django.db import migrations

_previous = importlib.import_module("dossiers.migrations.0012_dossier_page_fingerprint")

# what the page shows of a user (the name, else the username): not the row version, which every login moves
_USER_NAME = "concat_ws(' ', u.username, u.first_name, u.last_name)"
_PARTS = {
    **_previous._PARTS,
    "issuer": """SELECT xmin FROM orgs_organisation
        WHERE id = (SELECT issuer_id FROM campaigns_campaign WHERE id = p_campaign)""",
    "own_meeting": """SELECT concat_ws('.', m.xmin, (SELECT xmin FROM orgs_organisation WHERE id = m.organisation_id))
        FROM dossiers_nominationmeeting m WHERE m.id = p_meeting""",
    "criteria_text": """SELECT string_agg(id || '.' || xmin, ',' ORDER BY id) FROM campaigns_criterion
        WHERE campaign_id = p_campaign""",
    "components": """SELECT string_agg(id || '.' || xmin, ',' ORDER BY id) FROM campaigns_dossiercomponent
        WHERE campaign_id = p_campaign""",
    "log": f"""SELECT string_agg(concat_ws('.', s.id, s.xmin, {_USER_NAME}), ',' ORDER BY s.id)
        FROM dossiers_statechange s LEFT JOIN auth_user u ON u.id = s.by_id WHERE s.dossier_id = p_dossier""",
    "versions": """SELECT string_agg(id || '.' || xmin, ',' ORDER BY id) FROM dossiers_dossierversion
        WHERE dossier_id = p_dossier""",
    "uploaders": f"""SELECT string_agg(concat_ws('.', u.id, {_USER_NAME}), ',' ORDER BY u.id) FROM auth_user u
        WHERE u.id IN (SELECT uploaded_by_id FROM dossiers_attachment WHERE dossier_id = p_dossier)""",
    "used": """SELECT string_agg(offer_id || ':' || n, ',' ORDER BY offer_id) FROM (
            SELECT d.offer_id, count(*) AS n FROM dossiers_nomination x JOIN dossiers_dossier d ON d.id = x.dossier_id
            WHERE d.campaign_id = p_campaign AND d.organisation_id = p_unit AND d.state <> 'withdrawn'
            GROUP BY d.offer_id) counted""",
    "headcount": "SELECT count(*) FROM orgs_person WHERE organisation_id = p_unit AND is_active",
    "overrides": """SELECT string_agg(id || '.' || xmin, ',' ORDER BY id) FROM campaigns_quotaoverride
        WHERE organisation_id = p_unit AND campaign_award_id = p_offer""",
    "rules": "SELECT string_agg(id || '.' || xmin, ',' ORDER BY id) FROM dossiers_eligibilityrule",
}
FUNCTION = """CREATE OR REPLACE FUNCTION dossier_page_version(p_dossier bigint)
RETURNS text LANGUAGE plpgsql STABLE AS $version$
DECLARE
    p_campaign bigint;
    p_unit bigint;
    p_offer bigint;
    p_meeting bigint;
BEGIN
    SELECT campaign_id, organisation_id, offer_id, meeting_id INTO p_campaign, p_unit, p_offer, p_meeting
    FROM dossiers_dossier WHERE id = p_dossier;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    RETURN md5(concat_ws('|', {}));
END
$version$""".format(",\n        ".join(f"coalesce(({sql})::text, '')" for sql in _PARTS.values()))


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTION)
        schema_editor.execute("DROP FUNCTION IF EXISTS dossier_page_fingerprint(bigint, bigint)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(_previous.FUNCTION)
        schema_editor.execute("DROP FUNCTION IF EXISTS dossier_page_version(bigint)")


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0012_dossier_page_fingerprint")]
    operations = [migrations.RunPython(create, drop)]
