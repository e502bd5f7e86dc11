"""Associations, the tenants: which one an agenda file or a request is for.

A request's association follows from its host (docs/associations.md):

1. an installation with one association serves it on every host (`make run`, and every
   single-association deployment, stay exactly as they were);
2. a hostname an association names (`AssociationHost`);
3. `<slug>.localhost` in development (browsers send every `*.localhost` to this machine);
4. the association `SAMENSPEL_DEFAULT_ASSOCIATION`, when it exists;
5. otherwise none: the middleware shows the list of associations.

The routing table is cached (`ROUTES_CACHE_SECONDS`) and dropped whenever an association
or hostname is saved or deleted, so a request costs no query once the table is warm.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http.request import split_domain_port

from samenspel.accounts.permissions import other_associations_of
from samenspel.organisations.models import Association, AssociationHost

ROUTES_CACHE_KEY = "samenspel:association-routes"
ROUTES_CACHE_SECONDS = 60
DEV_SUFFIX = ".localhost"


@dataclass
class Routes:
    """Every association by pk, and the ways a host names one."""

    associations: dict[int, Association] = field(default_factory=dict)
    by_hostname: dict[str, int] = field(default_factory=dict)
    by_slug: dict[str, int] = field(default_factory=dict)


def _routes() -> Routes:
    routes = cache.get(ROUTES_CACHE_KEY)
    if routes is None:
        routes = Routes()
        for association in Association.objects.all():
            routes.associations[association.pk] = association
            routes.by_slug[association.slug] = association.pk
        for hostname, association_id in AssociationHost.objects.values_list(
            "hostname", "association_id"
        ):
            routes.by_hostname[hostname] = association_id
        cache.set(ROUTES_CACHE_KEY, routes, ROUTES_CACHE_SECONDS)
    return routes


@receiver(post_save, sender=Association)
@receiver(post_delete, sender=Association)
@receiver(post_save, sender=AssociationHost)
@receiver(post_delete, sender=AssociationHost)
def _routes_changed(**kwargs: Any) -> None:
    cache.delete(ROUTES_CACHE_KEY)


def hostname_of(host: str) -> str:
    """`Vdg.Example.nl:8000` → `vdg.example.nl`; `[::1]:8000` → `::1`."""
    domain, _port = split_domain_port(host.strip())  # Django's own: lower case, no dot
    return domain.strip("[]")


def association_for_host(host: str) -> Association | None:
    """The association a request on `host` is for (rules in the module docstring)."""
    routes = _routes()
    if len(routes.associations) == 1:
        return next(iter(routes.associations.values()))
    hostname = hostname_of(host)
    pk = routes.by_hostname.get(hostname)
    if pk is None and hostname.endswith(DEV_SUFFIX):
        pk = routes.by_slug.get(hostname.removesuffix(DEV_SUFFIX))
    if pk is None:
        pk = routes.by_slug.get(settings.SAMENSPEL_DEFAULT_ASSOCIATION)
    return routes.associations.get(pk) if pk is not None else None


def association_url(association: Association, request: Any) -> str:
    """The address of `association`'s home page, as seen from `request`: its first
    hostname, or `<slug>.localhost` in development, on the request's scheme and port."""
    routes = _routes()
    names = sorted(h for h, pk in routes.by_hostname.items() if pk == association.pk)
    hostname = names[0] if names else f"{association.slug}{DEV_SUFFIX}"
    port = request.get_port()
    default = {"http": "80", "https": "443"}.get(request.scheme)
    return f"{request.scheme}://{hostname}{'' if port == default else ':' + port}/"


def other_associations(request: Any) -> list[tuple[Association, str]]:
    """The associations, other than this request's, where the user has a role, with
    their address: the header's switcher (sessions are per host: one signs in there)."""
    ids = other_associations_of(getattr(request, "user", None))
    routes = _routes()
    found = [routes.associations[pk] for pk in ids if pk in routes.associations]
    return [(a, association_url(a, request)) for a in sorted(found, key=lambda a: a.name)]


def association_site_url(association: Association) -> str:
    """The address (no trailing slash) links in mail about `association` start with, where no
    request tells the host: `SAMENSPEL_SITE_URL` on an installation of one association;
    otherwise the association's first hostname (or `<slug>.localhost` when the site URL is
    a development address on this machine), with the site URL's scheme and port. An
    association without a hostname on a production installation gets the site URL, where
    its pages are a 404 for other associations: give every association a hostname."""
    routes = _routes()
    site = settings.SAMENSPEL_SITE_URL
    if len(routes.associations) <= 1:
        return site
    scheme, _, rest = site.partition("://")
    host, port = split_domain_port(rest.split("/", 1)[0])
    names = sorted(h for h, pk in routes.by_hostname.items() if pk == association.pk)
    if names:
        hostname = names[0]
    elif host in ("localhost", "127.0.0.1") or host.endswith(DEV_SUFFIX):
        hostname = f"{association.slug}{DEV_SUFFIX}"
    else:
        return site
    return f"{scheme}://{hostname}{':' + port if port else ''}"


def associations_listed() -> list[Association]:
    """Every association, for the page an unknown host gets."""
    return sorted(_routes().associations.values(), key=lambda a: a.name)


def association_default() -> Association:
    """The association of agenda files that name none (files written before associations):
    `SAMENSPEL_DEFAULT_ASSOCIATION`, made from `SAMENSPEL_ASSOCIATION_NAME` when missing."""
    slug = settings.SAMENSPEL_DEFAULT_ASSOCIATION
    association, _created = Association.objects.get_or_create(
        slug=slug,
        defaults={"name": settings.SAMENSPEL_ASSOCIATION_NAME, "short_name": slug.upper()},
    )
    return association
