"""Optional single sign-on by OpenID Connect (allauth), configured by environment only.

Off unless ``OIDC_SERVER_URL``, ``OIDC_CLIENT_ID`` and ``OIDC_CLIENT_SECRET`` are set.
"""

import os
from collections.abc import Mapping


def openid_connect_providers(environ: Mapping[str, str] = os.environ) -> dict:
    """``SOCIALACCOUNT_PROVIDERS`` for one identity provider, or nothing."""
    server_url = environ.get("OIDC_SERVER_URL", "").strip()
    client_id = environ.get("OIDC_CLIENT_ID", "").strip()
    secret = environ.get("OIDC_CLIENT_SECRET", "").strip()
    if not (server_url and client_id and secret):
        return {}
    app = {
        "provider_id": environ.get("OIDC_PROVIDER_ID", "kommune").strip() or "kommune",
        "name": environ.get("OIDC_PROVIDER_NAME", "").strip() or "Dienstliche Anmeldung",
        "client_id": client_id,
        "secret": secret,
        # allauth asks for the scopes openid, profile and email; PKCE on top of the secret.
        "settings": {"server_url": server_url, "oauth_pkce_enabled": True},
    }
    token_auth_method = environ.get("OIDC_TOKEN_AUTH_METHOD", "").strip()
    if token_auth_method:  # e.g. client_secret_post where the provider wants that
        app["settings"]["token_auth_method"] = token_auth_method
    return {"openid_connect": {"APPS": [app]}}
