"""The GIN indexes of the meetings' and documents' full-text search, on PostgreSQL only
(nothing on SQLite): the expression of `core.fulltext.document` over their titles
(`meetings.search.MEETING_FIELDS`, `DOCUMENT_FIELDS`), so the query's is the index's."""

from django.db import migrations

from samenspel.core.fulltext import gin_index_create

meeting_forward, meeting_backward = gin_index_create(
    "meetings", "Meeting", ("title",), "meeting_search_gin"
)
document_forward, document_backward = gin_index_create(
    "meetings", "AgendaDocument", ("title",), "agendadocument_search_gin"
)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0002_cycles_per_title")]

    operations = [
        migrations.RunPython(meeting_forward, meeting_backward, elidable=False),
        migrations.RunPython(document_forward, document_backward, elidable=False),
    ]
