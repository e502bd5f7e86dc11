"""No Django '---------' in a select: every form says what its empty choice means, in
Dutch (`web.forms.ChoiceLabels`). The walk opens every page of the permission matrix the
bureau may read (documents and feeds left out) and looks for the dashes."""

import pytest
from django import forms
from django.urls import reverse

from samenspel.web.forms import DJANGO_EMPTY_LABEL, ChoiceLabels
from samenspel.web.tests.matrix import MATRIX
from samenspel.web.tests.matrix_objects import matrix_arguments

# Downloads rather than pages: nothing to choose in them, and slow to make.
NOT_PAGES = ("pdf", "zip", "docx", "document", "feed", "ical", "download", "export")


def _pages_the_bureau_reads() -> list[str]:
    return sorted(
        name
        for name, (get, _post) in MATRIX.items()
        if get.split()[-1] == "200"
        and not name.startswith("admin")
        and not any(word in name for word in NOT_PAGES)
    )


def test_no_page_shows_djangos_empty_choice(client, vdg_demo_data, settings):
    from samenspel.accounts.models import User

    settings.SAMENSPEL_TODAY = "2024-06-15"
    client.force_login(User.objects.get(username="bureau"))
    arguments = matrix_arguments(vdg_demo_data)
    with_selects, dashes = 0, []
    for name in _pages_the_bureau_reads():
        response = client.get(reverse(name, kwargs=arguments.get(name, {})))
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        html = response.content.decode()
        with_selects += "<select" in html
        if DJANGO_EMPTY_LABEL in html:
            dashes.append(name)
    assert dashes == []
    assert with_selects >= 15  # the walk did meet the forms


class _Form(ChoiceLabels, forms.Form):
    empty_labels = {"filter": "Alle portefeuilles"}

    portfolio = forms.ModelChoiceField(label="Portefeuille", queryset=None)
    lead = forms.ModelChoiceField(label="Trekker", queryset=None, required=False)
    filter = forms.ModelChoiceField(label="Portefeuille", queryset=None, required=False)
    verdict = forms.ChoiceField(label="PHO-besluit", choices=[("", DJANGO_EMPTY_LABEL), ("a", "A")])
    later = forms.ModelChoiceField(label="Lid", queryset=None, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from samenspel.organisations.models import Portfolio

        for field in ("portfolio", "lead", "filter", "later"):
            self.fields[field].queryset = Portfolio.objects.none()
        self.fields["later"].required = True  # after the mixin's own __init__


@pytest.mark.django_db
def test_the_empty_choice_says_what_it_means():
    form = _Form()
    html = str(form)
    assert DJANGO_EMPTY_LABEL not in html
    assert "— kies een portefeuille —" in str(form["portfolio"])
    assert "— geen —" in str(form["lead"])
    assert "Alle portefeuilles" in str(form["filter"])
    assert "— kies een PHO-besluit —" in str(form["verdict"])
    assert "— kies een lid —" in str(form["later"])
