"""An association's own logo, colours and contact data (organisations/branding.py).

The colours must be readable with white (WCAG 2.1 AA, 4.5:1); the logo is a real PNG,
JPEG or WebP, served only on the association's own host; the footer and the colour
tokens are the request's association's, never another's.
"""

from __future__ import annotations

import io

import pytest
import yaml
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from samenspel.agenda import agenda_file
from samenspel.agenda.export import agenda_export
from samenspel.agenda.loader import agenda_file_load
from samenspel.agenda.models import Agenda
from samenspel.organisations.branding import (
    BLACK,
    LOGO_MAX_BYTES,
    PALE_BACKGROUNDS,
    WHITE,
    colour_check,
    colour_readable,
    colour_tokens,
    contrast_ratio,
    logo_check,
    phone_check,
    ratio_display,
    relative_luminance,
    stylesheet,
)
from samenspel.organisations.models import Association

EXAMPLE_HOST = "voorbeeld.localhost"  # agenda/agendas/voorbeeld.yaml
VDG_HOST = "vdg.localhost"
LOGO_URL = "/samenwerkingsverband/logo"
STYLE_URL = "/samenwerkingsverband/huisstijl.css"


def _image(image_format: str = "PNG", size: tuple[int, int] = (40, 20)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (31, 111, 67)).save(buffer, format=image_format)
    return buffer.getvalue()


def _messages(error: pytest.ExceptionInfo[ValidationError]) -> str:
    return " ".join(error.value.messages)


# --- contrast -----------------------------------------------------------------------------


def test_luminance_of_white_and_black():
    assert relative_luminance(WHITE) == 1
    assert relative_luminance(BLACK) == 0


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [
        ("#ffffff", "#000000", 21.0),
        ("#000000", "#ffffff", 21.0),  # the order does not matter
        ("#767676", "#ffffff", 4.54),  # the lightest grey that passes on white
        ("#777777", "#ffffff", 4.48),  # one step lighter: fails
        ("#1d4e6b", "#ffffff", 8.92),  # Samenspel's own petrol blue
        ("#ff0000", "#ffffff", 4.0),
        ("#1f6f43", "#1f6f43", 1.0),
    ],
)
def test_contrast_ratio_of_known_pairs(first, second, ratio):
    assert contrast_ratio(first, second) == pytest.approx(ratio, abs=0.01)


def test_the_ratio_is_shown_rounded_down_with_a_comma():
    assert ratio_display(4.479) == "4,4"  # never "4,5" for a colour that is refused
    assert ratio_display(21.0) == "21,0"
    assert ratio_display(2.85) == "2,8"


def test_a_too_light_colour_is_refused_with_its_contrast_in_dutch():
    with pytest.raises(ValidationError) as error:
        colour_check("#999999")
    assert _messages(error) == (
        "Deze kleur geeft met wit een contrast van 2,8:1; nodig is minstens 4,5:1. "
        "Kies een donkerdere kleur."
    )
    with pytest.raises(ValidationError, match="contrast van 4,4:1"):
        colour_check("#777777")


@pytest.mark.parametrize("colour", ["#767676", "#1d4e6b", "#1F6F43", "#000000"])
def test_a_dark_enough_colour_is_accepted(colour):
    colour_check(colour)


@pytest.mark.parametrize("value", ["red", "#fff", "1d4e6b", "#1d4e6g", "#1d4e6b;}"])
def test_only_rrggbb_is_a_colour(value):
    with pytest.raises(ValidationError, match="is geen kleur; schrijf een kleur als #rrggbb"):
        colour_check(value)


def test_a_link_colour_is_darkened_only_where_a_pale_background_needs_it():
    assert colour_readable("#1f6f43") == "#1f6f43"  # 5.3:1 on the palest green badge
    # #767676 passes on white (4.54:1), not on #e3f1e6; a slightly darker grey does.
    assert contrast_ratio("#767676", "#e3f1e6") < 4.5
    assert colour_readable("#767676") == "#6a6a6a"
    assert colour_tokens("#767676")["--utrecht-link-color"] == "#6a6a6a"


