"""No silent overwrite through the admin: a versioned record there is either read-only
(the pages edit it, with their rules) or saved only against the version its form was
opened with (core.admin.VersionCheckedAdmin)."""

import pytest
from django import forms
from django.apps import apps
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from samenspel.accounts.models import User
from samenspel.core.admin import OPENED, VersionCheckedAdmin
from samenspel.core.versioning import EditConflict

CONFLICT = "Iemand anders heeft dit intussen gewijzigd"

# (model, field the two editors change, what the first types, what the second types)
CHECKED = [
    ("organisations.Organisation", "name", "Eerste naam", "Tweede naam"),
    ("organisations.Person", "name", "Eerste Persoon", "Tweede Persoon"),
    ("organisations.Body", "name", "Eerste overleg", "Tweede overleg"),
    ("finance.BudgetYear", "from_running_budget", "1111.00", "2222.00"),
    ("meetings.MeetingCycle", "place", "Eerste zaal", "Tweede zaal"),
    ("meetings.Action", "title", "Eerste actie", "Tweede actie"),
]
READ_ONLY = ["agenda.Agreement", "meetings.Meeting", "meetings.AgendaItem"]


def _versioned(model) -> bool:
    return any(field.name == "version" for field in model._meta.concrete_fields)


def _url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def _post_data(response) -> dict:
    """What the change page would post unchanged: the form's values, no inline rows."""
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field, forms.BooleanField):
            if value:
                data[name] = "on"
        elif isinstance(value, (list, tuple)):
            data[name] = [str(v) for v in value]
        elif value is not None:
            data[name] = str(value)
    for inline in response.context["inline_admin_formsets"]:
        prefix = inline.formset.prefix
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    return data


@pytest.fixture
def bureau(client, vdg_demo_data):
    client.force_login(User.objects.get(username="bureau"))
    return User.objects.get(username="bureau")


def test_every_versioned_model_in_the_admin_is_read_only_or_checked(bureau):
    request = RequestFactory().get("/beheer/")
    request.user = bureau
    unchecked = []
    for model, model_admin in admin.site._registry.items():
        editable = model_admin.has_change_permission(request) or model_admin.has_add_permission(
            request
        )
        if _versioned(model) and editable and not isinstance(model_admin, VersionCheckedAdmin):
            unchecked.append(model._meta.label)
        for inline in model_admin.get_inline_instances(request):
            if _versioned(inline.model) and inline.has_change_permission(request):
                unchecked.append(f"{inline.model._meta.label} (inline)")
    assert unchecked == []
    checked = {
        m._meta.label for m, a in admin.site._registry.items() if isinstance(a, VersionCheckedAdmin)
    }
    assert checked == {label for label, *_ in CHECKED}


@pytest.mark.parametrize(("label", "field", "first", "second"), CHECKED)
def test_a_stale_admin_form_is_refused_and_keeps_what_was_typed(
    label, field, first, second, client, bureau
):
    model = apps.get_model(label)
    obj = model._default_manager.order_by("pk").first()
    assert obj is not None, f"the demo has no {label}"
    url = _url(model, "change", obj.pk)
    opened = obj.version
    histories = obj.history.count()

    page_one, page_two = client.get(url), client.get(url)  # two editors open the form
    assert f'type="hidden" name="{OPENED}" value="{opened}"' in page_one.content.decode()
    one, two = _post_data(page_one), _post_data(page_two)
    assert one[OPENED] == two[OPENED] == str(opened)

    one[field] = first
    response = client.post(url, one)
    assert response.status_code == 302, response.context and response.context["errors"]
    obj.refresh_from_db()
    assert obj.version == opened + 1
    assert str(getattr(obj, field)) == first
    assert obj.history.count() == histories + 1
    latest = obj.history.latest()
    assert latest.version == opened + 1 and latest.history_user == bureau

    two[field] = second
    response = client.post(url, two)
    assert response.status_code == 200  # the form again, not a redirect
    page = response.content.decode()
    assert CONFLICT in page
    assert second in page  # the second editor's typing is kept
    assert response.context["adminform"].form[OPENED].value() == str(opened + 1)
    obj.refresh_from_db()
    assert obj.version == opened + 1
    assert str(getattr(obj, field)) == first  # the first save stands
    assert obj.history.count() == histories + 1


def test_saving_again_after_the_conflict_is_a_deliberate_save(client, bureau):
    model = apps.get_model("organisations.Organisation")
    obj = model.objects.order_by("pk").first()
    url = _url(model, "change", obj.pk)
    one, two = _post_data(client.get(url)), _post_data(client.get(url))
    client.post(url, {**one, "name": "Eerste naam"})
    refused = client.post(url, {**two, "name": "Tweede naam"})
    assert "Nu opgeslagen: Naam: Eerste naam" in refused.content.decode()

    response = client.post(url, _post_data(refused))
    assert response.status_code == 302
    obj.refresh_from_db()
    assert (obj.name, obj.version) == ("Tweede naam", 3)


def test_a_save_that_lost_the_race_after_clean_writes_nothing(bureau):
    """Where the row could not be locked in clean (SQLite), save_model still checks."""
    from samenspel.organisations.models import Organisation

    obj = Organisation.objects.order_by("pk").first()
    model_admin = admin.site._registry[Organisation]
    request = RequestFactory().post("/beheer/")
    request.user = bureau
    form = model_admin.get_form(request, obj, change=True)(instance=obj)
    form.cleaned_data = {OPENED: obj.version}
    Organisation.objects.filter(pk=obj.pk).update(version=obj.version + 1, name="Intussen")
    obj.name = "Te laat"
    with pytest.raises(EditConflict):
        model_admin.save_model(request, obj, form, change=True)
    assert Organisation.objects.values_list("name", flat=True).get(pk=obj.pk) == "Intussen"


def test_adding_in_the_admin_starts_at_version_one(client, bureau):
    from samenspel.organisations.models import Organisation

    page = client.get(reverse("admin:organisations_organisation_add"))
    assert OPENED not in page.context["adminform"].form.fields
    data = {
        "slug": "gemeente-nieuw",
        "name": "Gemeente Nieuw",
        "kind": "municipality",
        "identifiers-TOTAL_FORMS": "0",
        "identifiers-INITIAL_FORMS": "0",
        "inhabitant_counts-TOTAL_FORMS": "0",
        "inhabitant_counts-INITIAL_FORMS": "0",
    }
    response = client.post(reverse("admin:organisations_organisation_add"), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    assert Organisation.objects.get(slug="gemeente-nieuw").version == 1


@pytest.mark.parametrize("label", READ_ONLY)
def test_records_with_rules_on_their_pages_are_read_only_in_the_admin(label, client, bureau):
    model = apps.get_model(label)
    obj = model._default_manager.order_by("pk").first()
    before = model._default_manager.filter(pk=obj.pk).values().get()
    page = client.get(_url(model, "change", obj.pk))
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert client.post(_url(model, "change", obj.pk), {}).status_code == 403
    assert client.get(_url(model, "add")).status_code == 403
    assert client.post(_url(model, "delete", obj.pk), {"post": "yes"}).status_code == 403
    assert model._default_manager.filter(pk=obj.pk).values().get() == before
