"""An association's own house style within the NL Design System theme: colours, logo, phone.

Colours are design tokens of `static/samenspel/theme.css` that an association may set:
its primary colour (menu bar, buttons, links) and a second, darker one (footer,
headings, hover). Both carry white text or stand as text on white, so each must reach
4.5:1 against white (WCAG 2.1 AA, success criterion 1.4.3); the contrast is computed
here by the WCAG formula, in pure functions. The logo is a PNG, JPEG or WebP image,
checked by its content with Pillow; SVG is refused, since it can carry script.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

WHITE = "#ffffff"
BLACK = "#000000"
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MIN_TEXT_CONTRAST = 4.5  # WCAG 2.1 AA, normal text (1.4.3)

# The pale backgrounds of theme.css that text and links may stand on (warning rows, notes,
# badges): link colours are darkened, where needed, until they reach 4.5:1 on all of them.
PALE_BACKGROUNDS = (
    WHITE,
    "#fff4d6",
    "#fdf6e8",
    "#f0f3f6",
    "#eeeeee",
    "#fbe9e7",
    "#e6f3ea",
    "#e3f1e6",
)

# The share of the primary colour in its derived darker and lighter variants.
DARK_SHARE = 0.7  # mixed with black: darker, so its contrast with white only grows
LIGHT_SHARE = 0.12  # mixed with white: a tint for backgrounds of graphics (meters)

LOGO_MAX_BYTES = 512 * 1024
LOGO_MAX_PIXELS = 4000  # per side; a bigger image is a mistake (or a decompression bomb)
# Pillow's format → the extensions such a file may have, and the content type served.
LOGO_FORMATS = {
    "PNG": ((".png",), "image/png"),
    "JPEG": ((".jpg", ".jpeg"), "image/jpeg"),
    "WEBP": ((".webp",), "image/webp"),
}
LOGO_CONTENT_TYPES = {
    extension: content_type
    for extensions, content_type in LOGO_FORMATS.values()
    for extension in extensions
}
# The file picker's filter (the check is logo_check, on the content).
LOGO_ACCEPT = ",".join(content_type for _extensions, content_type in LOGO_FORMATS.values())

# Digits with optional spaces, hyphens and parentheses, an optional leading +.
PHONE_PATTERN = re.compile(r"^\+?[0-9 ()\-]+$")
PHONE_MIN_DIGITS = 8  # 0800-1234
PHONE_MAX_DIGITS = 15  # the longest international number (E.164)


# --- colours ----------------------------------------------------------------------------


def _channels(colour: str) -> tuple[int, int, int]:
    if not HEX_COLOUR.match(colour):
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def relative_luminance(colour: str) -> float:
    """The WCAG 2.1 relative luminance of a `#rrggbb` colour: 0 (black) to 1 (white)."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in _channels(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """The WCAG 2.1 contrast ratio of two `#rrggbb` colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def colour_mix(colour: str, other: str, share: float) -> str:
    """`share` of `colour` and the rest of `other`, channel by channel, as `#rrggbb`."""
    mixed = (
        round(share * a + (1 - share) * b)
        for a, b in zip(_channels(colour), _channels(other), strict=True)
    )
    return "#" + "".join(f"{channel:02x}" for channel in mixed)


def colour_readable(colour: str, backgrounds: tuple[str, ...] = PALE_BACKGROUNDS) -> str:
    """`colour`, or the least darkened version of it (mixed with black) that reaches 4.5:1
    on every one of `backgrounds`."""
    darkest = min(backgrounds, key=relative_luminance)
    for percent in range(100, -1, -5):
        candidate = colour_mix(colour, BLACK, percent / 100)
        if contrast_ratio(candidate, darkest) >= MIN_TEXT_CONTRAST:
            return candidate
    return BLACK


def ratio_display(ratio: float) -> str:
    """4.47 → '4,4' (in Dutch): rounded down, so a refused colour never reads as good
    enough, with the active language's decimal mark."""
    tenths = int(ratio * 10 + 1e-9)
    return number_format(Decimal(tenths) / 10, decimal_pos=1)


def colour_check(value: str) -> None:
    """A `#rrggbb` colour that white text on it, or it as text on white, can be read in."""
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(
            _("'%(value)s' is geen kleur; schrijf een kleur als #rrggbb, bijvoorbeeld #1d4e6b.")
            % {"value": value},
            code="invalid",
        )
    ratio = contrast_ratio(value, WHITE)
    if ratio < MIN_TEXT_CONTRAST:
        raise ValidationError(
            _(
                "Deze kleur geeft met wit een contrast van %(ratio)s:1; nodig is minstens "
                "%(minimum)s:1. Kies een donkerdere kleur."
            )
            % {"ratio": ratio_display(ratio), "minimum": ratio_display(MIN_TEXT_CONTRAST)},
            code="contrast",
        )


