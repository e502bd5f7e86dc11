from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "samenspel.decisions"
    default_auto_field = "django.db.models.BigAutoField"