def test_tokens_set_the_theme_colours_and_derive_the_rest():
    tokens = colour_tokens("#1F6F43")
    assert tokens["--samenspel-color-primary"] == "#1f6f43"
    assert tokens["--utrecht-link-color"] == "#1f6f43"
    dark = tokens["--samenspel-color-primary-dark"]
    assert contrast_ratio(dark, WHITE) > contrast_ratio("#1f6f43", WHITE)
    assert colour_tokens("#1f6f43", "#0f3d24")["--samenspel-color-primary-dark"] == "#0f3d24"
    assert colour_tokens("", "") == {}
    assert stylesheet({"--samenspel-color-primary": "#1f6f43"}) == (
        ".samenspel-theme {\n  --samenspel-color-primary: #1f6f43;\n}\n"
    )


@given(st.integers(min_value=0, max_value=0xFFFFFF))
def test_every_accepted_colour_gives_readable_derived_tokens(number):
    colour = f"#{number:06x}"
    if contrast_ratio(colour, WHITE) < 4.5:
        with pytest.raises(ValidationError):
            colour_check(colour)
        return
    colour_check(colour)
    tokens = colour_tokens(colour)
    # The darker variant carries white text (footer, hover) and is heading text on white.
    assert contrast_ratio(tokens["--samenspel-color-primary-dark"], WHITE) >= 4.5
    # Links stay readable on white and on every pale background of the theme.
    for token in ("--utrecht-link-color", "--utrecht-link-hover-color"):
        for background in PALE_BACKGROUNDS:
            assert contrast_ratio(tokens[token], background) >= 4.5, (token, background)
    # The meter: the primary colour on its light tint is a graphic (3:1, WCAG 1.4.11).
    assert contrast_ratio(colour, tokens["--samenspel-color-primary-light"]) >= 3


# --- phone --------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["0592 123 456", "+31 (0)592-123456", "0800-1234"])
def test_a_phone_number_is_accepted(value):
    phone_check(value)


@pytest.mark.parametrize("value", ["bel ons", "112", "0592 123 456 789 012 34", "0592/123456"])
def test_a_phone_number_is_refused_in_dutch(value):
    with pytest.raises(ValidationError, match="is geen telefoonnummer; gebruik 8 tot 15 cijfers"):
        phone_check(value)


def test_the_tel_link_keeps_only_digits_and_the_plus():
    assert Association(phone="+31 (0)592-123 456").phone_uri == "+310592123456"
    assert Association(phone="0592 123 456").phone_uri == "0592123456"


# --- logo validation ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "image_format"),
    [("logo.png", "PNG"), ("logo.jpg", "JPEG"), ("logo.JPEG", "JPEG"), ("logo.webp", "WEBP")],
)
def test_a_real_image_is_accepted(name, image_format):
    logo_check(SimpleUploadedFile(name, _image(image_format)))


def test_a_text_file_named_png_is_refused():
    upload = SimpleUploadedFile("logo.png", b"Dit is geen afbeelding, alleen tekst.\n" * 10)
    with pytest.raises(ValidationError) as error:
        logo_check(upload)
    assert _messages(error) == (
        "'logo.png' is geen afbeelding die gelezen kan worden; een logo moet een PNG-, "
        "JPEG- of WebP-afbeelding zijn."
    )


def test_an_image_whose_name_lies_about_its_type_is_refused():
    with pytest.raises(ValidationError) as error:
        logo_check(SimpleUploadedFile("logo.png", _image("JPEG")))
    assert "'logo.png' is geen geldige PNG-afbeelding; de inhoud is JPEG." in _messages(error)


def test_an_svg_is_refused_because_it_can_carry_script():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    with pytest.raises(ValidationError) as error:
        logo_check(SimpleUploadedFile("logo.svg", svg, content_type="image/svg+xml"))
    assert "SVG-bestand" in _messages(error) and "scripts" in _messages(error)


def test_another_type_is_refused_by_name():
    with pytest.raises(ValidationError) as error:
        logo_check(SimpleUploadedFile("logo.gif", _image("GIF")))
    assert _messages(error) == (
        "'logo.gif' is geen toegestaan bestandstype voor een logo; kies .jpeg, .jpg, .png, .webp."
    )


def test_a_too_large_logo_is_refused():
    upload = SimpleUploadedFile("groot.png", _image() + b"\0" * LOGO_MAX_BYTES)
    with pytest.raises(ValidationError) as error:
        logo_check(upload)
    assert "'groot.png' is te groot (" in _messages(error)
    assert "een logo mag hoogstens 512 kB zijn." in _messages(error)


