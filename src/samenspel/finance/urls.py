from django.urls import path

from samenspel.finance import views

app_name = "finance"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("bijdragen/<int:year>/", views.contributions, name="contributions"),
    path("jaren/<int:year>/bewerken/", views.budget_year_edit, name="year_edit"),
    path("jaren/<int:year>/factureren/", views.budget_year_invoice, name="year_invoice"),
    path("declaraties/<int:pk>/betaald/", views.claim_paid, name="claim_paid"),
    path("handgeld/uitgave/", views.fund_spending_add, name="fund_spending_add"),
    path("projecten/", views.project_list, name="projects"),
    path("projecten/<slug:slug>/", views.project_detail, name="project"),
]
