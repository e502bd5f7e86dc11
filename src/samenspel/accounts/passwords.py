"""The password check beside the length (NCSC, OWASP ASVS level 2): a password may not be a
common or breached one. No composition rules (no digits or capitals required) and no
forced periodic change: a long sentence is the better password (docs/sign-in.md).

Two lists, both shipped with the code, nothing asked of a service at sign-up:

- Django's 20,000 common passwords from breach corpora (`common-passwords.txt.gz` in
  django.contrib.auth, read through `CommonPasswordValidator`'s default path);
- our own list of Dutch and regional words (`accounts/data/common-passwords-nl.txt`):
  wachtwoord, welkom, months, the municipalities of Drenthe, the association …

People dress a common word up to pass a length rule ("Welkom2024!!!!", "Assen123456789"),
so a password also counts as listed when the word between its leading and trailing digits
and symbols is listed, also with spaces or hyphens left out, digits read as letters
("W3lk0m") or the word repeated ("zomerzomer").
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

DUTCH_LIST_PATH = Path(__file__).resolve().parent / "data" / "common-passwords-nl.txt"

# A listed word of Django's list counts inside digits and symbols only from this length:
# that list holds fragments like "m" or "la", and "7a!93821@#04" is no dressed-up word.
BREACHED_BASE_MIN_LENGTH = 4
# Left out when comparing: "Aa en Hunze", "Borger-Odoorn", "Hunze en Aa's".
SEPARATORS = str.maketrans("", "", " -_.'\u2019")
# Digits and symbols read as the letters they stand for ("W3lk0m", "V0etb@l").
LEET = {"0": "o", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", "$": "s"}
LEET_ONE = ("i", "l")  # "1" stands for either
# Runs along the digits, the alphabet or a keyboard row ("123456789012", "abcdefghijkl").
RUNS = (
    "0123456789",
    "abcdefghijklmnopqrstuvwxyz",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "azertyuiop",
    "qsdfghjklm",
    "wxcvbn",
)


@functools.cache
def breached_passwords() -> frozenset[str]:
    """Django's list, read from its own default path (lower case, as Django compares)."""
    return frozenset(CommonPasswordValidator().passwords)


@functools.cache
def dutch_passwords() -> frozenset[str]:
    """Our list: one lower-case word a line, `#` starts a comment line."""
    lines = DUTCH_LIST_PATH.read_text(encoding="utf-8").splitlines()
    return frozenset(
        line.strip().lower() for line in lines if line.strip() and not line.startswith("#")
    )


def base_word(password: str) -> str:
    """The part from the first to the last letter ("welkom" of "!Welkom2024!!"), in
    lower case; the whole password when it has no letters."""
    text = password.strip().lower()
    letters = [i for i, char in enumerate(text) if char.isalpha()]
    if not letters:
        return text
    return text[letters[0] : letters[-1] + 1]


def _unleet(word: str) -> set[str]:
    readings = set()
    for one in LEET_ONE:
        readings.add("".join(LEET.get(char, one if char == "1" else char) for char in word))
    return readings


def _unrepeat(word: str) -> str:
    """ "zomerzomer" → "zomer"; a word not made of repeats stays as it is."""
    for times in (4, 3, 2):
        size, rest = divmod(len(word), times)
        if size and not rest and word == word[:size] * times:
            return word[:size]
    return word


def is_run(text: str) -> bool:
    """One or two characters over and over ("aaaaaaaaaaaa", "121212121212"), or a run
    along a row forwards or backwards, wrapping round ("123456789012")."""
    if len(set(text)) <= 2:
        return True
    for row in RUNS:
        around = row * (len(text) // len(row) + 2)
        if text in around or text in around[::-1]:
            return True
    return False


def candidates(password: str) -> set[str]:
    """The words a password may be a dressed-up form of, each to look up in the lists."""
    base = base_word(password)
    compact = base.translate(SEPARATORS)
    words = {base, compact, *_unleet(compact)}
    return words | {_unrepeat(word) for word in words}


def is_common(password: str) -> bool:
    text = password.strip().lower()
    breached, dutch = breached_passwords(), dutch_passwords()
    if text in breached or text in dutch or is_run(text.translate(SEPARATORS)):
        return True
    for word in candidates(password):
        if word in dutch:
            return True
        if len(word) >= BREACHED_BASE_MIN_LENGTH and word in breached:
            return True
    return False


class BreachedPasswordValidator:
    """AUTH_PASSWORD_VALIDATORS entry: refuses a password from either list (see above)."""

    def __init__(self, min_length: int = 12) -> None:
        # Only for the help text: MinimumLengthValidator enforces the length itself.
        self.min_length = min_length

    def validate(self, password: str, user: Any = None) -> None:
        if is_common(password):
            raise ValidationError(
                _(
                    "Dit wachtwoord komt voor in lijsten van veelgebruikte of gelekte "
                    "wachtwoorden. Kies een langere zin of een wachtwoordmanager-wachtwoord."
                ),
                code="password_too_common",
            )

    def get_help_text(self) -> str:
        return _(
            "Minstens %(min_length)d tekens, verder geen regels: een zin van een paar "
            "woorden is prima. Geen wachtwoord uit lijsten van veelgebruikte of gelekte "
            "wachtwoorden."
        ) % {"min_length": self.min_length}
