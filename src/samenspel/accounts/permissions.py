"""Who may do what: one predicate per role and object, used by every view and command.

Roles are read once per request and cached on the user object, so checking many
objects on one page costs one query. Roles belong to one association: the association
middleware binds the user to the request's association (`bind_roles`), and then only
the roles in that association count; a signed-in user without any role there is
treated as if the association's pages did not exist (404, `require`). Outside a
request (commands, the shell) nothing is bound and every role of the user counts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from samenspel.accounts.constants import RoleKind

_CACHE_ATTR = "_samenspel_roles"
_ASSOCIATION_ATTR = "_samenspel_association"


@dataclass(frozen=True)
class Roles:
    any_role: bool = False
    other_association_ids: frozenset[int] = field(default_factory=frozenset)
    bureau: bool = False
    chair_of: frozenset[int] = field(default_factory=frozenset)
    core_group_of: frozenset[int] = field(default_factory=frozenset)
    account_holder_of: frozenset[int] = field(default_factory=frozenset)


def roles_of(user: Any) -> Roles:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Roles()
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    association = getattr(user, _ASSOCIATION_ATTR, None)
    # Only the roles valid today count: a role derived from a seat ends the day after the
    # seat ends ("tot en met"). Filtered here, not in SQL, to keep the one query.
    from samenspel.core.dates import today

    on = today()
    every = [
        (role, portfolio, organisation, association_id)
        for role, portfolio, organisation, association_id, valid_from, valid_until in (
            user.role_assignments.values_list(
                "role",
                "portfolio_id",
                "organisation_id",
                "association_id",
                "valid_from",
                "valid_until",
            )
        )
        if (valid_from is None or valid_from <= on) and (valid_until is None or valid_until >= on)
    ]
    rows = [
        (role, portfolio, organisation)
        for role, portfolio, organisation, association_id in every
        if association is None or association_id == association.pk
    ]
    roles = Roles(
        any_role=bool(rows),
        other_association_ids=frozenset(
            a for *_, a in every if association is not None and a != association.pk
        ),
        bureau=any(role == RoleKind.BUREAU for role, _, _ in rows),
        chair_of=frozenset(p for role, p, _ in rows if role == RoleKind.PORTFOLIO_CHAIR),
        core_group_of=frozenset(p for role, p, _ in rows if role == RoleKind.CORE_GROUP_MEMBER),
        account_holder_of=frozenset(o for role, _, o in rows if role == RoleKind.ACCOUNT_HOLDER),
    )
    setattr(user, _CACHE_ATTR, roles)
    return roles


def bind_roles(user: Any, association: Any) -> None:
    """From now on, `user`'s roles are those in `association` (the request's)."""
    setattr(user, _ASSOCIATION_ATTR, association)
    forget_roles(user)


def takes_part(user: Any) -> bool:
    """A role in the bound association (or a technical superuser): without one, a
    signed-in user sees only what the public sees."""
    return is_signed_in(user) and (user.is_superuser or roles_of(user).any_role)


def other_associations_of(user: Any) -> frozenset[int]:
    """The ids of the other associations `user` has a role in (for the switcher)."""
    return roles_of(user).other_association_ids if is_signed_in(user) else frozenset()


def forget_roles(user: Any) -> None:
    """Drop the cached roles (after assigning new ones in the same request or test)."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


# --- what a role sees: the one place querysets are filtered by role ------------------


def organisations_held_by(user: Any) -> frozenset[int]:
    """The ids of the organisations whose account holder `user` is."""
    return roles_of(user).account_holder_of


def portfolios_chaired_by(user: Any) -> frozenset[int]:
    """The ids of the portfolios `user` chairs."""
    return roles_of(user).chair_of


def owned_rows_visible_to(user: Any, rows: QuerySet, *, shared: bool = False) -> QuerySet:
    """Rows that belong to an organisation (claims, member reports): the bureau sees all,
    anyone else the rows of the organisations they hold, and with `shared` also the rows
    of no organisation."""
    if is_bureau(user):
        return rows
    own = Q(organisation_id__in=organisations_held_by(user))
    return rows.filter(own | Q(organisation__isnull=True) if shared else own)


