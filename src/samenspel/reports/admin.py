"""Reports in the admin: stored reports and judgements are records and read-only;
evaluation rounds and follows can be corrected. Deleting a stored report (the way the
bureau makes room under MAX_STORED_REPORTS_PER_USER) deletes its file too, once the
deletion is committed."""

from __future__ import annotations

from django.contrib import admin
from django.core.files.storage import Storage
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest

from samenspel.core.admin import HistoryAdmin
from samenspel.reports.models import DigestItem, EvaluationRound, Follow, GeneratedReport, Judgement


class ReadOnlyAdmin(HistoryAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(GeneratedReport)
class GeneratedReportAdmin(ReadOnlyAdmin):
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
class EvaluationRoundAdmin(HistoryAdmin):
    list_display = ["name", "agenda", "starts_on", "ends_on"]


@admin.register(Judgement)
class JudgementAdmin(ReadOnlyAdmin):
    list_display = ["round", "agreement", "theme", "verdict", "judged_by", "judged_on"]
    list_filter = ["round", "verdict"]
    list_select_related = ["round", "agreement", "theme", "judged_by"]


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin):
    list_display = ["user", "target", "object_id", "created_at"]
    list_filter = ["target"]


@admin.register(DigestItem)
class DigestItemAdmin(admin.ModelAdmin):
    list_display = ["user", "key", "sent_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
