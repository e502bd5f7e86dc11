"""Writes of the reports app: storing a report and making it again, the evaluation round."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from samenspel.accounts.models import User
from samenspel.accounts.permissions import is_bureau
from samenspel.agenda.models import Agenda, Agreement, Theme
from samenspel.core.dates import today
from samenspel.core.history import changed_by
from samenspel.organisations.models import Association, Organisation, Portfolio
from samenspel.reports.constants import MAX_STORED_REPORTS_PER_USER, ReportFormat, RoundStatus
from samenspel.reports.document import Report
from samenspel.reports.docx import render_docx
from samenspel.reports.models import EvaluationRound, GeneratedReport, Judgement
from samenspel.reports.registry import REPORT_TYPES, report_build
from samenspel.reports.render import figures_json, render_html_document, render_pdf
from samenspel.reports.workflow import judge_refusal, status_refusal


def report_render(report: Report, *, fmt: str) -> bytes:
    if fmt == ReportFormat.PDF:
        return render_pdf(report)
    if fmt == ReportFormat.DOCX:
        return render_docx(report)
    return render_html_document(report).encode()


class StoredReportsFull(Exception):
    """The user already stores MAX_STORED_REPORTS_PER_USER reports; the message says what to
    do, in Dutch."""


def _check_may_store(
    user: User | None,
    *,
    kind: str,
    portfolio: Portfolio | None,
    organisation: Organisation | None,
) -> None:
    """Refuse (PermissionDenied) who may not store this report (`can_store_report`)."""
    if not REPORT_TYPES[kind].may_store(user, portfolio=portfolio, organisation=organisation):
        raise PermissionDenied(_("U mag deze rapportage niet maken en bewaren."))


def room_check(user: User, *, association: Association) -> None:
    """Refuse (StoredReportsFull) a user who stores MAX_STORED_REPORTS_PER_USER reports in
    `association`; the message says who deletes old ones: the bureau itself, in the admin.

    The limit is per association, not over the installation: the message sends the user
    to the bureau of the association they are making the report in, which sees (and may
    delete) only that association's reports, so only those may count; and one
    association's use never blocks the work of another. The disk stays bounded: a user
    stores at most the limit in each association that gave them a role that may store."""
    stored = GeneratedReport.objects.filter(association=association, created_by=user)
    if stored.count() < MAX_STORED_REPORTS_PER_USER:
        return
    if is_bureau(user):
        message = _(
            "U hebt al %(max)d rapportages bewaard, het maximum per gebruiker; deze is niet "
            "gemaakt. Verwijder oude rapportages in het beheer en maak deze daarna opnieuw."
        )
    else:
        message = _(
            "U hebt al %(max)d rapportages bewaard, het maximum per gebruiker; deze is niet "
            "gemaakt. Laat het bureau oude rapportages verwijderen (in het beheer) en maak "
            "deze daarna opnieuw."
        )
    raise StoredReportsFull(message % {"max": MAX_STORED_REPORTS_PER_USER})


def generate_refusal_check(
    user: User,
    *,
    association: Association,
    kind: str,
    portfolio: Portfolio | None = None,
    organisation: Organisation | None = None,
) -> None:
    """Refuse before any work is done: PermissionDenied for who may not store this report
    (`can_store_report`), StoredReportsFull for who has no room left. The page asks it
    before it queues the job; report_generate asks it again when the job runs."""
    _check_may_store(user, kind=kind, portfolio=portfolio, organisation=organisation)
    room_check(user, association=association)


def report_generate(
    *,
    association: Association,
    kind: str,
    as_of: dt.date,
    fmt: str,
    portfolio: Portfolio | None = None,
    organisation: Organisation | None = None,
    user: User,
) -> GeneratedReport:
    """Build the report, render it in `fmt` and store the file with its figures, for a
    user who may store it (PermissionDenied otherwise) and has room left
    (StoredReportsFull otherwise).

    Building and rendering (seconds for a PDF) run outside any transaction opened here, so
    they hold no database lock (SQLite takes its write lock when a transaction begins);
    only writing the row and its file is one short transaction, which checks the room
    again with the user's row locked, so two requests at once cannot pass the limit.
    """
    # Before the render: no waiting for nothing.
    generate_refusal_check(
        user, association=association, kind=kind, portfolio=portfolio, organisation=organisation
    )
    report = report_build(
        association=association,
        kind=kind,
        as_of=as_of,
        portfolio=portfolio,
        organisation=organisation,
    )
    content = report_render(report, fmt=fmt)
    stored = GeneratedReport(
        association=association,
        kind=kind,
        title=report.title,
        as_of=as_of,
        portfolio=portfolio,
        organisation=organisation,
        format=fmt,
        figures=figures_json(report),
        created_by=user,
    )
    try:
        with transaction.atomic():
            User.objects.select_for_update().get(pk=user.pk)
            room_check(user, association=association)
            stored.file.save(f"{report.filename}.{fmt}", ContentFile(content), save=False)
            stored.save()
    except BaseException:
        if stored.file.name:  # the row was not written: do not leave its file behind
            stored.file.delete(save=False)
        raise
    return stored


def report_regenerate(
    *, association: Association, stored: GeneratedReport
) -> tuple[dict[str, Any], bool]:
    """The figures of the same report made now, and whether they equal the stored ones."""
    report = report_build(
        association=association,
        kind=stored.kind,
        as_of=stored.as_of,
        portfolio=stored.portfolio,
        organisation=stored.organisation,
    )
    figures = figures_json(report)
    return figures, figures == stored.figures


# --- evaluation ----------------------------------------------------------------------------


@transaction.atomic
def evaluation_round_create(
    *, agenda: Agenda, name: str, starts_on: dt.date, ends_on: dt.date, is_demo: bool = False
) -> EvaluationRound:
    evaluation_round = EvaluationRound(
        agenda=agenda, name=name, starts_on=starts_on, ends_on=ends_on, is_demo=is_demo
    )
    evaluation_round.full_clean()
    evaluation_round.save()
    return evaluation_round


@transaction.atomic
def evaluation_round_status_set(
    *,
    evaluation_round: EvaluationRound,
    status: str,
    user: User | None,
    on: dt.date | None = None,
) -> EvaluationRound:
    """Close the round (no judgement changes any more) or reopen it; the bureau's step."""
    locked = EvaluationRound.objects.select_for_update().get(pk=evaluation_round.pk)
    refusal = status_refusal(locked, status)
    if refusal:
        raise ValidationError(refusal)
    locked.status = status
    locked.closed_on = (on or today()) if status == RoundStatus.CLOSED else None
    changed_by(locked, user)
    locked.save()
    return locked


