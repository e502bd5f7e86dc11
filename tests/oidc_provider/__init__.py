"""A real OpenID Connect provider for the sign-in tests: django-oauth-toolkit as an issuer,
run as its own process (`python -m tests.oidc_provider --port N --config clients.json`).

Never a mock: Samenspel talks to it over HTTP exactly as to Entra ID or Keycloak
(discovery, authorization code with PKCE, RS256 id token through JWKS, userinfo,
RP-initiated logout). `fixtures.py` starts it for a test session.
"""
