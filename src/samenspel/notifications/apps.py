from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "samenspel.notifications"
    verbose_name = _("Notificaties")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from samenspel.api.registry import register
        from samenspel.notifications import signals
        from samenspel.notifications.api import SubscriptionViewSet
        from samenspel.notifications.views import notification_shortcuts
        from samenspel.web.inbox import register_shortcut

        register("abonnementen", SubscriptionViewSet)
        register_shortcut(notification_shortcuts)
        signals.connect()