def test_an_image_of_too_many_pixels_is_refused():
    with pytest.raises(ValidationError, match="4001 bij 1 pixels"):
        logo_check(SimpleUploadedFile("lang.png", _image(size=(4001, 1))))


def test_the_model_checks_its_fields(db):
    association = Association(
        slug="x",
        name="X",
        short_name="X",
        primary_colour="#aaaaaa",
        phone="bel ons",
        logo=SimpleUploadedFile("logo.svg", b"<svg/>"),
    )
    with pytest.raises(ValidationError) as error:
        association.full_clean()
    assert set(error.value.message_dict) == {"primary_colour", "phone", "logo"}


# --- serving: only on the association's own host ------------------------------------------


@pytest.fixture
def two(vdg_data, settings):
    """The VDG (no logo, no colours) and the example association of the packaged file."""
    settings.ALLOWED_HOSTS = [".localhost", "testserver"]
    agenda_file_load(agenda_file.read("voorbeeld"))
    return Association.objects.get(slug="vdg"), Association.objects.get(slug="voorbeeld")


@pytest.fixture
def example_logo(two):
    _vdg, example = two
    content = _image()
    example.logo.save("voorbeeld.png", ContentFile(content))  # saves: routes are dropped
    return content


def test_the_logo_is_served_on_its_own_host(client, two, example_logo, make_user):
    _vdg, example = two
    response = client.get(LOGO_URL, HTTP_HOST=EXAMPLE_HOST)
    assert response.status_code == 200
    assert response.content == example_logo
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "public, max-age=3600"
    versioned = client.get(f"{LOGO_URL}?v={example.logo_version}", HTTP_HOST=EXAMPLE_HOST)
    assert versioned["Cache-Control"] == "public, max-age=31536000"
    assert client.post(LOGO_URL, HTTP_HOST=EXAMPLE_HOST).status_code == 405
    # Signed in, the logo (the same for everyone) stays cacheable; pages do not.
    client.force_login(make_user("bureau"))
    signed_in = client.get(f"{LOGO_URL}?v={example.logo_version}", HTTP_HOST=EXAMPLE_HOST)
    assert signed_in["Cache-Control"] == "public, max-age=31536000"
    assert client.get("/")["Cache-Control"] == "no-store"


def test_another_associations_logo_is_never_served(client, two, example_logo):
    assert client.get(LOGO_URL, HTTP_HOST=VDG_HOST).status_code == 404


def test_a_logo_whose_file_is_gone_is_a_404(client, two, example_logo):
    _vdg, example = two
    example.logo.storage.delete(example.logo.name)
    assert client.get(LOGO_URL, HTTP_HOST=EXAMPLE_HOST).status_code == 404


def test_the_stylesheet_holds_the_hosts_own_colours(client, two):
    response = client.get(STYLE_URL, HTTP_HOST=EXAMPLE_HOST)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/css; charset=utf-8"
    assert response["X-Content-Type-Options"] == "nosniff"
    css = response.content.decode()
    assert "--samenspel-color-primary: #1f6f43;" in css
    assert "--samenspel-color-primary-dark: #0f3d24;" in css
    assert client.get(STYLE_URL, HTTP_HOST=VDG_HOST).status_code == 404


# --- the page: header, tokens and footer of the request's association ---------------------


def test_each_host_shows_its_own_house_style_and_contact(client, two, example_logo):
    _vdg, example = two
    page = client.get(reverse("accounts:login"), HTTP_HOST=EXAMPLE_HOST).content.decode()
    assert f'href="{STYLE_URL}?v={example.style_version}"' in page
    assert f'src="{LOGO_URL}?v={example.logo_version}" alt=""' in page
    assert '<a href="tel:0123456789">012 345 6789</a>' in page
    assert (
        '<a href="mailto:bureau@voorbeeldregio.example">bureau@voorbeeldregio.example</a>'
    ) in page
    assert '<a href="https://voorbeeldregio.example">voorbeeldregio.example</a>' in page
    assert "Voorbeeldplein 1, 9999 ZZ Ons Dorp" in page

    vdg_page = client.get(reverse("accounts:login"), HTTP_HOST=VDG_HOST).content.decode()
    for own in (STYLE_URL, LOGO_URL, "tel:", "voorbeeldregio", "Voorbeeldplein"):
        assert own not in vdg_page
    assert "samenspel-footer__contact" not in vdg_page  # the VDG file has no contact data


