"""Reading and validating agenda files (`format: samenspel-agenda/1`, docs/agenda-format.md).

A file is read whole, checked against the JSON Schema shipped in `schema/` and then for
references between its parts (a body's portfolio, a post's organisation…). Every
problem is reported with the file, the path inside it and the line, before anything is
written.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from jsonschema import Draft202012Validator

from samenspel.organisations.branding import colour_check, phone_check

FORMAT = "samenspel-agenda/1"
PACKAGED_DIR = Path(__file__).parent / "agendas"
SCHEMA_PATH = Path(__file__).parent / "schema" / "samenspel-agenda-1.schema.json"


# libyaml's parser where PyYAML was built with it (about ten times faster on the VDG file);
# the same safe constructors and resolvers either way.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):  # type: ignore[misc, valid-type]
    """SafeLoader that keeps dates as text: the schema checks them, the loaders parse them."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _parse(text: str) -> tuple[yaml.Node | None, object]:
    """The document's node tree (for line numbers) and its data, from one parse."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


@dataclass(frozen=True)
class AgendaFileProblem:
    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"regel {self.line}" if self.line else "regel onbekend"
        return f"{self.path or '(bestand)'} ({where}): {self.message}"


class AgendaFileError(Exception):
    def __init__(self, file: Path | str, problems: list[AgendaFileProblem]):
        self.file = str(file)
        self.problems = problems
        super().__init__(self.describe())

    def describe(self) -> str:
        lines = [f"{self.file}: {len(self.problems)} fout(en), er is niets opgeslagen."]
        lines += [f"  {problem}" for problem in self.problems]
        return "\n".join(lines)


@dataclass
class AgendaFile:
    path: Path
    data: dict[str, Any]
    lines: dict[str, int]

    def line_of(self, path: str) -> int | None:
        """The line of `path`, or of its closest parent that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path.rpartition("/")[0]
        return self.lines.get("", 1)


def resolve(name_or_path: str) -> Path:
    """A packaged agenda by name (`vdg-2023-2027`) or a path to a file."""
    packaged = PACKAGED_DIR / f"{name_or_path}.yaml"
    if packaged.exists():
        return packaged
    path = Path(name_or_path)
    if path.exists():
        return path
    known = ", ".join(sorted(p.stem for p in PACKAGED_DIR.glob("*.yaml")))
    raise AgendaFileError(
        name_or_path,
        [AgendaFileProblem("", None, f"Geen bestand of meegeleverde agenda (bekend: {known}).")],
    )


def _line_map(node: yaml.Node, path: str = "", lines: dict[str, int] | None = None):
    lines = {} if lines is None else lines
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _line_map(value, f"{path}/{key.value}", lines)
            lines[f"{path}/{key.value}"] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _line_map(item, f"{path}/{index}", lines)
    return lines


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def read(name_or_path: str | Path) -> AgendaFile:
    """Parse and schema-check a file; raise AgendaFileError listing every problem."""
    path = resolve(str(name_or_path))
    text = path.read_text(encoding="utf-8")
    try:
        node, data = _parse(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise AgendaFileError(
            path,
            [AgendaFileProblem("", mark.line + 1 if mark else None, f"Geen geldige YAML: {exc}")],
        ) from exc
    if not isinstance(data, dict):
        raise AgendaFileError(path, [AgendaFileProblem("", 1, "Het bestand is geen YAML-object.")])
    agenda_file = AgendaFile(path=path, data=data, lines=_line_map(node))
    problems = [
        AgendaFileProblem(
            path="/" + "/".join(str(p) for p in error.absolute_path),
            line=agenda_file.line_of("/" + "/".join(str(p) for p in error.absolute_path)),
            message=dutch_message(error),
        )
        for error in sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    ]
    problems += _impossible_dates(agenda_file)
    if not problems:
        problems += _association_checks(agenda_file)
    if problems:
        raise AgendaFileError(path, problems)
    return agenda_file


_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _strings(value: Any, path: str = ""):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}/{index}")
    elif isinstance(value, str):
        yield path, value


def _impossible_dates(agenda_file: AgendaFile) -> list[AgendaFileProblem]:
    """Values in the form of a date that name no day (`2027-02-30`): the schema checks only
    the form, and the loaders would stop at the first with a traceback."""
    problems = []
    for path, value in _strings(agenda_file.data):
        if not _DATE.match(value):
            continue
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            problems.append(
                AgendaFileProblem(
                    path=path,
                    line=agenda_file.line_of(path),
                    message=f"Datum {value!r} bestaat niet (verwacht JJJJ-MM-DD, een echte dag).",
                )
            )
    return problems


def _association_checks(agenda_file: AgendaFile) -> list[AgendaFileProblem]:
    """What the schema cannot say about the association block: a colour must give white
    text on it 4.5:1 contrast (WCAG 2.1 AA), a phone number needs enough digits."""
    spec = agenda_file.data.get("association") or {}
    checks = {
        "phone": phone_check,
        "primary_colour": colour_check,
        "secondary_colour": colour_check,
    }
    problems = []
    for key, check in checks.items():
        if key not in spec:
            continue
        try:
            check(spec[key])
        except ValidationError as error:
            path = f"/association/{key}"
            problems += [
                AgendaFileProblem(path, agenda_file.line_of(path), message)
                for message in error.messages
            ]
    return problems


_TYPE_NAMES = {
    "string": "tekst",
    "integer": "geheel getal",
    "array": "lijst",
    "object": "object",
    "boolean": "ja/nee",
    "number": "getal",
    "null": "leeg",
}


def _required(error: Any) -> str:
    missing = [name for name in error.validator_value if name not in error.instance]
    return f"Verplicht veld ontbreekt: {', '.join(missing)}."


def _additional(error: Any) -> str:
    allowed = sorted(error.schema.get("properties", {}))
    extra = sorted(set(error.instance) - set(allowed))
    return f"Onbekend veld: {', '.join(extra)} (toegestaan: {', '.join(allowed)})."


def _type(error: Any) -> str:
    wanted = error.validator_value
    wanted = [wanted] if isinstance(wanted, str) else wanted
    names = " of ".join(_TYPE_NAMES.get(w, w) for w in wanted)
    return f"Verwacht {names}, niet {error.instance!r}."


_MESSAGES = {
    "required": _required,
    "additionalProperties": _additional,
    "type": _type,
    "enum": lambda e: (
        f"Waarde {e.instance!r} is niet toegestaan; kies uit: "
        + ", ".join(str(o) for o in e.validator_value)
        + "."
    ),
    "const": lambda e: f"Waarde moet {e.validator_value!r} zijn, niet {e.instance!r}.",
    "pattern": lambda e: f"Waarde {e.instance!r} heeft niet de vorm {e.validator_value}.",
    "minimum": lambda e: f"Waarde {e.instance!r} is te klein (minimaal {e.validator_value}).",
    "minItems": lambda e: f"Lijst moet minstens {e.validator_value} item(s) hebben.",
    "minLength": lambda e: "Waarde mag niet leeg zijn.",
    "maxLength": lambda e: f"Waarde is te lang (hoogstens {e.validator_value} tekens).",
}


def dutch_message(error: Any) -> str:
    """jsonschema's messages, said in Dutch for the people who write agenda files."""
    message = _MESSAGES.get(error.validator)
    return message(error) if message else error.message
