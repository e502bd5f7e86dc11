"""The evaluation round: who may judge, revisions kept, progress, and the report as of a date."""

import datetime as dt

import pytest
from django.urls import reverse

from samenspel.agenda.constants import ThemeKind
from samenspel.agenda.tests.factories import AgendaFactory, AgreementFactory, ThemeFactory
from samenspel.organisations.associations import association_default
from samenspel.organisations.tests.factories import PortfolioFactory
from samenspel.reports.models import Judgement
from samenspel.reports.registry import report_build
from samenspel.reports.selectors import round_progress
from samenspel.reports.services import evaluation_round_create, judgement_record
from samenspel.reports.snapshots import cutoff


@pytest.fixture
def setting(db):
    portfolio, other = PortfolioFactory(), PortfolioFactory()
    mine = AgreementFactory(portfolio=portfolio)
    theirs = AgreementFactory(portfolio=other, agenda=mine.agenda)
    theme = ThemeFactory(agenda=mine.agenda, kind=ThemeKind.PRIORITY)
    theme.portfolios.add(portfolio)
    evaluation_round = evaluation_round_create(
        agenda=mine.agenda,
        name="Evaluatie 2025",
        starts_on=dt.date(2025, 7, 1),
        ends_on=dt.date(2025, 12, 31),
    )
    return evaluation_round, portfolio, mine, theirs, theme


def judgement_url(evaluation_round, kind, pk):
    return reverse("reports:judgement", args=[evaluation_round.pk, kind, pk])


def test_chairs_judge_their_own_portfolio_and_the_bureau_all(client, make_user, setting):
    evaluation_round, portfolio, mine, theirs, theme = setting
    chair = make_user("portfolio_chair", portfolio=portfolio)
    data = {"verdict": "partly", "explanation": "Half af.", "lessons": "Eerder beginnen."}
    client.force_login(chair)
    assert (
        client.post(judgement_url(evaluation_round, "afspraak", mine.pk), data).status_code == 302
    )
    assert client.post(judgement_url(evaluation_round, "thema", theme.pk), data).status_code == 302
    assert (
        client.post(judgement_url(evaluation_round, "afspraak", theirs.pk), data).status_code == 403
    )
    client.force_login(make_user("core_group_member", portfolio=portfolio))
    assert client.get(judgement_url(evaluation_round, "afspraak", mine.pk)).status_code == 403
    client.force_login(make_user("bureau"))
    assert (
        client.post(judgement_url(evaluation_round, "afspraak", theirs.pk), data).status_code == 302
    )
    judgement = Judgement.objects.get(agreement=mine)
    assert (judgement.verdict, judgement.judged_by) == ("partly", chair)


def test_a_revised_judgement_keeps_its_history(setting, bureau_user):
    evaluation_round, _portfolio, mine, *_ = setting
    judgement_record(
        evaluation_round=evaluation_round, agreement=mine, verdict="partly", explanation="Half."
    )
    judgement_record(
        evaluation_round=evaluation_round,
        agreement=mine,
        verdict="achieved",
        explanation="Af.",
        user=bureau_user,
    )
    judgement = Judgement.objects.get()
    assert judgement.verdict == "achieved"
    assert [h.verdict for h in judgement.history.order_by("history_date")] == [
        "partly",
        "achieved",
    ]


