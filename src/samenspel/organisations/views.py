"""Pages of the network: organisations, people and the governance check (bodies:
`body_views`)."""

from __future__ import annotations

import datetime as dt

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenspel.accounts.permissions import can_edit_structure, is_signed_in, require
from samenspel.core.dates import date_from
from samenspel.core.pages import form_page, versioned_edit
from samenspel.organisations import selectors, services
from samenspel.organisations.constants import AssociationMembershipKind, BodyKind, OrganisationKind
from samenspel.organisations.forms import (
    InhabitantCountForm,
    OrganisationForm,
    PersonForm,
)
from samenspel.organisations.governance import governance_check
from samenspel.organisations.models import (
    AssociationMembership,
    Organisation,
    Person,
)
from samenspel.web.dashboard import rendered_panels
from samenspel.web.exports import export_format, table_response
from samenspel.web.navigation import breadcrumbs
from samenspel.web.sorting import SortColumn, Sorting

PAGE_SIZE = 50
SORT_COLUMNS = {
    "naam": SortColumn(gettext_lazy("Naam"), ("name",)),
    "soort": SortColumn(gettext_lazy("Soort"), ("kind", "name")),
    "lid": SortColumn(gettext_lazy("Lid"), ("is_member", "name")),
    "zetels": SortColumn(gettext_lazy("Zetels"), ("seats", "name")),
}


def as_of(request: HttpRequest) -> dt.date:
    """The date a page shows the structure on: ?datum=YYYY-MM-DD, default (and when
    unparsable or out of range) today; the page names the date it shows."""
    return date_from(request.GET.get("datum"), default=timezone.localdate())


@require(is_signed_in)
def organisation_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("soort", "")
    query = request.GET.get("q", "").strip()
    active = AssociationMembership.objects.active_on(timezone.localdate()).filter(
        association=request.association,
        organisation=OuterRef("pk"),
        kind=AssociationMembershipKind.MEMBER,
    )
    seats = Count("posts", filter=Q(posts__body__association=request.association))
    organisations = (
        Organisation.objects.annotate(seats=seats, is_member=Exists(active))
        .prefetch_related("identifiers")
        .order_by("name")
    )
    if kind in OrganisationKind.values:
        organisations = organisations.filter(kind=kind)
    if query:
        organisations = organisations.filter(
            Q(name__icontains=query)
            | Q(short_name__icontains=query)
            | Q(identifiers__value__iexact=query)
        ).distinct()
    sorting = Sorting.from_request(request, SORT_COLUMNS)
    organisations = sorting.apply(organisations)
    columns = [_("Naam"), _("Soort"), _("Lid"), _("Codes"), _("Zetels")]

    def row(o: Organisation) -> list:
        codes = ", ".join(str(i) for i in o.identifiers.all())
        return [o.name, o.get_kind_display(), o.is_member, codes, o.seats]

    fmt = export_format(request)
    if fmt:
        return table_response(
            fmt=fmt, filename="organisaties", columns=columns, rows=map(row, organisations)
        )
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "organisations/organisation_list.html",
        {
            "page": page,
            "kinds": OrganisationKind.choices,
            "kind": kind,
            "q": query,
            "query": request.GET.copy().urlencode() if request.GET else "",
            "sorting": sorting,
            "breadcrumbs": breadcrumbs((_("Overzicht"), "/"), (_("Organisaties"), None)),
        },
    )


@require(is_signed_in)
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    date = as_of(request)
    posts = selectors.organisation_posts_on(
        association=request.association, organisation=organisation, date=date
    )
    account_holder = next(
        (p for p in posts if p.body.kind == BodyKind.ACCOUNT_HOLDERS_MEETING and p.holders),
        None,
    )
    inhabitants = organisation.inhabitant_counts.order_by("-reference_date")
    posts = sorted(posts, key=lambda p: (p.body.name, p.role))
    fmt = export_format(request)
    if fmt and request.GET.get("tabel") == "inwoners":
        return table_response(
            fmt=fmt,
            filename=f"{organisation.slug}-inwoners",
            columns=[_("Peildatum"), _("Inwoners"), _("Bron"), _("Toelichting")],
            rows=[[f.reference_date, f.count, f.source, f.note] for f in inhabitants],
        )
    if fmt:
        return table_response(
            fmt=fmt,
            filename=f"{organisation.slug}-zetels",
            columns=[_("Overlegorgaan"), _("Rol"), _("Omschrijving"), _("Wie")],
            rows=[
                [
                    p.body.name,
                    p.get_role_display(),
                    p.label,
                    ", ".join(m.person.name for m in p.holders),
                ]
                for p in posts
            ],
        )
    return render(
        request,
        "organisations/organisation_detail.html",
        {
            "organisation": organisation,
            "date": date,
            "posts": posts,
            "account_holder": account_holder,
            "inhabitants": inhabitants,
            "query": f"datum={date.isoformat()}",
            "current_inhabitants": selectors.inhabitants_on(organisation=organisation, date=date),
            "memberships": organisation.association_memberships.filter(
                association=request.association
            ),
            "people": organisation.people.order_by("name")[:100],
            "can_edit": can_edit_structure(request.user),
            "panels": rendered_panels("organisation", request, organisation),
            "breadcrumbs": breadcrumbs(
                (_("Overzicht"), "/"),
                (_("Organisaties"), reverse("organisations:list")),
                (organisation.name, None),
            ),
        },
    )


