"""Loading the national register from CSV: new, again (nothing), updates, every refusal."""

import datetime as dt
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from samenspel.organisations.associations import association_default
from samenspel.organisations.constants import OrganisationKind
from samenspel.organisations.models import Identifier, InhabitantCount, Organisation
from samenspel.organisations.register import (
    RegisterImportError,
    register_check,
    register_import,
)
from samenspel.organisations.register_file import register_rows_read
from samenspel.organisations.selectors import is_member
from samenspel.organisations.tests.factories import OrganisationFactory

HEADER = "slug;name;short_name;kind;cbs;tooi;inhabitants;reference_date;source"
ASSEN = "assen;Gemeente Assen;Assen;municipality;GM0106;gm0106;69.691;2024-01-01;CBS 03759ned"
EMMEN = "emmen;Gemeente Emmen;Emmen;Gemeente;GM0114;gm0114;109 361;01-01-2024;CBS 03759ned"
DRENTHE = "provincie-drenthe;Provincie Drenthe;Drenthe;province;PV22;pv22;;;"


def write(tmp_path: Path, *lines: str, name: str = "register.csv", bom: bool = False) -> Path:
    path = tmp_path / name
    path.write_text(("\ufeff" if bom else "") + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def load(path: Path, *, dry_run: bool = False):
    rows, problems = register_rows_read(path)
    assert problems == []
    return register_import(rows, dry_run=dry_run)


def problems_of(path: Path) -> list[str]:
    rows, problems = register_rows_read(path)
    return [str(p) for p in problems + register_check(rows)]


def history_rows() -> tuple[int, int, int]:
    return (
        Organisation.history.count(),
        Identifier.history.count(),
        InhabitantCount.history.count(),
    )


def test_a_new_import_creates_organisations_identifiers_and_counts(db, tmp_path):
    counts = load(write(tmp_path, HEADER, ASSEN, EMMEN, DRENTHE))

    assert (counts.organisations.created, counts.identifiers.created) == (3, 6)
    assert counts.inhabitant_counts.created == 2
    assen = Organisation.objects.get(slug="assen")
    assert (assen.name, assen.short_name, assen.kind) == (
        "Gemeente Assen",
        "Assen",
        OrganisationKind.MUNICIPALITY,
    )
    assert not is_member(assen, association_default())
    assert {(i.scheme, i.value) for i in assen.identifiers.all()} == {
        ("cbs", "GM0106"),
        ("tooi", "gm0106"),
    }
    emmen = InhabitantCount.objects.get(organisation__slug="emmen")
    assert (emmen.count, emmen.reference_date, emmen.source) == (
        109361,
        dt.date(2024, 1, 1),
        "CBS 03759ned",
    )
    assert not InhabitantCount.objects.filter(organisation__slug="provincie-drenthe").exists()


def test_a_second_import_changes_nothing(db, tmp_path):
    path = write(tmp_path, HEADER, ASSEN, EMMEN, DRENTHE)
    load(path)
    before = history_rows()

    counts = load(path)

    assert not counts.changed
    assert counts.organisations.unchanged == 3
    assert counts.inhabitant_counts.unchanged == 2
    assert history_rows() == before


def test_a_changed_count_is_an_update_and_leaves_membership_alone(db, tmp_path):
    assen = OrganisationFactory(slug="gemeente-assen", name="Assen", municipality=True)
    Identifier.objects.create(organisation=assen, scheme="cbs", value="GM0106")
    InhabitantCount.objects.create(
        organisation=assen, reference_date=dt.date(2024, 1, 1), count=69000, source="oud"
    )
    before = InhabitantCount.history.count()

    # Found by its CBS code although the slug differs; the slug stays as it was.
    counts = load(write(tmp_path, HEADER, ASSEN))

    assert (counts.organisations.updated, counts.inhabitant_counts.updated) == (1, 1)
    assert counts.identifiers.created == 1  # the TOOI code was missing
    assen.refresh_from_db()
    assert (assen.slug, assen.name, assen.short_name, is_member(assen, association_default())) == (
        "gemeente-assen",
        "Gemeente Assen",
        "Assen",
        True,
    )
    figure = assen.inhabitant_counts.get()
    assert (figure.count, figure.source) == (69691, "CBS 03759ned")
    assert InhabitantCount.history.count() == before + 1


def test_found_by_tooi_then_by_slug(db, tmp_path):
    by_tooi = OrganisationFactory(slug="ergens", kind=OrganisationKind.WATER_BOARD)
    Identifier.objects.create(organisation=by_tooi, scheme="tooi", value="ws0646")
    by_slug = OrganisationFactory(slug="vng", kind=OrganisationKind.VNG)
    path = write(
        tmp_path,
        "slug,name,kind,tooi",
        ",Waterschap Hunze en Aa's,waterschap,ws0646",
        "vng,Vereniging van Nederlandse Gemeenten,VNG,",
    )

    counts = load(path)

    assert counts.organisations.created == 0
    assert Organisation.objects.get(pk=by_tooi.pk).name == "Waterschap Hunze en Aa's"
    assert Organisation.objects.get(pk=by_slug.pk).name == "Vereniging van Nederlandse Gemeenten"


@pytest.mark.parametrize("delimiter", [";", ","])
def test_semicolon_and_comma_files(db, tmp_path, delimiter):
    path = write(
        tmp_path,
        delimiter.join(["name", "kind", "cbs", "inhabitants", "reference_date", "source"]),
        delimiter.join(["Gemeente Assen", "municipality", "GM0106", "69691", "2024-01-01", "CBS"]),
        delimiter.join(["Gemeente Emmen", "municipality", "GM0114", "109361", "2024-01-01", "CBS"]),
    )

    counts = load(path)

    assert counts.organisations.created == 2
    assert Organisation.objects.get(slug="gemeente-emmen").identifiers.get().value == "GM0114"
    assert InhabitantCount.objects.get(organisation__slug="gemeente-assen").count == 69691


def test_a_file_with_a_byte_order_mark(db, tmp_path):
    load(write(tmp_path, HEADER, ASSEN, bom=True))

    assert Organisation.objects.filter(slug="assen").exists()


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Gemeente", OrganisationKind.MUNICIPALITY),
        ("gemeente", OrganisationKind.MUNICIPALITY),
        ("WATERSCHAP", OrganisationKind.WATER_BOARD),
        ("Samenwerkingsverband", OrganisationKind.NETWORK),
        ("national_government", OrganisationKind.NATIONAL_GOVERNMENT),
    ],
)
def test_dutch_kind_labels_are_accepted(db, tmp_path, label, kind):
    load(write(tmp_path, "name;kind", f"Iets;{label}"))

    assert Organisation.objects.get(slug="iets").kind == kind


