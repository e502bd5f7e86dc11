"""The staff section of the VDG agenda: Tables 2.1 and 2.2 load exactly as printed."""

import copy
from decimal import Decimal

import pytest

from samenspel.agenda import agenda_file
from samenspel.agenda.agenda_file import AgendaFileError
from samenspel.agenda.loader import agenda_file_load
from samenspel.agenda.models import Agenda
from samenspel.capacity import selectors
from samenspel.capacity.models import (
    ExternalHire,
    StaffArrangement,
    StaffCommitment,
    TemporaryCommitment,
)

# Table 2.2 of annex 1, total per municipality (Voorzitter + Accounth. + VNG-cies + Staf).
TABLE_2_2_TOTALS = {
    "aa-en-hunze": 160,
    "assen": 535,
    "borger-odoorn": 300,
    "coevorden": 155,
    "de-wolden": 160,
    "emmen": 163,
    "hoogeveen": 113,
    "meppel": 175,
    "midden-drenthe": 43,
    "noordenveld": 68,
    "tynaarlo": 68,
    "westerveld": 93,
}


def _expected(table: dict) -> tuple[dict[str, int], dict[str, int]]:
    """Totals per member and per column label, summed from the YAML rows."""
    labels = [c["label"] for c in table["columns"]]
    per_member = {slug: sum(v or 0 for v in row) for slug, row in table["rows"].items()}
    per_column = {
        label: sum((row[i] or 0) for row in table["rows"].values())
        for i, label in enumerate(labels)
    }
    return per_member, per_column


def test_table_2_1_matches_the_document_in_every_year_of_the_agenda(vdg_agenda, staff_yaml):
    for year in range(2023, 2028):
        _check_table_2_1(selectors.portfolio_hours_table(agenda=vdg_agenda, year=year), staff_yaml)


def _check_table_2_1(table, staff_yaml):
    per_member, per_column = _expected(staff_yaml["table_2_1"])
    assert [c.label for c in table.columns] == [
        "G&W", "EKM", "R&W", "Ond.", "Cul.", "Sport", "PSI", "EZ", "Fin.",
    ]  # fmt: skip
    assert {r.organisation.slug: r.total for r in table.rows} == per_member
    assert set(per_member.values()) == {840} and len(per_member) == 12
    assert table.row("assen").cells == [110, 110, 90, 90, 100, 110, 80, 90, 60]
    assert dict(zip([c.label for c in table.columns], table.column_totals, strict=True)) == (
        per_column
    )
    assert table.column_total("G&W") == 1320
    assert table.column_total("Fin.") == 720
    assert table.total == 12 * 840 == 10080


def test_table_2_2_matches_the_document(vdg_agenda, staff_yaml):
    table = selectors.role_hours_table(agenda=vdg_agenda, year=2024)
    per_member, per_column = _expected(staff_yaml["table_2_2"])
    assert [c.label for c in table.columns] == ["Voorzitter", "Accounth.", "VNG-cies", "Staf"]
    assert {r.organisation.slug: r.total for r in table.rows} == per_member == TABLE_2_2_TOTALS
    assert dict(zip([c.label for c in table.columns], table.column_totals, strict=True)) == (
        per_column
    )
    assert per_column == {"Voorzitter": 758, "Accounth.": 480, "VNG-cies": 375, "Staf": 420}
    assert table.total == 2033
    # Empty cells on paper are no commitment, not zero.
    assert table.row("aa-en-hunze").cells == [120, 40, None, None]
    assert not StaffCommitment.objects.filter(
        organisation__slug="aa-en-hunze", kind="vng_committee_support"
    ).exists()


def test_member_totals_add_both_tables(vdg_agenda):
    totals = {t.organisation.slug: t for t in selectors.member_totals(agenda=vdg_agenda, year=2024)}
    assert totals["assen"].portfolios == 840
    assert totals["assen"].roles == 535
    assert totals["assen"].total == 1375
    assert sum(t.total for t in totals.values()) == 10080 + 2033


