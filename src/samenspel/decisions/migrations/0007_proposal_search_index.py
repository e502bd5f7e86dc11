"""The GIN index of the proposals' full-text search, on PostgreSQL only (nothing on
SQLite): the expression of `core.fulltext.document` over `decisions.search.FIELDS`, so the
query's expression is the index's."""

from django.db import migrations

from samenspel.core.fulltext import gin_index_create

forward, backward = gin_index_create(
    "decisions", "Proposal", ("title", "subject", "pho_reference"), "proposal_search_gin"
)


class Migration(migrations.Migration):
    dependencies = [("decisions", "0006_proposal_sent_without_pho_reason")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
