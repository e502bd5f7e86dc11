"""The main navigation: one entry per area that exists (the Dutch paths of
docs/architecture.md).

An area is listed when its URL name resolves, so an app that is not built yet is
simply absent, and the current area is marked for `aria-current`.
"""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from samenspel.accounts.permissions import is_signed_in

# (url name, label, shown to anonymous visitors)
AREAS = [
    ("web:dashboard", _("Overzicht"), False),
    ("agenda:overview", _("Agenda"), False),
    ("organisations:list", _("Organisaties"), False),
    ("decisions:list", _("Voorstellen"), False),
    ("finance:overview", _("Financiën"), False),
    ("capacity:overview", _("Inzet"), False),
    ("meetings:list", _("Overleggen"), False),
    ("reports:list", _("Rapportages"), False),
    ("public:index", _("Openbaar"), True),
]


@dataclass(frozen=True)
class NavItem:
    url: str
    label: str
    current: bool


def _is_current(request: HttpRequest, url: str) -> bool:
    return request.path == url if url == "/" else request.path.startswith(url)


def main_navigation(request: HttpRequest) -> list[NavItem]:
    # A 400 raised before the authentication middleware (an unknown host) has no user.
    signed_in = is_signed_in(getattr(request, "user", None))
    items = []
    for name, label, public in AREAS:
        if not (signed_in or public):
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        items.append(NavItem(url=url, label=str(label), current=_is_current(request, url)))
    return items


def current_area(request: HttpRequest) -> str | None:
    """The URL name (of AREAS) of the area the request's page is in, if any: what the
    main navigation marks current (the footer's help link follows it)."""
    for name, _label, _public in AREAS:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        if _is_current(request, url):
            return name
    return None


def breadcrumbs(*pairs: tuple[str, str | None]) -> list[dict]:
    """`breadcrumbs((label, url), …, (current, None))` for base.html's breadcrumb trail."""
    return [{"label": label, "url": url} for label, url in pairs]


def safe_back(request: HttpRequest, target: str | None, fallback: str) -> str:
    """Where to go back to after a form: `target` when it stays on this site, else `fallback`."""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and allowed else fallback
