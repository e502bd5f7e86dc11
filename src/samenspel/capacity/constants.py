"""Choices and fixed numbers of the staff commitment (annex 1, "Ambtelijke inzet")."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CommitmentKind(models.TextChoices):
    PORTFOLIO = "portfolio", _("Portefeuille")
    CHAIR = "chair", _("Voorzitterschap")
    ACCOUNT_HOLDER = "account_holder", _("Accounthouder")
    VNG_COMMITTEE_SUPPORT = "vng_committee_support", _("Ondersteuning VNG-commissielid")
    STAFF_EXPERTISE = "staff_expertise", _("Stafexpertise")
    TEMPORARY = "temporary", _("Tijdelijke inzet")


# The columns of Table 2.2, in the document's order.
ROLE_KINDS = (
    CommitmentKind.CHAIR,
    CommitmentKind.ACCOUNT_HOLDER,
    CommitmentKind.VNG_COMMITTEE_SUPPORT,
    CommitmentKind.STAFF_EXPERTISE,
)


class ExpertiseSubject(models.TextChoices):
    FINANCE = "finance", _("Financiën")
    HR = "hr", _("Personeelszaken")
    LEGAL = "legal", _("Juridisch advies")
    COMMUNICATION = "communication", _("Communicatie")


class HoursPer(models.TextChoices):
    YEAR = "year", _("per jaar")
    WEEK = "week", _("per week")


TABLE_2_1 = "Tabel 2.1"
TABLE_2_2 = "Tabel 2.2"
TABLE_SOURCES = (TABLE_2_1, TABLE_2_2)

QUARTERS = (1, 2, 3, 4)
# A quarter has about 520 working hours per full-time job; 2,000 hours in one quarter
# for one member and portfolio is certainly a typing error.
MAX_QUARTER_HOURS = 2000