def test_two_bad_rows_write_nothing_and_name_both_lines(db, tmp_path):
    path = write(
        tmp_path,
        HEADER,
        ASSEN,
        "westerveld;Gemeente Westerveld;;gemeentje;GM1701;;;;",
        EMMEN,
        "tynaarlo;Gemeente Tynaarlo;;municipality;GM1730;;veel;2024-01-01;",
    )
    before = history_rows()

    problems = problems_of(path)

    assert problems[0].startswith("regel 3, kolom kind: 'gemeentje' is geen soort; kies uit: ")
    assert "municipality (Gemeente)" in problems[0]
    assert problems[1:] == [
        "regel 5, kolom inhabitants: 'veel' is geen geheel aantal inwoners",
        "regel 5, kolom source: de bron ontbreekt bij een inwonertal",
    ]
    with pytest.raises(CommandError) as error:
        call_command("importorganisations", str(path), stdout=StringIO())
    assert "3 problemen, er is niets opgeslagen" in str(error.value)
    assert "regel 3, kolom kind" in str(error.value)
    assert "regel 5, kolom inhabitants" in str(error.value)
    assert Organisation.objects.count() == 0
    assert history_rows() == before


def test_duplicate_cbs_code_and_slug_in_the_file(db, tmp_path):
    path = write(
        tmp_path,
        HEADER,
        ASSEN,
        "assen-2;Gemeente Assen (dubbel);;municipality;GM0106;;;;",
        "assen;Assen nogmaals;;municipality;;;;;",
    )

    assert problems_of(path) == [
        "regel 3, kolom cbs: 'GM0106' staat ook op regel 2",
        "regel 4, kolom slug: 'assen' staat ook op regel 2",
    ]


