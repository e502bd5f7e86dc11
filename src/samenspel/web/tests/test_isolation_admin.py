"""The admin of one association never shows or changes another's records (issue 14,
docs/associations.md "The admin").

The guard: every registered admin is scoped to the request's association
(`core.admin_scoping.AssociationScopedAdmin`, with a path that reaches the association),
is of the national register, or is for superusers only; so is every inline, and every
relation of an owned model points at a national or a scoped model (its choices scoped).

The proof: association A is the VDG with its demo, association B the example association
with a marker text in its records (`test_isolation.association_b`, plus marked rows for
the admins it does not fill). The bureau of A, on A's host, opens every admin's list (and
searches it for the marker), its add page, the change, history and delete pages of one of
A's records and every autocomplete; no response shows B. B's records do not exist there:
not to open, change, delete or choose.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.contrib import admin
from django.contrib.admin.utils import get_fields_from_path
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse

from samenspel.accounts.constants import RoleKind
from samenspel.accounts.models import IdentityProvider, User
from samenspel.agenda.models import Agenda, Agreement, Challenge
from samenspel.capacity.models import (
    ExternalHire,
    StaffArrangement,
    StaffCommitment,
    TemporaryCommitment,
)
from samenspel.capacity.tests.factories import RealisedHoursFactory
from samenspel.core.admin_scoping import (
    AssociationScoped,
    AssociationScopedAdmin,
    AssociationScopedInline,
    NationalRegisterAdmin,
    scoping_of,
)
from samenspel.decisions.models import DocumentTemplate, Participant, Proposal
from samenspel.decisions.tests.factories import ExecutiveDecisionFactory
from samenspel.finance.models import (
    BudgetLine,
    BudgetYear,
    Project,
    ProjectYear,
    StatedFigure,
    SupplierPayment,
)
from samenspel.finance.tests.factories import ClaimFactory, FundSpendingFactory
from samenspel.meetings.models import (
    AgendaItem,
    Invitation,
    Meeting,
    MeetingCycle,
    Minutes,
    Outcome,
)
from samenspel.organisations.models import Association, Body, Organisation, Person, Portfolio
from samenspel.reports.models import EvaluationRound, Follow, GeneratedReport, Judgement
from samenspel.web.tests.test_admin_versions import _post_data
from samenspel.web.tests.test_isolation import MARKER, association_b

# The national register (and Django's own tables it points at): not owned, not scoped.
NATIONAL = {
    "organisations.Organisation",
    "organisations.Identifier",
    "organisations.InhabitantCount",
    "organisations.Person",
    "accounts.User",
    "auth.Permission",
}
# Rows of every association at once (logs, sign-in attempts, technical groups): their
# admins are for superusers only.
SUPERUSER_ONLY = {
    "reports.DigestItem",
    "auth.Group",
    "axes.AccessAttempt",
    "axes.AccessLog",
    "axes.AccessFailureLog",
    "django_tasks_database.DBTaskResult",
}
# The Association admin's inlines are its own hostnames and memberships: scoped through
# the association they hang off (the bureau sees only its own association).
ASSOCIATION_INLINES = {"organisations.AssociationHost", "organisations.AssociationMembership"}
EXAMPLE_HOST = "voorbeeld.localhost"
REGISTRY = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def _label(model) -> str:
    return model._meta.label


def _scoped_classes():
    """Every scoped admin and inline class, with its model."""
    for model, model_admin in REGISTRY:
        if isinstance(model_admin, AssociationScoped):
            yield model, type(model_admin)
        for inline in model_admin.inlines:
            if issubclass(inline, AssociationScoped):
                yield inline.model, inline


def _relations(model):
    return [
        field
        for field in model._meta.get_fields()
        if isinstance(field, (models.ForeignKey, models.ManyToManyField))
    ]


# --- the guard -------------------------------------------------------------------------


def test_every_admin_is_scoped_or_national_or_for_superusers_only():
    bureau = RequestFactory().get("/beheer/")
    bureau.user = SimpleNamespace(is_superuser=False, is_active=True)
    unscoped = []
    for model, model_admin in REGISTRY:
        label = _label(model)
        if label in NATIONAL:
            assert isinstance(model_admin, NationalRegisterAdmin), label
        elif label in SUPERUSER_ONLY:
            assert not model_admin.has_module_permission(bureau), label
            assert not model_admin.has_view_permission(bureau), label
        elif not isinstance(model_admin, AssociationScopedAdmin):
            unscoped.append(label)
    assert unscoped == [], (
        "An admin of owned data must be an AssociationScopedAdmin with its association_path "
        "(core/admin_scoping.py); a national register model goes in NATIONAL, a log of "
        "every association in SUPERUSER_ONLY."
    )


def test_every_inline_of_owned_rows_is_scoped():
    unscoped = [
        f"{_label(model)}: {inline.__name__}"
        for model, model_admin in REGISTRY
        for inline in model_admin.inlines
        if not issubclass(inline, AssociationScopedInline)
        and _label(inline.model) not in NATIONAL | ASSOCIATION_INLINES
    ]
    assert unscoped == []


def test_every_association_path_reaches_the_association():
    wrong = []
    for model, scoped in _scoped_classes():
        if scoped.association_path is None:
            # Only the association itself says how in code (organisations/admin.py).
            if model is not Association:
                wrong.append(f"{_label(model)}: no association_path")
            continue
        last = get_fields_from_path(model, scoped.association_path)[-1]
        if last.related_model is not Association or not isinstance(last, models.ForeignKey):
            wrong.append(f"{_label(model)}: {scoped.association_path}")
    assert wrong == []


def test_every_relation_of_owned_rows_has_scoped_choices():
    """A foreign key of an owned model offers only the association's rows: what it points
    at is national, the association, or has a scoped admin or inline that says how."""
    unscoped = sorted(
        {
            f"{_label(model)}.{field.name} -> {_label(field.related_model)}"
            for model, _scoped in _scoped_classes()
            for field in _relations(model)
            if _label(field.related_model) not in NATIONAL | SUPERUSER_ONLY
            and field.related_model is not Association
            and scoping_of(admin.site, field.related_model) is None
        }
    )
    assert unscoped == []


# --- the proof -------------------------------------------------------------------------


def _more_of_b(b: Association) -> None:
    """Marked rows of B for the admins `association_b` leaves empty."""
    agenda = Agenda.objects.get(association=b)
    body = Body.objects.filter(association=b).first()
    organisation = Organisation.objects.get(slug="ons-dorp")
    agreement = Agreement.objects.filter(agenda=agenda).first()
    proposal = Proposal.objects.filter(portfolio__association=b).first()
    project = Project.objects.get(association=b)
    day = dt.date(2024, 6, 1)
    meeting = Meeting.objects.filter(body__association=b).first()
    item = AgendaItem.objects.filter(body__association=b).first()
    MeetingCycle.objects.create(body=body, title=f"{MARKER} cyclus")
    Invitation.objects.create(
        meeting=meeting, person=Person.objects.get(slug="jan-voorbeeld"), source="guest"
    )
    Minutes.objects.get_or_create(meeting=meeting)
    Outcome.objects.create(item=item, body=item.body, kind="noted", text=f"{MARKER} besluit")
    ExecutiveDecisionFactory(
        participant=Participant.objects.filter(proposal=proposal).first(),
        reference=f"{MARKER} besluit",
    )
    BudgetYear.objects.create(agenda=agenda, year=2031)
    StatedFigure.objects.create(
        agenda=agenda, what="total_costs", amount=Decimal("1.00"), source=f"{MARKER} bron"
    )
    StaffArrangement.objects.create(
        agenda=agenda, slug="zqxb", subject="finance", text=f"{MARKER} inzet", hours=1, per="year"
    )
    Challenge.objects.create(agenda=agenda, slug="zqxb", number=99, name=f"{MARKER} opgave")
    BudgetLine.objects.create(agenda=agenda, slug="zqxb", name=f"{MARKER} post", kind="one_off")
    TemporaryCommitment.objects.create(agenda=agenda, text=f"{MARKER} inzet")
    ExternalHire.objects.create(agenda=agenda, slug="zqxb", title=f"{MARKER} inhuur")
    StaffCommitment.objects.create(
        agenda=agenda,
        organisation=organisation,
        kind="chair",
        label=f"{MARKER} voorzitter",
        hours_per_year=10,
        year_from=2024,
    )
    ProjectYear.objects.create(project=project, year=2024)
    IdentityProvider.objects.create(
        association=b,
        organisation=organisation,
        name=f"{MARKER} provider",
        issuer="https://login.example.org/b",
        client_id="b",
    )
    SupplierPayment.objects.create(
        project=project,
        supplier=f"{MARKER} leverancier",
        description=f"{MARKER} levering",
        amount=Decimal("1.00"),
        paid_on=day,
    )
    ClaimFactory(association=b, organisation=organisation, description=f"{MARKER} declaratie")
    FundSpendingFactory(association=b, reason=f"{MARKER} uitgave")
    RealisedHoursFactory(association=b, organisation=organisation)
    evaluation = EvaluationRound.objects.create(
        name=f"{MARKER} ronde", agenda=agenda, starts_on=day, ends_on=day
    )
    Judgement.objects.create(
        round=evaluation,
        agreement=agreement,
        verdict="achieved",
        explanation=f"{MARKER} oordeel",
        judged_on=day,
    )
    GeneratedReport.objects.create(
        association=b,
        kind="kwartaal",
        title=f"{MARKER} rapportage",
        as_of=day,
        format="pdf",
        file="rapportages/2024/zqxb.pdf",
    )
    DocumentTemplate.objects.create(
        association=b, name=f"{MARKER} sjabloon", file="sjablonen/zqxb.docx"
    )
    Follow.objects.create(
        association=b,
        user=User.objects.get(username="bureau"),
        target="proposal",
        object_id=proposal.pk,
    )


@pytest.fixture
def b(vdg_demo_data) -> Association:
    b = association_b()
    _more_of_b(b)
    return b


@pytest.fixture
def bureau(client, b):
    """The VDG's bureau (it has a bureau role in the example association too), on the
    VDG's host."""
    client.force_login(User.objects.get(username="bureau"))
    return client