# --- predicates -----------------------------------------------------------------------


def is_signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def can_manage_own_account(user: Any) -> bool:
    """One's own account (its page, the password): every signed-in user, whichever
    association's host they are on, roles or not."""
    return is_signed_in(user)


# Predicates that hold for a signed-in user without a role in the request's association.
ANY_ASSOCIATION: set[Callable[..., bool]] = {can_manage_own_account}  # + signin_permissions


def is_bureau(user: Any) -> bool:
    return is_signed_in(user) and (user.is_superuser or roles_of(user).bureau)


def can_use_admin(user: Any) -> bool:
    """Django admin is for the bureau (and technical superusers)."""
    return is_bureau(user)


def can_edit_structure(user: Any) -> bool:
    """Organisations, people, bodies, posts and memberships: the bureau keeps them."""
    return is_bureau(user)


def can_edit_portfolio(user: Any, portfolio: Any) -> bool:
    """Agreements and progress of a portfolio: the bureau, its chair and its core group."""
    if is_bureau(user):
        return True
    if not is_signed_in(user) or portfolio is None:
        return False
    roles = roles_of(user)
    return portfolio.pk in roles.chair_of or portfolio.pk in roles.core_group_of


def can_edit_agreement(user: Any, agreement: Any) -> bool:
    """An agreement and its progress: its portfolio's editors; an agreement without a
    portfolio (association-wide) only the bureau."""
    if agreement.portfolio_id is None:
        return is_bureau(user)
    return can_edit_portfolio(user, agreement.portfolio)


def can_record_decision(user: Any, organisation: Any) -> bool:
    """An executive's decision is recorded by that organisation's account holder or the bureau."""
    if is_bureau(user):
        return True
    if not is_signed_in(user) or organisation is None:
        return False
    return organisation.pk in roles_of(user).account_holder_of


def can_view_organisation_finance(user: Any, organisation: Any) -> bool:
    return can_record_decision(user, organisation)


def can_manage_money(user: Any) -> bool:
    return is_bureau(user)


def can_create_proposal(user: Any) -> bool:
    """The bureau and the chairs write proposals (for their own portfolios)."""
    return is_bureau(user) or bool(roles_of(user).chair_of)


def can_manage_proposal(user: Any, proposal: Any) -> bool:
    """Edit, send and follow up a proposal: the bureau and the portfolio's chair."""
    if is_bureau(user):
        return True
    return is_signed_in(user) and proposal.portfolio_id in roles_of(user).chair_of


def can_send_without_pho(user: Any) -> bool:
    """Send a proposal with money for the members to the colleges without the portfolio
    meeting's positive decision: only the bureau, and always with a recorded reason."""
    return is_bureau(user)


def can_manage_api_tokens(user: Any) -> bool:
    """API tokens (`/api-toegang/`): the bureau for everyone, account holders for their
    organisations and themselves (the rules per token: api/token_permissions.py)."""
    return is_bureau(user) or (is_signed_in(user) and bool(roles_of(user).account_holder_of))


def can_manage_notifications(user: Any) -> bool:
    """The subscriptions and deliveries of notifications (`/notificaties/`): the bureau."""
    return is_bureau(user)


def can_view_decision_document(user: Any, decision: Any) -> bool:
    """An executive's own decision document: its organisation, the proposal's managers."""
    participant = decision.participant
    return can_manage_proposal(user, participant.proposal) or can_record_decision(
        user, participant.organisation
    )


def can_confirm_coalition(user: Any) -> bool:
    """Whether non-participants are harmed is the bureau's judgement (annex 1)."""
    return is_bureau(user)


# --- view guard -----------------------------------------------------------------------


