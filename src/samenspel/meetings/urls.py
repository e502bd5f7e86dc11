from django.urls import path

from samenspel.meetings.views import (
    actions,
    feeds,
    invitations,
    items,
    lists,
    meetings,
    minutes,
    public,
)

app_name = "meetings"

urlpatterns = [
    path("", meetings.meeting_list, name="list"),
    path("nieuw/", meetings.meeting_create, name="create"),
    path("<int:pk>/", meetings.meeting_detail, name="detail"),
    path("<int:pk>/bewerken/", meetings.meeting_edit, name="edit"),
    path("<int:pk>/status/", meetings.meeting_status, name="status"),
    path("<int:pk>/agenda.pdf", meetings.agenda_pdf, name="agenda_pdf"),
    path("<int:pk>/versturen/", meetings.agenda_send, name="send"),
    path("<int:pk>/vergadering.ics", feeds.meeting_ics, name="ics"),
    # invitees
    path("<int:pk>/genodigden/herberekenen/", invitations.invitations_refresh, name="refresh"),
    path("<int:pk>/genodigden/gast/", invitations.guest_add, name="guest_add"),
    path("<int:pk>/aanwezigheid/", invitations.attendance, name="attendance"),
    path(
        "uitnodigingen/<int:pk>/afmelden/", invitations.invitation_remove, name="invitation_remove"
    ),
    path(
        "uitnodigingen/<int:pk>/herstellen/",
        invitations.invitation_restore,
        name="invitation_restore",
    ),
    # agenda items, backlog and documents
    path("<int:pk>/agendapunten/nieuw/", items.item_add, name="item_add"),
    path("backlog/<slug:slug>/nieuw/", items.backlog_add, name="backlog_add"),
    path("agendapunten/<int:pk>/bewerken/", items.item_edit, name="item_edit"),
    path("agendapunten/<int:pk>/verplaatsen/", items.item_move, name="item_move"),
    path("agendapunten/<int:pk>/stukken/", items.document_add, name="document_add"),
    path("agendapunten/<int:pk>/uitkomst/", items.outcome_add, name="outcome_add"),
    path("stukken/<int:pk>/nieuwe-versie/", items.document_version_add, name="version_add"),
    path("stukken/versies/<int:pk>/", items.document_download, name="download"),
    # actions and minutes
    path("<int:pk>/acties/nieuw/", actions.action_add, name="action_add"),
    path("acties/<int:pk>/sluiten/", actions.action_close, name="action_close"),
    path("<int:pk>/notulen/", minutes.minutes_edit, name="minutes_edit"),
    path("<int:pk>/notulen/gereed/", minutes.minutes_mark, name="minutes_mark"),
    path("<int:pk>/notulen/vaststellen/", minutes.minutes_approve, name="minutes_approve"),
    path("<int:pk>/notulen/correctie/", minutes.minutes_correct, name="minutes_correct"),
    # lists and the schedule
    path("besluiten/", lists.decision_list, name="decisions"),
    path("acties/", lists.action_list, name="actions"),
    path("planning/<int:year>/", lists.schedule, name="schedule"),
    path("planning/<int:year>/pdf/", lists.schedule_pdf, name="schedule_pdf"),
    path("planning/<int:year>/genereren/", lists.schedule_generate_view, name="generate"),
    # calendars
    path("agenda/", feeds.my_calendar, name="my_calendar"),
    path("agenda/nieuwe-link/", feeds.my_calendar_reset, name="my_calendar_reset"),
    path("agenda/persoon/<str:token>.ics", feeds.person_feed, name="person_feed"),
    path("agenda/overleg/<slug:slug>.ics", feeds.body_feed, name="body_feed"),
    # public
    path("openbaar/", public.index, name="public"),
]