def colour_tokens(primary: str, secondary: str = "") -> dict[str, str]:
    """The design tokens of theme.css an association's colours set, by name.

    Without a second colour the darker variant is made from the primary one. Links are
    the primary colour (hover: the darker one), darkened where needed to stay readable on
    the theme's pale backgrounds too. Values are validated hex colours only, never free
    text, so they are safe in a stylesheet.
    """
    if not primary and not secondary:
        return {}
    tokens: dict[str, str] = {}
    if primary:
        link = colour_readable(primary.lower())
        tokens |= {
            "--samenspel-color-primary": primary.lower(),
            "--samenspel-color-primary-dark": colour_mix(primary, BLACK, DARK_SHARE),
            "--samenspel-color-primary-light": colour_mix(primary, WHITE, LIGHT_SHARE),
            "--utrecht-link-color": link,
            "--utrecht-link-visited-color": link,
            "--utrecht-button-subtle-color": link,  # the language switch
        }
    if secondary:
        _channels(secondary)
        tokens["--samenspel-color-primary-dark"] = secondary.lower()
    tokens["--utrecht-link-hover-color"] = colour_readable(tokens["--samenspel-color-primary-dark"])
    return tokens


def stylesheet(tokens: dict[str, str]) -> str:
    """The tokens as a stylesheet that overrides theme.css (loaded after it)."""
    lines = "".join(f"  {name}: {value};\n" for name, value in tokens.items())
    return f".samenspel-theme {{\n{lines}}}\n"


# --- phone ------------------------------------------------------------------------------


def phone_check(value: str) -> None:
    digits = sum(character.isdigit() for character in value)
    if not PHONE_PATTERN.match(value) or not PHONE_MIN_DIGITS <= digits <= PHONE_MAX_DIGITS:
        raise ValidationError(
            _(
                "'%(value)s' is geen telefoonnummer; gebruik %(min)s tot %(max)s cijfers, "
                "eventueel met spaties, streepjes of een + vooraan, bijvoorbeeld "
                "0592 123 456 of +31 592 123 456."
            )
            % {"value": value, "min": PHONE_MIN_DIGITS, "max": PHONE_MAX_DIGITS},
            code="invalid",
        )


# --- logo -------------------------------------------------------------------------------


def logo_check(upload: Any) -> None:
    """Refuse a logo that is too big, not a PNG, JPEG or WebP by its content, or whose
    extension does not match its content (the extension decides the content type served)."""
    name = getattr(upload, "name", "") or ""
    base = name.rsplit("/", 1)[-1]
    extension = base[base.rfind(".") :].lower() if "." in base else ""
    allowed = ", ".join(sorted(LOGO_CONTENT_TYPES))
    if extension == ".svg":
        raise ValidationError(
            _(
                "'%(name)s' is een SVG-bestand; dat wordt geweigerd omdat het scripts kan "
                "bevatten. Sla het logo op als PNG, JPEG of WebP."
            )
            % {"name": base},
            code="svg",
        )
    if extension not in LOGO_CONTENT_TYPES:
        raise ValidationError(
            _("'%(name)s' is geen toegestaan bestandstype voor een logo; kies %(types)s.")
            % {"name": base, "types": allowed},
            code="extension",
        )
    size = upload.size or 0
    if size > LOGO_MAX_BYTES:
        raise ValidationError(
            _("'%(name)s' is te groot (%(size)s kB); een logo mag hoogstens %(max)s kB zijn.")
            % {"name": base, "size": -(-size // 1024), "max": LOGO_MAX_BYTES // 1024},
            code="size",
        )
    image_format, width, height = _image_read(upload, base)
    extensions = LOGO_FORMATS.get(image_format, ((), ""))[0]
    if extension not in extensions:
        raise ValidationError(
            _(
                "'%(name)s' is geen geldige %(type)s-afbeelding; de inhoud is %(format)s. "
                "Een logo moet een PNG-, JPEG- of WebP-afbeelding zijn."
            )
            % {"name": base, "type": extension[1:].upper(), "format": image_format or "?"},
            code="content",
        )
    if width > LOGO_MAX_PIXELS or height > LOGO_MAX_PIXELS:
        raise ValidationError(
            _(
                "'%(name)s' is %(width)s bij %(height)s pixels; een logo mag hoogstens "
                "%(max)s pixels breed en hoog zijn."
            )
            % {"name": base, "width": width, "height": height, "max": LOGO_MAX_PIXELS},
            code="pixels",
        )


def _image_read(upload: Any, base: str) -> tuple[str, int, int]:
    """The format and size Pillow reads from the file's content; the file is rewound."""
    file: IO[bytes] = getattr(upload, "file", upload)
    try:
        file.seek(0)
        with Image.open(file) as image:
            image_format, (width, height) = image.format or "", image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _(
                "'%(name)s' is geen afbeelding die gelezen kan worden; een logo moet een "
                "PNG-, JPEG- of WebP-afbeelding zijn."
            )
            % {"name": base},
            code="unreadable",
        ) from None
    finally:
        file.seek(0)
    return image_format, width, height
