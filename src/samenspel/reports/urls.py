from django.urls import path

from samenspel.reports import evaluation_views, follow_views, views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("opgeslagen/<int:pk>/", views.stored_detail, name="stored"),
    path("opgeslagen/<int:pk>/bestand/", views.stored_download, name="download"),
    path("volgen/", follow_views.follows, name="follows"),
    path("volgen/wijzigen/", follow_views.follow_toggle, name="follow"),
    path("volgen/stoppen/<str:token>/", follow_views.unfollow, name="unfollow"),
    path("evaluatieronde/", evaluation_views.evaluation_index, name="evaluation_index"),
    path("evaluatieronde/<int:pk>/", evaluation_views.evaluation_round, name="evaluation"),
    path(
        "evaluatieronde/<int:pk>/<slug:slug>/",
        evaluation_views.evaluation_portfolio,
        name="evaluation_portfolio",
    ),
    path(
        "evaluatieronde/<int:pk>/<str:kind>/<int:target_pk>/",
        evaluation_views.judgement_edit,
        name="judgement",
    ),
    path("<slug:kind>/", views.report_page, name="page"),
    path("<slug:kind>/maken/", views.report_make, name="make"),
]
