from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "samenspel.meetings"
    default_auto_field = "django.db.models.BigAutoField"
