"""The shared sorting helper (`web/sorting.py`) and its header cell, without a database."""

from types import SimpleNamespace

from django.http import QueryDict
from django.template import Context, Template

from samenspel.web.sorting import SortColumn, Sorting

COLUMNS = {
    "titel": SortColumn("Titel", ("title",)),
    "datum": SortColumn("Datum", ("-date", "pk")),
    "bedrag": SortColumn("Bedrag", key=lambda row: row.amount),
}


def _sorting(query: str) -> Sorting:
    return Sorting(COLUMNS, QueryDict(query))


def _sql(ordering) -> list[str]:
    return [repr(o) for o in ordering]


def test_a_known_key_orders_by_its_fields_and_the_primary_key_both_ways():
    up = _sorting("sorteer=titel").ordering()
    down = _sorting("sorteer=-titel").ordering()
    assert [(o.expression.name, o.descending, o.nulls_last) for o in up] == [
        ("title", False, True),
        ("pk", False, True),
    ]
    assert [(o.expression.name, o.descending) for o in down] == [("title", True), ("pk", True)]


def test_a_field_that_runs_backwards_turns_round_and_a_given_pk_is_not_repeated():
    ordering = _sorting("sorteer=-datum").ordering()
    assert [(o.expression.name, o.descending) for o in ordering] == [("date", False), ("pk", True)]


def test_an_unknown_key_keeps_the_default_order():
    for query in ("sorteer=onbekend", "sorteer=--titel", "sorteer=", ""):
        sorting = _sorting(query)
        assert sorting.key is None and sorting.ordering() == []


def test_a_list_is_sorted_by_key_with_empty_values_last_and_ties_by_pk():
    rows = [
        SimpleNamespace(pk=1, amount=5),
        SimpleNamespace(pk=2, amount=None),
        SimpleNamespace(pk=3, amount=1),
        SimpleNamespace(pk=4, amount=5),
    ]
    assert [r.pk for r in _sorting("sorteer=bedrag").sort_list(rows)] == [3, 1, 4, 2]
    assert [r.pk for r in _sorting("sorteer=-bedrag").sort_list(rows)] == [4, 1, 3, 2]
    assert [r.pk for r in _sorting("").sort_list(rows)] == [1, 2, 3, 4]


def test_the_header_link_keeps_the_filters_and_drops_the_page():
    sorting = _sorting("q=zorg&pagina=3&sorteer=titel&portefeuille=gw")
    titel, datum = sorting.header("titel"), sorting.header("datum")
    assert titel["url"] == "?q=zorg&portefeuille=gw&sorteer=-titel"
    assert titel["sorted"] == "ascending"
    assert datum["url"] == "?q=zorg&portefeuille=gw&sorteer=datum" and datum["sorted"] == ""
    assert _sorting("sorteer=-titel").header("titel")["url"] == "?sorteer=titel"


def _cell(sorting, key="titel", label="") -> str:
    template = Template('{% load sorting %}{% sort_header sorting key label css="x" %}')
    return template.render(Context({"sorting": sorting, "key": key, "label": label}))


def test_the_header_cell_names_the_order_for_screen_readers():
    ascending = _cell(_sorting("sorteer=titel"))
    assert 'aria-sort="ascending"' in ascending and "gesorteerd oplopend" in ascending
    assert 'href="?sorteer=-titel"' in ascending and 'aria-hidden="true">▲' in ascending
    descending = _cell(_sorting("sorteer=-titel"))
    assert 'aria-sort="descending"' in descending and "gesorteerd aflopend" in descending
    other = _cell(_sorting("sorteer=-titel"), key="datum")
    assert "aria-sort" not in other and "sorteer op Datum" in other


def test_without_sorting_the_cell_is_a_plain_header():
    cell = _cell(None, label="Titel")
    assert "<a " not in cell and "aria-sort" not in cell and ">Titel</th>" in cell


def test_a_long_select_is_marked_for_the_combobox_with_its_words_in_dutch():
    from django import forms

    from samenspel.web.forms import AutocompleteSelect

    class PickForm(forms.Form):
        pick = forms.ChoiceField(
            choices=[("a", "Assen"), ("e", "Emmen")], widget=AutocompleteSelect
        )

    html = str(PickForm()["pick"])
    assert "<select" in html and "data-autocomplete" in html
    assert 'data-autocomplete-none="Geen resultaten"' in html
    assert 'data-autocomplete-many="%(count)s resultaten"' in html
    assert '<option value="e">Emmen</option>' in html
