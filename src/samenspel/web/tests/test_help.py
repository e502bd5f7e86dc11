"""Help per area (/help/): the index and the public pages' help for everyone, the rest
after signing in, an unknown area 404, every link a real page, and the footer's "Help"
pointing to the help of the area a page is in."""

import re

import pytest
from django.test import RequestFactory
from django.urls import Resolver404, resolve, reverse

from samenspel.web.help import HELP_AREAS, help_url_for
from samenspel.web.navigation import AREAS, current_area

pytestmark = pytest.mark.django_db

SECTIONS = ("Wat vindt u hier", "Wie kan wat", "Zo doet u het", "Begrippen")


def main_of(page: str) -> str:
    return page[page.index('<main id="main"') : page.index("</main>")]


def footer_help(page: str) -> str:
    footer = page[page.index('<footer class="samenspel-footer">') :]
    return re.search(r'<a href="([^"]+)">Help</a>', footer).group(1)


def test_every_area_of_the_main_menu_has_help():
    assert {name for name, _label, _public in AREAS} == {a.area for a in HELP_AREAS.values()}


def test_the_index_is_public_and_links_every_area(client):
    page = client.get(reverse("pages:help_index")).content.decode()
    for area in HELP_AREAS.values():
        assert f'href="{area.url}"' in page
    assert "(na inloggen)" in page  # anonymous visitors learn which help needs signing in


@pytest.mark.parametrize("slug", sorted(HELP_AREAS))
def test_each_area_has_its_sections_and_only_real_links(client, make_user, slug):
    client.force_login(make_user("reader"))
    area = HELP_AREAS[slug]
    response = client.get(area.url)
    assert response.status_code == 200
    main = main_of(response.content.decode())
    assert f"Help: {area.label}" in main
    for heading in SECTIONS:
        assert heading in main
    assert "<dt>" in main  # the area's words from the glossary
    links = [href for href in re.findall(r'href="(/[^"]*)"', main)]
    assert len(links) > 3
    for href in links:
        try:
            resolve(href.split("?")[0])
        except Resolver404:
            pytest.fail(f"{slug}: {href} is no page")


def test_help_of_signed_in_areas_needs_a_sign_in_but_the_public_help_does_not(client):
    agenda = client.get(reverse("pages:help", kwargs={"area": "agenda"}))
    assert agenda.status_code == 302 and agenda["Location"].startswith(reverse("accounts:login"))
    public = client.get(HELP_AREAS["openbaar"].url)
    assert public.status_code == 200 and "Help: Openbaar" in public.content.decode()


def test_an_unknown_area_is_404(client, make_user):
    client.force_login(make_user("reader"))
    assert client.get("/help/bestaat-niet/").status_code == 404


def test_the_current_area_follows_the_main_navigation():
    factory = RequestFactory()
    assert current_area(factory.get("/")) == "web:dashboard"
    assert current_area(factory.get("/openbaar/afspraken/x/")) == "public:index"
    assert current_area(factory.get("/voorstellen/12/besluiten/3/corrigeren/")) == "decisions:list"
    assert current_area(factory.get("/help/")) is None
    assert help_url_for("finance:overview") == "/help/financien/"
    assert help_url_for(None) == reverse("pages:help_index")


def test_the_footer_links_the_help_of_the_page_s_area(client, make_user):
    assert footer_help(client.get(reverse("accounts:login")).content.decode()) == "/help/"
    client.force_login(make_user("reader"))
    organisations = client.get(reverse("organisations:list")).content.decode()
    assert footer_help(organisations) == "/help/organisaties/"
    assert footer_help(client.get("/").content.decode()) == "/help/overzicht/"


def test_a_visitor_is_never_sent_to_help_that_needs_sign_in(client, vdg_demo_data):
    """On a public page of an area whose help is for signed-in users (the public meetings
    page lies under Overleggen), the footer's Help is the open index."""
    html = client.get("/overleggen/openbaar/").content.decode()
    assert 'href="/help/">Help</a>' in html
    assert 'href="/help/overleggen/"' not in html
