from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from samenspel.accounts.permissions import is_signed_in
from samenspel.web.help import help_url_for
from samenspel.web.navigation import current_area, main_navigation

DEMO_CACHE_KEY = "samenspel:has-demo-data"


def has_demo_data() -> bool:
    """True when the demo layer is loaded; cached so pages do not ask on every request."""
    from samenspel.accounts.models import User

    return cache.get_or_set(
        DEMO_CACHE_KEY, lambda: User.objects.filter(is_demo=True).exists(), timeout=60
    )


def site(request: HttpRequest) -> dict:
    return {
        "association": getattr(request, "association", None),
        "association_name": getattr(
            getattr(request, "association", None), "name", settings.SAMENSPEL_ASSOCIATION_NAME
        ),
        "main_navigation": main_navigation(request),
        # The footer's "Help": the help of the area this page is in, else the index.
        "help_url": help_url_for(
            current_area(request), signed_in=is_signed_in(getattr(request, "user", None))
        ),
        "show_demo_banner": has_demo_data(),
    }
