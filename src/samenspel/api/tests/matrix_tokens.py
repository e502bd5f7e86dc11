"""The permission matrix rows of the API token pages (/api-toegang/)."""

from __future__ import annotations

from typing import Any

from samenspel.accounts.models import User
from samenspel.api.tokens import token_create
from samenspel.organisations.models import Organisation

# The bureau and the account holders manage tokens; a token's pages are the bureau's and
# those of the account holder of its organisation (the matrix's token is Assen's).
API_MATRIX: dict[str, tuple[str, str]] = {
    "api_pages:list": ("login 403 403 403 200 200 200", "405 405 405 405 405 405 405"),
    "api_pages:create": ("login 403 403 403 200 200 200", "login 403 403 403 200 200 200"),
    "api_pages:uses": ("login 403 403 403 200 403 200", "405 405 405 405 405 405 405"),
    "api_pages:revoke": ("login 403 403 403 200 403 200", "login 403 403 403 302 403 302"),
}


def api_matrix_arguments(agenda: Any) -> dict[str, dict[str, Any]]:
    """A token of Assen's account holder, made inside the test's transaction."""
    holder = User.objects.get(username="accounthouder-assen")
    issued = token_create(
        association=agenda.association,
        name="Matrix",
        user=holder,
        organisation=Organisation.objects.get(slug="assen"),
        scopes=["read"],
        created_by=holder,
    )
    token = {"pk": issued.token.pk}
    return {"api_pages:uses": token, "api_pages:revoke": token}