def test_cbs_code_of_another_organisation(db, tmp_path):
    assen = OrganisationFactory(slug="assen", municipality=True)
    Identifier.objects.create(organisation=assen, scheme="cbs", value="GM0106")
    OrganisationFactory(slug="emmen", municipality=True)
    path = write(tmp_path, "slug;name;kind;cbs", "emmen;Gemeente Emmen;municipality;GM0106")

    assert problems_of(path) == [
        "regel 2, kolom slug: 'emmen' hoort bij emmen, de rest van de regel bij assen"
    ]
    rows, _problems = register_rows_read(path)
    with pytest.raises(RegisterImportError):
        register_import(rows)
    assert not Identifier.objects.filter(organisation__slug="emmen").exists()


def test_an_organisation_keeps_its_own_cbs_code(db, tmp_path):
    assen = OrganisationFactory(slug="assen", municipality=True)
    Identifier.objects.create(organisation=assen, scheme="cbs", value="GM0106")
    path = write(tmp_path, "slug;name;kind;cbs", "assen;Gemeente Assen;municipality;GM0107")

    assert problems_of(path) == ["regel 2, kolom cbs: assen heeft al CBS-code GM0106, niet GM0107"]


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ((), "regel 1: het bestand is leeg"),
        ((HEADER,), "regel 1: het bestand heeft geen regels onder de kopregel"),
        (
            ("slug;name;cbs", "assen;Assen;GM0106"),
            "regel 1, kolom kind: deze verplichte kolom ontbreekt",
        ),
        (
            ("name;kind;inwoners", "Assen;municipality;1"),
            "regel 1, kolom inwoners: onbekende kolom",
        ),
        (("name;kind", "Assen;municipality;extra"), "regel 2: 3 velden, de kopregel heeft er 2"),
        (
            ("name;kind;cbs", "Assen;municipality;0106"),
            "regel 2, kolom cbs: '0106' is geen CBS-code",
        ),
        (
            ("name;kind;inhabitants;source", "Assen;municipality;1;CBS"),
            "regel 2, kolom reference_date: de peildatum ontbreekt bij een inwonertal",
        ),
        (
            ("name;kind;inhabitants;reference_date;source", "Assen;municipality;1;2024-13-01;CBS"),
            "regel 2, kolom reference_date: '2024-13-01' is geen datum",
        ),
        (
            ("name;kind;inhabitants;reference_date;source", "Assen;municipality;1,5;2024-01-01;C"),
            "regel 2, kolom inhabitants: '1,5' is geen geheel aantal inwoners",
        ),
    ],
)
def test_each_refusal_is_named(db, tmp_path, lines, message):
    path = tmp_path / "register.csv"
    path.write_text("\n".join(lines), encoding="utf-8")

    problems = problems_of(path)

    assert len(problems) == 1
    assert problems[0].startswith(message)


def test_dry_run_writes_nothing(db, tmp_path):
    path = write(tmp_path, HEADER, ASSEN, EMMEN)

    counts = load(path, dry_run=True)

    assert counts.organisations.created == 2
    assert counts.inhabitant_counts.created == 2
    assert Organisation.objects.count() == 0
    assert history_rows() == (0, 0, 0)


def test_the_command_reports_in_dutch(db, tmp_path):
    path = write(tmp_path, HEADER, ASSEN, EMMEN, DRENTHE)

    out = StringIO()
    call_command("importorganisations", str(path), "--dry-run", stdout=out)
    assert out.getvalue().splitlines()[:2] == [
        "Proefdraaien, er is niets opgeslagen.",
        "3 organisaties: 3 nieuw, 0 gewijzigd, 0 ongewijzigd; "
        "6 identificaties: 6 nieuw, 0 gewijzigd, 0 ongewijzigd; "
        "2 inwonertallen: 2 nieuw, 0 gewijzigd, 0 ongewijzigd.",
    ]
    assert Organisation.objects.count() == 0

    out = StringIO()
    call_command("importorganisations", str(path), stdout=out)
    assert "3 organisaties: 3 nieuw" in out.getvalue()
    assert "Register geladen uit" in out.getvalue()

    out = StringIO()
    call_command("importorganisations", str(path), stdout=out)
    assert out.getvalue().splitlines() == [
        "3 organisaties: 0 nieuw, 0 gewijzigd, 3 ongewijzigd; "
        "6 identificaties: 0 nieuw, 0 gewijzigd, 6 ongewijzigd; "
        "2 inwonertallen: 0 nieuw, 0 gewijzigd, 2 ongewijzigd.",
        "Niets gewijzigd: het register stond er al zo in.",
    ]


def test_the_command_names_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError, match="niet gevonden"):
        call_command("importorganisations", str(tmp_path / "weg.csv"), stdout=StringIO())
