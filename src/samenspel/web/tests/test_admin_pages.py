"""The bureau can open every admin page on the demo: each model's list, and the page of
its first record (read-only models show it too). A page that errors fails here."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from samenspel.accounts.models import User

MODELS = sorted(admin.site._registry, key=lambda model: model._meta.label)


def _bureau_request():
    request = RequestFactory().get("/beheer/")
    request.user = User.objects.get(username="bureau")
    return request


def test_agenda_and_reports_have_an_admin():
    apps = {model._meta.app_label for model in MODELS}
    assert {"agenda", "reports", "decisions", "meetings", "finance"} <= apps


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
def test_the_bureau_opens_the_list_and_a_record(model, client, vdg_demo_data):
    """Tables of every association at once (logs, sign-in attempts, permission groups)
    are for superusers only (core/admin_scoping.py, web/admin_site.py)."""
    client.force_login(User.objects.get(username="bureau"))
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    if not admin.site._registry[model].has_module_permission(_bureau_request()):
        assert client.get(reverse(f"{prefix}_changelist")).status_code == 403
        client.force_login(User.objects.create_superuser("technisch", password="x" * 12))
    assert client.get(reverse(f"{prefix}_changelist")).status_code == 200
    first = model._default_manager.order_by("pk").first()
    if first is not None:
        page = client.get(reverse(f"{prefix}_change", args=[first.pk]))
        assert page.status_code == 200


@pytest.mark.parametrize("label", ["decisions.Proposal", "decisions.ExecutiveDecision"])
def test_proposals_and_decisions_change_only_through_the_pages(label, client, vdg_demo_data):
    """The admin would bypass the stage rules and the version check: read-only there."""
    from django.apps import apps

    model = apps.get_model(label)
    client.force_login(User.objects.get(username="bureau"))
    first = model._default_manager.order_by("pk").first()
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    before = model._default_manager.filter(pk=first.pk).values().get()
    page = client.get(reverse(f"{prefix}_change", args=[first.pk])).content.decode()
    assert 'name="_save"' not in page
    assert client.post(reverse(f"{prefix}_change", args=[first.pk]), {}).status_code == 403
    assert client.get(reverse(f"{prefix}_add")).status_code == 403
    assert (
        client.post(reverse(f"{prefix}_delete", args=[first.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert model._default_manager.filter(pk=first.pk).values().get() == before
