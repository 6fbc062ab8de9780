"""Database helpers that keep features working on both SQLite and PostgreSQL."""
from django.db import migrations
from django.db.models import F, Func, Subquery


class PostgresOnlySQL(migrations.RunSQL):
    """RunSQL that runs on PostgreSQL and is a no-op elsewhere (trigram indexes, extensions)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def trigram_index(table, column):
    """Operations creating pg_trgm and a GIN trigram index for `LIKE '%x%'` searches."""
    name = f"{table}_{column}_trgm"
    return [
        PostgresOnlySQL("CREATE EXTENSION IF NOT EXISTS pg_trgm", migrations.RunSQL.noop),
        PostgresOnlySQL(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)",
            f"DROP INDEX IF EXISTS {name}",
        ),
    ]


def aggregate_subquery(queryset, function="COUNT", field="pk"):
    """One aggregate (COUNT, MAX…) over `queryset` as a scalar subquery, without GROUP BY: it returns
    exactly one row, correlated (`OuterRef`) or not — COUNT of no rows is 0, MAX of no rows NULL."""
    return Subquery(queryset.order_by().annotate(value=Func(F(field), function=function)).values("value"))
