"""Invitations to a seat: made by the bureau (or a chair for their core group), sent by
e-mail with a link that expires, and accepted once, which makes the account bound to the
person and their organisation and the membership that gives the roles (the roles follow
from the membership: accounts/derived_roles.py).

The link carries a token of 32 random bytes; only its SHA-256 is stored, so the link
cannot be read back from the database (as API tokens, api/tokens.py). Guessing one is
hopeless, so the accept page needs no throttling of its own.

Signing in through the organisation's identity provider instead of a password: the
accept page puts the invitation's id in the session (SESSION_INVITATION_KEY) before
sending the invitee to the provider; the provider's backend checks `invitation_usable`
and calls `invitation_accept(invitation, user=None, username=…, password=None)` for a
user without a password, or with `user=` an account it matched.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import models, transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenspel.accounts.models import Invitation, User
from samenspel.core.history import changed_by
from samenspel.organisations.associations import association_site_url
from samenspel.organisations.constants import BodyKind, PersonFunction
from samenspel.organisations.models import Association, Membership, Organisation, Person, Post
from samenspel.organisations.services import membership_start, person_create

logger = logging.getLogger(__name__)

VALID_DAYS_DEFAULT = 14
VALID_DAYS_MAX = 30

# Bodies whose seats are held by officials; any other seat gets "Anders" (the bureau
# corrects it), never a political function that the governance rules would count.
OFFICIAL_BODIES = (
    BodyKind.OFFICIALS_MEETING,
    BodyKind.CORE_GROUP,
    BodyKind.CORE_GROUP_PLUS,
    BodyKind.ACCOUNT_HOLDERS_MEETING,
    BodyKind.BUREAU,
)


class InvitationStatus(models.TextChoices):
    OPEN = "open", gettext_lazy("Open")
    ACCEPTED = "accepted", gettext_lazy("Geaccepteerd")
    EXPIRED = "expired", gettext_lazy("Verlopen")
    REVOKED = "revoked", gettext_lazy("Ingetrokken")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_status(invitation: Invitation, *, now: dt.datetime | None = None) -> str:
    if invitation.accepted_at is not None:
        return InvitationStatus.ACCEPTED
    if invitation.revoked_at is not None:
        return InvitationStatus.REVOKED
    if invitation.expires_at <= (now or timezone.now()):
        return InvitationStatus.EXPIRED
    return InvitationStatus.OPEN


def invitations_with_status(rows: QuerySet[Invitation], status: str) -> QuerySet[Invitation]:
    """`rows` narrowed to one status (the list's filter), in the database."""
    now = timezone.now()
    waiting = Q(accepted_at__isnull=True, revoked_at__isnull=True)
    conditions = {
        InvitationStatus.OPEN: waiting & Q(expires_at__gt=now),
        InvitationStatus.ACCEPTED: Q(accepted_at__isnull=False),
        InvitationStatus.REVOKED: Q(accepted_at__isnull=True, revoked_at__isnull=False),
        InvitationStatus.EXPIRED: waiting & Q(expires_at__lte=now),
    }
    return rows.filter(conditions[InvitationStatus(status)])


def invitation_usable(invitation: Invitation) -> bool:
    """Whether the invitation can still be accepted: not accepted, revoked or expired."""
    return invitation_status(invitation) == InvitationStatus.OPEN


def invitation_by_token(association: Association, token: str) -> Invitation | None:
    """The invitation of `association` whose link carries `token` (another association's
    link finds nothing here)."""
    if not token:
        return None
    return (
        Invitation.objects.filter(association=association, token_hash=token_hash(token))
        .select_related("organisation", "post__body", "post__organisation", "invited_by", "person")
        .first()
    )


def organisation_choices(association: Association, on: dt.date) -> QuerySet[Organisation]:
    """Who can be invited for: the organisations taking part in the association on `on`,
    and those its seats are of (the association's own bureau organisation)."""
    from samenspel.organisations.selectors import taking_part_ids

    seats = Post.objects.filter(body__association=association, organisation__isnull=False)
    ids = taking_part_ids(association, on=on) | set(seats.values_list("organisation_id", flat=True))
    return Organisation.objects.filter(pk__in=ids).order_by("name")


def _expiry(valid_days: int) -> dt.datetime:
    if not 1 <= valid_days <= VALID_DAYS_MAX:
        raise ValidationError(
            {
                "valid_days": _("Een uitnodiging is 1 tot en met %(max)s dagen geldig.")
                % {"max": VALID_DAYS_MAX}
            }
        )
    return timezone.now() + dt.timedelta(days=valid_days)


def _new_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


@transaction.atomic
def invitation_create(
    association: Association,
    *,
    email: str,
    name: str,
    organisation: Organisation,
    post: Post,
    start_date: dt.date,
    invited_by: User,
    person: Person | None = None,
    valid_days: int = VALID_DAYS_DEFAULT,
) -> tuple[Invitation, str]:
    """A new invitation and the token of its link (returned once, never stored)."""
    if post.body.association_id != association.pk:
        raise ValidationError({"post": _("Deze zetel hoort bij een ander samenwerkingsverband.")})
    if post.organisation_id and post.organisation_id != organisation.pk:
        raise ValidationError(
            {
                "organisation": _("De zetel is namens %(org)s; kies die organisatie.")
                % {"org": post.organisation}
            }
        )
    if person is not None and person.organisation_id != organisation.pk:
        raise ValidationError({"person": _("Deze persoon hoort bij een andere organisatie.")})
    open_ones = invitations_with_status(
        Invitation.objects.filter(association=association, post=post, email__iexact=email),
        InvitationStatus.OPEN,
    )
    if open_ones.exists():
        raise ValidationError(
            {
                "email": _(
                    "Er staat al een open uitnodiging voor dit e-mailadres en deze zetel. "
                    "Verstuur die opnieuw in de lijst met uitnodigingen."
                )
            }
        )
    token, hashed = _new_token()
    invitation = Invitation(
        association=association,
        email=email.strip(),
        name=name.strip(),
        organisation=organisation,
        person=person,
        post=post,
        start_date=start_date,
        invited_by=invited_by,
        token_hash=hashed,
        expires_at=_expiry(valid_days),
    )
    changed_by(invitation, invited_by)
    invitation.save()
    return invitation, token


def invitation_link(invitation: Invitation, token: str, *, base_url: str | None = None) -> str:
    """The accept page's address: on the request's host when there is one, else on the
    association's own address (organisations/associations.py:association_site_url)."""
    base = (base_url or association_site_url(invitation.association)).rstrip("/")
    return base + reverse("accounts:invitation_accept", kwargs={"token": token})


def invitation_send(invitation: Invitation, token: str, *, base_url: str | None = None) -> bool:
    """Mail the invitee the link. Returns whether the mail went out: a failing mail server
    leaves the invitation in place, to be sent again from the list."""
    association = invitation.association
    context = {
        "invitation": invitation,
        "association": association,
        "inviter": invitation.invited_by.get_full_name() or invitation.invited_by.username,
        "link": invitation_link(invitation, token, base_url=base_url),
        "expires_at": timezone.localtime(invitation.expires_at),
    }
    subject = _("Uitnodiging voor Samenspel van %(association)s") % {"association": association}
    body = render_to_string("accounts/invitations/email.txt", context)
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])
    except OSError:
        logger.exception("Invitation %s not sent", invitation.pk)
        return False
    return True


