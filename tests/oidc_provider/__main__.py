"""Start the test provider: `python -m tests.oidc_provider --port N --config setup.json`.

The JSON file names the users and clients to create:
{"users": [{"username", "password", "email", "given_name", "family_name", "mfa"}],
 "clients": [{"client_id", "client_secret", "redirect_uris": [...],
              "post_logout_redirect_uris": [...]}]}
The issuer is http://127.0.0.1:<port>/o. The database is a SQLite file in --data-dir;
a migrated copy in --template-db (made on first use) spares later processes the migrations.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.oidc_provider")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--template-db", type=Path)
    return parser.parse_args(argv)


def _database_ready(database: Path, template: Path | None) -> None:
    from django.core.management import call_command

    if template is not None and template.exists():
        shutil.copyfile(template, database)
        return
    call_command("migrate", verbosity=0, interactive=False)
    if template is not None:
        partial = template.with_suffix(f".{os.getpid()}.part")
        shutil.copyfile(database, partial)
        partial.replace(template)  # atomic: a concurrent process never copies half a file


def _populate(setup: dict[str, Any]) -> dict[str, str]:
    from django.contrib.auth.models import Group, User
    from oauth2_provider.models import Application

    from tests.oidc_provider.validator import MFA_GROUP

    mfa, _created = Group.objects.get_or_create(name=MFA_GROUP)
    subjects = {}
    for spec in setup.get("users", []):
        user = User.objects.create_user(
            spec["username"],
            email=spec.get("email", ""),
            password=spec["password"],
            first_name=spec.get("given_name", ""),
            last_name=spec.get("family_name", ""),
        )
        if spec.get("mfa"):
            user.groups.add(mfa)
        subjects[user.username] = str(user.pk)  # the validator's `sub`
    for spec in setup.get("clients", []):
        Application.objects.create(
            name=spec["client_id"],
            client_id=spec["client_id"],
            client_secret=spec["client_secret"],  # hashed on save, as a real provider keeps it
            client_type=Application.CLIENT_CONFIDENTIAL,
            authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
            redirect_uris=" ".join(spec["redirect_uris"]),
            post_logout_redirect_uris=" ".join(spec.get("post_logout_redirect_uris", [])),
            algorithm=Application.RS256_ALGORITHM,
            skip_authorization=True,  # no consent page: the organisation trusts its own RP
        )
    return subjects


def main(argv: list[str]) -> None:
    options = _arguments(argv)
    options.data_dir.mkdir(parents=True, exist_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.oidc_provider.settings"
    os.environ["OIDC_PROVIDER_DIR"] = str(options.data_dir)
    os.environ["OIDC_PROVIDER_ISSUER"] = f"http://127.0.0.1:{options.port}/o"

    import django

    django.setup()
    from django.core.servers.basehttp import WSGIServer, run
    from django.core.wsgi import get_wsgi_application

    _database_ready(options.data_dir / "provider.sqlite3", options.template_db)
    subjects = _populate(json.loads(options.config.read_text()))
    # The subjects (`sub`) the tests expect, written only once everything is in place.
    ready = options.data_dir / "ready.json"
    ready.with_suffix(".part").write_text(json.dumps({"subjects": subjects}))
    ready.with_suffix(".part").replace(ready)
    run("127.0.0.1", options.port, get_wsgi_application(), threading=True, server_cls=WSGIServer)


if __name__ == "__main__":
    main(sys.argv[1:])