def _url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def _rows_of(model, association: Association):
    """`model`'s rows of `association`, by the admin's own rule."""
    scoping = scoping_of(admin.site, model)
    rows = model._default_manager.order_by("pk")
    if scoping is None or not issubclass(scoping, AssociationScoped):
        return rows
    if model is Association:
        return rows.filter(pk=association.pk)
    return rows.filter(scoping.association_q(association))


def _shows_b(response) -> bool:
    return MARKER.encode() in response.content


def test_no_list_search_or_add_page_shows_b(bureau, b):
    a = Association.objects.get(slug="vdg")
    leaks, found = [], []
    for model, model_admin in REGISTRY:
        response = bureau.get(_url(model, "changelist"))
        if _label(model) in SUPERUSER_ONLY:
            assert response.status_code == 403, _label(model)
            continue
        assert response.status_code == 200, _label(model)
        if _shows_b(response):
            leaks.append(f"{_label(model)} list")
        if isinstance(model_admin, AssociationScoped):
            listed = response.context["cl"].queryset
            if listed.filter(pk__in=_rows_of(model, b).exclude(pk__in=_rows_of(model, a))):
                leaks.append(f"{_label(model)} lists B's rows")
        if model_admin.search_fields:  # the page repeats the term: count what it found
            response = bureau.get(_url(model, "changelist") + f"?q={MARKER}")
            found += [_label(model)] if response.context["cl"].result_count else []
        response = bureau.get(_url(model, "add"))
        assert response.status_code in (200, 403), _label(model)
        if _shows_b(response):
            leaks.append(f"{_label(model)} add")
    assert leaks == []
    assert found == []


