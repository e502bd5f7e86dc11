from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "samenspel.api"
    verbose_name = _("API")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from samenspel.api import history  # noqa: F401  (names the token in the history)
        from samenspel.api.organisations import OrganisationViewSet
        from samenspel.api.registry import register
        from samenspel.api.token_views import api_token_shortcuts
        from samenspel.web.inbox import register_shortcut

        register("organisaties", OrganisationViewSet)
        register_shortcut(api_token_shortcuts)  # "API-toegang" for the bureau, account holders
