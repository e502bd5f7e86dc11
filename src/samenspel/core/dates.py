"""Dates every app judges on, and the range of years and dates a page accepts."""

import datetime as dt

from django.conf import settings
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

# The years a page or form accepts. Outside them the date arithmetic of schedules and
# reports overflows (`date(10000, 1, 1)`), and no agenda of the association lies there.
FIRST_YEAR = 2000
LAST_YEAR = 2100


def today() -> dt.date:
    """The date progress is judged on: SAMENSPEL_TODAY when set (demonstrations), else today."""
    if settings.SAMENSPEL_TODAY:
        return dt.date.fromisoformat(settings.SAMENSPEL_TODAY)
    return timezone.localdate()


def year_in_range(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def date_in_range(date: dt.date) -> bool:
    return year_in_range(date.year)


def year_or_404(year: int) -> int:
    """A year from the URL path (`/planning/<year>/`): outside the range the page does not
    exist, so 404 rather than a page for a year nobody can mean."""
    if not year_in_range(year):
        raise Http404(
            _("Kies een jaar van %(first)s tot en met %(last)s.")
            % {"first": FIRST_YEAR, "last": LAST_YEAR}
        )
    return year


def year_from(value: str | None, *, default: int | None = None) -> int:
    """A year from a query parameter (`?jaar=`): unparsable or out of range gives `default`
    (this year), as a missing one does; the page says which year it shows."""
    try:
        year = int(value or "")
    except ValueError:
        year = 0  # out of range: the default
    if year_in_range(year):
        return year
    return default if default is not None else today().year


def date_from(value: str | None, *, default: dt.date | None = None) -> dt.date:
    """A date from a query parameter (`?datum=`): unparsable or out of range gives `default`
    (today), as a missing one does; the page says which date it shows."""
    try:
        date = dt.date.fromisoformat(value or "")
    except ValueError:
        date = dt.date.min  # out of range: the default
    if date_in_range(date):
        return date
    return default if default is not None else today()


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    """The first and the last day of quarter 1-4 of `year`."""
    next_quarter = dt.date(year + (quarter == 4), 3 * quarter % 12 + 1, 1)
    return dt.date(year, 3 * quarter - 2, 1), next_quarter - dt.timedelta(days=1)
