from django.http import HttpRequest

from samenspel.organisations.associations import other_associations


def association_switcher(request: HttpRequest) -> dict:
    """The header's links to the other associations the user has a role in."""
    return {"other_associations": other_associations(request)}
