from django.urls import path

from samenspel.agenda import public

app_name = "public"

urlpatterns = [
    path("", public.index, name="index"),
    path("portefeuilles/<slug:slug>/", public.portfolio, name="portfolio"),
    path("afspraken/<slug:slug>/", public.agreement, name="agreement"),
]
