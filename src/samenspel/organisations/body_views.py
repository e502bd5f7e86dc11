"""Pages of the bodies of an association: the list, one body with its seats on a date,
editing it, adding seats and filling or ending them (another association's: 404)."""

from __future__ import annotations

from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from samenspel.accounts.permissions import can_edit_structure, is_signed_in, require
from samenspel.core.pages import form_page, versioned_edit
from samenspel.organisations import selectors, services
from samenspel.organisations.forms import BodyForm, MembershipEndForm, MembershipStartForm, PostForm
from samenspel.organisations.models import Body, Membership, Post
from samenspel.organisations.views import as_of
from samenspel.web.dashboard import rendered_panels
from samenspel.web.exports import export_format, table_response
from samenspel.web.navigation import breadcrumbs


def _bodies(request: HttpRequest) -> QuerySet[Body]:
    """The request's association's bodies (another association's body: 404)."""
    return selectors.bodies_of(association=request.association)


@require(can_edit_structure)
def body_edit(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(_bodies(request), slug=slug)
    return versioned_edit(
        request, body, BodyForm.of(request.association), back=body.get_absolute_url()
    )


@require(can_edit_structure)
def post_add(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(_bodies(request), slug=slug)
    return form_page(
        request,
        PostForm(request.POST or None),
        save=lambda values: services.post_add(body=body, user=request.user, **values),
        success=_("De zetel is toegevoegd."),
        next_url=body.get_absolute_url(),
        title=_("Zetel toevoegen: %(body)s") % {"body": body},
        back=body.get_absolute_url(),
    )


@require(is_signed_in)
def body_list(request: HttpRequest) -> HttpResponse:
    bodies = (
        _bodies(request)
        .select_related("portfolio")
        .annotate(seats=Count("posts"))
        .order_by("kind", "portfolio__order", "name")
    )
    columns = [_("Naam"), _("Soort"), _("Portefeuille"), _("Zetels")]
    rows = [[b.name, b.get_kind_display(), b.portfolio or "", b.seats] for b in bodies]
    fmt = export_format(request)
    if fmt:
        return table_response(fmt=fmt, filename="overlegorganen", columns=columns, rows=rows)
    return render(
        request,
        "organisations/body_list.html",
        {
            "bodies": bodies,
            "breadcrumbs": breadcrumbs((_("Overzicht"), "/"), (_("Overlegorganen"), None)),
        },
    )


@require(is_signed_in)
def body_detail(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(_bodies(request).select_related("portfolio", "prepares"), slug=slug)
    date = as_of(request)
    posts = selectors.body_posts_on(body=body, date=date)
    columns = [_("Rol"), _("Namens"), _("Omschrijving"), _("Persoon"), _("Vanaf")]
    rows = [
        [p.get_role_display(), p.organisation or "", p.label, m.person.name, m.start_date]
        for p in posts
        for m in (p.holders or [None])
        if m is not None
    ] + [
        [p.get_role_display(), p.organisation or "", p.label, "", ""]
        for p in posts
        if not p.holders
    ]
    fmt = export_format(request)
    if fmt:
        return table_response(fmt=fmt, filename=body.slug, columns=columns, rows=rows)
    return render(
        request,
        "organisations/body_detail.html",
        {
            "body": body,
            "date": date,
            "posts": posts,
            "chair": selectors.chair_on(body=body, date=date),
            "prepared_by": body.prepared_by.all(),
            "linked_portfolios": body.linked_portfolios.all(),
            "can_edit": can_edit_structure(request.user),
            "panels": rendered_panels("body", request, body),
            "query": f"datum={date.isoformat()}",
            "breadcrumbs": breadcrumbs(
                (_("Overzicht"), "/"),
                (_("Overlegorganen"), reverse("organisations:bodies")),
                (body.name, None),
            ),
        },
    )


@require(can_edit_structure)
def membership_start(request: HttpRequest, post_id: int) -> HttpResponse:
    post = get_object_or_404(
        Post.objects.filter(body__association=request.association).select_related(
            "body", "organisation"
        ),
        pk=post_id,
    )
    return form_page(
        request,
        MembershipStartForm(request.POST or None, post=post),
        save=lambda values: services.membership_start(post=post, user=request.user, **values),
        success=_("De zetel is bezet."),
        next_url=post.body.get_absolute_url(),
        title=_("Zetel bezetten: %(post)s") % {"post": post},
        back=post.body.get_absolute_url(),
    )


@require(can_edit_structure)
def membership_end(request: HttpRequest, membership_id: int) -> HttpResponse:
    membership = get_object_or_404(
        Membership.objects.filter(post__body__association=request.association).select_related(
            "post__body", "person"
        ),
        pk=membership_id,
    )
    return form_page(
        request,
        MembershipEndForm(request.POST or None),
        save=lambda values: services.membership_end(
            membership=membership, user=request.user, **values
        ),
        success=_("Het lidmaatschap is beëindigd."),
        next_url=membership.post.body.get_absolute_url(),
        title=_("Lidmaatschap beëindigen: %(m)s") % {"m": membership},
        back=membership.post.body.get_absolute_url(),
    )
