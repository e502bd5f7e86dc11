from django.urls import path

from samenspel.reports.views import evaluation, following, reports

app_name = "reports"

urlpatterns = [
    path("", reports.report_list, name="list"),
    path("opgeslagen/<int:pk>/", reports.stored_detail, name="stored"),
    path("opgeslagen/<int:pk>/bestand/", reports.stored_download, name="download"),
    path("volgen/", following.follows, name="follows"),
    path("volgen/wijzigen/", following.follow_toggle, name="follow"),
    path("volgen/stoppen/<str:token>/", following.unfollow, name="unfollow"),
    path("evaluatieronde/", evaluation.evaluation_index, name="evaluation_index"),
    path("evaluatieronde/<int:pk>/", evaluation.evaluation_round, name="evaluation"),
    # Three parts, so no portfolio slug can shadow it.
    path(
        "evaluatieronde/<int:pk>/status/wijzigen/",
        evaluation.evaluation_status,
        name="evaluation_status",
    ),
    path(
        "evaluatieronde/<int:pk>/<slug:slug>/",
        evaluation.evaluation_portfolio,
        name="evaluation_portfolio",
    ),
    path(
        "evaluatieronde/<int:pk>/<str:kind>/<int:target_pk>/",
        evaluation.judgement_edit,
        name="judgement",
    ),
    path("<slug:kind>/", reports.report_page, name="page"),
    path("<slug:kind>/maken/", reports.report_make, name="make"),
]