def test_no_page_of_a_record_of_a_shows_b(bureau, b):
    a = Association.objects.get(slug="vdg")
    leaks = []
    for model, _model_admin in REGISTRY:
        if _label(model) in SUPERUSER_ONLY:
            continue
        record = _rows_of(model, a).first()
        if record is None:
            continue
        for view in ("change", "history", "delete"):
            response = bureau.get(_url(model, view, record.pk))
            assert response.status_code in (200, 403), f"{_label(model)} {view}"
            if _shows_b(response):
                leaks.append(f"{_label(model)} {view}")
    assert leaks == []


def _autocomplete_fields():
    """Every relation an autocomplete could be asked for: the fields of every admin's
    model and inline model that point at an admin with search fields."""
    seen = set()
    for model, model_admin in REGISTRY:
        for source in [model, *(inline.model for inline in model_admin.inlines)]:
            for field in _relations(source):
                target = admin.site._registry.get(field.related_model)
                if target is not None and target.search_fields:
                    seen.add((source._meta.app_label, source._meta.model_name, field.name))
    return sorted(seen)


def test_no_autocomplete_offers_b(bureau, b):
    asked, offered = 0, []
    for app_label, model_name, field_name in _autocomplete_fields():
        response = bureau.get(
            reverse("admin:autocomplete"),
            {
                "app_label": app_label,
                "model_name": model_name,
                "field_name": field_name,
                "term": MARKER,
            },
        )
        assert response.status_code in (200, 403), (model_name, field_name)
        if response.status_code == 200:
            asked += 1
            results = json.loads(response.content)["results"]
            if results or _shows_b(response):
                offered.append(f"{app_label}.{model_name}.{field_name}: {results}")
    assert asked > 10
    assert offered == []


