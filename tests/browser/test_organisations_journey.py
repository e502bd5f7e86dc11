"""The bureau reads the network and the governance check; axe finds no WCAG 2.1 A/AA issues."""


def test_bureau_walks_the_network(page, bureau, sign_in, axe_violations):
    sign_in(bureau)
    page.get_by_role("link", name="Organisaties").first.click()
    page.wait_for_url("**/organisaties/")
    assert page.get_by_role("heading", name="Organisaties").is_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Gemeente Assen").click()
    page.wait_for_url("**/organisaties/assen/")
    assert page.get_by_text("CBS GM0106").is_visible()
    assert axe_violations(page) == []
    page.goto("/overlegorganen/pho-gw/")
    assert page.get_by_role("heading", name="Portefeuillehoudersoverleg Gezondheid en Welzijn")
    assert axe_violations(page) == []
    page.goto("/structuur/toets/")
    assert page.get_by_text("1 regel voldoet niet.").is_visible()
    assert axe_violations(page) == []
