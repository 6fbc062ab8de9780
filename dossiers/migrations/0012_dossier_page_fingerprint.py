"""The dossier page's fingerprint (dossiers.services.page_cache): one PL/pgSQL function returning an md5
of the version (`xmin`) of every row the nominees part of the page depends on. PostgreSQL only: SQLite
has no row versions, and the page builds that part on every request there.

A function rather than a query sent by the page: PostgreSQL plans a function's statement once per
connection and keeps the plan, where the same SQL sent as text is planned on every request (~4 ms).
To change what the fingerprint covers, add a migration that replaces the function."""
from django.db import migrations

# Each part reads the dossier's id as p_dossier, its campaign's as p_campaign. Simple lookups by key rather than
# joins: PostgreSQL plans them in a fraction of the time.
_NOMINEES = "SELECT {col} FROM dossiers_nomination WHERE dossier_id = p_dossier"
_PARTS = {
    "context": """SELECT concat_ws('.', d.xmin, (SELECT xmin FROM campaigns_campaign WHERE id = d.campaign_id),
            (SELECT xmin FROM campaigns_campaignaward WHERE id = d.offer_id),
            (SELECT xmin FROM orgs_organisation WHERE id = d.organisation_id))
        FROM dossiers_dossier d WHERE d.id = p_dossier""",
    "award_forms": "SELECT string_agg(id || '.' || xmin, ',' ORDER BY id) FROM awards_awardform",
    "nominations": "SELECT string_agg(id || '.' || xmin, ',' ORDER BY id) FROM dossiers_nomination WHERE dossier_id = p_dossier",
    "reports": f"""SELECT string_agg(id || '.' || xmin, ',' ORDER BY id) FROM dossiers_achievementreport
        WHERE nomination_id IN ({_NOMINEES.format(col="id")})""",
    "votes": f"""SELECT string_agg(id || '.' || xmin, ',' ORDER BY id) FROM dossiers_meetingvote
        WHERE nomination_id IN ({_NOMINEES.format(col="id")})""",
    "meetings": f"""SELECT string_agg(id || '.' || xmin, ',' ORDER BY id) FROM dossiers_nominationmeeting
        WHERE id IN (SELECT meeting_id FROM dossiers_meetingvote WHERE nomination_id IN ({_NOMINEES.format(col="id")}))""",
    "people": f"""SELECT string_agg(id || '.' || xmin, ',' ORDER BY id) FROM orgs_person
        WHERE id IN ({_NOMINEES.format(col="person_id")})""",
    "units": f"""SELECT string_agg(id || '.' || xmin, ',' ORDER BY id) FROM orgs_organisation
        WHERE id IN ({_NOMINEES.format(col="organisation_id")} UNION
                     SELECT organisation_id FROM orgs_person WHERE id IN ({_NOMINEES.format(col="person_id")}))""",
    "criteria": f"""SELECT string_agg(nomination_id || '.' || criterion_id, ',' ORDER BY nomination_id, criterion_id)
        FROM dossiers_nomination_criteria_confirmed WHERE nomination_id IN ({_NOMINEES.format(col="id")})""",
    "register": """WITH RECURSIVE people AS (
            SELECT person_id AS id FROM dossiers_nomination
            WHERE dossier_id = p_dossier AND subject_type = 'individual' AND person_id IS NOT NULL),
          units(id) AS (
            SELECT organisation_id FROM dossiers_nomination
            WHERE dossier_id = p_dossier AND subject_type <> 'individual' AND organisation_id IS NOT NULL
            UNION SELECT o.id FROM orgs_organisation o JOIN units ON o.successor_id = units.id),
          found AS (
            SELECT 'a' AS kind, a.id, a.xmin::text || '.' || a.award_form_id AS version
            FROM dossiers_award a WHERE a.person_id IN (SELECT id FROM people)
            UNION ALL SELECT 'a', a.id, a.xmin::text || '.' || a.award_form_id
            FROM dossiers_award a WHERE a.person_id IS NULL AND a.organisation_id IN (SELECT id FROM units)
            UNION ALL SELECT 'r', y.id, y.xmin::text FROM dossiers_annualrating y WHERE y.person_id IN (SELECT id FROM people)
            UNION ALL SELECT 'r', y.id, y.xmin::text
            FROM dossiers_annualrating y WHERE y.person_id IS NULL AND y.organisation_id IN (SELECT id FROM units))
        SELECT string_agg(kind || id || '.' || version, ',' ORDER BY kind, id) FROM found""",
    "same_campaign": f"""SELECT string_agg(concat_ws('.', o.id, o.xmin, od.xmin,
            (SELECT xmin FROM orgs_organisation WHERE id = od.organisation_id)), ',' ORDER BY o.id)
        FROM dossiers_nomination o JOIN dossiers_dossier od ON od.id = o.dossier_id
        WHERE od.campaign_id = p_campaign AND od.state <> 'withdrawn' AND o.dossier_id <> p_dossier
          AND o.id IN (SELECT id FROM dossiers_nomination WHERE person_id IN ({_NOMINEES.format(col="person_id")})
                       UNION SELECT id FROM dossiers_nomination
                       WHERE organisation_id IN ({_NOMINEES.format(col="organisation_id")}))""",
    "attachments": """SELECT string_agg(id || '.' || xmin, ',' ORDER BY id) FROM dossiers_attachment
        WHERE dossier_id = p_dossier""",
}
FUNCTION = """CREATE OR REPLACE FUNCTION dossier_page_fingerprint(p_dossier bigint, p_campaign bigint)
RETURNS text LANGUAGE plpgsql STABLE AS $fingerprint$
BEGIN
    RETURN md5(concat_ws('|', {}));
END
$fingerprint$""".format(",\n        ".join(f"coalesce(({sql}), '')" for sql in _PARTS.values()))


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTION)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS dossier_page_fingerprint(bigint, bigint)")


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0011_eligibility_rule_updated_at")]
    operations = [migrations.RunPython(create, drop)]
