"""Demo accounts: one per role, with usernames that say the role.

The password is SAMENSPEL_DEMO_PASSWORD when set, else a random one made once per
installation and kept in var/demo-password (mode 600), so running setup twice gives
the same accounts and the same password.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from samenspel.accounts.constants import RoleKind
from samenspel.accounts.models import RoleAssignment, User
from samenspel.organisations.associations import association_default
from samenspel.organisations.models import Association, Organisation, Portfolio


class DemoRefused(Exception):
    pass


@dataclass(frozen=True)
class DemoAccount:
    username: str
    first_name: str
    last_name: str
    role: str
    portfolio: str | None = None
    organisation: str | None = None


# The fictitious association `samenspel setup --demo` loads beside the VDG.
EXAMPLE_ASSOCIATION = "voorbeeld"

DEMO_ACCOUNTS = [
    DemoAccount("bureau", "Bea", "Bureau (demo)", RoleKind.BUREAU),
    DemoAccount(
        "voorzitter-gw",
        "Gerrit",
        "Welzijn (demo)",
        RoleKind.PORTFOLIO_CHAIR,
        portfolio="gezondheid-en-welzijn",
    ),
    DemoAccount(
        "kerngroep-ekm",
        "Klaas",
        "Energie (demo)",
        RoleKind.CORE_GROUP_MEMBER,
        portfolio="energie-klimaat-en-milieu",
    ),
    DemoAccount(
        "accounthouder-assen",
        "Anna",
        "Assen (demo)",
        RoleKind.ACCOUNT_HOLDER,
        organisation="assen",
    ),
    DemoAccount(
        "accounthouder-emmen",
        "Evert",
        "Emmen (demo)",
        RoleKind.ACCOUNT_HOLDER,
        organisation="emmen",
    ),
    DemoAccount("lezer", "Lotte", "Lezer (demo)", RoleKind.READER),
]


def demo_password() -> str:
    if settings.SAMENSPEL_DEMO_PASSWORD:
        return settings.SAMENSPEL_DEMO_PASSWORD
    path = Path(settings.VAR_DIR) / "demo-password"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    password = "-".join(secrets.token_urlsafe(6) for _ in range(3))
    path.write_text(password + "\n", encoding="utf-8")
    path.chmod(0o600)
    return password


@transaction.atomic
def demo_accounts_create() -> tuple[list[tuple[str, str]], str, int]:
    """Create or confirm the demo accounts.

    Returns (username, role) pairs, the password and how many accounts were new.
    """
    if getattr(settings, "PRODUCTION", False):
        raise DemoRefused(
            "Demo-accounts worden niet aangemaakt met productie-instellingen: "
            "die zouden met een bekend wachtwoord toegang geven tot echte gegevens."
        )
    password = demo_password()
    association = association_default()  # the demo is the VDG's
    created = 0
    listed = []
    for account in DEMO_ACCOUNTS:
        user, is_new = User.objects.get_or_create(
            username=account.username,
            defaults={
                "first_name": account.first_name,
                "last_name": account.last_name,
                "email": f"{account.username}@demo.samenspel.invalid",
                "is_demo": True,
            },
        )
        if is_new or not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        created += is_new
        portfolio = (
            Portfolio.objects.get(association=association, slug=account.portfolio)
            if account.portfolio
            else None
        )
        organisation = (
            Organisation.objects.get(slug=account.organisation) if account.organisation else None
        )
        assignment, _ = RoleAssignment.objects.get_or_create(
            user=user,
            association=association,
            role=account.role,
            portfolio=portfolio,
            organisation=organisation,
        )
        listed.append((account.username, str(assignment)))
    example = Association.objects.filter(slug=EXAMPLE_ASSOCIATION).first()
    if example is not None:  # the bureau of the demo also runs the example association
        bureau = User.objects.get(username="bureau")
        RoleAssignment.objects.get_or_create(user=bureau, association=example, role=RoleKind.BUREAU)
        listed.append(("bureau", f"{RoleKind.BUREAU.label} ({example.short_name})"))
    return listed, password, created
