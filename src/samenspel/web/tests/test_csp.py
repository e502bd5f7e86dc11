"""Every page works under the strict Content-Security-Policy, and carries the headers.

The bureau (who sees the most) GETs each URL pattern of the permission matrix once, with
the matrix's real ids; every 200 HTML page must have no inline script, no event-handler
attribute (`on*=`, htmx's `hx-on`), no `javascript:` URL and no inline style (CSP
style-src 'self' would block it), and must carry the CSP, Permissions-Policy and
`Cache-Control: no-store` headers.
"""

from __future__ import annotations

from html.parser import HTMLParser

from django.db import transaction
from django.urls import reverse

from samenspel.accounts.models import User
from samenspel.web.tests.matrix_objects import matrix_arguments
from samenspel.web.tests.test_permission_matrix import ADMIN, _checked_routes

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}


class InlineCode(HTMLParser):
    """Collects what a strict CSP would block (or what would need 'unsafe-inline')."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        # A JSON data block (json_script) never runs, so the CSP does not govern it.
        is_data = dict(attrs).get("type") == "application/json"
        if tag == "script" and "src" not in names and not is_data:
            self.problems.append(f"<script> without src at line {self.getpos()[0]}")
        if tag == "style":
            self.problems.append(f"<style> element at line {self.getpos()[0]}")
        for name, value in attrs:
            if name.startswith("on") or name.startswith("hx-on"):
                self.problems.append(f"<{tag} {name}=…> at line {self.getpos()[0]}")
            elif name == "style":
                self.problems.append(f"<{tag} style=…> at line {self.getpos()[0]}")
            elif name in URL_ATTRIBUTES and value:
                scheme = "".join(value.split()).lower()
                if scheme.startswith("javascript:"):
                    self.problems.append(f"<{tag} {name}=javascript:…> at line {self.getpos()[0]}")

    handle_startendtag = handle_starttag


def inline_code(html: str) -> list[str]:
    parser = InlineCode()
    parser.feed(html)
    parser.close()
    return parser.problems


def test_the_parser_finds_what_csp_blocks():
    html = (
        '<script>alert(1)</script><script src="/static/x.js"></script>'
        '<a href=" JavaScript:alert(1)">x</a><button onclick="x()">b</button>'
        '<div style="color:red"></div><style>p{}</style><div hx-on:click="x"></div>'
    )
    assert len(inline_code(html)) == 6
    assert inline_code('<a href="/agenda/">x</a><script src="/s.js" defer></script>') == []


def test_every_page_of_the_matrix_obeys_the_policy(client, vdg_demo_data, settings):
    settings.SAMENSPEL_TODAY = "2024-06-15"
    arguments = matrix_arguments(vdg_demo_data)
    client.force_login(User.objects.get(username="bureau"))
    checked, problems = 0, {}
    for name in _checked_routes():
        url = reverse(ADMIN) if name == ADMIN else reverse(name, kwargs=arguments.get(name, {}))
        with transaction.atomic():
            response = client.get(url)
            transaction.set_rollback(True)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        checked += 1
        found = inline_code(response.content.decode())
        policy = response.headers.get("Content-Security-Policy", "")
        if "script-src 'self'" not in policy or "unsafe-" in policy:
            found.append(f"Content-Security-Policy missing or weak: {policy!r}")
        if "camera=()" not in response.headers.get("Permissions-Policy", ""):
            found.append("no Permissions-Policy")
        if "no-store" not in response.headers.get("Cache-Control", ""):
            found.append("no Cache-Control: no-store for a signed-in user")
        if found:
            problems[f"{name} {url}"] = found
    assert checked > 50, f"only {checked} HTML pages answered 200"
    assert problems == {}


def test_the_policy_is_strict(client, db):
    response = client.get(reverse("accounts:login"))
    directives = dict(
        ([*part.split(" ", 1), ""])[:2] for part in response["Content-Security-Policy"].split("; ")
    )
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["img-src"] == "'self' data:"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["form-action"] == "'self'"
    assert directives["base-uri"] == "'self'"


def test_public_pages_may_be_cached_private_ones_not(client, vdg_demo_data):
    public = client.get(reverse("public:index"))
    assert public.status_code == 200
    assert "no-store" not in public.headers.get("Cache-Control", "")
    assert "geolocation=()" in public["Permissions-Policy"]

    # A page that is not public: even its redirect to the login page is not stored.
    assert client.get(reverse("web:dashboard"))["Cache-Control"] == "no-store"

    client.force_login(User.objects.get(username="bureau"))
    assert "no-store" in client.get(reverse("public:index"))["Cache-Control"]