def test_commitments_hold_from_the_first_year_of_the_agenda(vdg_agenda):
    commitment = StaffCommitment.objects.get(organisation__slug="emmen", label="VNG-cies")
    assert (commitment.year_from, commitment.year_to) == (2023, None)
    assert commitment.hours_per_year == 100
    assert commitment.source == "Tabel 2.2"
    assert StaffCommitment.objects.filter(source="Tabel 2.1").count() == 12 * 9
    assert StaffCommitment.objects.filter(source="Tabel 2.2").count() == 37
    ond = StaffCommitment.objects.get(organisation__slug="meppel", label="Ond.")
    assert (ond.portfolio.slug, ond.area) == ("onderwijs-en-cultuur", "Onderwijs")
    assert selectors.portfolio_hours_table(agenda=vdg_agenda, year=2022).total == 0


def test_staff_expertise_temporary_commitments_and_external_hires(vdg_agenda):
    arrangements = list(StaffArrangement.objects.order_by("order"))
    assert [a.subject for a in arrangements] == ["finance", "hr", "legal", "communication"]
    hr = arrangements[1]
    assert {o.slug for o in hr.providers.all()} == {"de-wolden", "hoogeveen"}
    assert hr.provider_name == "Samenwerkingsorganisatie De Wolden-Hoogeveen"
    communication = arrangements[3]
    assert (communication.hours, communication.per) == (8, "week")
    assert communication.compensated_by_all_members
    assert "financieel" in communication.compensation_text
    assert not any(a.compensated_by_all_members for a in arrangements[:3])

    hire = ExternalHire.objects.get(slug="regiocoordinator-drents-zorglandschap")
    assert hire.amount == Decimal("103005.00")
    assert hire.hours == 765
    assert hire.funded_by.count() == 14
    assert hire.period_text == "2023"
    spuk = ExternalHire.objects.get(slug="programmamanager-integraal-zorgakkoord-drenthe")
    assert (spuk.hours, spuk.hours_per, spuk.amount) == (24, "week", None)
    assert ExternalHire.objects.get(slug="ambtelijk-voorzitter-gezondheid-en-welzijn").provided_by
    assert ExternalHire.objects.count() == 4

    temporary = TemporaryCommitment.objects.get()
    assert temporary.portfolio.slug == "gezondheid-en-welzijn"
    assert (temporary.period_text, temporary.intended_extension) == ("2022 en 2023", "2024 en 2025")


def test_loading_twice_changes_nothing(vdg_agenda):
    models = [StaffCommitment, StaffArrangement, ExternalHire, TemporaryCommitment]
    before = [m.history.count() for m in models]
    counts = agenda_file_load(agenda_file.read("vdg-2023-2027"))
    assert not counts.changed, (counts.created, counts.updated)
    assert [m.history.count() for m in models] == before


def test_a_changed_file_updates_and_removes_commitments(vdg_agenda):
    changed = agenda_file.read("vdg-2023-2027")
    changed.data = copy.deepcopy(changed.data)
    rows = changed.data["staff"]["table_2_2"]["rows"]
    rows["assen"][2] = None  # Assen no longer supports a VNG committee member
    rows["emmen"][0] = 110  # Emmen chairs a portfolio
    changed.data["staff"]["external_hires"].pop()
    counts = agenda_file_load(changed)
    assert counts.changed
    table = selectors.role_hours_table(agenda=vdg_agenda, year=2024)
    assert table.row("assen").cells == [110, 40, None, 360]
    assert table.row("emmen").cells[0] == 110
    assert ExternalHire.objects.count() == 3


def test_a_bad_reference_in_the_staff_section_writes_nothing(db):
    broken = agenda_file.read("vdg-2023-2027")
    broken.data = copy.deepcopy(broken.data)
    broken.data["staff"]["table_2_1"]["rows"]["atlantis"] = [1] * 9
    broken.data["staff"]["table_2_2"]["rows"]["assen"] = [1, 2]
    with pytest.raises(AgendaFileError) as error:
        agenda_file_load(broken)
    message = str(error.value)
    assert "onbekende organisatie 'atlantis'" in message
    assert "/staff/table_2_2/rows/assen" in message
    assert not Agenda.objects.exists()
    assert not StaffCommitment.objects.exists()
