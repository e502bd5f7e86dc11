"""Reports in the admin: stored reports and judgements are records and read-only;
evaluation rounds and follows can be corrected. Deleting a stored report (the way the
bureau makes room under MAX_STORED_REPORTS_PER_USER) deletes its file too, once the
deletion is committed."""

from __future__ import annotations

from django.contrib import admin
from django.core.files.storage import Storage
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from samenspel.core.admin import HistoryAdmin
from samenspel.core.admin_scoping import AssociationScopedAdmin, SuperuserOnlyAdmin
from samenspel.organisations.models import Association
from samenspel.reports.constants import FollowTarget
from samenspel.reports.following import followable
from samenspel.reports.models import DigestItem, EvaluationRound, Follow, GeneratedReport, Judgement


class ReadOnlyAdmin(HistoryAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(GeneratedReport)
class GeneratedReportAdmin(AssociationScopedAdmin, ReadOnlyAdmin):
    association_path = "association"
    list_display = ["title", "kind", "as_of", "format", "created_by", "created_at"]
    list_filter = ["kind", "format"]
    list_select_related = ["created_by"]

    def delete_model(self, request: HttpRequest, obj: GeneratedReport) -> None:
        files = [(obj.file.storage, obj.file.name)]
        super().delete_model(request, obj)
        _delete_files_on_commit(files)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[GeneratedReport]) -> None:
        files = [(report.file.storage, report.file.name) for report in queryset]
        super().delete_queryset(request, queryset)
        _delete_files_on_commit(files)


def _delete_files_on_commit(files: list[tuple[Storage, str | None]]) -> None:
    """Delete the files of deleted rows, only once the deletion is committed (a rolled-back
    deletion keeps its files)."""

    def delete() -> None:
        for storage, name in files:
            if name:
                storage.delete(name)

    transaction.on_commit(delete)


@admin.register(EvaluationRound)
class EvaluationRoundAdmin(AssociationScopedAdmin, HistoryAdmin):
    association_path = "agenda__association"
    list_display = ["name", "agenda", "starts_on", "ends_on"]


@admin.register(Judgement)
class JudgementAdmin(AssociationScopedAdmin, ReadOnlyAdmin):
    association_path = "round__agenda__association"
    list_display = ["round", "agreement", "theme", "verdict", "judged_by", "judged_on"]
    list_filter = ["round", "verdict"]
    list_select_related = ["round", "agreement", "theme", "judged_by"]


@admin.register(Follow)
class FollowAdmin(AssociationScopedAdmin, admin.ModelAdmin):
    association_path = "association"
    list_display = ["user", "target", "object_id", "created_at"]
    list_filter = ["target"]

    @classmethod
    def association_q(cls, association: Association) -> Q:
        """The association's follows of its own objects: an `object_id` changed here to
        another association's object is refused, as `following.follow_add` refuses it."""
        followed = Q()
        for target in FollowTarget.values:
            ids = followable(target, association=association).values("pk")
            followed |= Q(target=target, object_id__in=ids)
        return super().association_q(association) & followed


# A log of what was mailed to whom, in every association (a key names a row by its pk
# only): for superusers, read-only.
@admin.register(DigestItem)
class DigestItemAdmin(SuperuserOnlyAdmin):
    list_display = ["user", "key", "sent_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
