"""A small table sorts in the browser by keyboard (sortable.js), and a long select becomes
a combobox one types in and picks from by keyboard (autocomplete.js); axe-core finds no
WCAG 2.1 A/AA issues with the list open."""

import re

from samenspel.organisations.associations import association_default


def _seats(page) -> list[int]:
    return [int(text) for text in page.locator("tbody td.samenspel-numeric").all_inner_texts()]


def test_a_header_sorts_the_body_list_by_keyboard(page, bureau, sign_in):
    sign_in(bureau)
    page.goto("/overlegorganen/")
    header = page.get_by_role("columnheader", name=re.compile("Zetels"))
    before = _seats(page)
    assert len(set(before)) > 1 and header.get_attribute("aria-sort") is None
    page.get_by_role("button", name="Naam").focus()
    for _ in range(3):  # Naam → Soort → Portefeuille → Zetels
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").startswith("Zetels")
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "ascending"
    assert _seats(page) == sorted(before)
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "descending"
    assert _seats(page) == sorted(before, reverse=True)
    name = page.get_by_role("columnheader", name=re.compile("Naam"))
    assert name.get_attribute("aria-sort") is None


def test_an_agreement_is_typed_picked_by_keyboard_and_saved(page, bureau, sign_in, axe_violations):
    from samenspel.agenda.models import Agreement
    from samenspel.reports.models import Follow

    sign_in(bureau)
    page.goto("/rapportages/volgen/")
    box = page.get_by_role("combobox", name=re.compile("Afspraak"))
    assert page.locator("select[name=agreement]").is_hidden()
    box.fill("warmte")
    listbox = page.get_by_role("listbox")
    assert box.get_attribute("aria-expanded") == "true" and listbox.is_visible()
    names = listbox.get_by_role("option").all_inner_texts()
    assert names and all("warmte" in n.lower() for n in names)
    status = page.locator(".samenspel-autocomplete [role=status]")
    assert re.fullmatch(r"\d+ resultaten|1 resultaat", status.inner_text())
    page.keyboard.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    assert axe_violations(page) == []
    page.keyboard.press("Enter")
    assert box.get_attribute("aria-expanded") == "false" and box.input_value() == names[0]
    box.fill("geen afspraak heet zo")
    assert status.inner_text() == "Geen resultaten"
    page.keyboard.press("Escape")
    box.fill("warmte")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Volgen").click()
    page.wait_for_url("**/rapportages/volgen/")
    chosen = Agreement.objects.get(agenda__association=association_default(), title=names[0])
    assert Follow.objects.filter(user=bureau, object_id=chosen.pk).exists()


def test_a_server_sorted_list_keeps_its_filter_and_passes_axe(
    page, bureau, sign_in, axe_violations
):
    sign_in(bureau)
    page.goto("/organisaties/?soort=municipality")
    page.get_by_role("link", name=re.compile("^Naam")).click()
    page.wait_for_url(re.compile(r"soort=municipality&sorteer=naam$"))
    header = page.get_by_role("columnheader", name=re.compile("Naam"))
    assert header.get_attribute("aria-sort") == "ascending"
    page.get_by_role("link", name=re.compile("^Naam")).click()
    page.wait_for_url(re.compile(r"soort=municipality&sorteer=-naam$"))
    assert header.get_attribute("aria-sort") == "descending"
    names = page.locator("tbody th").all_inner_texts()
    assert names == sorted(names, key=str.casefold, reverse=True) and len(names) > 1
    assert axe_violations(page) == []


def test_the_agreements_of_a_new_proposal_are_found_by_typing(
    page, bureau, sign_in, axe_violations
):
    """The multiple select of 256 agreements gets a search box: typing hides what does not
    match, a chosen agreement stays visible, and the form posts the native select."""
    sign_in(bureau)
    page.goto("/voorstellen/nieuw/")
    select = page.locator("select[name=agreements]")
    total = select.locator("option").count()
    assert total > 200
    box = page.get_by_role("searchbox", name=re.compile("Zoek in de lijst: Afspraken"))
    box.fill("regiobeeld")
    visible = select.locator("option:not([hidden])")
    shown = visible.all_inner_texts()
    assert 0 < len(shown) < 10 and all("regiobeeld" in text.lower() for text in shown)
    live = page.locator("[aria-live=polite]", has_text="resulta")
    assert re.fullmatch(r"\d+ resultaten|1 resultaat", live.inner_text())
    select.select_option(label=shown[0])
    box.fill("sport")
    assert shown[0] in select.locator("option:not([hidden])").all_inner_texts()
    assert select.evaluate("s => [...s.selectedOptions].map(o => o.text)") == [shown[0]]
    assert axe_violations(page) == []
