"""Reports in the admin: stored reports and judgements are records and read-only;
evaluation rounds and follows can be corrected."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from samenspel.reports.models import DigestItem, EvaluationRound, Follow, GeneratedReport, Judgement


class ReadOnlyAdmin(SimpleHistoryAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(GeneratedReport)
class GeneratedReportAdmin(ReadOnlyAdmin):
    list_display = ["title", "kind", "as_of", "format", "created_by", "created_at"]
    list_filter = ["kind", "format"]
    list_select_related = ["created_by"]


@admin.register(EvaluationRound)
class EvaluationRoundAdmin(SimpleHistoryAdmin):
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
