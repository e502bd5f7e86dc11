"""`samenspel apilint`: the NL API Design Rules on the generated OpenAPI document.

    samenspel apilint [--server https://vdg.example.nl/api/v1] [--file spec.json]

Prints one line a problem (the rule's id, where, what) and exits 1 when there is one;
prints nothing else and exits 0 when the document keeps every rule (docs/api.md).
`--file` checks a saved document (JSON or YAML) instead of generating one.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml
from django.core.management.base import BaseCommand

from samenspel.api.lint import lint
from samenspel.api.schema import build_document


class Command(BaseCommand):
    help = "Checks the OpenAPI document against the NL API Design Rules (api/lint.py)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--server",
            default="http://localhost:8000/api/v1",
            help="The server URL the document names (an association's API root).",
        )
        parser.add_argument("--file", help="Check this saved document (JSON or YAML).")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["file"]:
            spec = yaml.safe_load(Path(options["file"]).read_text(encoding="utf-8"))
        else:
            spec = build_document(options["server"])
        problems = lint(spec)
        for problem in problems:
            self.stdout.write(str(problem))
        if problems:
            self.stderr.write(f"{len(problems)} problem(s) with the API contract.")
            sys.exit(1)