def test_progress_and_the_report_count_what_was_judged_by_the_date(client, setting, reader_user):
    evaluation_round, portfolio, mine, _theirs, theme = setting
    judgement_record(
        evaluation_round=evaluation_round,
        agreement=mine,
        verdict="achieved",
        explanation="Af.",
        lessons="Klein beginnen.",
        judged_on=dt.date(2025, 9, 1),
    )
    judgement_record(
        evaluation_round=evaluation_round,
        theme=theme,
        verdict="partly",
        explanation="Deels.",
        judged_on=dt.date(2025, 11, 1),
    )
    rows = {r.slug: r for r in round_progress(evaluation_round, as_of=dt.date(2025, 12, 31))}
    assert (rows[portfolio.slug].judged, rows[portfolio.slug].total) == (2, 2)
    report = report_build(
        association=association_default(), kind="evaluatie", as_of=dt.date(2025, 10, 1)
    )
    assert report.figures["judged"] == 1
    assert report.figures["verdicts"]["achieved"] == 1
    later = report_build(
        association=association_default(), kind="evaluatie", as_of=dt.date(2025, 12, 31)
    )
    assert later.figures["judged"] == 2
    assert later.figures["portfolios"][portfolio.slug] == {"judged": 2, "total": 2}
    client.force_login(reader_user)
    page = client.get(reverse("reports:evaluation", args=[evaluation_round.pk]))
    assert "2 van 3 afspraken en thema" in page.text
    handover = report_build(
        association=association_default(),
        kind="overdracht",
        as_of=dt.date(2025, 12, 31),
        portfolio=portfolio,
    )
    lessons = next(s for s in handover.sections if s.heading == "Lessen uit de evaluatie")
    assert lessons.blocks[1].items == ["Klein beginnen."]


def test_no_round_yet_is_said_plainly(client, bureau_user, db):
    AgreementFactory()
    client.force_login(bureau_user)
    page = client.get(reverse("reports:evaluation_index"))
    assert "Evaluatieronde starten" in page.text
    response = client.post(
        reverse("reports:evaluation_index"),
        {"name": "Evaluatie 2025", "starts_on": "2025-07-01", "ends_on": "2025-12-31"},
    )
    assert response.status_code == 302
    assert client.get("/rapportages/evaluatieronde/").status_code == 302
    report_page = client.get("/rapportages/evaluatie/?peildatum=2025-12-31")
    assert "Evaluatie 2025" in report_page.text


def test_a_judgement_revised_after_the_date_leaves_the_report_unchanged(setting):
    evaluation_round, _portfolio, mine, *_ = setting
    judgement = judgement_record(
        evaluation_round=evaluation_round,
        agreement=mine,
        verdict="partly",
        explanation="Half.",
        judged_on=dt.date(2025, 9, 1),
    )
    # Recorded on 1 September 2025 (as on a live system), revised today.
    judgement.history.update(history_date=cutoff(dt.date(2025, 9, 1)) - dt.timedelta(hours=1))
    judgement_record(
        evaluation_round=evaluation_round, agreement=mine, verdict="achieved", explanation="Af."
    )
    before = report_build(
        association=association_default(), kind="evaluatie", as_of=dt.date(2025, 10, 1)
    )
    assert before.figures["verdicts"] == {
        "achieved": 0,
        "partly": 1,
        "not_achieved": 0,
        "not_relevant": 0,
    }


def test_a_stale_judgement_form_gets_a_conflict_not_an_overwrite(client, setting, bureau_user):
    evaluation_round, _portfolio, mine, *_ = setting
    client.force_login(bureau_user)
    url = judgement_url(evaluation_round, "afspraak", mine.pk)
    opened = client.get(url).context["form"].initial["seen"]
    judgement_record(
        evaluation_round=evaluation_round, agreement=mine, verdict="achieved", explanation="Af."
    )
    data = {"verdict": "partly", "explanation": "Half.", "seen": opened}
    response = client.post(url, data, follow=True)
    assert "Iemand anders heeft dit oordeel intussen gewijzigd" in response.content.decode()
    assert Judgement.objects.get(agreement=mine).verdict == "achieved"


def test_only_the_rounds_own_agreements_can_be_judged(client, setting, bureau_user):
    evaluation_round, *_ = setting
    stranger = AgreementFactory(agenda=AgendaFactory(slug="andere-agenda"))
    client.force_login(bureau_user)
    url = judgement_url(evaluation_round, "afspraak", stranger.pk)
    assert client.get(url).status_code == 404