@require(can_edit_structure)
def organisation_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    return versioned_edit(
        request, organisation, OrganisationForm, back=organisation.get_absolute_url()
    )


@require(can_edit_structure)
def person_edit(request: HttpRequest, slug: str) -> HttpResponse:
    person = get_object_or_404(Person, slug=slug)
    return versioned_edit(request, person, PersonForm, back=person.get_absolute_url())


@require(can_edit_structure)
def person_create(request: HttpRequest) -> HttpResponse:
    initial = {}
    if request.GET.get("organisatie"):
        initial["organisation"] = Organisation.objects.filter(
            slug=request.GET["organisatie"]
        ).first()

    def save(values):
        values.pop("version", None)
        return services.person_create(user=request.user, **values)

    return form_page(
        request,
        PersonForm(request.POST or None, initial=initial),
        save=save,
        success=_("De persoon is toegevoegd."),
        next_url=lambda person: person.get_absolute_url(),
        title=_("Persoon toevoegen"),
        back=reverse("organisations:list"),
    )


@require(can_edit_structure)
def inhabitant_count_add(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    return form_page(
        request,
        InhabitantCountForm(request.POST or None),
        save=lambda values: services.inhabitant_count_add(
            organisation=organisation, user=request.user, **values
        ),
        success=_("Het inwonertal is toegevoegd."),
        next_url=organisation.get_absolute_url(),
        title=_("Inwonertal toevoegen: %(org)s") % {"org": organisation},
        back=organisation.get_absolute_url(),
    )


@require(is_signed_in)
def person_detail(request: HttpRequest, slug: str) -> HttpResponse:
    person = get_object_or_404(Person.objects.select_related("organisation"), slug=slug)
    memberships = (
        person.memberships.filter(post__body__association=request.association)
        .select_related("post__body", "post__organisation")
        .order_by("-start_date")
    )
    fmt = export_format(request)
    if fmt:
        return table_response(
            fmt=fmt,
            filename=person.slug,
            columns=[_("Overlegorgaan"), _("Rol"), _("Vanaf"), _("Tot en met")],
            rows=[
                [m.post.body.name, m.post.get_role_display(), m.start_date, m.end_date]
                for m in memberships
            ],
        )
    return render(
        request,
        "organisations/person_detail.html",
        {
            "person": person,
            "memberships": memberships,
            "can_edit": can_edit_structure(request.user),
            "panels": rendered_panels("person", request, person),
            "breadcrumbs": breadcrumbs(
                (_("Organisaties"), reverse("organisations:list")),
                (person.organisation.name, person.organisation.get_absolute_url()),
                (person.name, None),
            ),
        },
    )


@require(is_signed_in)
def governance(request: HttpRequest) -> HttpResponse:
    date = as_of(request)
    results = governance_check(date=date, association=request.association)
    fmt = export_format(request)
    if fmt:
        rows = [
            [
                r.rule.title,
                "uit" if not r.enabled else ("ja" if r.passed else "nee"),
                " | ".join(r.offences),
            ]
            for r in results
        ]
        return table_response(
            fmt=fmt,
            filename="structuurtoets",
            rows=rows,
            columns=[_("Regel"), _("Voldoet"), _("Afwijkingen")],
        )
    return render(
        request,
        "organisations/governance.html",
        {
            "date": date,
            "results": results,
            "failed": sum(1 for r in results if r.enabled and not r.passed),
            "query": f"datum={date.isoformat()}",
            "breadcrumbs": breadcrumbs((_("Overzicht"), "/"), (_("Structuurtoets"), None)),
        },
    )
