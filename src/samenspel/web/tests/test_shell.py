"""The UI shell: navigation, language switch, skip link and the demo banner."""

from django.urls import reverse


def test_dashboard_needs_sign_in(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_dashboard_shows_shell_with_navigation_and_roles(client, bureau_user):
    client.force_login(bureau_user)
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="#main"' in html  # skip link
    assert 'aria-label="Hoofdmenu"' in html
    assert 'aria-current="page"' in html
    # The role, in words that fit every association (no "VDG" on another's pages).
    assert "<strong>Jouw rollen:</strong> Bureau" in html
    assert 'lang="nl"' in html


def test_language_switch_to_english(client, bureau_user):
    client.force_login(bureau_user)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="en"' in html
    assert "Sign out" in html


def test_demo_banner_only_with_demo_data(client, make_user):
    user = make_user("reader")
    client.force_login(user)
    assert "Demo-omgeving" not in client.get("/").content.decode()
    make_user().__class__.objects.filter(pk=user.pk).update(is_demo=True)
    from django.core.cache import cache

    cache.clear()
    assert "Demo-omgeving" in client.get("/").content.decode()


def test_dutch_is_the_default_whatever_the_browser_prefers(client, bureau_user):
    client.force_login(bureau_user)
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert 'lang="nl"' in response.content.decode()
    assert response["Content-Language"] == "nl"


def test_another_associations_pages_do_not_speak_of_the_vdg(client, vdg_demo_data):
    """Labels shown on every association's pages are neutral ("Bureau", "Brede thema's"):
    the example association's bureau sees no "VDG" on its own host."""
    from samenspel.accounts.models import User
    from samenspel.web.tests.test_isolation import association_b

    association_b()
    client.force_login(User.objects.get(username="bureau"))  # bureau of both associations
    for url in ("/", "/agenda/", "/openbaar/", "/voorstellen/", "/voorstellen/nieuw/"):
        response = client.get(url, HTTP_HOST="voorbeeld.localhost")
        assert response.status_code == 200, url
        main = response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]
        assert "VDG" not in main, url  # the header's "Ook in: VDG" switcher may name it