@transaction.atomic
def invitation_resend(
    invitation: Invitation,
    *,
    user: User,
    base_url: str | None = None,
    valid_days: int = VALID_DAYS_DEFAULT,
) -> bool:
    """A new link (the old one stops working) with a new expiry, mailed again. Returns
    whether the mail went out."""
    if invitation.accepted_at is not None:
        raise ValidationError(_("Deze uitnodiging is al geaccepteerd."))
    if invitation.revoked_at is not None:
        raise ValidationError(_("Deze uitnodiging is ingetrokken; maak een nieuwe."))
    token, hashed = _new_token()
    invitation.token_hash = hashed
    invitation.expires_at = _expiry(valid_days)
    changed_by(invitation, user)
    invitation.save(update_fields=["token_hash", "expires_at"])
    return invitation_send(invitation, token, base_url=base_url)


@transaction.atomic
def invitation_revoke(invitation: Invitation, *, user: User) -> Invitation:
    if invitation.accepted_at is not None:
        raise ValidationError(
            _("Deze uitnodiging is al geaccepteerd; beëindig zo nodig het lidmaatschap.")
        )
    if invitation.revoked_at is not None:
        raise ValidationError(_("Deze uitnodiging is al ingetrokken."))
    invitation.revoked_at = timezone.now()
    changed_by(invitation, user)
    invitation.save(update_fields=["revoked_at"])
    return invitation


