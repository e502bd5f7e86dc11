"""The claims the test provider puts in its id token and userinfo, as Entra ID and
Keycloak do: e-mail, names, and `amr` (["pwd", "mfa"] for users in the group "mfa")."""

from typing import Any

from oauth2_provider.oauth2_validators import OAuth2Validator

MFA_GROUP = "mfa"


class ClaimsValidator(OAuth2Validator):
    # amr travels with the openid scope (it says how the user signed in, not who they are).
    oidc_claim_scope = {**OAuth2Validator.oidc_claim_scope, "amr": "openid"}

    def get_additional_claims(self, request: Any) -> dict[str, Any]:
        user = request.user
        mfa = user.groups.filter(name=MFA_GROUP).exists()
        return {
            "email": user.email,
            "given_name": user.first_name,
            "family_name": user.last_name,
            "amr": ["pwd", "mfa"] if mfa else ["pwd"],
        }