def test_a_record_of_b_does_not_exist_on_a_host(bureau, b):
    checked, leaks = [], []
    for model, model_admin in REGISTRY:
        if not isinstance(model_admin, AssociationScoped):
            continue
        record = _rows_of(model, b).last()
        if record is None:
            continue
        checked.append(_label(model))
        before = model._default_manager.filter(pk=record.pk).values().get()
        pages = [
            bureau.get(_url(model, "change", record.pk)),
            bureau.get(_url(model, "delete", record.pk)),
            bureau.get(_url(model, "history", record.pk)),
            bureau.post(_url(model, "change", record.pk), {"_save": "1"}),
            bureau.post(_url(model, "delete", record.pk), {"post": "yes"}),
        ]
        history = getattr(record, "history", None)
        version = history.order_by("history_id").first() if history is not None else None
        if version is not None:
            try:
                url = _url(model, "simple_history", record.pk, version.history_id)
            except NoReverseMatch:
                pass
            else:
                pages.append(bureau.get(url))
        for response in pages:  # not found, or (read-only admins) not allowed
            if response.status_code not in (302, 403, 404) or _shows_b(response):
                leaks.append(f"{_label(model)} {response.request['PATH_INFO']}")
        assert model._default_manager.filter(pk=record.pk).values().get() == before
    assert leaks == []
    # B has a record of every scoped admin, and each was tried.
    scoped = {_label(m) for m, a in REGISTRY if isinstance(a, AssociationScoped)}
    assert scoped - set(checked) == set()


def test_the_admin_says_a_record_of_b_does_not_exist(bureau, b):
    portfolio = Portfolio.objects.filter(association=b).first()
    response = bureau.get(_url(Portfolio, "change", portfolio.pk), follow=True)
    assert response.redirect_chain[-1][0] == reverse("admin:index")
    page = response.content.decode()
    assert "bestaat niet" in page
    assert MARKER not in page


def test_a_portfolio_of_b_cannot_be_set_on_a_record_of_a(bureau, b):
    a = Association.objects.get(slug="vdg")
    b_portfolio = Portfolio.objects.filter(association=b).first()
    for model in (Body, Project):
        record = model.objects.filter(association=a, portfolio__isnull=False).first()
        url = _url(model, "change", record.pk)
        data = _post_data(bureau.get(url))
        data["portfolio"] = str(b_portfolio.pk)
        response = bureau.post(url, data)
        assert response.status_code == 200  # the form again, with the error
        assert "portfolio" in response.context["adminform"].form.errors
        record.refresh_from_db()
        assert record.portfolio.association == a

    # Nor can a record of A be added as one of B's.
    data = _post_data(bureau.get(_url(Project, "add")))
    assert data["association"] == str(a.pk)  # the only choice, given
    data.update(slug="nieuw", name="Nieuw project", association=str(b.pk))
    response = bureau.post(_url(Project, "add"), data)
    assert "association" in response.context["adminform"].form.errors
    assert not Project.objects.filter(slug="nieuw").exists()


def test_saving_a_row_of_another_association_is_refused(b):
    """The last check, behind the scoped choices: nothing lands outside the request's
    association, even where a form would let it through."""
    bureau = User.objects.get(username="bureau")
    request = RequestFactory().post("/beheer/")
    request.user, request.association = bureau, Association.objects.get(slug="vdg")
    project = Project.objects.get(association=b)
    project.name = "Overgenomen"
    model_admin = admin.site._registry[Project]
    with pytest.raises(PermissionDenied), transaction.atomic():
        model_admin.save_model(request, project, None, change=True)
    assert Project.objects.get(pk=project.pk).name.startswith(MARKER)
    # An added row with an empty association gets the request's.
    fresh = Project(slug="nieuw", name="Nieuw project")
    model_admin.save_model(request, fresh, None, change=False)
    assert fresh.association == request.association


