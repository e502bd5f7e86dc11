from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "samenspel.notifications"
    verbose_name = _("Notificaties")
    default_auto_field = "django.db.models.BigAutoField"
