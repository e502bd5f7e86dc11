"""catalogus.jsonld: the datasets described in DCAT-AP-NL (DCAT-AP 3 with the Dutch
profile's choices), so data.overheid.nl can harvest them.

Values come from the EU vocabularies DCAT-AP-NL prescribes: the data theme
"Government and public sector", file types, language and access rights; the licence is
the association's (`Association.open_data_licence`).
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from samenspel.opendata.datasets import DATASETS, MEDIA_TYPES
from samenspel.organisations.models import Association

EU = "http://publications.europa.eu/resource/authority/"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
THEME = EU + "data-theme/GOVE"
LANGUAGE = EU + "language/NLD"
PUBLIC = EU + "access-right/PUBLIC"
FILE_TYPES = {"csv": EU + "file-type/CSV", "json": EU + "file-type/JSON"}


def _nl(text: Any) -> dict[str, str]:
    return {"@value": str(text), "@language": "nl"}


def _ref(url: str) -> dict[str, str]:
    return {"@id": url}


def _when(moment: Any) -> dict[str, str]:
    return {"@value": moment.isoformat(), "@type": "xsd:dateTime"}


def _publisher(association: Association, home: str) -> dict[str, Any]:
    return {
        "@id": home + "#uitgever",
        "@type": "foaf:Organization",
        "foaf:name": association.name,
        "foaf:homepage": _ref(association.website or home),
    }


def _contact(association: Association, home: str) -> dict[str, Any]:
    contact: dict[str, Any] = {"@type": "vcard:Organization", "vcard:fn": association.name}
    if association.contact_email:  # the association's own address, never a person's
        contact["vcard:hasEmail"] = _ref("mailto:" + association.contact_email)
    contact["vcard:hasURL"] = _ref(association.website or home)
    return contact


def catalogue(association: Association, *, absolute, modified: dict[str, Any]) -> dict[str, Any]:
    """The DCAT catalogue; `absolute` makes a path a full URL, `modified` gives each
    dataset's last change (None: unknown)."""
    page = absolute(reverse("opendata:index"))
    home = absolute(reverse("public:index"))
    licence = _ref(association.open_data_licence_uri)
    publisher = _publisher(association, home)
    datasets = []
    for dataset in DATASETS:
        distributions = []
        for fmt, url_name in dataset.files:
            url = absolute(reverse(url_name))
            distributions.append(
                {
                    "@id": url + "#distributie",
                    "@type": "dcat:Distribution",
                    "dct:title": _nl(f"{dataset.title} ({fmt.upper()})"),
                    "dcat:accessURL": _ref(url),
                    "dcat:downloadURL": _ref(url),
                    "dct:format": _ref(FILE_TYPES[fmt]),
                    "dcat:mediaType": _ref(
                        "https://www.iana.org/assignments/media-types/" + MEDIA_TYPES[fmt]
                    ),
                    "dct:license": licence,
                    "dct:rights": _nl(association.get_open_data_licence_display()),
                }
            )
        item: dict[str, Any] = {
            "@id": f"{page}#{dataset.key}",
            "@type": "dcat:Dataset",
            "dct:identifier": f"{page}#{dataset.key}",
            "dct:title": _nl(dataset.title),
            "dct:description": _nl(dataset.description),
            "dct:publisher": _ref(publisher["@id"]),
            "dct:language": _ref(LANGUAGE),
            "dct:accessRights": _ref(PUBLIC),
            "dcat:theme": _ref(THEME),
            "dcat:keyword": [_nl(association.short_name), _nl(dataset.title)],
            "dcat:landingPage": _ref(page),
            "dcat:contactPoint": _contact(association, home),
            "dcat:distribution": distributions,
        }
        if modified.get(dataset.key):
            item["dct:modified"] = _when(modified[dataset.key])
        datasets.append(item)
    return {
        "@context": CONTEXT,
        "@id": absolute(reverse("opendata:catalogus")),
        "@type": "dcat:Catalog",
        "dct:title": _nl(_("Open data van %(name)s") % {"name": association.name}),
        "dct:description": _nl(
            _(
                "De openbare gegevens van %(name)s: de samenwerkingsagenda, de afspraken, "
                "de besluitenlijsten, het vergaderschema en het netwerk."
            )
            % {"name": association.name}
        ),
        "dct:publisher": publisher,
        "dct:language": _ref(LANGUAGE),
        "dct:license": licence,
        "foaf:homepage": _ref(page),
        "dcat:themeTaxonomy": _ref(EU + "data-theme"),
        "dcat:dataset": datasets,
    }