@transaction.atomic
def judgement_record(
    *,
    evaluation_round: EvaluationRound,
    verdict: str,
    explanation: str,
    lessons: str = "",
    agreement: Agreement | None = None,
    theme: Theme | None = None,
    user: User | None = None,
    judged_on: dt.date | None = None,
    is_demo: bool = False,
) -> Judgement:
    """Record (or revise) the judgement on one agreement or theme; history keeps the old one."""
    refusal = judge_refusal(EvaluationRound.objects.select_for_update().get(pk=evaluation_round.pk))
    if refusal:
        raise ValidationError(refusal)
    target: dict[str, Agreement | Theme | None] = (
        {"agreement": agreement} if agreement is not None else {"theme": theme}
    )
    # order_by("pk"): the default ordering joins the nullable agreement/theme, and
    # PostgreSQL refuses FOR UPDATE on the nullable side of an outer join.
    judgement = Judgement.objects.select_for_update().filter(
        round=evaluation_round, **target
    ).order_by("pk").first() or Judgement(round=evaluation_round, **target)
    judgement.verdict = verdict
    judgement.explanation = explanation
    judgement.lessons = lessons
    judgement.judged_on = judged_on or today()
    judgement.judged_by = user if getattr(user, "is_authenticated", False) else None
    judgement.is_demo = is_demo
    judgement.full_clean(validate_constraints=False)
    judgement.save()
    return judgement
