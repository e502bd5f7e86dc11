"""A request for slow work and what came of it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class JobStatus(models.TextChoices):
    WAITING = "wacht", _("wacht")
    RUNNING = "bezig", _("bezig")
    DONE = "klaar", _("klaar")
    FAILED = "mislukt", _("mislukt")


def job_path(instance: Job, filename: str) -> str:
    return f"taken/{instance.pk}/{filename}"


class Job(models.Model):
    """One request for slow work. The queue's own row (django_tasks_db) is `task_result_id`;
    this one outlives it and is what the job page reads."""

    association = models.ForeignKey(
        "organisations.Association",
        on_delete=models.CASCADE,
        related_name="jobs",
        verbose_name=_("samenwerkingsverband"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aangevraagd door"),
    )
    kind = models.CharField(_("soort"), max_length=40)
    title = models.CharField(_("titel"), max_length=250)
    # What the work is about (a proposal's id, a format…), as the kind's function reads it.
    params = models.JSONField(_("gegevens"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.WAITING
    )
    file = models.FileField(_("bestand"), upload_to=job_path, blank=True, max_length=300)
    file_name = models.CharField(_("bestandsnaam"), max_length=200, blank=True)
    # What the job did, in Dutch ("Verstuurd aan 12 genodigden"), and where to look further.
    result_text = models.CharField(_("resultaat"), max_length=300, blank=True)
    result_url = models.CharField(_("resultaat bekijken"), max_length=300, blank=True)
    error = models.TextField(_("foutmelding"), blank=True)
    # The requester's language: documents and messages are made in it.
    language = models.CharField(_("taal"), max_length=10, blank=True)
    task_result_id = models.CharField(_("taak in de wachtrij"), max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    created_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    started_at = models.DateTimeField(_("begonnen op"), null=True, blank=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("taak")
        verbose_name_plural = _("taken")
        indexes = [models.Index(fields=["association", "requested_by", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.status})"

    def get_absolute_url(self) -> str:
        return reverse("jobs:detail", args=[self.pk])

    @property
    def is_done(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)
