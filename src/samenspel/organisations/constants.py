"""Choices of the network: kinds of organisation, functions of people, kinds of body, roles."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Gemeente")
    PROVINCE = "province", _("Provincie")
    WATER_BOARD = "water_board", _("Waterschap")
    ASSOCIATION = "association", _("Vereniging")
    VNG = "vng", _("VNG")
    NATIONAL_GOVERNMENT = "national_government", _("Rijksoverheid")
    PARTNER = "partner", _("Partner")
    NETWORK = "network", _("Samenwerkingsverband")


class AssociationKind(models.TextChoices):
    PROVINCIAL = "provincial", _("Provinciale vereniging van gemeenten")
    REGIONAL = "regional", _("Regionale samenwerking")
    OTHER = "other", _("Andere samenwerking")


class AssociationMembershipKind(models.TextChoices):
    """How an organisation takes part in an association; only members share the costs."""

    MEMBER = "member", _("Lid")
    PARTNER = "partner", _("Partner")
    OBSERVER = "observer", _("Waarnemer")


# Kinds whose executive takes formal decisions and who name an account holder (5.1).
GOVERNMENT_KINDS = (
    OrganisationKind.MUNICIPALITY,
    OrganisationKind.PROVINCE,
    OrganisationKind.WATER_BOARD,
)


class PersonFunction(models.TextChoices):
    MAYOR = "mayor", _("Burgemeester")
    ALDERMAN = "alderman", _("Wethouder")
    COUNCILLOR = "councillor", _("Raadslid")
    MUNICIPAL_SECRETARY = "municipal_secretary", _("Gemeentesecretaris")
    CLERK = "clerk", _("Griffier")
    OFFICIAL = "official", _("Ambtenaar")
    KINGS_COMMISSIONER = "kings_commissioner", _("Commissaris van de Koning")
    DEPUTY = "deputy", _("Gedeputeerde")
    DIKE_REEVE = "dike_reeve", _("Dijkgraaf")
    WATER_BOARD_EXECUTIVE = "water_board_executive", _("Lid dagelijks bestuur waterschap")
    EXECUTIVE_SECRETARY = "executive_secretary", _("Ambtelijk secretaris")
    PROCESS_DIRECTOR = "process_director", _("Procesregisseur")
    ADMINISTRATIVE_OFFICER = "administrative_officer", _("Administratief-secretarieel medewerker")
    OTHER = "other", _("Anders")


# Functions that count as "political" (bestuurder) for the governance rules.
EXECUTIVE_FUNCTIONS = (
    PersonFunction.MAYOR,
    PersonFunction.ALDERMAN,
    PersonFunction.KINGS_COMMISSIONER,
    PersonFunction.DEPUTY,
    PersonFunction.DIKE_REEVE,
    PersonFunction.WATER_BOARD_EXECUTIVE,
)


class BodyKind(models.TextChoices):
    GENERAL_BOARD = "general_board", _("Algemeen bestuur")
    EXECUTIVE_BOARD = "executive_board", _("Dagelijks bestuur")
    PORTFOLIO_MEETING = "portfolio_meeting", _("Portefeuillehoudersoverleg")
    OFFICIALS_MEETING = "officials_meeting", _("Ambtelijk overleg")
    CORE_GROUP = "core_group", _("Kerngroep")
    CORE_GROUP_PLUS = "core_group_plus", _("Kerngroep plus")
    ACCOUNT_HOLDERS_MEETING = "account_holders_meeting", _("Accounthoudersoverleg")
    SECRETARIES_CIRCLE = "secretaries_circle", _("Kring van gemeentesecretarissen")
    BUREAU = "bureau", _("Bureau")
    STEERING_GROUP = "steering_group", _("Stuurgroep")
    VNG_COMMITTEE = "vng_committee", _("VNG-commissie")
    OTHER = "other", _("Overig")


class Role(models.TextChoices):
    CHAIR = "chair", _("Voorzitter")
    VICE_CHAIR = "vice_chair", _("Vicevoorzitter")
    SECRETARY_TREASURER = "secretary_treasurer", _("Secretaris-penningmeester")
    SECRETARY = "secretary", _("Secretaris")
    MEMBER = "member", _("Lid")
    MINUTE_TAKER = "minute_taker", _("Notulist")
    SUPPORT = "support", _("Ambtelijk ondersteuner")
    INVITED_GUEST = "invited_guest", _("Genodigde")


class CommitteeLink(models.TextChoices):
    LINKED = "linked", _("Verbonden")
    ASSUMED = "assumed", _("Verbonden op onderwerp (te bevestigen)")
    UNLINKED = "unlinked", _("Nog geen verbinding")