def test_the_bureau_sees_only_its_own_association(bureau, b):
    response = bureau.get(_url(Association, "changelist"))
    assert [a.slug for a in response.context["cl"].result_list] == ["vdg"]
    assert bureau.get(_url(Association, "add")).status_code == 403
    vdg = Association.objects.get(slug="vdg")
    assert bureau.get(_url(Association, "change", vdg.pk)).status_code == 200
    assert bureau.get(_url(Association, "delete", vdg.pk)).status_code == 403
    assert bureau.get(_url(Association, "change", b.pk)).status_code == 302


def test_the_bureau_cannot_change_its_code_example_flag_or_hostnames(bureau, b):
    """Hostnames decide which association a request reaches: a bureau that could add one
    could claim a name meant for another association. Superusers set them up."""
    vdg = Association.objects.get(slug="vdg")
    page = bureau.get(_url(Association, "change", vdg.pk)).content.decode()
    assert 'name="slug"' not in page and 'name="is_example"' not in page
    assert 'name="hosts-0-hostname"' not in page  # no empty row to add a hostname in
    form = bureau.get(_url(Association, "change", vdg.pk)).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(
        {
            "slug": "overgenomen",
            "is_example": "on",
            "hosts-TOTAL_FORMS": "1",
            "hosts-INITIAL_FORMS": "0",
            "hosts-0-hostname": "voorbeeld.samenspel.example",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        }
    )
    bureau.post(_url(Association, "change", vdg.pk), data)
    vdg.refresh_from_db()
    assert (vdg.slug, vdg.is_example) == ("vdg", False)
    assert not vdg.hosts.filter(hostname="voorbeeld.samenspel.example").exists()


def test_a_superuser_sees_b_on_its_own_host_only(client, b):
    client.force_login(User.objects.create_superuser("technisch", password="x" * 12))
    url = _url(Portfolio, "changelist") + f"?q={MARKER}"
    assert client.get(url).context["cl"].result_count == 0
    assert client.get(url, HTTP_HOST=EXAMPLE_HOST).context["cl"].result_count > 0
    # Associations themselves are set up by superusers: all of them, on any host.
    listed = client.get(_url(Association, "changelist")).context["cl"].result_count
    assert listed == Association.objects.count()


def test_the_bureau_cannot_take_over_an_account_of_b(bureau, b, make_user):
    """Accounts are national, but the bureau changes only those that take part in its
    association (or in none yet): not the bureau of B, not a superuser."""
    theirs = make_user(RoleKind.BUREAU, association=b)
    superuser = User.objects.create_superuser("technisch", password="x" * 12)
    for user in (theirs, superuser):
        password = reverse("admin:auth_user_password_change", args=[user.pk])
        assert bureau.get(password).status_code == 403
        response = bureau.post(password, {"password1": "z" * 16, "password2": "z" * 16})
        assert response.status_code == 403
        page = bureau.get(_url(User, "change", user.pk)).content.decode()
        assert 'name="_save"' not in page
    bureau.post(
        _url(User, "changelist"),
        {"action": "deactivate", "_selected_action": [theirs.pk, superuser.pk]},
    )
    theirs.refresh_from_db()
    superuser.refresh_from_db()
    assert theirs.is_active and superuser.is_active


def test_nothing_b_uses_is_deleted_from_the_national_register(bureau, b):
    """An organisation of the national register that B works with: its deletion page on
    A's host names none of B's rows, and deleting it is refused."""
    shared = Organisation.objects.get(slug="ons-dorp")
    url = _url(Organisation, "delete", shared.pk)
    page = bureau.get(url)
    assert page.status_code == 200
    assert not _shows_b(page)
    assert "gegevens van een ander samenwerkingsverband" in page.content.decode()
    assert bureau.post(url, {"post": "yes"}).status_code == 403
    assert Organisation.objects.filter(pk=shared.pk).exists()