def require(predicate: Callable[..., bool], *, obj: Callable[..., Any] | None = None):
    """Guard a view: anonymous users go to the login page, others without the right get 403.

    `obj(request, **kwargs)` returns the object the predicate is about, when it needs one.
    The predicate is kept on the view (`view.permission`), so a test can walk the URL conf
    and prove that every view declares one.
    """

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not is_signed_in(request.user):
                return redirect_to_login(request.get_full_path())
            if predicate not in ANY_ASSOCIATION and not takes_part(request.user):
                # Not "forbidden": for someone of another association it does not exist.
                raise Http404(_("Deze pagina bestaat niet in dit samenwerkingsverband."))
            target = (obj(request, **kwargs),) if obj else ()
            if not predicate(request.user, *target):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapper.permission = predicate  # type: ignore[attr-defined]
        return wrapper

    return decorator


def is_anyone(user: Any = None) -> bool:
    """Public pages, open feeds and the sign-in pages: everyone, signed in or not."""
    return True


def public(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Declare a view open to everyone (the public agenda, feeds with their own token,
    signing in); the declaration is what the URL-conf guard test looks for."""
    view.permission = is_anyone  # type: ignore[attr-defined]
    return view


# --- reports --------------------------------------------------------------------------


def can_view_reports(user: Any) -> bool:
    """Progress, annual, portfolio, evaluation and handover reports: everyone signed in."""
    return is_signed_in(user)


def can_view_member_report(user: Any, organisation: Any) -> bool:
    """A member's report (its money, hours and decisions): the bureau and its account holder."""
    return can_record_decision(user, organisation)


def can_store_report(user: Any, subject: dict[str, Any]) -> bool:
    """Make a report as a file and store it (`{"scope": "" | "portfolio" | "organisation",
    "portfolio": …, "organisation": …}`, the scope of its report type): the bureau every
    report; an association-wide report (scope "": quarterly, annual, evaluation) also
    everyone with a working role (a chair, a core group member, an account holder; not a
    reader); a portfolio's chair and core group the reports about that portfolio; a
    member's account holder that member's report. Reading reports as a page is
    `can_view_reports`."""
    if is_bureau(user):
        return True
    scope = subject.get("scope", "")
    if scope == "portfolio":
        return can_edit_portfolio(user, subject.get("portfolio"))
    if scope == "organisation":
        return can_view_member_report(user, subject.get("organisation"))
    if scope == "":
        roles = roles_of(user)  # empty for anonymous and inactive users
        return bool(roles.chair_of or roles.core_group_of or roles.account_holder_of)
    return False


def can_run_evaluation_round(user: Any) -> bool:
    """Start, close and reopen the evaluation round: the bureau."""
    return is_bureau(user)


def can_judge_evaluation(user: Any, portfolio: Any) -> bool:
    """Judgements in the agenda's evaluation: the bureau, and a chair for their portfolio."""
    if is_bureau(user):
        return True
    if not is_signed_in(user) or portfolio is None:
        return False
    return portfolio.pk in roles_of(user).chair_of


def can_judge_theme(user: Any, theme: Any) -> bool:
    """A theme is judged by the bureau and by the chair of any of its portfolios."""
    return is_bureau(user) or any(can_judge_evaluation(user, p) for p in theme.portfolios.all())


def can_judge_target(user: Any, target: dict[str, Any]) -> bool:
    """One judgement of an evaluation round: `{"agreement": …}` or `{"theme": …}`."""
    if target.get("agreement") is not None:
        return can_judge_evaluation(user, target["agreement"].portfolio)
    return can_judge_theme(user, target["theme"])


# --- decisions ------------------------------------------------------------------------


def can_manage_templates(user: Any) -> bool:
    """The Word templates of the college proposals: the bureau uploads and removes them."""
    return is_bureau(user)


def can_view_my_organisation(user: Any, organisation: Any) -> bool:
    """The account holder's page of `organisation`: its account holder and the bureau.
    With no organisation to show (no role yet), everyone signed in gets the page that
    explains how to get one."""
    if organisation is None:
        return is_signed_in(user)
    return can_record_decision(user, organisation)
