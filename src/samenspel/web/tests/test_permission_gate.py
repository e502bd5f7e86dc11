"""Every view declares who may use it: `@require(predicate)` or `@public`.

The admin is the one exception: Django's AdminSite guards all its views itself with
`has_permission`, which Samenspel sets to `can_use_admin` (tested in the matrix).
"""

from samenspel.web.tests.urlconf import routes


def declared_permission(view):
    """`@require`/`@public` put it on the view; an API view class (DRF) declares it as its
    `permission` attribute (api/framework.py)."""
    return getattr(view, "permission", None) or getattr(
        getattr(view, "cls", None), "permission", None
    )


def test_every_view_in_the_url_conf_declares_a_permission():
    undeclared = [
        f"{route.route} ({route.name}): {route.view.__module__}.{route.view.__name__}"
        for route in routes()
        if not route.admin and not callable(declared_permission(route.view))
    ]
    assert undeclared == []


def test_the_url_conf_has_every_app():
    # A guard over an empty or half-loaded URL conf would prove nothing.
    prefixes = {route.name.split(":")[0] for route in routes()}
    assert {"accounts", "agenda", "decisions", "finance", "meetings", "reports"} <= prefixes
