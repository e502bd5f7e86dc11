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
    assert "VDG-bureau" in html  # the role
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
