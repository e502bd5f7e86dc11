"""Site search: the field in the header of every page, and the sources apps register.

`web` knows no domain, so each app registers a `SearchSource` in its AppConfig.ready()
(like the dashboard's panels and the inbox): `find(request, terms)` returns what the user
may see of that kind in `request.association` that matches every term, as a QuerySet
(turned into `Hit`s by `hit`, so a page costs a count and one read per source whatever the
number of hits) or as a list of `Hit`s already made (when a permission is checked in
Python). Matching is `terms_q` (case-insensitive `icontains`, every term in one of the
fields); each source keeps its match in one function, so full-text search can replace it
per source later. Public sources (`public=True`) are all an anonymous visitor, or someone
without a role in the association, searches.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Shorter queries find half the site; longer ones are not typed but pasted.
MIN_LENGTH = 2
MAX_LENGTH = 100
# Hits shown per kind; the rest is behind "Alle N …" (the list's own search) if the list has one.
SHOWN_PER_GROUP = 10


@dataclass(frozen=True)
class Hit:
    title: str
    url: str
    kind: str
    context: str = ""  # one short line: portfolio, status, date


@dataclass(frozen=True)
class SearchSource:
    """One kind of result. `more_url(query)` is the list page searching for `query` with its
    own filter, only where that filter finds the same rows; `more_label` reads
    "Alle %(count)s …"."""

    key: str
    label: Any  # a lazy translation: the group's heading
    find: Callable[[HttpRequest, list[str]], QuerySet | list[Hit]]
    order: int = 100
    hit: Callable[[Any], Hit] | None = None
    more_url: Callable[[str], str] | None = None
    more_label: Any = ""
    public: bool = False


@dataclass(frozen=True)
class SearchGroup:
    key: str
    label: str
    hits: list[dict]  # each Hit's fields, title and context highlighted
    total: int
    more_url: str
    more_label: str


_SOURCES: list[SearchSource] = []


def register_search(source: SearchSource) -> None:
    if all(s.key != source.key for s in _SOURCES):
        _SOURCES.append(source)


def sources(*, public: bool) -> list[SearchSource]:
    """The sources for a visitor: the public ones only, or the signed-in ones."""
    return sorted((s for s in _SOURCES if s.public == public), key=lambda s: s.order)


def query_terms(query: str) -> list[str]:
    """The words of a query, each matched on its own (a query "zorg assen" finds what
    mentions both)."""
    return query.split()


def terms_q(terms: Iterable[str], fields: Iterable[str]) -> Q:
    """Every term in at least one of `fields` (AND of ORs), case-insensitive."""
    fields = list(fields)
    condition = Q()
    for term in terms:
        either = Q()
        for field in fields:
            either |= Q(**{f"{field}__icontains": term})
        condition &= either
    return condition


def highlight(text: str, terms: Iterable[str]) -> SafeString:
    """`text` escaped, with every occurrence of a term in `<mark>`: the text is split on
    the terms first and each piece escaped on its own, so nothing typed becomes markup."""
    words = sorted({t for t in terms if t}, key=len, reverse=True)
    if not words or not text:
        return escape(text)
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    out: list[str] = []
    at = 0
    for match in pattern.finditer(text):
        out.append(escape(text[at : match.start()]))
        out.append(f"<mark>{escape(match.group())}</mark>")
        at = match.end()
    out.append(escape(text[at:]))
    return mark_safe("".join(out))  # every piece escaped above


def _shown(hit: Hit, terms: list[str]) -> dict:
    return {
        "title": highlight(hit.title, terms),
        "url": hit.url,
        "kind": hit.kind,
        "context": highlight(hit.context, terms),
    }


def search_groups(request: HttpRequest, query: str, *, public: bool) -> list[SearchGroup]:
    """One group per source with hits, in the sources' order, each cut at SHOWN_PER_GROUP."""
    terms = query_terms(query)
    groups = []
    for source in sources(public=public):
        found = source.find(request, terms)
        if isinstance(found, QuerySet):
            total = found.count()
            hits = [source.hit(row) for row in found[:SHOWN_PER_GROUP]] if source.hit else []
        else:
            total, hits = len(found), found[:SHOWN_PER_GROUP]
        if not total:
            continue
        more = source.more_url(query) if source.more_url and total > len(hits) else ""
        groups.append(
            SearchGroup(
                source.key,
                str(source.label),
                [_shown(h, terms) for h in hits],
                total,
                more,
                str(source.more_label) % {"count": total} if more else "",
            )
        )
    return groups
