"""The GIN index of the agreements' full-text search, on PostgreSQL only (nothing on
SQLite): the expression of `core.fulltext.document` over the columns the search reads
(`agenda.selectors.SEARCHED`), so the query's expression is the index's."""

from django.db import migrations

from samenspel.core.fulltext import gin_index_create

forward, backward = gin_index_create(
    "agenda", "Agreement", ("title", "description", "topic"), "agreement_search_gin"
)


class Migration(migrations.Migration):
    dependencies = [("agenda", "0005_alter_agreement_kind_alter_agreement_role_and_more")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
