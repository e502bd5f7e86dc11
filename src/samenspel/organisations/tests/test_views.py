"""Pages of the network through Django's client, with real roles."""

import csv
import io
import json

from openpyxl import load_workbook

from samenspel.accounts.constants import RoleKind
from samenspel.organisations.models import Organisation


def test_pages_need_sign_in(client, vdg_structure):
    for url in [
        "/organisaties/",
        "/organisaties/assen/",
        "/overlegorganen/pho-gw/",
        "/structuur/toets/",
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/inloggen/" in response["Location"], url


def test_reader_sees_organisation_body_person_and_check(client, reader_user, vdg_demo):
    client.force_login(reader_user)
    page = client.get("/organisaties/assen/").content.decode()
    assert "GM0106" in page and "69.691" in page and "Accounthouder" in page
    body = client.get("/overlegorganen/pho-gw/").content.decode()
    assert "Voorzitter" in body and "(demo)" in body
    assert "Bezetten" not in body  # readers get no edit links
    check = client.get("/structuur/toets/?datum=2024-06-01").content.decode()
    assert "1 regel voldoet niet" in check
    person = Organisation.objects.get(slug="vdg").people.get(slug="martin-nanninga")
    assert client.get(person.get_absolute_url()).status_code == 200


def test_only_the_bureau_edits(client, make_user, vdg_structure):
    edit = "/organisaties/assen/bewerken/"
    for role, scope in [
        (RoleKind.READER, {}),
        (RoleKind.ACCOUNT_HOLDER, {"organisation": Organisation.objects.get(slug="assen")}),
    ]:
        client.force_login(make_user(role, **scope))
        assert client.get(edit).status_code == 403
        assert client.post(edit, {"name": "X"}).status_code == 403
    assert Organisation.objects.get(slug="assen").name == "Gemeente Assen"


def test_bureau_edits_and_a_stale_form_gets_a_conflict(client, bureau_user, vdg_structure):
    client.force_login(bureau_user)
    org = Organisation.objects.get(slug="assen")
    data = {
        "name": "Gemeente Assen",
        "short_name": "Assen",
        "kind": "municipality",
        "description": "Hoofdstad",
        "version": org.version,
    }
    assert client.post("/organisaties/assen/bewerken/", data).status_code == 302
    org.refresh_from_db()
    assert org.description == "Hoofdstad"
    assert org.history.first().history_user == bureau_user
    stale = {**data, "description": "Oude versie"}  # still the old version number
    response = client.post("/organisaties/assen/bewerken/", stale, follow=True)
    assert "Iemand anders heeft dit intussen gewijzigd" in response.content.decode()
    org.refresh_from_db()
    assert org.description == "Hoofdstad"


def test_the_second_saver_keeps_their_text_sees_the_saved_one_and_can_merge(
    client, bureau_user, vdg_structure
):
    client.force_login(bureau_user)
    org = Organisation.objects.get(slug="assen")
    opened = org.version
    data = {
        "name": "Gemeente Assen",
        "short_name": "Assen",
        "kind": "municipality",
        "description": "Eerste editor",
        "version": opened,
    }
    assert client.post("/organisaties/assen/bewerken/", data).status_code == 302
    mine = {**data, "description": "Een lange tekst van de tweede editor", "version": opened}
    response = client.post("/organisaties/assen/bewerken/", mine)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Een lange tekst van de tweede editor" in page  # typed text kept in the form
    assert response.context["conflict"] == [("Omschrijving", "Eerste editor")]
    form = response.context["form"]
    assert form.data["version"] == str(opened + 1)  # now against the saved version
    org.refresh_from_db()
    assert org.description == "Eerste editor"  # nothing overwritten
    merged = {**mine, "description": "Eerste editor. Aangevuld.", "version": opened + 1}
    assert client.post("/organisaties/assen/bewerken/", merged).status_code == 302
    org.refresh_from_db()
    assert org.description == "Eerste editor. Aangevuld."


def test_bad_input_is_named(client, bureau_user, vdg_structure):
    client.force_login(bureau_user)
    response = client.post(
        "/organisaties/assen/inwoners/toevoegen/",
        {"reference_date": "2024-01-01", "count": "0", "source": "CBS"},
    )
    assert response.status_code == 200
    assert "count" in response.context["form"].errors
    response = client.post(
        "/organisaties/assen/inwoners/toevoegen/",
        {"reference_date": "2024-01-01", "count": "70000", "source": "CBS"},
    )
    assert "Er is al een inwonertal op deze peildatum" in response.content.decode()
    assert Organisation.objects.get(slug="assen").inhabitant_counts.get().count == 69691


def test_organisation_table_as_csv_and_xlsx_with_the_screen_columns(
    client, reader_user, vdg_structure
):
    client.force_login(reader_user)
    response = client.get("/organisaties/?soort=municipality&format=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Naam", "Soort", "Lid", "Codes", "Zetels"]
    assert len(rows) == 13
    response = client.get("/organisaties/?format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]] == ["Naam", "Soort", "Lid", "Codes", "Zetels"]
    assert sheet.max_row == Organisation.objects.count() + 1


def test_list_queries_do_not_grow_with_rows(
    client, reader_user, vdg_structure, django_assert_max_num_queries
):
    client.force_login(reader_user)
    with django_assert_max_num_queries(12):
        client.get("/organisaties/")


def test_popolo_export_has_the_structure_popolo_prescribes(vdg_demo, tmp_path):
    from django.core.management import call_command

    out = tmp_path / "popolo.json"
    call_command("exportpopolo", "-o", str(out))
    data = json.loads(out.read_text())
    ids = {o["id"] for o in data["organizations"]}
    people = {p["id"] for p in data["persons"]}
    posts = {p["id"] for p in data["posts"]}
    assert "organisatie/assen" in ids and "overlegorgaan/pho-gw" in ids
    for post in data["posts"]:
        assert post["organization_id"] in ids and post["role"]
    for membership in data["memberships"]:
        assert {"id", "person_id", "organization_id", "post_id", "role", "start_date"} <= set(
            membership
        )
        assert membership["person_id"] in people
        assert membership["organization_id"] in ids
        assert membership["post_id"] in posts
        assert membership.get("on_behalf_of_id", "organisatie/vdg") in ids


def test_bureau_adds_and_edits_a_person_and_seats_them(client, bureau_user, vdg_structure):
    from samenspel.organisations.models import Body, Membership, Person

    client.force_login(bureau_user)
    assen = Organisation.objects.get(slug="assen")
    response = client.post(
        "/personen/nieuw/",
        {
            "name": "Petra de Vries",
            "organisation": assen.pk,
            "function": "official",
            "function_title": "accounthouder",
            "email": "",
        },
    )
    person = Person.objects.get(name="Petra de Vries")
    assert response["Location"] == person.get_absolute_url()
    response = client.post(
        f"/personen/{person.slug}/bewerken/",
        {
            "name": "Petra de Vries",
            "organisation": assen.pk,
            "function": "official",
            "function_title": "directiesecretaris",
            "email": "p@assen.example",
            "version": person.version,
        },
    )
    person.refresh_from_db()
    assert person.function_title == "directiesecretaris"
    post = Body.objects.get(slug="accounthoudersoverleg").posts.get(organisation=assen)
    client.post(f"/zetels/{post.pk}/bezetten/", {"person": person.pk, "start_date": "2024-01-01"})
    assert Membership.objects.get(post=post).person == person
    page = client.get("/organisaties/assen/?datum=2024-06-01").content.decode()
    assert "Petra de Vries" in page


def test_bureau_links_a_vng_committee_and_adds_a_seat(client, bureau_user, vdg_structure):
    from samenspel.organisations.models import Body, Portfolio

    client.force_login(bureau_user)
    committee = Body.objects.get(slug="vng-bv")
    sport = Portfolio.objects.get(slug="sport")
    client.post(
        f"/overlegorganen/{committee.slug}/bewerken/",
        {
            "name": committee.name,
            "short_name": "",
            "description": committee.description,
            "link_status": "linked",
            "linked_portfolios": [sport.pk],
            "version": committee.version,
        },
    )
    committee.refresh_from_db()
    assert committee.link_status == "linked"
    assert list(committee.linked_portfolios.all()) == [sport]
    client.post(
        f"/overlegorganen/{committee.slug}/zetels/toevoegen/",
        {"role": "member", "organisation": Organisation.objects.get(slug="emmen").pk, "label": ""},
    )
    assert committee.posts.filter(role="member", organisation__slug="emmen").exists()
    response = client.post(
        f"/overlegorganen/{committee.slug}/zetels/toevoegen/",
        {"role": "member", "organisation": Organisation.objects.get(slug="emmen").pk, "label": ""},
    )
    assert "Deze zetel bestaat al" in response.content.decode()


def test_detail_tables_export_too(client, reader_user, vdg_demo):
    client.force_login(reader_user)
    csv_text = client.get("/organisaties/assen/?tabel=inwoners&format=csv").content.decode(
        "utf-8-sig"
    )
    assert csv_text.splitlines()[0] == "Peildatum;Inwoners;Bron;Toelichting"
    assert "2024-01-01;69691" in csv_text
    seats = client.get("/organisaties/assen/?format=csv").content.decode("utf-8-sig")
    assert seats.splitlines()[0] == "Overlegorgaan;Rol;Omschrijving;Wie"
    person = client.get("/personen/martin-nanninga/?format=csv").content.decode("utf-8-sig")
    assert "VDG-bureau" in person
