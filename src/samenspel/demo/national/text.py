"""Deterministic fictitious words for the national demo: names of places, people,
portfolios, and long Dutch filler text, all drawn from a seeded `random.Random`."""

from __future__ import annotations

import random

BASES = [
    "Aalder",
    "Berken",
    "Dinkel",
    "Eester",
    "Fleder",
    "Gorsel",
    "Harder",
    "Ijssel",
    "Kampen",
    "Linde",
    "Maren",
    "Neder",
    "Olde",
    "Peel",
    "Raven",
    "Sterk",
    "Ter",
    "Ulder",
    "Valke",
    "Wester",
    "Zeven",
    "Abbe",
    "Borne",
    "Dalf",
    "Elsen",
    "Grave",
    "Hengel",
    "Lochem",
    "Mollen",
    "Rijs",
]
SUFFIXES = [
    "broek",
    "veen",
    "dam",
    "horst",
    "wijk",
    "dijk",
    "hoven",
    "burg",
    "lo",
    "beek",
    "wolde",
    "mond",
]
PREFIXES = ["", "Noord-", "Zuid-", "Oost-", "West-", "Groot-", "Klein-", "Nieuw-", "Oud-"]

REGIONS = [
    "Noorderkwartier",
    "Zuiderlanden",
    "Oostermark",
    "Westerkust",
    "Middengouw",
    "Heuvelland",
    "Rivierenland",
    "Veenkoloniën",
    "Kustzone",
    "Polderland",
    "Duinstreek",
    "Maasvallei",
]

FIRST = [
    "Anouk",
    "Bas",
    "Charlotte",
    "Daan",
    "Eva",
    "Floor",
    "Gijs",
    "Hanna",
    "Ivo",
    "Joost",
    "Kim",
    "Lars",
    "Maud",
    "Noor",
    "Otto",
    "Pien",
    "Quinten",
    "Rik",
    "Sara",
    "Thijs",
    "Ilse",
    "Vera",
    "Wouter",
    "Yara",
    "Zoë",
    "Bart",
    "Lieke",
    "Merel",
    "Ruben",
    "Tess",
]
LAST = [
    "de Vries",
    "van Dam",
    "Hendriks",
    "Kok",
    "Visser",
    "de Graaf",
    "van Leeuwen",
    "Brouwer",
    "Dekker",
    "Vermeulen",
    "Koster",
    "Prins",
    "Huisman",
    "Peters",
    "Bosman",
    "Schouten",
    "van Beek",
    "Kramer",
    "Wijnands",
    "Timmer",
    "Veldman",
    "Hofman",
    "de Lange",
    "Groen",
    "Sietsma",
    "Evers",
    "Lammers",
    "Verhoef",
    "Snijders",
    "Molenaar",
]

# name, abbreviation, code: the portfolios every generated association has.
PORTFOLIOS = [
    ("Sociaal domein", "SD", "sociaal-domein"),
    ("Energie en klimaat", "EK", "energie-en-klimaat"),
    ("Ruimte en wonen", "RW", "ruimte-en-wonen"),
    ("Onderwijs en cultuur", "OC", "onderwijs-en-cultuur"),
    ("Economie en arbeidsmarkt", "EA", "economie-en-arbeidsmarkt"),
    ("Mobiliteit", "MO", "mobiliteit"),
    ("Veiligheid", "VE", "veiligheid"),
    ("Bedrijfsvoering en financiën", "BF", "bedrijfsvoering-en-financien"),
]

SUBJECTS = [
    "jeugdzorg",
    "energietransitie",
    "woningbouw",
    "laaggeletterdheid",
    "arbeidsmarkt",
    "bereikbaarheid",
    "ondermijning",
    "informatieveiligheid",
    "armoedebestrijding",
    "warmtenetten",
    "stikstof",
    "vrijetijdseconomie",
    "schuldhulpverlening",
    "inburgering",
    "zwerfafval",
    "netcongestie",
    "cultuureducatie",
    "mantelzorg",
    "dienstverlening",
    "digitale inclusie",
    "klimaatadaptatie",
    "sportakkoord",
    "vitale vakantieparken",
    "statushouders",
    "regionale samenwerking",
    "openbaar vervoer",
    "circulaire economie",
    "preventie",
    "toezicht",
    "datagedreven werken",
]
VERBS = [
    "Versterken van",
    "Uitwerken van",
    "Gezamenlijke aanpak",
    "Regionale visie op",
    "Kennisdeling over",
    "Lobby voor",
    "Pilot",
    "Monitoren van",
    "Afstemming over",
    "Uitvoeringsagenda",
]

SENTENCES = [
    "De gemeenten werken hierin samen omdat de opgave de grenzen van één gemeente overstijgt.",
    "Het samenwerkingsverband brengt partijen bij elkaar en zorgt dat kennis wordt gedeeld.",
    "In het portefeuillehoudersoverleg wordt de voortgang twee keer per jaar besproken.",
    "De ambtelijke werkgroep bereidt de besluitvorming voor en houdt contact met de partners.",
    "Er is aandacht voor de verschillen tussen grote en kleine gemeenten in de regio.",
    "De provincie en de waterschappen zijn betrokken waar hun taken raken aan de opgave.",
    "Financiering komt uit de lopende begroting en waar nodig uit een aanvullende bijdrage.",
    "Na de eerste fase volgt een evaluatie, waarna het algemeen bestuur over vervolg besluit.",
    "Inwoners en maatschappelijke organisaties worden op verschillende momenten betrokken.",
    "De resultaten worden gedeeld via de nieuwsbrief en de website van het samenwerkingsverband.",
    "De planning houdt rekening met de begrotingscyclus van de deelnemende gemeenten.",
    "Knelpunten worden tijdig gemeld bij de kerngroep, zodat bijsturing mogelijk blijft.",
    "Een externe adviseur ondersteunt bij het opstellen van de regionale analyse.",
    "De colleges nemen elk een eigen besluit; het bureau houdt de stand bij.",
    "Landelijke ontwikkelingen worden gevolgd via de VNG en de ministeries.",
    "Waar mogelijk sluit de aanpak aan bij bestaande netwerken en programma's.",
]


def municipality_name(index: int) -> str:
    """A unique fictitious place name for every index below 3,240."""
    base = BASES[index % len(BASES)]
    suffix = SUFFIXES[(index // len(BASES)) % len(SUFFIXES)]
    prefix = PREFIXES[(index // (len(BASES) * len(SUFFIXES))) % len(PREFIXES)]
    return f"{prefix}{base}{suffix}"


def person_name(index: int) -> str:
    """A unique fictitious name per index (900 pairs, then numbered)."""
    first = FIRST[index % len(FIRST)]
    last = LAST[(index // len(FIRST)) % len(LAST)]
    round_ = index // (len(FIRST) * len(LAST))
    return f"{first} {last}" + (f" {round_ + 1}" if round_ else "")


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


def long_text(rng: random.Random, paragraphs: int = 3) -> str:
    return "\n\n".join(paragraph(rng, rng.randint(3, 6)) for _ in range(paragraphs))


def title(rng: random.Random) -> str:
    return f"{rng.choice(VERBS)} {rng.choice(SUBJECTS)}"
