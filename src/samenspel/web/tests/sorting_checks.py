"""One check for every server-sorted list (`web/sorting.py`), used by the apps' tests:
the order follows `?sorteer=` both ways, the header says so, the sort links keep the
filters, an unknown key falls back to the default order, and sorting adds no query."""

import re
from collections.abc import Callable
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext


def _rows(response) -> list:
    return list(response.context["page"].object_list)


def _id(row: Any) -> Any:
    """A row's primary key (a proposal's state is keyed by its proposal)."""
    return row.proposal.pk if hasattr(row, "proposal") else row.pk


def _ordered(values: list, *, descending: bool) -> list:
    def comparable(value: Any) -> Any:
        return value.casefold() if isinstance(value, str) else value

    filled = sorted((v for v in values if v is not None), key=comparable, reverse=descending)
    return filled + [v for v in values if v is None]


def assert_sorts(
    client, path: str, key: str, value: Callable[[Any], Any], *, filters: str = ""
) -> None:
    with CaptureQueriesContext(connection) as default_queries:
        default = client.get(f"{path}?{filters}")
    with CaptureQueriesContext(connection) as sorted_queries:
        up = client.get(f"{path}?{filters}&sorteer={key}")
    down = client.get(f"{path}?{filters}&sorteer=-{key}")
    assert len(sorted_queries) <= len(default_queries), (
        len(default_queries),
        len(sorted_queries),
    )
    up_values, down_values = [value(r) for r in _rows(up)], [value(r) for r in _rows(down)]
    assert len(set(map(str, up_values))) > 1, "too few different values to see an order"
    assert up_values == _ordered(up_values, descending=False)
    assert down_values == _ordered(down_values, descending=True)
    assert up_values != down_values

    html = up.content.decode()
    assert html.count('aria-sort="ascending"') == 1 and 'aria-sort="descending"' not in html
    assert 'aria-sort="descending"' in down.content.decode()
    links = re.findall(r'class="samenspel-sort__link" href="\?([^"]*)"', html)
    assert links and f"sorteer=-{key}" in links[0] + "".join(links)
    for name_value in filter(None, filters.split("&")):
        assert all(name_value in link.replace("&amp;", "&") for link in links), (
            name_value,
            links,
        )
    assert not any("pagina=" in link for link in links)

    unknown = client.get(f"{path}?{filters}&sorteer=bestaat-niet")
    assert [_id(r) for r in _rows(unknown)] == [_id(r) for r in _rows(default)]
    assert "aria-sort" not in unknown.content.decode()
