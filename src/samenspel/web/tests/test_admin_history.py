"""The admin's history pages show old versions and never write one back.

simple-history saves whatever is posted to a history page with only view permission: a
revert would pass by read-only admins, the stage rules and the version checks. Every
admin of a model with history is a `core.admin.HistoryAdmin`, which refuses that POST.
"""

import pytest
from django.contrib import admin
from django.urls import reverse

from samenspel.accounts.models import User
from samenspel.core.admin import HistoryAdmin

WITH_HISTORY = sorted(
    (model for model in admin.site._registry if hasattr(model, "history")),
    key=lambda model: model._meta.label,
)


@pytest.mark.parametrize("model", WITH_HISTORY, ids=lambda model: model._meta.label)
def test_every_admin_with_history_is_a_history_admin(model):
    assert isinstance(admin.site._registry[model], HistoryAdmin)


@pytest.mark.parametrize(
    "label", ["agenda.Agreement", "meetings.Meeting", "organisations.Organisation"]
)
def test_posting_an_old_version_writes_nothing(label, client, vdg_demo_data):
    from django.apps import apps

    model = apps.get_model(label)
    client.force_login(User.objects.get(username="bureau"))
    record = model._default_manager.order_by("pk").first()
    version = record.history.order_by("history_id").first()
    url = reverse(
        f"admin:{model._meta.app_label}_{model._meta.model_name}_simple_history",
        args=[record.pk, version.history_id],
    )
    before = model._default_manager.filter(pk=record.pk).values().get()
    assert client.get(url).status_code == 200  # looking at an old version is fine
    field = "title" if hasattr(record, "title") else "name"
    response = client.post(url, {field: "Teruggezet via de geschiedenis", "_save": "1"})
    assert response.status_code == 403
    assert model._default_manager.filter(pk=record.pk).values().get() == before