def _person_for(invitation: Invitation, acting: User | None) -> Person:
    """The person the seat goes to: the invitation's, else a person of the organisation
    with this e-mail address and no account of someone else, else a new one."""
    if invitation.person is not None:
        return invitation.person
    found = (
        Person.objects.filter(organisation=invitation.organisation, email__iexact=invitation.email)
        .filter(Q(user__isnull=True) | Q(user=acting) if acting else Q(user__isnull=True))
        .order_by("pk")
        .first()
    )
    if found is not None:
        return found
    official = invitation.post.body.kind in OFFICIAL_BODIES
    return person_create(
        user=acting or invitation.invited_by,
        name=invitation.name,
        email=invitation.email,
        organisation=invitation.organisation,
        function=PersonFunction.OFFICIAL if official else PersonFunction.OTHER,
    )


def _new_user(invitation: Invitation, username: str, password: str | None) -> User:
    if User.objects.filter(email__iexact=invitation.email, is_active=True).exists():
        raise ValidationError(
            _(
                "Er is al een account met het e-mailadres %(email)s. Log in met dat account "
                "en open de link daarna opnieuw om de uitnodiging te accepteren."
            )
            % {"email": invitation.email}
        )
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(
            {"username": _("Deze gebruikersnaam is al in gebruik; kies een andere.")}
        )
    first, _sep, last = invitation.name.partition(" ")
    user = User(username=username, email=invitation.email, first_name=first, last_name=last)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()  # signs in through the organisation's provider
    return user


@transaction.atomic
def invitation_accept(
    invitation: Invitation,
    *,
    user: User | None = None,
    username: str = "",
    password: str | None = None,
) -> User:
    """Accept: with `user` (signed in already, or matched by the identity provider) the
    seat goes to that user's person; otherwise a new account `username` is made (with
    `password`, checked by the caller's form against AUTH_PASSWORD_VALIDATORS; without
    one it can only sign in through a provider). Either way the person is bound to the
    account and gets the membership of the seat from the invitation's start date."""
    # Locked, so the same link accepted twice at once makes one account.
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation_usable(invitation):
        raise ValidationError(_("Deze uitnodiging kan niet meer worden geaccepteerd."))
    person: Person
    if user is not None and user.person is not None:
        if invitation.person_id and invitation.person_id != user.person_id:
            raise ValidationError(
                _("Deze uitnodiging is voor %(name)s, niet voor jouw account.")
                % {"name": invitation.person}
            )
        person = user.person
    else:
        person = _person_for(invitation, user)
        bound = User.objects.filter(person=person)
        if user is not None:
            bound = bound.exclude(pk=user.pk)
        if bound.exists():
            raise ValidationError(
                _(
                    "%(name)s heeft al een account. Log daarmee in en open de link daarna "
                    "opnieuw, of vraag het bureau om hulp."
                )
                % {"name": person}
            )
    if user is None:
        user = _new_user(invitation, username, password)
        user.person = person
        user.save()
    elif user.person_id != person.pk:
        user.person = person
        user.save(update_fields=["person"])
    holds = Membership.objects.filter(post=invitation.post, person=person).active_on(
        invitation.start_date
    )
    if not holds.exists():
        membership_start(
            post=invitation.post, person=person, start_date=invitation.start_date, user=user
        )
    invitation.accepted_at = timezone.now()
    invitation.accepted_user = user
    changed_by(invitation, user)
    invitation.save(update_fields=["accepted_at", "accepted_user"])
    return user
