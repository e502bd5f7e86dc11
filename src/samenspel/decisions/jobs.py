"""Background jobs of proposals: all college proposals of one proposal in a ZIP."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenspel.accounts.permissions import is_signed_in
from samenspel.decisions import documents
from samenspel.decisions.models import Proposal
from samenspel.jobs.models import Job
from samenspel.jobs.registry import JobKind, JobOutput, JobRefused, register

DOCUMENTS_ZIP = "collegevoorstellen"


def documents_zip_title(proposal: Proposal, fmt: str) -> str:
    return _("Alle collegevoorstellen van %(proposal)s (%(format)s, ZIP)") % {
        "proposal": proposal,
        "format": fmt.upper(),
    }


def documents_zip_run(job: Job) -> JobOutput:
    proposal = (
        Proposal.objects.select_related("portfolio")
        .filter(portfolio__association=job.association, pk=job.params["proposal"])
        .first()
    )
    if proposal is None:
        raise JobRefused(_("Dit voorstel bestaat niet meer."))
    fmt = job.params["format"]
    # A ValidationError (shares not computable yet) is shown on the job page as it is.
    content = documents.documents_zip(proposal, fmt)
    return JobOutput(
        file_name=f"collegevoorstellen-{proposal.pk}-{fmt}.zip",
        content=content,
        text=_("De collegevoorstellen zijn gemaakt."),
        url=proposal.get_absolute_url(),
    )


def may_view_documents_zip(user: Any, job: Job) -> bool:
    # The proposal page and its documents: everyone signed in in the association (the
    # job itself is found only in its association).
    return is_signed_in(user)


def register_jobs() -> None:
    register(
        JobKind(
            DOCUMENTS_ZIP,
            gettext_lazy("Collegevoorstellen"),
            run=documents_zip_run,
            may_view=may_view_documents_zip,
        )
    )
