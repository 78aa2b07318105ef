"""A portable string aggregate: Django 5.2 has one for PostgreSQL only (``contrib.postgres``)."""

from django.db.models import Aggregate, CharField


class GroupConcat(Aggregate):
    """The values of a group joined with commas, in no particular order (sort them after reading).

    SQLite's ``GROUP_CONCAT``; PostgreSQL's ``STRING_AGG`` (which needs text).
    """

    function = "GROUP_CONCAT"
    template = "%(function)s(%(expressions)s)"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            function="STRING_AGG",
            template="%(function)s(CAST(%(expressions)s AS TEXT), ',')",
            **extra_context,
        )
