"""Every change to domain data is recorded: who, when, before and after."""

from django.template import Context, Template

from samenspel.organisations.models import Organisation
from samenspel.organisations.tests.factories import OrganisationFactory


def test_a_change_through_the_admin_records_user_time_and_values(client, bureau_user):
    org = OrganisationFactory(name="Gemeente Oud", kind="municipality")
    client.force_login(bureau_user)
    url = f"/beheer/organisations/organisation/{org.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        {
            "name": "Gemeente Nieuw",
            "identifiers-TOTAL_FORMS": 0,
            "identifiers-INITIAL_FORMS": 0,
            "inhabitant_counts-TOTAL_FORMS": 0,
            "inhabitant_counts-INITIAL_FORMS": 0,
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    latest, earlier = org.history.order_by("-history_date")[:2]
    assert latest.history_user == bureau_user
    assert latest.history_date is not None
    change = latest.diff_against(earlier).changes
    assert [(c.field, c.old, c.new) for c in change] == [("name", "Gemeente Oud", "Gemeente Nieuw")]


def test_history_panel_shows_who_and_before_after(bureau_user):
    org = OrganisationFactory(name="Voor")
    org.name = "Na"
    org._history_user = bureau_user
    org.save()
    html = Template("{% load samenspel %}{% history_panel org %}").render(Context({"org": org}))
    assert "Voor" in html and "Na" in html
    assert str(bureau_user) in html
    assert "gewijzigd" in html


def test_deleting_is_recorded_too(db):
    org = OrganisationFactory(name="Weg")
    pk = org.pk
    org.delete()
    assert Organisation.history.filter(id=pk, history_type="-").exists()


def test_history_panel_shows_choice_labels_and_related_names(bureau_user):
    org = OrganisationFactory(name="Gemeente Soort", kind="partner")
    org.kind = "municipality"
    org._history_user = bureau_user
    org.save()
    html = Template("{% load samenspel %}{% history_panel org %}").render(Context({"org": org}))
    assert "Partner" in html and "Gemeente" in html
    assert "municipality" not in html