def test_a_logos_own_text_alternative_is_used(client, two, example_logo):
    _vdg, example = two
    example.logo_alt = "Voorbeeldregio: samen verder"
    example.save()
    page = client.get(reverse("accounts:login"), HTTP_HOST=EXAMPLE_HOST).content.decode()
    assert 'alt="Voorbeeldregio: samen verder"' in page


def test_the_admin_groups_house_style_and_contact(client, two, make_user):
    vdg, _example = two
    client.force_login(make_user("bureau"))
    url = reverse("admin:organisations_association_change", args=[vdg.pk])
    response = client.get(url, HTTP_HOST=VDG_HOST)
    assert response.status_code == 200, (response.status_code, response.headers)
    page = response.content.decode()
    assert "Huisstijl" in page and "Contact" in page
    for field in ("phone", "address", "logo", "logo_alt", "primary_colour", "secondary_colour"):
        assert f'name="{field}"' in page
    assert 'accept="image/png,image/jpeg,image/webp"' in page


# --- the agenda file ----------------------------------------------------------------------

EXAMPLE_FILE = """format: samenspel-agenda/1
association:
  slug: kleinregio
  name: Samenwerkingsverband Kleinregio
  short_name: Kleinregio
  kind: regional
  contact_email: info@kleinregio.example
  website: https://kleinregio.example
  phone: +31 592 000 000
  address: Postbus 1, 9999 AA Kleindorp
  primary_colour: '#7a3e9d'
  secondary_colour: '#4a1f63'
  is_example: true
organisations:
  - {slug: kleindorp, name: Gemeente Kleindorp, kind: municipality, member: true}
portfolios:
  - {slug: kleinregio-wonen, name: Wonen, abbreviation: W, order: 1}
agenda:
  slug: kleinregio-2025
  name: Kleinregio-agenda 2025
  period_start: 2025-01-01
  period_end: 2025-12-31
"""


def _file(tmp_path, text: str, name: str = "kleinregio.yaml"):
    path = tmp_path / name
    path.write_text(text)
    return agenda_file.read(path)


def test_the_agenda_file_carries_contact_and_colours_both_ways(db, tmp_path):
    agenda_file_load(_file(tmp_path, EXAMPLE_FILE))
    association = Association.objects.get(slug="kleinregio")
    assert (association.phone, association.primary_colour) == ("+31 592 000 000", "#7a3e9d")
    exported = agenda_export(Agenda.objects.get(slug="kleinregio-2025"))
    assert exported["association"] == yaml.safe_load(EXAMPLE_FILE)["association"]
    # Export → load: nothing changes.
    again = agenda_file_load(_file(tmp_path, yaml.safe_dump(exported), "export.yaml"))
    assert not again.changed and not again.created


def test_the_example_files_association_block_exports_as_written(vdg_data):
    agenda_file_load(agenda_file.read("voorbeeld"))
    example = Association.objects.get(slug="voorbeeld")
    exported = agenda_export(Agenda.objects.get(association=example))["association"]
    assert exported == agenda_file.read("voorbeeld").data["association"]
    assert colour_tokens(example.primary_colour)  # the multi-association path has colours


def test_a_too_light_colour_in_the_file_is_refused_with_its_line(db, tmp_path):
    text = EXAMPLE_FILE.replace("'#7a3e9d'", "'#aaaaaa'").replace("+31 592 000 000", "'12 34'")
    with pytest.raises(agenda_file.AgendaFileError) as error:
        _file(tmp_path, text)
    message = str(error.value)
    assert (
        "/association/primary_colour (regel 11): Deze kleur geeft met wit een contrast van "
        "2,3:1; nodig is minstens 4,5:1. Kies een donkerdere kleur."
    ) in message
    assert "/association/phone (regel 9): '12 34' is geen telefoonnummer" in message
    assert not Association.objects.filter(slug="kleinregio").exists()


def test_a_colour_that_is_no_colour_is_refused_by_the_schema(db, tmp_path):
    with pytest.raises(agenda_file.AgendaFileError, match="primary_colour"):
        _file(tmp_path, EXAMPLE_FILE.replace("'#7a3e9d'", "purple"))
