"""Text search that scales: PostgreSQL full-text search in Dutch, plain matching on SQLite.

`text_filter(qs, terms, fields, related)` keeps the rows where every term is found (AND
of terms, each in one of the fields), as the site search and the list filters always
did. On PostgreSQL a term is a Dutch full-text query with prefix matching ("vergaderingen"
finds "vergadering", "verg" finds it too) against `document(fields)`, the very expression
each app indexes (GIN) in a migration with `gin_index_create`, so the planner uses the
index. A term without words PostgreSQL keeps (a stop word such as "en", "<b>") or of one
letter falls back to the plain match; the planner folds that choice, so the index stays in
use for the other terms.
Columns of another table (`related`, e.g. an agreement's theme) are matched through an
array of that table's ids, which the planner can still combine with the index. Why, in
docs/adr/0009-full-text-search.md. On SQLite every term is `icontains` on every field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, SearchVectorExact
from django.db import connections
from django.db.models import BooleanField, Expression, F, Func, IntegerField, Q, QuerySet
from django.db.models.lookups import GreaterThan, LessThanOrEqual

CONFIG = "dutch"
# A term of one letter finds nearly every row and as a prefix only words that start with
# it: it is matched as plain text ("e" in "Regiobeeld"), as on SQLite, without the index.
SHORTEST = 2


def is_postgresql(qs: QuerySet) -> bool:
    return connections[qs.db].vendor == "postgresql"


def document(fields: Sequence[str]) -> SearchVector:
    """The searched text of a row: its own `fields`, in Dutch. Index and query share it."""
    return SearchVector(*fields, config=CONFIG)


def gin_index(fields: Sequence[str], name: str) -> GinIndex:
    return GinIndex(document(fields), name=name)


def term_query(term: str) -> SearchQuery:
    """One typed term as a Dutch query: PostgreSQL's own parser splits and stems it, and
    every word it keeps matches as a prefix ("PHO-SD" -> 'pho-sd':* <-> 'pho':* <-> 'sd':*).
    Quotes and backslashes are dropped, so nothing typed is query syntax."""
    words = term.replace("'", " ").replace("\\", " ")
    return SearchQuery(f"'{words}':*", search_type="raw", config=CONFIG)


def _plain(term: str, fields: Iterable[str]) -> Q:
    either = Q()
    for field in fields:
        either |= Q(**{f"{field}__icontains": term})
    return either


class _AnyOf(Expression):
    """`column = ANY(ARRAY(SELECT ...))`: unlike `IN (SELECT ...)` under an OR, an index on
    the column (a foreign key's) can serve it, beside the full-text index."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, column: str, queryset: QuerySet):
        super().__init__()
        self.column, self.array = F(column), ArraySubquery(queryset)

    def get_source_expressions(self):
        return [self.column, self.array]

    def set_source_expressions(self, exprs):
        self.column, self.array = exprs

    def resolve_expression(self, *args, **kwargs):
        clone = self.copy()
        clone.column = self.column.resolve_expression(*args, **kwargs)
        clone.array = self.array.resolve_expression(*args, **kwargs)
        return clone

    def as_sql(self, compiler, connection):
        column, column_params = compiler.compile(self.column)
        array, array_params = compiler.compile(self.array)
        return f"{column} = ANY({array})", (*column_params, *array_params)


def _term_q(term: str, fields: Sequence[str]) -> Q:
    """On PostgreSQL: `fields` hold `term` (full text), or, when the term keeps no word
    (numnode 0, constant for the planner) or is shorter than SHORTEST, hold it as plain
    text."""
    if len(term) < SHORTEST:
        return _plain(term, fields)
    query = term_query(term)
    words = Func(query, function="numnode", output_field=IntegerField())
    full_text = Q(GreaterThan(words, 0), SearchVectorExact(document(fields), query))
    return full_text | Q(LessThanOrEqual(words, 0), _plain(term, fields))


def text_filter(
    qs: QuerySet,
    terms: Iterable[str],
    fields: Sequence[str],
    related: Mapping[str, Sequence[str]] | None = None,
) -> QuerySet:
    """The rows of `qs` where every term is in one of `fields` or of the `related` columns
    ({foreign key: fields of the row it points at})."""
    related = related or {}
    terms = list(terms)
    if not is_postgresql(qs):
        plain = [*fields, *(f"{fk}__{f}" for fk, names in related.items() for f in names)]
        condition = Q()
        for term in terms:
            condition &= _plain(term, plain)
        return qs.filter(condition)
    condition = Q()
    for term in terms:
        either = _term_q(term, fields)
        for fk, names in related.items():
            target = qs.model._meta.get_field(fk).related_model._default_manager
            either |= Q(_AnyOf(fk, target.filter(_term_q(term, names)).order_by().values("pk")))
        condition &= either
    return qs.filter(condition)


def by_rank(qs: QuerySet, terms: Iterable[str], fields: Sequence[str], *then: str) -> QuerySet:
    """`qs` best match first on PostgreSQL (how often and where the terms occur in the
    row's own `fields`), then by `then`; on SQLite by `then` alone."""
    terms = list(terms)
    if not terms or not is_postgresql(qs):
        return qs.order_by(*then) if then else qs
    query = term_query(terms[0])
    for term in terms[1:]:
        query &= term_query(term)
    return qs.annotate(search_rank=SearchRank(document(fields), query)).order_by(
        "-search_rank", *then
    )


def gin_index_create(app: str, model: str, fields: Sequence[str], name: str):
    """A migration's forward and backward functions (RunPython) that create and drop the
    GIN index of `document(fields)` on PostgreSQL and do nothing elsewhere."""

    def forward(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.add_index(apps.get_model(app, model), gin_index(fields, name))

    def backward(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.remove_index(apps.get_model(app, model), gin_index(fields, name))

    return forward, backward
